/**
 * The files of a single run: series.csv (one row per round), summary.csv (one row) and
 * manifest.json, written in that order, each atomically; the manifest last, so its presence
 * means the folder is complete.
 */
import { join } from 'node:path';
import type { RunResult } from '../schedule.ts';
import { toCsv, type Cell } from './csv.ts';
import { writeFileAtomic } from './files.ts';

/** What identifies a run in every row, so files from many runs concatenate into one table. */
export interface RunIdentity {
  readonly scenario: string;
  readonly seed: number;
}

export function seriesCsv(result: RunResult, identity: RunIdentity, dates: readonly string[] | null): string {
  const { series } = result;
  const columns = ['scenario', 'seed', 'round', ...(dates ? ['date'] : []), ...series.names];
  const rows: Cell[][] = [];
  for (let r = 0; r < series.rows; r++) {
    const row: Cell[] = [identity.scenario, identity.seed, r];
    if (dates) row.push(dates[r]);
    for (let m = 0; m < series.names.length; m++) row.push(series.get(r, m));
    rows.push(row);
  }
  return toCsv(columns, rows);
}

export function summaryCsv(result: RunResult, identity: RunIdentity): string {
  const columns = ['scenario', 'seed', 'rounds', ...result.summaryNames];
  return toCsv(columns, [[identity.scenario, identity.seed, result.series.rows - 1, ...result.summary]]);
}

/** Writes a run's files into `folder`; returns their paths. */
export function writeRunFiles(
  folder: string,
  result: RunResult,
  identity: RunIdentity,
  dates: readonly string[] | null,
  manifest: () => object,
): string[] {
  const files = [join(folder, 'series.csv'), join(folder, 'summary.csv'), join(folder, 'manifest.json')];
  writeFileAtomic(files[0], seriesCsv(result, identity, dates));
  writeFileAtomic(files[1], summaryCsv(result, identity));
  writeFileAtomic(files[2], `${JSON.stringify(manifest(), null, 2)}\n`);
  return files;
}
