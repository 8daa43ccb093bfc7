/**
 * Assembles a batch's files from its finished jobs, in run order: runs.csv, series.csv,
 * failures.csv, summary.csv and comparison.csv. Everything is computed from the job files, so
 * the output is the same bytes whatever the number of workers, the order jobs finished in,
 * whether the batch was interrupted and resumed, or ran in shards that were merged.
 * Memory: the jobs of one sweep point at a time, plus one number per run and outcome.
 */
import { join } from 'node:path';
import { csvHeader, csvRows, type Cell } from '../output/csv.ts';
import { AtomicFileWriter } from '../output/files.ts';
import { loadJob, type JobResult } from './results.ts';
import type { Plan } from './plan.ts';
import { describe, pairedDifference, welchDifference } from './stats.ts';

/** snake_case column name of a scenario path: `recruitment.contact` → `recruitment_contact`. */
export function pathColumn(path: string): string {
  return path
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^a-zA-Z0-9]+/g, '_')
    .toLowerCase();
}

export interface Assembled {
  readonly files: readonly string[];
  readonly summaryNames: readonly string[];
  /** values[point][strategy][outcome][replicate]; NaN where the run failed. */
  readonly values: readonly (readonly (readonly Float64Array[])[])[];
  readonly failures: readonly { readonly runId: number; readonly error: string }[];
}

/**
 * Writes the batch's CSV files into `out` from the job files found by `jobFolder(job)`.
 * @throws Error when a job of the plan has no file (the batch is incomplete)
 */
export function assembleOutputs(plan: Plan, jobFolder: (job: number) => string, out: string, rerun: (runId: number) => string): Assembled {
  const sweepNames = Object.keys(plan.points[0]?.values ?? {});
  const sweepColumns = sweepNames.map(pathColumn);
  const replicates = Math.max(...plan.runs.map((run) => run.replicate)) + 1;
  const strategyNames = plan.strategies.map((strategy) => strategy.name);

  // Names and dates come from the first job with a successful run: every run has the same ones.
  let reference: JobResult | null = null;
  for (const job of plan.jobs) {
    reference = loadJob(jobFolder(job.index), job.index);
    if (reference.summaryNames.length > 0) break;
  }
  const { summaryNames, seriesNames, dates } = reference ?? { summaryNames: [], seriesNames: [], dates: null };

  const runsFile = new AtomicFileWriter(join(out, 'runs.csv'));
  const seriesFile = seriesNames.length > 0 ? new AtomicFileWriter(join(out, 'series.csv')) : null;
  const failuresFile = new AtomicFileWriter(join(out, 'failures.csv'));
  const identity = ['run_id', 'strategy', 'replicate', 'seed', ...sweepColumns];
  runsFile.write(csvHeader([...identity, ...summaryNames]));
  seriesFile?.write(csvHeader([...identity, 'round', ...(dates ? ['date'] : []), ...seriesNames]));
  failuresFile.write(csvHeader([...identity, 'error', 'rerun']));

  const values = plan.points.map(() => plan.strategies.map(() => summaryNames.map(() => new Float64Array(replicates).fill(Number.NaN))));
  const failures: { runId: number; error: string }[] = [];
  for (const point of plan.points) {
    const runs = plan.runs.filter((run) => run.point === point.index);
    const jobs = new Map<number, JobResult>();
    for (const run of runs) if (!jobs.has(run.job)) jobs.set(run.job, loadJob(jobFolder(run.job), run.job));
    const sweepCells = sweepNames.map((name) => point.values[name] as Cell);
    for (const run of runs) {
      const record = jobs.get(run.job)?.runs.find((candidate) => candidate.runId === run.runId);
      if (!record) throw new Error(`job ${run.job} has no result for run ${run.runId}`);
      const ids: Cell[] = [run.runId, strategyNames[run.strategy], run.replicate + 1, run.seed, ...sweepCells];
      if (!record.summary) {
        const error = record.error ?? 'unknown error';
        failures.push({ runId: run.runId, error });
        failuresFile.write(csvRows([[...ids, error, rerun(run.runId)]]));
        continue;
      }
      runsFile.write(csvRows([[...ids, ...record.summary]]));
      record.summary.forEach((value, k) => (values[point.index][run.strategy][k][run.replicate] = value));
      if (seriesFile && record.series) {
        const width = seriesNames.length;
        const rows: Cell[][] = [];
        for (let r = 0; r < record.series.length / width; r++) {
          rows.push([...ids, r, ...(dates ? [dates[r]] : []), ...record.series.subarray(r * width, (r + 1) * width)]);
        }
        seriesFile.write(csvRows(rows));
      }
    }
  }
  runsFile.commit();
  seriesFile?.commit();
  failuresFile.commit();

  const summaryFile = new AtomicFileWriter(join(out, 'summary.csv'));
  summaryFile.write(csvHeader(['strategy', ...sweepColumns, 'outcome', 'n', 'mean', 'sd', 'median', 'p5', 'p95', 'ci_low', 'ci_high']));
  const comparisonFile = new AtomicFileWriter(join(out, 'comparison.csv'));
  comparisonFile.write(
    csvHeader(['strategy', ...sweepColumns, 'outcome', 'n', 'baseline_mean', 'strategy_mean', 'difference', 'ci_low', 'ci_high', 'relative_change', 'excludes_zero', 'method']),
  );
  const finite = (array: Float64Array): number[] => Array.from(array).filter(Number.isFinite);
  for (const point of plan.points) {
    const sweepCells = sweepNames.map((name) => point.values[name] as Cell);
    plan.strategies.forEach((strategy, s) => {
      const rows: Cell[][] = [];
      const comparisons: Cell[][] = [];
      summaryNames.forEach((outcome, k) => {
        const own = values[point.index][s][k];
        const d = describe(finite(own));
        rows.push([strategy.name, ...sweepCells, outcome, d.n, d.mean, d.sd, d.median, d.p5, d.p95, d.ciLow, d.ciHigh]);
        if (s === 0) return;
        const base = values[point.index][0][k];
        const difference = plan.commonRandomNumbers ? pairedDifference(Array.from(own), Array.from(base)) : welchDifference(Array.from(own), Array.from(base));
        const baseMean = describe(finite(base)).mean;
        const excludesZero = Number.isFinite(difference.ciLow) ? difference.ciLow > 0 || difference.ciHigh < 0 : null;
        comparisons.push([
          strategy.name,
          ...sweepCells,
          outcome,
          difference.n,
          baseMean,
          d.mean,
          difference.difference,
          difference.ciLow,
          difference.ciHigh,
          baseMean !== 0 ? difference.difference / Math.abs(baseMean) : Number.NaN,
          excludesZero,
          difference.method,
        ]);
      });
      summaryFile.write(csvRows(rows));
      comparisonFile.write(csvRows(comparisons));
    });
  }
  summaryFile.commit();
  comparisonFile.commit();
  const files = ['runs.csv', ...(seriesFile ? ['series.csv'] : []), 'summary.csv', 'comparison.csv', 'failures.csv'];
  return { files, summaryNames, values, failures };
}
