/**
 * Running a batch: the plan's jobs (or one shard's) go to a pool of worker threads; each
 * finished job is saved at once (results.ts), so SIGINT/SIGTERM — or kill -9 — loses at most the
 * jobs in flight, and `--resume` finishes the rest. When every job of the batch is done the
 * output files are assembled in run order (assemble.ts). See docs/batch.md.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { writeFileAtomic } from '../output/files.ts';
import { manifestBase, timestamp } from '../output/manifest.ts';
import { displayPath } from '../scenario/load.ts';
import { InternalError, ScenarioError } from '../scenario/errors.ts';
import type { ModelCatalog } from '../scenario/validate.ts';
import { assembleOutputs, type Assembled } from './assemble.ts';
import type { ExperimentOverrides, LoadedExperiment } from './experiment.ts';
import { buildPlan, runOverrides, shardJobs, type Job, type Plan } from './plan.ts';
import { finishedJobs, saveJob, type JobResult } from './results.ts';
import type { JobTask, WorkerSetup } from './worker.ts';
import { workerFile } from './worker-file.ts';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export interface BatchOptions {
  readonly loaded: LoadedExperiment;
  readonly overrides: ExperimentOverrides;
  /** The models, and the module worker threads load them from. */
  readonly catalog: ModelCatalog;
  readonly out: string;
  readonly workers: number;
  readonly shard: Shard | null;
  readonly resume: boolean;
  readonly command: readonly string[];
  /** Called with (done, total) as jobs finish. */
  readonly progress?: (runsDone: number, runsTotal: number) => void;
  /** Becomes true when the batch should stop after the jobs in flight (SIGINT, SIGTERM). */
  readonly stopRequested?: () => boolean;
}

export interface BatchOutcome {
  readonly plan: Plan;
  /** Set when the whole batch is done and its files were written. */
  readonly assembled: Assembled | null;
  readonly jobsDone: number;
  readonly jobsTotal: number;
  readonly interrupted: boolean;
}

/** What makes a results folder belong to one batch; written first, checked on resume and merge. */
export interface BatchRecord {
  readonly experiment: string;
  /** The experiment file (absolute) and command-line overrides, so `merge` can rebuild the plan. */
  readonly file: string;
  readonly overrides: ExperimentOverrides;
  readonly planHash: string;
  readonly shard: Shard | null;
}

export { defaultWorkers } from './pool-size.ts';

/**
 * Shard from `--shard i/n`, else Slurm array variables, else a Kubernetes Indexed Job's
 * JOB_COMPLETION_INDEX with SAHEL_SIM_SHARD_COUNT; null when none is set.
 * @throws ScenarioError when the values are not a valid shard
 */
export function resolveShard(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Shard | null {
  let index: number;
  let count: number;
  let source: string;
  if (flag !== undefined) {
    const match = /^(\d+)\/(\d+)$/.exec(flag);
    index = match ? Number(match[1]) : Number.NaN;
    count = match ? Number(match[2]) : Number.NaN;
    source = `--shard ${flag}`;
  } else if (env['SLURM_ARRAY_TASK_ID'] !== undefined && env['SLURM_ARRAY_TASK_COUNT'] !== undefined) {
    index = Number(env['SLURM_ARRAY_TASK_ID']) - Number(env['SLURM_ARRAY_TASK_MIN'] ?? 0) + 1;
    count = Number(env['SLURM_ARRAY_TASK_COUNT']);
    source = 'SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT';
  } else if (env['JOB_COMPLETION_INDEX'] !== undefined) {
    index = Number(env['JOB_COMPLETION_INDEX']) + 1;
    count = Number(env['SAHEL_SIM_SHARD_COUNT']);
    source = 'JOB_COMPLETION_INDEX/SAHEL_SIM_SHARD_COUNT';
  } else {
    return null;
  }
  if (!Number.isInteger(index) || !Number.isInteger(count) || count < 1 || index < 1 || index > count) {
    throw new ScenarioError([{ source, path: '', expected: '', found: '', message: `expected a shard i/n with 1 ≤ i ≤ n, found ${index}/${count}` }]);
  }
  return { index, count };
}

function recordPath(folder: string): string {
  return join(folder, 'batch.json');
}

export function readBatchRecord(folder: string): BatchRecord | null {
  const path = recordPath(folder);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as BatchRecord) : null;
}

/** The task a worker gets for a job. */
export function taskFor(plan: Plan, loaded: LoadedExperiment, job: Job): JobTask {
  const scenarios = plan.scenarios[job.point];
  return {
    job: job.index,
    seed: job.seed,
    baseline: scenarios[0],
    baselineRunId: job.runs.find((run) => run.strategy === 0)?.runId ?? null,
    runs: job.runs.filter((run) => run.strategy !== 0).map((run) => ({ runId: run.runId, scenario: scenarios[run.strategy], branchRound: run.branchRound })),
    series: loaded.experiment.outputs.series,
  };
}

/** The command that re-runs one run of the batch alone. */
export function rerunCommand(plan: Plan, loaded: LoadedExperiment, runId: number): string {
  const run = plan.runs[runId - 1];
  const overrides = runOverrides(loaded, plan.points[run.point]);
  const quote = (text: string): string => (/^[\w./=:+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);
  const parts = ['sahel-sim', 'run', displayPath(loaded.base)];
  for (const overlay of plan.strategies[run.strategy].overlays) parts.push('--overlay', displayPath(overlay));
  for (const assignment of overrides.set) parts.push('--set', assignment);
  if (overrides.rounds !== undefined) parts.push('--rounds', String(overrides.rounds));
  parts.push('--seed', String(run.seed));
  return parts.map(quote).join(' ');
}

/**
 * Runs (the remaining jobs of) a batch and, when it is complete, writes its files.
 * @throws ScenarioError for problems in the experiment or a scenario, or a folder that belongs to another batch
 */
export async function runBatch(options: BatchOptions): Promise<BatchOutcome> {
  // Workers start loading (a few seconds each) while the plan is built and checked.
  const workerData: WorkerSetup = { registryModule: options.catalog.module };
  const pool = new Piscina({ filename: workerFile(), workerData, minThreads: options.workers, maxThreads: options.workers, idleTimeout: 1000 });
  try {
    return await runWithPool(options, pool);
  } finally {
    await pool.destroy();
  }
}

async function runWithPool(options: BatchOptions, pool: Piscina): Promise<BatchOutcome> {
  const { loaded, out } = options;
  const started = timestamp();
  const plan = buildPlan(loaded, options.catalog.models);
  const record: BatchRecord = { experiment: loaded.experiment.id, file: loaded.file, overrides: options.overrides, planHash: plan.hash, shard: options.shard };
  const existing = readBatchRecord(out);
  if (options.resume) {
    if (!existing) {
      throw new ScenarioError([{ source: '--resume', path: '', expected: '', found: '', message: `${displayPath(out)} holds no batch to resume (no batch.json)` }]);
    }
    if (existing.planHash !== plan.hash || JSON.stringify(existing.shard) !== JSON.stringify(options.shard)) {
      throw new ScenarioError([
        { source: '--resume', path: '', expected: '', found: '', message: `${displayPath(out)} holds a different batch (other experiment, settings or shard); resume it with the same command` },
      ]);
    }
  } else if (existing) {
    throw new ScenarioError([
      { source: '--out', path: '', expected: '', found: '', message: `${displayPath(out)} already holds a batch; add --resume to finish it, or choose another --out` },
    ]);
  }
  mkdirSync(out, { recursive: true });
  if (!existing) writeFileAtomic(recordPath(out), `${JSON.stringify(record, null, 2)}\n`);

  const mine = shardJobs(plan, options.shard);
  const done = finishedJobs(out);
  const todo = mine.filter((job) => !done.has(job.index));
  const runsTotal = mine.reduce((sum, job) => sum + job.runs.length, 0);
  let runsDone = mine.filter((job) => done.has(job.index)).reduce((sum, job) => sum + job.runs.length, 0);
  let jobsDone = mine.length - todo.length;
  options.progress?.(runsDone, runsTotal);

  // At most two jobs per worker in flight: bounded memory, and a stop takes effect quickly.
  // A run's own error is a failure recorded in its job; a job that rejects is a bug of ours (a
  // worker that cannot load, a file that cannot be saved): the first one stops the batch after
  // the jobs in flight, whose results are still saved, so the folder can be resumed.
  const inFlight = new Set<Promise<void>>();
  const broken: { job: number; error: unknown }[] = [];
  for (const job of todo) {
    if (broken.length > 0 || options.stopRequested?.()) break;
    const running: Promise<void> = pool
      .run(taskFor(plan, loaded, job))
      .then((result: JobResult) => {
        saveJob(out, result);
        jobsDone++;
        runsDone += job.runs.length;
        options.progress?.(runsDone, runsTotal);
      })
      .catch((error: unknown) => {
        broken.push({ job: job.index, error });
      })
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
    if (inFlight.size >= 2 * options.workers) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (broken.length > 0) {
    const { job, error } = broken[0];
    throw new InternalError(
      `job ${job} of the batch failed in its worker (${error instanceof Error ? error.message : String(error)}); ${jobsDone} of ${mine.length} jobs are saved in ${displayPath(out)}, and --resume with the same --out finishes the rest`,
      { cause: error },
    );
  }

  const complete = jobsDone === mine.length;
  if (!complete || options.shard) {
    return { plan, assembled: null, jobsDone, jobsTotal: mine.length, interrupted: !complete };
  }
  const assembled = writeBatchOutputs(plan, loaded, () => out, out, options.command, started);
  return { plan, assembled, jobsDone, jobsTotal: mine.length, interrupted: false };
}

/** Writes the CSV files and the manifest of a complete batch. */
export function writeBatchOutputs(
  plan: Plan,
  loaded: LoadedExperiment,
  jobFolder: (job: number) => string,
  out: string,
  command: readonly string[],
  started: string,
): Assembled {
  const assembled = assembleOutputs(plan, jobFolder, out, (runId) => rerunCommand(plan, loaded, runId));
  const manifest = {
    ...manifestBase(command, started),
    finished: timestamp(),
    experiment: {
      file: displayPath(loaded.file),
      hash: loaded.hash,
      planHash: plan.hash,
      resolved: loaded.experiment,
      base: displayPath(loaded.base),
      strategies: plan.strategies.map((strategy) => ({ name: strategy.name, overlays: strategy.overlays.map(displayPath) })),
      commonRandomNumbers: plan.commonRandomNumbers,
    },
    model: plan.modelId,
    scenario: plan.scenarioId,
    points: plan.points.map((point) => point.values),
    runs: plan.runs.map((run) => ({ runId: run.runId, strategy: plan.strategies[run.strategy].name, replicate: run.replicate + 1, seed: run.seed, point: run.point })),
    failures: assembled.failures.length,
    outputs: assembled.files,
    columns: plan.columns,
  };
  writeFileAtomic(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return assembled;
}
