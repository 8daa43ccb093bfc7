/**
 * Calibration (`sahel-sim calibrate EXPERIMENT`): ABC over the parameters and priors of the
 * experiment's `calibration` section. Each generation's parameter sets run as one batch — a
 * list sweep of the base scenario up to `calibration.until` — through the batch engine's worker
 * pool, so generations are parallel, deterministic per seed and resumable (each generation is a
 * batch folder `generation-<k>` inside the output folder). A scorer turns a batch folder into
 * one distance per parameter set. Writes posterior.csv, posterior-summary.csv and the calibrated
 * overlay with its provenance in its header.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import YAML from 'yaml';
import { toCsv } from '../output/csv.ts';
import { writeFileAtomic } from '../output/files.ts';
import { timestamp, toolCommit } from '../output/manifest.ts';
import { ScenarioError } from '../scenario/errors.ts';
import { loadScenario } from '../scenario/index.ts';
import { displayPath } from '../scenario/load.ts';
import type { ModelCatalog } from '../scenario/validate.ts';
import { Clock, type ScenarioBase } from '../schedule.ts';
import { readBatchSeries, type RunSeries } from '../validation/batch-series.ts';
import type { LoadedExperiment } from '../batch/experiment.ts';
import { runBatch } from '../batch/run-batch.ts';
import type { Plan } from '../batch/plan.ts';
import { abc, posteriorSummary, type Particle, type Prior } from './abc.ts';

export interface CalibrationOptions {
  readonly loaded: LoadedExperiment;
  readonly catalog: ModelCatalog;
  readonly out: string;
  readonly workers: number;
  readonly command: readonly string[];
  readonly progress?: (generation: number, runsDone: number, runsTotal: number) => void;
  readonly stopRequested?: () => boolean;
}

export interface CalibrationResult {
  readonly generations: readonly (readonly Particle[])[];
  readonly priors: readonly Prior[];
  readonly overlay: string;
  readonly summary: ReturnType<typeof posteriorSummary>;
  readonly interrupted: boolean;
}

/** Rounds from the scenario's start up to and including the round that ends on or before `until`. */
export function roundsUntil(loaded: LoadedExperiment, params: ScenarioBase, until: string): number {
  const clock = new Clock(params.rounds, params.calendar);
  if (!clock.dates) throw new ScenarioError([{ source: displayPath(loaded.file), path: 'calibration.until', expected: '', found: '', message: 'the scenario has no calendar, so runs cannot stop at a date' }]);
  let rounds = 0;
  while (rounds < params.rounds && clock.dates[rounds + 1] <= until) rounds++;
  return rounds;
}

/** The baseline runs of a finished batch, grouped by sweep point. */
function pointRuns(folder: string, plan: Plan): RunSeries[][] {
  const byPoint = plan.points.map((): RunSeries[] => []);
  for (const run of readBatchSeries(folder, 'baseline')) byPoint[plan.runs[run.runId - 1].point].push(run);
  return byPoint;
}

/** The experiment one generation runs: the base scenario at each parameter set, one list sweep. */
function generationExperiment(loaded: LoadedExperiment, points: readonly (readonly number[])[], priors: readonly Prior[], rounds: number): LoadedExperiment {
  const sweepPoints = points.map((values) => Object.fromEntries(priors.map((prior, d) => [prior.name, Number(values[d].toPrecision(10))])));
  return {
    ...loaded,
    experiment: { ...loaded.experiment, strategies: {}, rounds, sweep: { method: 'list', points: sweepPoints, parameters: {} } },
    strategies: [{ name: 'baseline', overlays: [] }],
    hash: createHash('sha256').update(loaded.hash).update(JSON.stringify(sweepPoints)).digest('hex'),
  };
}

const significant = (value: number): number => Number(value.toPrecision(4));

/**
 * Runs the calibration (or finishes an interrupted one in the same `out`).
 * @throws ScenarioError when the experiment has no calibration section or a prior is empty
 */
export async function calibrate(options: CalibrationOptions): Promise<CalibrationResult> {
  const { loaded, out } = options;
  const { models } = options.catalog;
  const spec = loaded.experiment.calibration;
  const source = displayPath(loaded.file);
  if (!spec) throw new ScenarioError([{ source: displayPath(loaded.file), path: 'calibration', expected: 'a calibration section (parameters, samples, accept, generations, until, overlay)', found: 'nothing (the field is missing)' }]);
  const priors: Prior[] = Object.entries(spec.parameters).map(([name, range]) => ({ name, from: range.from, to: range.to }));
  const empty = priors.find((prior) => !(prior.to > prior.from));
  if (empty) throw new ScenarioError([{ source: displayPath(loaded.file), path: `calibration.parameters.${empty.name}`, expected: 'a range with to > from', found: `${empty.from} to ${empty.to}` }]);
  // Every prior's bounds must be valid scenario values: check them before any run, and report a
  // problem at the prior in the experiment file rather than at the `--set` it becomes.
  for (const bound of ['from', 'to'] as const) {
    const assignments = priors.map((prior) => `${prior.name}=${prior[bound]}`);
    try {
      loadScenario(loaded.base, models, { set: [...loaded.scenarioSet, ...assignments] });
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      throw new ScenarioError(
        error.issues.map((issue) => {
          const prior = priors[assignments.findIndex((assignment) => issue.source === `--set ${assignment}`)];
          return prior ? { ...issue, source, path: `calibration.parameters.${prior.name}`, message: `${issue.path}: ${issue.message ?? `expected ${issue.expected}, found ${issue.found}`}` } : issue;
        }),
      );
    }
  }
  const { model, params } = loadScenario(loaded.base, models, { set: loaded.scenarioSet });
  const score = model.validation?.score;
  if (!score) {
    throw new ScenarioError([{ source, path: 'scenario', expected: '', found: '', message: `model ${model.id} has no observed record to calibrate against (its definition has no validation hooks)` }]);
  }
  const rounds = roundsUntil(loaded, params, spec.until);
  // The first generation's batch makes the folder once its plan has passed every check.
  let interrupted = false;
  const generations = await abc(
    { priors, samples: spec.samples, accept: spec.accept, generations: spec.generations, seed: loaded.experiment.seed },
    async (generation, points) => {
      if (interrupted) return points.map(() => Number.POSITIVE_INFINITY);
      const folder = join(out, `generation-${generation}`);
      const outcome = await runBatch({
        loaded: generationExperiment(loaded, points, priors, rounds),
        overrides: {},
        catalog: options.catalog,
        out: folder,
        workers: options.workers,
        shard: null,
        resume: existsSync(join(folder, 'batch.json')),
        command: options.command,
        ...(options.progress ? { progress: (done: number, total: number) => options.progress?.(generation, done, total) } : {}),
        ...(options.stopRequested ? { stopRequested: options.stopRequested } : {}),
      });
      if (outcome.interrupted) {
        interrupted = true;
        return points.map(() => Number.POSITIVE_INFINITY);
      }
      return score(pointRuns(folder, outcome.plan));
    },
  ).catch((error: unknown) => {
    if (interrupted) return [];
    throw error;
  });
  if (interrupted) return { generations: [], priors, overlay: '', summary: [], interrupted: true };

  const last = generations[generations.length - 1];
  const summary = posteriorSummary(last, priors);
  writeFileAtomic(
    join(out, 'posterior.csv'),
    toCsv(
      ['generation', 'particle', 'weight', 'distance', ...priors.map((prior) => prior.name)],
      generations.flatMap((population, g) => population.map((particle, k) => [g + 1, k + 1, particle.weight, particle.distance, ...particle.values])),
    ),
  );
  writeFileAtomic(
    join(out, 'posterior-summary.csv'),
    toCsv(['parameter', 'prior_from', 'prior_to', 'mean', 'sd', 'median', 'p5', 'p95'], summary.map((row, d) => [row.name, priors[d].from, priors[d].to, row.mean, row.sd, row.median, row.p5, row.p95])),
  );

  const overlay = resolve(dirname(loaded.file), spec.overlay);
  const document: Record<string, unknown> = { extends: relative(dirname(overlay), loaded.base) };
  for (const row of summary) {
    const path = row.name.split('.');
    let node = document;
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]] = significant(row.median);
  }
  const header = [
    `Calibrated overlay of ${displayPath(loaded.base)}: posterior medians of an ABC calibration to the`,
    `observations up to ${spec.until} (later years are held out). Written by sahel-sim calibrate; do not edit by hand.`,
    `experiment: ${displayPath(loaded.file)} (sha256 ${loaded.hash.slice(0, 16)}…)`,
    `seed: ${loaded.experiment.seed}; commit: ${toolCommit() ?? 'unknown'}; written: ${timestamp()}`,
    `ABC: ${spec.generations} generation(s) of ${spec.samples} parameter sets, ${Math.round(spec.accept * 100)}% kept; final tolerance ${significant(last[last.length - 1].distance)} (mean log10 error)`,
    `posterior (median [5%, 95%]):`,
    ...summary.map((row) => `  ${row.name}: ${significant(row.median)} [${significant(row.p5)}, ${significant(row.p95)}]`),
    `results: ${displayPath(resolve(out))}`,
  ];
  writeFileAtomic(overlay, `${header.map((line) => `# ${line}`).join('\n')}\n${YAML.stringify(document)}`);
  return { generations, priors, overlay, summary, interrupted: false };
}
