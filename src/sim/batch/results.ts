/**
 * What a worker sends back for a job, and how finished jobs are kept on disk: one file per job
 * (`runs/job-<index>.bin`, node:v8 serialisation, typed arrays intact), written atomically, so
 * an interrupted batch — even by kill -9 — keeps every finished job and no half-written one.
 * The final CSV files are assembled from these in run order (assemble.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from '../output/files.ts';

export interface RunRecord {
  readonly runId: number;
  /** The run's summary values, in `summaryNames` order; absent when the run failed. */
  readonly summary?: Float64Array;
  /** Kept series: rows 0..R × `seriesNames`, row-major; absent when none is kept or the run failed. */
  readonly series?: Float64Array;
  /** Why the run failed. */
  readonly error?: string;
}

export interface JobResult {
  readonly job: number;
  readonly summaryNames: readonly string[];
  readonly seriesNames: readonly string[];
  /** ISO dates of rounds 0..R, or null without a calendar. */
  readonly dates: readonly string[] | null;
  readonly runs: readonly RunRecord[];
}

/** Format version of job files; a resumed or merged batch refuses other versions. */
export const JOB_FILE_VERSION = 1;

function jobFile(folder: string, job: number): string {
  return join(folder, 'runs', `job-${String(job).padStart(6, '0')}.bin`);
}

export function saveJob(folder: string, result: JobResult): void {
  mkdirSync(join(folder, 'runs'), { recursive: true });
  writeFileAtomic(jobFile(folder, result.job), serialize({ version: JOB_FILE_VERSION, result }));
}

export function loadJob(folder: string, job: number): JobResult {
  const stored = deserialize(readFileSync(jobFile(folder, job))) as { version: number; result: JobResult };
  if (stored.version !== JOB_FILE_VERSION) throw new Error(`${jobFile(folder, job)} has format ${stored.version}, expected ${JOB_FILE_VERSION}`);
  return stored.result;
}

/** Indices of the jobs already finished in a results folder. */
export function finishedJobs(folder: string): Set<number> {
  const runs = join(folder, 'runs');
  if (!existsSync(runs)) return new Set();
  return new Set(
    readdirSync(runs)
      .map((name) => /^job-(\d+)\.bin$/.exec(name)?.[1])
      .filter((index): index is string => index !== undefined)
      .map(Number),
  );
}
