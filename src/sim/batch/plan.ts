/**
 * The run plan of a batch: sweep points, strategies, replicates, each run's id and seed, the
 * jobs workers execute, and the round from which each strategy can branch off the baseline.
 * Built once, before any run, from the experiment and every scenario it names (which are all
 * validated here); deterministic, so any shard, worker or resumed batch sees the same plan.
 */
import { createHash } from 'node:crypto';
import YAML from 'yaml';
import { ScenarioError, type ScenarioIssue } from '../scenario/errors.ts';
import { displayPath, type Document } from '../scenario/load.ts';
import { suggestion } from '../scenario/schema-issues.ts';
import type { ModelRegistry, ValidScenario } from '../scenario/validate.ts';
import { loadScenario } from '../scenario/index.ts';
import { describeColumns, summaryNames, type ColumnDictionary } from '../metrics.ts';
import { deriveRunSeed, RandomStream } from '../random.ts';
import { Clock, observationOf, type ScenarioBase } from '../schedule.ts';
import { findVarying, Varying } from '../varying.ts';
import type { LoadedExperiment } from './experiment.ts';

export interface SweepPoint {
  readonly index: number;
  /** Parameter path → value at this point, in the experiment's order. */
  readonly values: Readonly<Record<string, unknown>>;
  /** The same as `path=value` overrides. */
  readonly set: readonly string[];
}

export interface PlannedRun {
  /** 1-based, in output order: sweep point, then strategy, then replicate. */
  readonly runId: number;
  readonly point: number;
  readonly strategy: number;
  readonly replicate: number;
  readonly seed: number;
  readonly job: number;
}

/**
 * One unit of work for a worker: under common random numbers, a replicate of up to
 * STRATEGIES_PER_JOB strategies at a point, sharing the seed (the baseline's history is
 * recomputed as the trunk they branch from when the baseline is in another job); otherwise one run.
 */
export interface Job {
  readonly index: number;
  readonly point: number;
  readonly seed: number;
  /** Runs of this job in strategy order; strategy 0 is the baseline. */
  readonly runs: readonly { readonly runId: number; readonly strategy: number; readonly branchRound: number }[];
}

/** Strategies per job: small enough to spread a replicate over the workers, large enough to share the trunk. */
export const STRATEGIES_PER_JOB = 4;

export interface Plan {
  readonly points: readonly SweepPoint[];
  readonly strategies: readonly { readonly name: string; readonly overlays: readonly string[] }[];
  readonly runs: readonly PlannedRun[];
  readonly jobs: readonly Job[];
  readonly scenarioId: string;
  readonly modelId: string;
  /** Whether strategies share seeds (and so branch). */
  readonly commonRandomNumbers: boolean;
  /** Per point and strategy, the resolved and validated scenario document: what the workers run. */
  readonly scenarios: readonly (readonly Document[])[];
  /** Per point and strategy, the first round whose parameters differ from the baseline's (0 = from the start). */
  readonly divergence: readonly (readonly number[])[];
  /** SHA-256 of the experiment and every resolved scenario: two batches with equal hashes are the same batch. */
  readonly hash: string;
  /** The baseline's columns at the first sweep point, with their titles, units and meanings (the manifest's `columns`). */
  readonly columns: ColumnDictionary;
}

function linspace(from: number, to: number, steps: number, integer: boolean): number[] {
  return Array.from({ length: steps }, (_, k) => {
    const value = from + ((to - from) * k) / (steps - 1);
    return integer ? Math.round(value) : value;
  });
}

/** The sweep's points: a full grid (last parameter fastest), or a Latin hypercube drawn from the master seed. */
export function sweepPoints(loaded: LoadedExperiment): SweepPoint[] {
  const sweep = loaded.experiment.sweep;
  if (!sweep) return [{ index: 0, values: {}, set: [] }];
  if (sweep.method === 'list') {
    const points = sweep.points ?? [];
    const names = [...new Set(points.flatMap((point) => Object.keys(point)))];
    return points.map((point, index) => ({
      index,
      values: Object.fromEntries(names.map((name) => [name, point[name]])),
      set: names.filter((name) => point[name] !== undefined).map((name) => `${name}=${YAML.stringify(point[name]).trim()}`),
    }));
  }
  const names = Object.keys(sweep.parameters);
  let rows: unknown[][];
  if (sweep.method === 'grid') {
    const axes = names.map((name) => {
      const spec = sweep.parameters[name];
      return Array.isArray(spec) ? spec : linspace(spec.from, spec.to, spec.steps ?? 2, spec.integer);
    });
    rows = axes.reduce<unknown[][]>((product, axis) => product.flatMap((row) => axis.map((value) => [...row, value])), [[]]);
  } else {
    const samples = sweep.samples ?? 1;
    const rng = RandomStream.fromSeed(loaded.experiment.seed, 'latin-hypercube');
    const columns = names.map((name) => {
      const spec = sweep.parameters[name];
      const strata = Int32Array.from({ length: samples }, (_, k) => k);
      rng.shuffle(strata);
      return Array.from(strata, (stratum) => {
        const u = (stratum + rng.double()) / samples;
        if (Array.isArray(spec)) return spec[Math.min(spec.length - 1, Math.floor(u * spec.length))];
        const value = spec.from + (spec.to - spec.from) * u;
        return spec.integer ? Math.round(value) : value;
      });
    });
    rows = Array.from({ length: samples }, (_, k) => columns.map((column) => column[k]));
  }
  return rows.map((row, index) => {
    const values = Object.fromEntries(names.map((name, k) => [name, row[k]]));
    return { index, values, set: names.map((name, k) => `${name}=${YAML.stringify(row[k]).trim()}`) };
  });
}

/** A parameter tree with every time-varying value replaced by a marker (compared round by round instead). */
function withoutVarying(tree: unknown): unknown {
  if (tree instanceof Varying) return 'varying';
  if (Array.isArray(tree)) return tree.map(withoutVarying);
  if (tree === null || typeof tree !== 'object') return tree;
  return Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, withoutVarying(value)]));
}

/** What cannot differ between two runs that share a history, as text: everything but labels and time-varying values. */
function staticPart(params: ScenarioBase): string {
  const { id: _id, title: _title, description: _description, seed: _seed, strategy: _strategy, ...rest } = params as ScenarioBase & Record<string, unknown>;
  return JSON.stringify(withoutVarying(rest));
}

/**
 * The first round at which two scenarios' parameters differ: 0 when anything that is not a
 * time-varying value differs (or the observed metrics do); else the first round whose varying
 * values differ; rounds + 1 when they never do. Runs of both with one seed are identical up to
 * the round before, which is what lets a strategy fork from the baseline's snapshot.
 */
export function divergenceRound(base: ScenarioBase, other: ScenarioBase, metricsBase: readonly string[], metricsOther: readonly string[]): number {
  if (staticPart(base) !== staticPart(other) || metricsBase.join() !== metricsOther.join()) return 0;
  const a = findVarying(base);
  const b = findVarying(other);
  if (a.length !== b.length || a.some((found, k) => found.path !== b[k].path)) return 0;
  const clock = new Clock(base.rounds, base.calendar);
  for (let round = 0; round <= base.rounds; round++) {
    clock.enterRound(round);
    for (let k = 0; k < a.length; k++) if (a[k].varying.valueAt(clock) !== b[k].varying.valueAt(clock)) return round;
  }
  return base.rounds + 1;
}

/** Scenario overrides of one run: the experiment's, then the sweep point's. */
export function runOverrides(loaded: LoadedExperiment, point: SweepPoint): { set: string[]; rounds?: number } {
  const rounds = loaded.experiment.rounds;
  return { set: [...loaded.scenarioSet, ...point.set], ...(rounds === undefined ? {} : { rounds }) };
}

/**
 * The experiment's `outputs` must name what the model observes: checked here, before any file is
 * written, rather than in a worker halfway through the batch.
 * @throws ScenarioError naming each unknown metric or outcome, with the nearest known name
 */
function checkOutputs(loaded: LoadedExperiment, base: ValidScenario): void {
  const observation = observationOf(base.model, base.params);
  const metrics = observation.metrics.map((metric) => metric.name);
  const outcomes = summaryNames(observation.metrics, observation.summaries);
  const { series, headline } = loaded.experiment.outputs;
  const source = displayPath(loaded.file);
  const issues: ScenarioIssue[] = [];
  const check = (field: string, names: readonly string[], known: readonly string[], kind: string): void => {
    names.forEach((name, k) => {
      if (known.includes(name)) return;
      const hint = suggestion(name, known);
      issues.push({ source, path: `${field}.${k}`, expected: '', found: '', message: `${base.model.id} has no ${kind} "${name}"`, ...(hint ? { hint } : {}) });
    });
  };
  if (Array.isArray(series)) check('outputs.series', series, metrics, 'metric');
  check('outputs.headline', headline, outcomes, 'summary outcome');
  if (issues.length > 0) throw new ScenarioError(issues);
}

/**
 * Builds the plan: loads and validates every scenario (base with each strategy's overlays at each
 * sweep point), derives seeds, groups runs into jobs and finds branch rounds.
 * @throws ScenarioError for any problem in any scenario, before anything runs
 */
export function buildPlan(loaded: LoadedExperiment, models: ModelRegistry): Plan {
  const { experiment } = loaded;
  const points = sweepPoints(loaded);
  const strategies = loaded.strategies;
  const crn = experiment.commonRandomNumbers;
  const hash = createHash('sha256').update(loaded.hash);
  const divergence: number[][] = [];
  const scenarios: Document[][] = [];
  let scenarioId = '';
  let modelId = '';
  let columns: ColumnDictionary = { series: [], summary: [] };
  for (const point of points) {
    const overrides = runOverrides(loaded, point);
    const resolved = strategies.map((strategy) => loadScenario(loaded.base, models, { ...overrides, overlays: strategy.overlays }));
    const metrics = resolved.map(({ model, params }) => observationOf(model, params).metrics.map((metric) => metric.name));
    scenarioId = resolved[0].params.id;
    modelId = resolved[0].model.id;
    if (point.index === 0) {
      checkOutputs(loaded, resolved[0]);
      const { metrics: first, summaries } = observationOf(resolved[0].model, resolved[0].params);
      columns = describeColumns(first, summaries);
    }
    divergence.push(resolved.map(({ params }, s) => (s === 0 ? 0 : divergenceRound(resolved[0].params, params, metrics[0], metrics[s]))));
    scenarios.push(resolved.map(({ merged }) => merged.document));
    for (const { params } of resolved) hash.update(JSON.stringify(params));
  }

  const runs: PlannedRun[] = [];
  const jobs: Job[] = [];
  const replicates = experiment.replicates;
  const seedOf = (point: number, strategy: number, replicate: number): number =>
    deriveRunSeed({
      masterSeed: experiment.seed,
      scenarioId,
      strategy: crn ? 'common-random-numbers' : `${strategies[strategy].name}@${point}`,
      replicate,
    });
  let runId = 1;
  for (const point of points) {
    const firstOfPoint = runId;
    for (let s = 0; s < strategies.length; s++) {
      for (let r = 0; r < replicates; r++) {
        const chunks = Math.ceil(strategies.length / STRATEGIES_PER_JOB);
        const job = crn ? (point.index * replicates + r) * chunks + Math.floor(s / STRATEGIES_PER_JOB) : runId - 1;
        runs.push({ runId: runId++, point: point.index, strategy: s, replicate: r, seed: seedOf(point.index, s, r), job });
      }
    }
    if (crn) {
      for (let r = 0; r < replicates; r++) {
        for (let from = 0; from < strategies.length; from += STRATEGIES_PER_JOB) {
          const members = strategies.map((_, s) => s).slice(from, from + STRATEGIES_PER_JOB);
          jobs.push({
            index: jobs.length,
            point: point.index,
            seed: seedOf(point.index, 0, r),
            runs: members.map((s) => ({ runId: firstOfPoint + s * replicates + r, strategy: s, branchRound: divergence[point.index][s] })),
          });
        }
      }
    }
  }
  if (!crn) {
    for (const run of runs) jobs.push({ index: run.job, point: run.point, seed: run.seed, runs: [{ runId: run.runId, strategy: run.strategy, branchRound: 0 }] });
  }
  hash.update(JSON.stringify(runs));
  return { points, strategies, runs, jobs, scenarioId, modelId, commonRandomNumbers: crn, scenarios, divergence, hash: hash.digest('hex'), columns };
}

/** The jobs of shard i of n (1-based i), dealt round-robin so shards get similar work. */
export function shardJobs(plan: Plan, shard: { index: number; count: number } | null): Job[] {
  if (!shard) return [...plan.jobs];
  return plan.jobs.filter((job) => job.index % shard.count === shard.index - 1);
}
