/**
 * Worker side of a batch (runs in a worker thread): executes one job — a replicate of every
 * strategy at a sweep point, sharing the seed — and sends back compact results. The baseline
 * is the trunk: each strategy forks from the baseline's snapshot taken just before the first
 * round at which its parameters differ (`branchRound`), so the shared history is simulated once;
 * a fork continues exactly as a run from the start would (same parameters so far, same stream).
 *
 * The worker knows no model: the pool names the module of the model registry (`workerData`),
 * and each task carries the scenario documents the plan already resolved and validated, so a
 * worker neither reads scenario files nor can disagree with the plan about what they say.
 */
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import type { Document } from '../scenario/load.ts';
import { parseValidatedScenario, type ModelRegistry, type ParsedScenario } from '../scenario/validate.ts';
import { observationOf, Simulation, type Snapshot } from '../schedule.ts';
import type { JobResult, RunRecord } from './results.ts';

export interface JobTask {
  readonly job: number;
  readonly seed: number;
  /** The baseline's resolved scenario document at this job's sweep point (the trunk). */
  readonly baseline: Document;
  /** The baseline's run id when this job records the baseline's run. */
  readonly baselineRunId: number | null;
  /** Strategy runs, each branching off the baseline at `branchRound` (0: from the start). */
  readonly runs: readonly { readonly runId: number; readonly scenario: Document; readonly branchRound: number }[];
  /** Metrics kept per round: all, none, or these names (checked against the model by the plan). */
  readonly series: 'all' | 'none' | readonly string[];
}

/** What the pool passes to every worker thread. */
export interface WorkerSetup {
  /** URL of a module whose `MODELS` export is the batch's model registry. */
  readonly registryModule: string;
}

// Scenarios already parsed by this worker, by document text (a worker sees each scenario of its jobs many times).
const parsed = new Map<string, ParsedScenario>();

function scenarioOf(document: Document, models: ModelRegistry): ParsedScenario {
  const key = JSON.stringify(document);
  let scenario = parsed.get(key);
  if (!scenario) {
    scenario = parseValidatedScenario(document, models);
    parsed.set(key, scenario);
  }
  return scenario;
}

function keptColumns(names: readonly string[], series: JobTask['series']): number[] {
  if (series === 'none') return [];
  if (series === 'all') return names.map((_, k) => k);
  return series.map((name) => {
    const index = names.indexOf(name);
    if (index < 0) throw new Error(`outputs.series names unknown metric "${name}", which the plan should have rejected`);
    return index;
  });
}

/** Runs one job. Exported for the pool and for in-process use in tests. */
export function runJob(task: JobTask, models: ModelRegistry): JobResult {
  const base = scenarioOf(task.baseline, models);
  const observation = observationOf(base.model, base.params);
  const metricNames = observation.metrics.map((metric) => metric.name);
  const kept = keptColumns(metricNames, task.series);
  let summaryNames: readonly string[] = [];
  let dates: readonly string[] | null = null;
  const records: RunRecord[] = [];

  const finish = (runId: number, simulation: Simulation<typeof base.params, unknown>): void => {
    simulation.runUntil();
    const result = simulation.result();
    summaryNames = result.summaryNames;
    dates = simulation.clock.dates;
    let series: Float64Array | undefined;
    if (kept.length > 0) {
      series = new Float64Array(result.series.rows * kept.length);
      for (let r = 0; r < result.series.rows; r++) {
        for (let k = 0; k < kept.length; k++) series[r * kept.length + k] = result.series.get(r, kept[k]);
      }
    }
    records.push({ runId, summary: result.summary, ...(series ? { series } : {}) });
  };
  const failed = (runId: number, error: unknown): void => {
    records.push({ runId, error: error instanceof Error ? error.message : String(error) });
  };

  // The trunk (baseline) runs to each branch point in increasing order and is snapshotted there.
  // If it fails before a branch point, the strategy shares that failure (same history so far).
  const needsTrunk = task.baselineRunId !== null || task.runs.some((run) => run.branchRound >= 1);
  let simulation: Simulation<typeof base.params, unknown> | null = null;
  let trunkError: unknown = null;
  if (needsTrunk) {
    try {
      simulation = new Simulation(base.model, base.params, task.seed);
    } catch (error) {
      trunkError = error;
    }
  }
  const order = task.runs.map((run, k) => ({ run, k })).sort((a, b) => a.run.branchRound - b.run.branchRound || a.k - b.k);
  for (const { run } of order) {
    try {
      const scenario = scenarioOf(run.scenario, models);
      let snapshot: Snapshot<unknown> | undefined;
      if (run.branchRound >= 1) {
        if (trunkError !== null || !simulation) throw trunkError;
        try {
          simulation.runUntil(Math.min(run.branchRound - 1, scenario.params.rounds));
        } catch (error) {
          trunkError = error;
          throw error;
        }
        snapshot = simulation.snapshot();
      }
      finish(run.runId, new Simulation(scenario.model, scenario.params, task.seed, snapshot));
    } catch (error) {
      failed(run.runId, error);
    }
  }
  if (task.baselineRunId !== null) {
    if (trunkError !== null || !simulation) failed(task.baselineRunId, trunkError);
    else {
      try {
        finish(task.baselineRunId, simulation);
      } catch (error) {
        failed(task.baselineRunId, error);
      }
    }
  }
  records.sort((a, b) => a.runId - b.runId);
  return {
    job: task.job,
    summaryNames,
    seriesNames: kept.map((k) => metricNames[k]),
    dates,
    runs: records,
  };
}

let registry: Promise<ModelRegistry> | null = null;

/** Piscina task handler: runs the job and transfers its typed arrays instead of copying them. */
export default async function handle(task: JobTask): Promise<unknown> {
  registry ??= import((workerData as WorkerSetup).registryModule).then((module: { MODELS: ModelRegistry }) => module.MODELS);
  const result = runJob(task, await registry);
  const buffers = result.runs.flatMap((run) => [run.summary?.buffer, run.series?.buffer]).filter((buffer) => buffer !== undefined);
  return move({
    get [transferableSymbol]() {
      return buffers;
    },
    get [valueSymbol]() {
      return result;
    },
  });
}
