/**
 * What `sahel-sim batch EXPERIMENT` and `sahel-sim merge DIR…` do (batch-command.ts declares
 * them): strategy comparisons in worker threads, with progress, clean interruption, resume
 * and cluster sharding (docs/batch.md).
 */
import { join, resolve } from 'node:path';
import { CATALOG, MODELS } from '../../agents/registry.ts';
import type { Assembled } from '../../sim/batch/assemble.ts';
import { loadExperiment, type ExperimentOverrides, type LoadedExperiment } from '../../sim/batch/experiment.ts';
import { buildPlan, type Plan } from '../../sim/batch/plan.ts';
import { finishedJobs } from '../../sim/batch/results.ts';
import { defaultWorkers, readBatchRecord, rerunCommand, resolveShard, runBatch, writeBatchOutputs, type BatchOutcome } from '../../sim/batch/run-batch.ts';
import { folderTimestamp, timestamp } from '../../sim/output/manifest.ts';
import { ScenarioError } from '../../sim/scenario/errors.ts';
import { displayPath } from '../../sim/scenario/load.ts';
import { modelReportOptions, writeReport } from '../../sim/report/index.ts';
import { headlineTable } from './batch-table.ts';
import { progressReporter, stopOnSignal } from './progress.ts';

export interface BatchFlags {
  workers?: number;
  replicates?: number;
  rounds?: number;
  set?: string[];
  out?: string;
  shard?: string;
  resume?: boolean;
  quiet?: boolean;
  report?: boolean;
}

/** Runs (or resumes, or one shard of) the batch; returns the exit code. */
export async function batch(file: string, flags: BatchFlags, argv: readonly string[]): Promise<number> {
  const overrides: ExperimentOverrides = {
    ...(flags.replicates === undefined ? {} : { replicates: flags.replicates }),
    ...(flags.rounds === undefined ? {} : { rounds: flags.rounds }),
    ...(flags.set ? { set: flags.set } : {}),
  };
  const loaded = loadExperiment(file, overrides);
  const shard = resolveShard(flags.shard);
  const out = flags.out ?? join('results', `${loaded.experiment.id}-${folderTimestamp()}`);
  const workers = flags.workers ?? defaultWorkers();
  const stop = stopOnSignal();
  const progress = progressReporter(flags.quiet === true);
  let outcome: BatchOutcome;
  try {
    if (!flags.quiet) {
      process.stderr.write(`${loaded.experiment.id}: ${workers} worker${workers === 1 ? '' : 's'}${shard ? `, shard ${shard.index}/${shard.count}` : ''} → ${displayPath(resolve(out))}\n`);
    }
    outcome = await runBatch({
      loaded,
      overrides,
      catalog: CATALOG,
      out,
      workers,
      shard,
      resume: flags.resume === true,
      command: ['sahel-sim', ...argv],
      progress: progress.update,
      stopRequested: stop.requested,
    });
  } finally {
    progress.stop();
    stop.release();
  }
  const again = ['sahel-sim', 'batch', displayPath(resolve(file)), ...argv.slice(2).filter((arg) => arg !== '--resume'), ...(flags.out ? [] : ['--out', out]), '--resume'];
  if (outcome.interrupted) {
    console.error(`interrupted: ${outcome.jobsDone} of ${outcome.jobsTotal} jobs done and saved. Finish with:\n  ${again.join(' ')}`);
    return 130;
  }
  if (!outcome.assembled) {
    console.log(`shard ${shard?.index}/${shard?.count} done (${outcome.jobsDone} jobs) in ${displayPath(resolve(out))}; combine the shards with sahel-sim merge`);
    return 0;
  }
  const { assembled, plan } = outcome;
  console.log(headlineOf(plan, loaded, assembled));
  console.log(`wrote ${assembled.files.map((name) => displayPath(resolve(out, name))).join(', ')}, manifest.json`);
  if (flags.report) {
    const report = await writeReport(out, modelReportOptions(MODELS.get(plan.modelId)));
    console.log(`wrote ${displayPath(resolve(report.file))} (${report.charts.length} charts)`);
  }
  if (assembled.failures.length > 0) {
    const example = rerunCommand(plan, loaded, assembled.failures[0].runId);
    console.error(
      `${assembled.failures.length} run${assembled.failures.length === 1 ? '' : 's'} failed (listed in failures.csv with their errors). Re-run one alone, e.g. run ${assembled.failures[0].runId}:\n  ${example}`,
    );
    return 1;
  }
  return 0;
}

/** The closing table of the headline outcomes: the experiment's, else the model's. */
function headlineOf(plan: Plan, loaded: LoadedExperiment, assembled: Assembled): string {
  const named = loaded.experiment.outputs.headline;
  return headlineTable(plan, assembled, named.length > 0 ? named : (MODELS.get(plan.modelId)?.headline ?? []));
}

/** Combines the shard folders into the whole batch's files; returns the exit code. */
export function merge(dirs: string[], options: { out?: string }, argv: readonly string[]): number {
  const records = dirs.map((dir) => ({ dir, record: readBatchRecord(dir) }));
  const missing = records.find((entry) => !entry.record);
  if (missing) throw new ScenarioError([{ source: missing.dir, path: '', expected: '', found: '', message: 'not a batch folder (no batch.json)' }]);
  const first = records[0].record!;
  const other = records.find((entry) => entry.record!.planHash !== first.planHash);
  if (other) {
    throw new ScenarioError([
      { source: other.dir, path: '', expected: '', found: '', message: `belongs to another batch than ${dirs[0]} (different experiment, settings or scenarios); refusing to merge` },
    ]);
  }
  const loaded = loadExperiment(first.file, first.overrides);
  const plan = buildPlan(loaded, MODELS);
  if (plan.hash !== first.planHash) {
    throw new ScenarioError([
      { source: displayPath(first.file), path: '', expected: '', found: '', message: 'the experiment or its scenarios changed since the shards ran; refusing to merge' },
    ]);
  }
  const where = new Map<number, string>();
  for (const { dir } of records) for (const job of finishedJobs(dir)) if (!where.has(job)) where.set(job, dir);
  const absent = plan.jobs.filter((job) => !where.has(job.index));
  if (absent.length > 0) {
    throw new ScenarioError([
      { source: dirs.join(' '), path: '', expected: '', found: '', message: `${absent.length} of ${plan.jobs.length} jobs are in none of these folders (first: job ${absent[0].index}); run or resume the missing shards first` },
    ]);
  }
  const out = options.out ?? join('results', `${loaded.experiment.id}-${folderTimestamp()}`);
  const assembled = writeBatchOutputs(plan, loaded, (job) => where.get(job)!, out, ['sahel-sim', ...argv], timestamp());
  console.log(headlineOf(plan, loaded, assembled));
  console.log(`merged ${dirs.length} folders into ${displayPath(resolve(out))}`);
  return assembled.failures.length > 0 ? 1 : 0;
}
