/**
 * Experiment files (`scenarios/experiments/`): a base scenario, the strategies to compare,
 * optional parameter sweeps, replicates, the master seed and which outputs to keep. Read and
 * validated like scenarios — YAML or JSON, every problem reported at once, naming the file and
 * field — before any run starts. See docs/batch.md.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as z from 'zod';
import { param } from '../scenario/fields.ts';
import { applyOverride, displayPath, isMapping, parseDocument, type Document, type MergedDocument } from '../scenario/load.ts';
import { ScenarioError, type ScenarioIssue } from '../scenario/errors.ts';
import { schemaIssues } from '../scenario/schema-issues.ts';
import { originOf } from '../scenario/load.ts';

const files = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const range = z.strictObject({
  from: z.number(),
  to: z.number(),
  steps: param(z.int().min(2).max(1000).optional(), {
    description: 'Grid sweeps: number of evenly spaced values from `from` to `to`, both included.',
    unit: 'values',
    source: 'experiment',
  }),
  integer: param(z.boolean().default(false), { description: 'Round values to integers.', unit: 'flag', source: 'experiment' }),
});

export const experimentSchema = z.strictObject({
  id: param(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lowercase letters, digits and hyphens'), {
    description: 'Experiment identifier, in the default output folder name.',
    unit: 'text',
    source: 'experiment',
    accepts: 'lowercase letters, digits and hyphens',
    defaultText: 'the file name without extension',
  }),
  title: param(z.string().optional(), { description: 'A human title for reports.', unit: 'text', source: 'experiment' }),
  description: param(z.string().optional(), { description: 'What the experiment asks.', unit: 'text', source: 'experiment' }),
  scenario: param(z.string().min(1), {
    description: 'The base scenario file, relative to this file: the `baseline` strategy.',
    unit: 'path',
    source: 'experiment',
  }),
  strategies: param(z.record(z.string().regex(/^[a-z0-9][a-z0-9+_-]*$/, 'expected lowercase letters, digits, +, _ and -'), files).default({}), {
    description: 'Strategies to compare with the baseline: a name and the overlay file (or list of files, which combine), relative to this file. `baseline` is always run first and cannot be redefined.',
    unit: 'paths',
    source: 'experiment',
  }),
  sweep: z
    .strictObject({
      method: param(z.enum(['grid', 'latin-hypercube', 'list']).default('grid'), {
        description: 'grid: every combination of the values; latin-hypercube: `samples` points spread over the ranges; list: the points given in `points`.',
        unit: 'category',
        source: 'experiment',
      }),
      points: param(z.array(z.record(z.string().min(1), z.union([z.number(), z.string(), z.boolean()]))).optional(), {
        description: 'list: the sweep points, each a mapping of scenario path to value (calibration and sensitivity analysis write these).',
        unit: 'points',
        source: 'experiment',
      }),
      samples: param(z.int().min(1).max(100_000).optional(), {
        description: 'Latin hypercube: number of points.',
        unit: 'points',
        source: 'experiment',
      }),
      parameters: param(z.record(z.string().min(1), z.union([z.array(z.union([z.number(), z.string(), z.boolean()])).min(1), range])).default({}), {
        description: 'Scenario paths to sweep: a list of values, or a range {from, to, steps} (grid) / {from, to} (Latin hypercube).',
        unit: 'paths',
        source: 'experiment',
      }),
    })
    .optional(),
  replicates: param(z.int().min(1).max(1_000_000).default(10), {
    description: 'Runs of each strategy at each sweep point, each with its own seed (`--replicates` overrides).',
    unit: 'runs',
    source: 'experiment',
  }),
  seed: param(z.int().min(0).max(Number.MAX_SAFE_INTEGER).default(1), {
    description: 'Master seed from which every run\'s seed is derived.',
    unit: '1',
    source: 'experiment',
  }),
  commonRandomNumbers: param(z.boolean().default(true), {
    description: 'Replicate i of every strategy and sweep point uses the same seed, so differences are paired (low variance) and strategies can branch from a shared history. Off: every run has its own seed.',
    unit: 'flag',
    source: 'experiment',
  }),
  rounds: param(z.int().min(1).max(1_000_000).optional(), {
    description: 'Rounds of every run (`--rounds` overrides); the scenario\'s when absent.',
    unit: 'rounds',
    source: 'experiment',
  }),
  set: param(z.record(z.string().min(1), z.unknown()).default({}), {
    description: 'Scenario fields set for every run, as path: value (applied before `--set`).',
    unit: 'paths',
    source: 'experiment',
  }),
  calibration: z
    .strictObject({
      parameters: param(z.record(z.string().min(1), z.strictObject({ from: z.number(), to: z.number() })), {
        description: 'Scenario paths to calibrate, each with the range of its uniform prior {from, to}.',
        unit: 'paths',
        source: 'experiment',
      }),
      samples: param(z.int().min(2).max(100_000).default(100), { description: 'Parameter sets simulated per generation.', unit: 'sets', source: 'experiment' }),
      accept: param(z.number().gt(0).max(1).default(0.2), { description: 'Share of each generation kept as posterior draws.', unit: 'share', source: 'experiment' }),
      generations: param(z.int().min(1).max(50).default(1), {
        description: '1: rejection ABC; more: population Monte Carlo ABC, each generation moving the last one\'s particles.',
        unit: 'generations',
        source: 'experiment',
      }),
      until: param(z.string().regex(/^\d{4}-\d{2}-\d{2}$/).default('2017-12-31'), {
        description: 'Last day of the observations used: runs stop there (later years are held out).',
        unit: 'date',
        source: 'experiment',
        accepts: 'a date as YYYY-MM-DD',
      }),
      overlay: param(z.string().min(1), {
        description: 'Scenario overlay to write with the posterior medians, relative to this file; it extends the base scenario.',
        unit: 'path',
        source: 'experiment',
      }),
    })
    .optional(),
  outputs: z
    .strictObject({
      series: param(z.union([z.enum(['all', 'none']), z.array(z.string().min(1)).min(1)]).default('all'), {
        description: 'Per-round series to keep in series.csv: all metrics, none, or a list of metric names.',
        unit: 'metrics',
        source: 'experiment',
      }),
      headline: param(z.array(z.string().min(1)).default([]), {
        description: 'Summary outcomes printed in the closing table (the model\'s headline outcomes when empty).',
        unit: 'outcomes',
        source: 'experiment',
      }),
    })
    .prefault({}),
});

export type Experiment = z.output<typeof experimentSchema>;

export interface LoadedExperiment {
  readonly experiment: Experiment;
  /** Absolute path of the experiment file. */
  readonly file: string;
  /** SHA-256 of the file's text and the command-line overrides: what makes two batches the same. */
  readonly hash: string;
  /** Absolute paths: the base scenario and each strategy's overlays. */
  readonly base: string;
  readonly strategies: readonly { readonly name: string; readonly overlays: readonly string[] }[];
  /** Scenario overrides from the experiment's `set` then the command line's `--set`. */
  readonly scenarioSet: readonly string[];
}

export interface ExperimentOverrides {
  readonly replicates?: number;
  readonly rounds?: number;
  /** `--set path=value` for the scenarios of every run. */
  readonly set?: readonly string[];
}

/**
 * Reads an experiment file (YAML or JSON, by extension): its text and the document, unchecked.
 * @throws ScenarioError when the file cannot be read or parsed
 */
export function readExperimentDocument(file: string): { path: string; source: string; text: string; document: Document } {
  const path = resolve(file);
  const source = displayPath(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ScenarioError([{ source, path: '', expected: '', found: '', message: `cannot read the experiment file: ${reason}` }]);
  }
  return { path, source, text, document: parseDocument(text, source, path.toLowerCase().endsWith('.json') ? 'json' : 'yaml') };
}

/**
 * Reads and validates an experiment file; command-line overrides replace its replicates and
 * rounds and add scenario overrides.
 * @throws ScenarioError listing every problem
 */
export function loadExperiment(file: string, overrides: ExperimentOverrides = {}): LoadedExperiment {
  const { path, source, text, document } = readExperimentDocument(file);
  const merged: MergedDocument = {
    document,
    origins: new Map([['', source]]),
    entry: source,
    entryName: path.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''),
    files: [source],
  };
  if (document['id'] === undefined) {
    document['id'] = merged.entryName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'experiment';
  }
  if (overrides.replicates !== undefined) applyOverride(merged, `replicates=${overrides.replicates}`, `--replicates ${overrides.replicates}`);
  if (overrides.rounds !== undefined) applyOverride(merged, `rounds=${overrides.rounds}`, `--rounds ${overrides.rounds}`);
  const parsed = experimentSchema.safeParse(document);
  if (!parsed.success) {
    throw new ScenarioError(schemaIssues(parsed.error, experimentSchema, { value: document, sourceOf: (at) => originOf(merged, at) }));
  }
  const experiment = parsed.data;
  const folder = dirname(path);
  const issues: ScenarioIssue[] = [];
  if ('baseline' in experiment.strategies) {
    issues.push({ source, path: 'strategies.baseline', expected: '', found: '', message: '"baseline" is the base scenario and cannot be redefined' });
  }
  const sweep = experiment.sweep;
  if (sweep?.method === 'list' && (sweep.points === undefined || sweep.points.length === 0)) {
    issues.push({ source, path: 'sweep.points', expected: 'a list of points for a list sweep', found: 'nothing (the field is missing)' });
  }
  if (sweep?.method === 'latin-hypercube' && sweep.samples === undefined) {
    issues.push({ source, path: 'sweep.samples', expected: 'a number of points for a Latin hypercube', found: 'nothing (the field is missing)' });
  }
  for (const [name, values] of Object.entries(sweep?.parameters ?? {})) {
    if (!isMapping(values)) continue;
    const spec = values as z.output<typeof range>;
    if (sweep?.method === 'grid' && spec.steps === undefined) {
      issues.push({ source, path: `sweep.parameters.${name}.steps`, expected: 'a number of values for a grid range', found: 'nothing (the field is missing)' });
    }
    if (spec.to < spec.from) issues.push({ source, path: `sweep.parameters.${name}`, expected: '', found: '', message: `range ends before it starts: from ${spec.from} to ${spec.to}` });
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  const list = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]).map((item) => resolve(folder, item));
  const scenarioSet = [
    ...Object.entries(experiment.set).map(([key, value]) => `${key}=${JSON.stringify(value)}`),
    ...(overrides.set ?? []),
  ];
  const hash = createHash('sha256')
    .update(text)
    .update(JSON.stringify({ replicates: experiment.replicates, rounds: experiment.rounds ?? null, set: overrides.set ?? [] }))
    .digest('hex');
  return {
    experiment,
    file: path,
    hash,
    base: resolve(folder, experiment.scenario),
    strategies: [
      { name: 'baseline', overlays: [] },
      ...Object.entries(experiment.strategies).map(([name, value]) => ({ name, overlays: list(value) })),
    ],
    scenarioSet,
  };
}
