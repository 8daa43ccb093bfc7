/**
 * The files of a single run: series.csv (one row per round), summary.csv (one row) and
 * manifest.json, written in that order, each atomically; the manifest last, so its presence
 * means the folder is complete.
 */
import { join } from 'node:path';
import type { RunResult } from '../schedule.ts';
import { castNumber, csvHeader, csvRows, toCsv, type Cell } from './csv.ts';
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

/**
 * groups.csv: the breakdowns in long format, one row per round × grouping × group × measure.
 * Hundreds of thousands of rows share a few prefixes, so each prefix is quoted once (by
 * csv-stringify, as every other file) and the rows are joined from them and the numbers: the
 * same bytes as stringifying every row, several times faster.
 */
export function groupsCsv(result: RunResult, identity: RunIdentity, dates: readonly string[] | null): string {
  const columns = ['scenario', 'seed', 'round', ...(dates ? ['date'] : []), 'by', 'group', 'measure', 'value'];
  const line = (cells: Cell[]): string => csvRows([cells]).slice(0, -1);
  const keys = result.breakdowns.map(({ definition }) => definition.groups.flatMap((group) => definition.measures.map((measure) => `${line([definition.by, group, measure.name])},`)));
  const rounds = [csvHeader(columns)];
  for (let r = 0; r < result.series.rows; r++) {
    const round = `${line([identity.scenario, identity.seed, r, ...(dates ? [dates[r]] : [])])},`;
    let text = '';
    result.breakdowns.forEach(({ definition, values }, k) => {
      const width = definition.groups.length * definition.measures.length;
      for (let cell = 0; cell < width; cell++) text += `${round}${keys[k][cell]}${castNumber(values[r * width + cell])}\n`;
    });
    rounds.push(text);
  }
  return rounds.join('');
}

export function summaryCsv(result: RunResult, identity: RunIdentity): string {
  const columns = ['scenario', 'seed', 'rounds', ...result.summaryNames];
  return toCsv(columns, [[identity.scenario, identity.seed, result.series.rows - 1, ...result.summary]]);
}

/** The CSV files a run writes: series and summary always, groups when the model has breakdowns. */
export function runFileNames(result: RunResult): string[] {
  return ['series.csv', 'summary.csv', ...(result.breakdowns.length > 0 ? ['groups.csv'] : [])];
}

/** Writes a run's files into `folder` (manifest.json last); returns their paths. */
export function writeRunFiles(
  folder: string,
  result: RunResult,
  identity: RunIdentity,
  dates: readonly string[] | null,
  manifest: (outputs: readonly string[]) => object,
): string[] {
  const names = runFileNames(result);
  const content: Record<string, () => string> = {
    'series.csv': () => seriesCsv(result, identity, dates),
    'summary.csv': () => summaryCsv(result, identity),
    'groups.csv': () => groupsCsv(result, identity, dates),
  };
  for (const name of names) writeFileAtomic(join(folder, name), content[name]());
  writeFileAtomic(join(folder, 'manifest.json'), `${JSON.stringify(manifest(names), null, 2)}\n`);
  return [...names, 'manifest.json'].map((name) => join(folder, name));
}
