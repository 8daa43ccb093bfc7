/**
 * Reads a batch's series.csv back into per-run arrays, for comparing runs with observations.
 */
import { join } from 'node:path';
import { cellNumber, readCsvRecords } from '../output/csv.ts';

export interface RunSeries {
  readonly runId: number;
  readonly strategy: string;
  /** Dates of rounds 0..R. */
  readonly dates: string[];
  readonly values: Map<string, Float64Array>;
}

/**
 * The runs of one strategy in RESULTS_DIR/series.csv (a batch folder), with every metric column.
 * @throws Error when the file is missing or has no date column (scenarios without a calendar)
 */
export function readBatchSeries(folder: string, strategy = 'baseline'): RunSeries[] {
  const rows = readCsvRecords(join(folder, 'series.csv'));
  if (rows.length === 0) return [];
  const header = Object.keys(rows[0]);
  if (!header.includes('date')) throw new Error(`${join(folder, 'series.csv')} has no date column: the scenario has no calendar`);
  const metrics = header.slice(header.indexOf('date') + 1);
  const byRun = new Map<number, Record<string, string>[]>();
  for (const row of rows) {
    if (row['strategy'] !== strategy) continue;
    const runId = Number(row['run_id']);
    let list = byRun.get(runId);
    if (!list) byRun.set(runId, (list = []));
    list.push(row);
  }
  return [...byRun].map(([runId, list]) => {
    list.sort((a, b) => Number(a['round']) - Number(b['round']));
    return {
      runId,
      strategy,
      dates: list.map((row) => row['date'] ?? ''),
      values: new Map(metrics.map((metric) => [metric, Float64Array.from(list, (row) => cellNumber(row[metric]))])),
    };
  });
}
