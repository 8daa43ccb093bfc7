/**
 * Running a sensitivity analysis end to end: read the experiment and its `sensitivity` section,
 * draw the design, write it as a list-sweep experiment into the results folder, check it, run it
 * through the batch engine (worker pool, seeds, saved jobs, resume), read each point's outcomes
 * back from runs.csv, estimate the indices and write sensitivity.csv. See docs/sensitivity.md.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadExperiment, type ExperimentOverrides, type LoadedExperiment } from '../batch/experiment.ts';
import { readBatchRecord, runBatch, type BatchOutcome } from '../batch/run-batch.ts';
import { writeFileAtomic } from '../output/files.ts';
import { RandomStream } from '../random.ts';
import { ScenarioError } from '../scenario/errors.ts';
import { displayPath } from '../scenario/load.ts';
import type { ModelCatalog } from '../scenario/validate.ts';
import { checkDesign } from './check-design.ts';
import { buildDesign, type SensitivityDesign } from './design.ts';
import { DESIGN_FILE, designExperimentText, designPoints } from './design-file.ts';
import type { OutcomeIndices } from './indices.ts';
import { pointMeans } from './outcomes.ts';
import { sensitivityRows, writeSensitivityCsv, type SensitivityRow } from './sensitivity-csv.ts';
import { readSensitivityExperiment, type Method, type SensitivityExperiment, type SensitivityOverrides } from './settings.ts';

export interface SensitivityOptions {
  /** The experiment file with a `sensitivity` section. */
  readonly file: string;
  /** `--method`, `--samples`, `--trajectories`: replace the file's. */
  readonly settings?: SensitivityOverrides;
  /** `--replicates`, `--rounds`, `--set`, as for a batch. */
  readonly overrides: ExperimentOverrides;
  readonly catalog: ModelCatalog;
  readonly out: string;
  readonly workers: number;
  readonly resume: boolean;
  readonly command: readonly string[];
  readonly progress?: (runsDone: number, runsTotal: number) => void;
  readonly stopRequested?: () => boolean;
  /** Called once the design is written and checked, before any run. */
  readonly started?: (design: PreparedDesign) => void;
}

export interface PreparedDesign {
  readonly sensitivity: SensitivityExperiment;
  readonly design: SensitivityDesign;
  readonly loaded: LoadedExperiment;
  /** Design points (before replicates). */
  readonly points: number;
  /** Whether the results folder was made for this design (so a failure takes it back). */
  readonly created: boolean;
}

export interface SensitivityAnalysis {
  readonly method: Method;
  readonly parameters: readonly string[];
  readonly outcomes: readonly string[];
  /** Per outcome, in the experiment's order. */
  readonly results: readonly OutcomeIndices[];
  readonly rows: readonly SensitivityRow[];
  /** Path of sensitivity.csv. */
  readonly file: string;
}

export interface SensitivityOutcome {
  readonly prepared: PreparedDesign;
  readonly batch: BatchOutcome;
  /** Null when the batch was interrupted (resume it to get the indices). */
  readonly analysis: SensitivityAnalysis | null;
}

/** Problems found by the batch loader in the generated design file belong to the user's file. */
function asUserIssues(error: unknown, designFile: string, sensitivity: SensitivityExperiment): unknown {
  if (!(error instanceof ScenarioError)) return error;
  const generated = displayPath(designFile);
  return new ScenarioError(error.issues.map((issue) => (issue.source === generated ? { ...issue, source: sensitivity.source } : issue)));
}

/** Takes back a design file that failed its checks, and the folder when it was made for it. */
function removeDesign(designFile: string, written: boolean, created: boolean): void {
  if (created) rmSync(dirname(designFile), { recursive: true, force: true });
  else if (written) rmSync(designFile, { force: true });
}

/**
 * Draws the design, writes it into the results folder and checks it. On a resume the design
 * must come out byte for byte as the one already there.
 * @throws ScenarioError for problems in the experiment, or a folder that holds another batch or design
 */
export function prepareDesign(options: SensitivityOptions): PreparedDesign {
  const sensitivity = readSensitivityExperiment(options.file, options.settings);
  const design = buildDesign(sensitivity.settings);
  const ranges = Object.entries(sensitivity.settings.parameters).map(([path, { from, to }]) => ({ path, from, to }));
  const points = designPoints(design.unit, ranges);
  const text = designExperimentText(sensitivity, points, options.out, design.description);
  const designFile = join(resolve(options.out), DESIGN_FILE);
  const there = existsSync(designFile) ? readFileSync(designFile, 'utf8') : null;
  const fail = (source: string, message: string): never => {
    throw new ScenarioError([{ source, path: '', expected: '', found: '', message }]);
  };
  if (options.resume && there === null) fail('--resume', `${displayPath(options.out)} holds no sensitivity design to resume (no ${DESIGN_FILE})`);
  if (options.resume && there !== text) {
    fail('--resume', `${displayPath(options.out)} holds a different design (other parameters, method, sample sizes or seed); resume it with the same experiment file, --method, --samples and --trajectories`);
  }
  if (!options.resume && readBatchRecord(options.out)) {
    fail('--out', `${displayPath(options.out)} already holds a batch; add --resume to finish it, or choose another --out`);
  }
  const written = there !== text;
  const created = !existsSync(options.out);
  if (written) writeFileAtomic(designFile, text);
  try {
    const loaded = loadExperiment(designFile, options.overrides);
    checkDesign(sensitivity, loaded, options.catalog.models);
    return { sensitivity, design, loaded, points: points.length, created };
  } catch (error) {
    // Nothing of a design that fails its checks stays behind.
    removeDesign(designFile, written, created);
    throw asUserIssues(error, designFile, sensitivity);
  }
}

/** Estimates every outcome's indices from runs.csv and writes sensitivity.csv. */
export function analyseDesign(prepared: PreparedDesign, batch: BatchOutcome, out: string): SensitivityAnalysis {
  const { settings } = prepared.sensitivity;
  const parameters = Object.keys(settings.parameters);
  const means = pointMeans(out, batch.plan, settings.outcomes);
  // One bootstrap stream per outcome: adding an outcome leaves the others' intervals unchanged.
  const results = settings.outcomes.map((outcome, o) =>
    prepared.design.analyse(RandomStream.fromSeed(settings.seed, `sensitivity-bootstrap/${outcome}`), means[o], settings.bootstrap),
  );
  const rows = sensitivityRows(settings.method, settings.outcomes, parameters, results);
  const file = writeSensitivityCsv(out, rows);
  return { method: settings.method, parameters, outcomes: settings.outcomes, results, rows, file };
}

/**
 * Runs (or resumes) a sensitivity analysis. When every run is done, writes sensitivity.csv beside
 * the batch's files; when interrupted, returns with `analysis` null and `--resume` finishes it.
 * @throws ScenarioError for problems in the experiment or its scenarios, before any run
 */
export async function runSensitivity(options: SensitivityOptions): Promise<SensitivityOutcome> {
  const prepared = prepareDesign(options);
  options.started?.(prepared);
  const designFile = prepared.loaded.file;
  let batch: BatchOutcome;
  try {
    batch = await runBatch({
      loaded: prepared.loaded,
      overrides: options.overrides,
      catalog: options.catalog,
      out: options.out,
      workers: options.workers,
      shard: null,
      resume: options.resume,
      command: options.command,
      ...(options.progress ? { progress: options.progress } : {}),
      ...(options.stopRequested ? { stopRequested: options.stopRequested } : {}),
    });
  } catch (error) {
    // The batch refused before starting (a scenario problem at some point): leave nothing behind.
    if (!readBatchRecord(options.out) && !options.resume) removeDesign(designFile, true, prepared.created);
    throw asUserIssues(error, designFile, prepared.sensitivity);
  }
  if (!batch.assembled) return { prepared, batch, analysis: null };
  return { prepared, batch, analysis: analyseDesign(prepared, batch, options.out) };
}

