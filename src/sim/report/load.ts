/**
 * Reading a batch's CSV files back for the report (docs/batch.md, Outputs): runs.csv and
 * series.csv streamed row by row into numeric columns (only the series columns a chart needs,
 * so a batch of thousands of runs is never held as text), comparison.csv, and yearly.csv when
 * another command has written it.
 */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { pathColumn } from '../batch/assemble.ts';
import { cellNumber, readCsvRecords } from '../output/csv.ts';
import type { BatchManifest } from './manifest.ts';

/**
 * Calls `onRow` with every record of a CSV file after its header, streaming.
 * @throws Error when the file cannot be read or is not CSV
 */
async function forEachRow(file: string, onHeader: (header: readonly string[]) => void, onRow: (row: readonly string[]) => void): Promise<void> {
  const parser = createReadStream(file).pipe(parse({ skip_empty_lines: true }));
  let header: string[] | null = null;
  for await (const record of parser as AsyncIterable<unknown>) {
    const row = record as string[];
    if (header === null) {
      header = row;
      onHeader(header);
    } else {
      onRow(row);
    }
  }
}

/** runs.csv: one entry per successful run, in run order. */
export interface RunsTable {
  readonly runIds: readonly number[];
  /** Every column after the identifying ones (run-level outcomes), one value per run. */
  readonly outcomes: ReadonlyMap<string, Float64Array>;
}

/** Columns of a batch file before the outcomes: the run's identity and its sweep values. */
export function identityColumns(manifest: BatchManifest): string[] {
  return ['run_id', 'strategy', 'replicate', 'seed', ...Object.keys(manifest.points[0] ?? {}).map(pathColumn)];
}

export async function readRuns(folder: string, manifest: BatchManifest): Promise<RunsTable> {
  const identity = new Set(identityColumns(manifest));
  let names: { name: string; index: number }[] = [];
  let runIndex = 0;
  const runIds: number[] = [];
  const values = new Map<string, number[]>();
  await forEachRow(
    join(folder, 'runs.csv'),
    (header) => {
      runIndex = header.indexOf('run_id');
      names = header.map((name, index) => ({ name, index })).filter(({ name }) => !identity.has(name));
      for (const { name } of names) values.set(name, []);
    },
    (row) => {
      runIds.push(cellNumber(row[runIndex]));
      for (const { name, index } of names) values.get(name)!.push(cellNumber(row[index]));
    },
  );
  return { runIds, outcomes: new Map([...values].map(([name, list]) => [name, Float64Array.from(list)])) };
}

/** series.csv for chosen metrics: per run (in file order), per round. */
export interface SeriesTable {
  /** Every column of series.csv after `round` and `date`: the metrics kept per round. */
  readonly metrics: readonly string[];
  readonly runIds: readonly number[];
  /** Number of rounds per run, round 0 included (R + 1). */
  readonly rounds: number;
  /** ISO date of the end of each round, when the scenario has a calendar. */
  readonly dates: readonly string[] | null;
  /** values.get(metric)[run][round]; NaN where missing. */
  readonly values: ReadonlyMap<string, readonly Float64Array[]>;
}

/**
 * Reads the metric columns of series.csv for which `wanted` is true; null when the batch kept
 * no series (`outputs.series: none`).
 */
export async function readSeries(folder: string, wanted: (metric: string) => boolean): Promise<SeriesTable | null> {
  const file = join(folder, 'series.csv');
  if (!existsSync(file)) return null;
  let metrics: string[] = [];
  let kept: { name: string; index: number }[] = [];
  let runColumn = 0;
  let roundColumn = 0;
  let dateColumn = -1;
  const runIds: number[] = [];
  const dates: string[] = [];
  const byRun = new Map<string, number[][]>();
  await forEachRow(
    file,
    (header) => {
      runColumn = header.indexOf('run_id');
      roundColumn = header.indexOf('round');
      dateColumn = header.indexOf('date');
      metrics = header.slice(Math.max(roundColumn, dateColumn) + 1);
      kept = header.map((name, index) => ({ name, index })).filter(({ name, index }) => index > Math.max(roundColumn, dateColumn) && wanted(name));
      for (const { name } of kept) byRun.set(name, []);
    },
    (row) => {
      const runId = cellNumber(row[runColumn]);
      const round = cellNumber(row[roundColumn]);
      if (runIds[runIds.length - 1] !== runId) {
        runIds.push(runId);
        for (const { name } of kept) byRun.get(name)!.push([]);
      }
      if (dateColumn >= 0 && runIds.length === 1) dates[round] = row[dateColumn];
      for (const { name, index } of kept) byRun.get(name)![runIds.length - 1][round] = cellNumber(row[index]);
    },
  );
  let rounds = dates.length;
  for (const runs of byRun.values()) for (const run of runs) rounds = Math.max(rounds, run.length);
  const values = new Map(
    [...byRun].map(([name, runs]) => [name, runs.map((run) => Float64Array.from({ length: rounds }, (_, r) => run[r] ?? Number.NaN))]),
  );
  return { metrics, runIds, rounds, dates: dateColumn >= 0 ? dates : null, values };
}

/** One row of comparison.csv: a strategy's difference from the baseline in one outcome. */
export interface ComparisonRow {
  readonly strategy: string;
  /** Index of the sweep point in the manifest. */
  readonly point: number;
  readonly outcome: string;
  readonly n: number;
  readonly baselineMean: number;
  readonly strategyMean: number;
  readonly difference: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly relativeChange: number;
  /** True when the 95% interval excludes 0; null when there is no interval. */
  readonly excludesZero: boolean | null;
}

/** comparison.csv; empty when the file is absent (a batch of the baseline alone writes it empty). */
export function readComparison(folder: string, manifest: BatchManifest): ComparisonRow[] {
  const file = join(folder, 'comparison.csv');
  if (!existsSync(file)) return [];
  const sweepNames = Object.keys(manifest.points[0] ?? {});
  const pointKeys = manifest.points.map((point) => sweepNames.map((name) => String(point[name])).join('\u0001'));
  return readCsvRecords(file).map((record) => ({
    strategy: record['strategy'] ?? '',
    point: Math.max(0, pointKeys.indexOf(sweepNames.map((name) => record[pathColumn(name)] ?? '').join('\u0001'))),
    outcome: record['outcome'] ?? '',
    n: cellNumber(record['n']),
    baselineMean: cellNumber(record['baseline_mean']),
    strategyMean: cellNumber(record['strategy_mean']),
    difference: cellNumber(record['difference']),
    ciLow: cellNumber(record['ci_low']),
    ciHigh: cellNumber(record['ci_high']),
    relativeChange: cellNumber(record['relative_change']),
    excludesZero: record['excludes_zero'] === 'true' ? true : record['excludes_zero'] === 'false' ? false : null,
  }));
}

/** One row of yearly.csv (written by `sahel-sim fit`): a simulated year's band and the observation. */
export interface YearlyRow {
  readonly series: string;
  readonly year: number;
  readonly simMedian: number;
  readonly simP5: number;
  readonly simP95: number;
  /** NaN where there is no observation for the year. */
  readonly observed: number;
}

/** yearly.csv, or null when the folder has none. */
export function readYearly(folder: string): YearlyRow[] | null {
  const file = join(folder, 'yearly.csv');
  if (!existsSync(file)) return null;
  return readCsvRecords(file).map((record) => ({
    series: record['series'] ?? '',
    year: cellNumber(record['year']),
    simMedian: cellNumber(record['sim_median']),
    simP5: cellNumber(record['sim_p5']),
    simP95: cellNumber(record['sim_p95']),
    observed: cellNumber(record['observed']),
  }));
}
