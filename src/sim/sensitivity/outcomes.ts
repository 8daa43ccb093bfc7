/**
 * Reads the outcomes of a finished design back from the batch's runs.csv: for each design point
 * and outcome, the mean over the point's successful replicates (NaN when none succeeded).
 * runs.csv, not the job files, is the source, so what is analysed is exactly what the batch
 * published.
 */
import { join } from 'node:path';
import type { Plan } from '../batch/plan.ts';
import { cellNumber, readCsvRecords } from '../output/csv.ts';
import { ScenarioError } from '../scenario/errors.ts';
import { suggestion } from '../scenario/schema-issues.ts';

/**
 * means[o][p]: the mean of outcome `outcomes[o]` over the replicates of design point p.
 * @throws ScenarioError when runs.csv has no column for an outcome (with the nearest column)
 */
export function pointMeans(folder: string, plan: Plan, outcomes: readonly string[]): Float64Array[] {
  const file = join(folder, 'runs.csv');
  const rows = readCsvRecords(file);
  const columns = rows.length > 0 ? Object.keys(rows[0]) : [];
  const missing = rows.length > 0 ? outcomes.filter((outcome) => !columns.includes(outcome)) : [];
  if (missing.length > 0) {
    throw new ScenarioError(
      missing.map((outcome) => {
        const hint = suggestion(outcome, columns);
        return { source: file, path: '', expected: '', found: '', message: `runs.csv has no outcome "${outcome}"`, ...(hint ? { hint } : {}) };
      }),
    );
  }
  const pointOfRun = new Map(plan.runs.map((run) => [run.runId, run.point]));
  const points = plan.points.length;
  const sums = outcomes.map(() => new Float64Array(points));
  const counts = outcomes.map(() => new Float64Array(points));
  for (const row of rows) {
    const point = pointOfRun.get(Number(row['run_id']));
    if (point === undefined) continue;
    outcomes.forEach((outcome, o) => {
      const value = cellNumber(row[outcome]);
      if (!Number.isFinite(value)) return;
      sums[o][point] += value;
      counts[o][point] += 1;
    });
  }
  return sums.map((sum, o) => sum.map((total, p) => (counts[o][p] > 0 ? total / counts[o][p] : Number.NaN)));
}
