/**
 * The `sensitivity` section of an experiment file: which scenario parameters vary over which
 * ranges, which outcomes are analysed, and the sample sizes of the Morris and Sobol' designs.
 * Read and checked here, with the same error messages as scenario files; the rest of the file is
 * an ordinary experiment (base scenario, replicates, rounds, set), checked by the batch loader
 * once the design has been written as a list sweep (design-file.ts). See docs/sensitivity.md.
 */
import * as z from 'zod';
import { param } from '../scenario/fields.ts';
import { ScenarioError, type ScenarioIssue } from '../scenario/errors.ts';
import { readExperimentDocument } from '../batch/experiment.ts';
import { isMapping, type Document } from '../scenario/load.ts';
import { schemaIssues } from '../scenario/schema-issues.ts';
import { METHODS, type Method } from './methods.ts';
import { SOBOL_MAX_DIMENSIONS } from './sobol-sequence.ts';

export { METHODS, type Method } from './methods.ts';

const SOURCE = 'sensitivity';

const range = z.strictObject({
  from: param(z.number(), { description: 'Lowest value of the parameter.', unit: 'the parameter\'s', source: SOURCE }),
  to: param(z.number(), { description: 'Highest value of the parameter (greater than `from`).', unit: 'the parameter\'s', source: SOURCE }),
});

export const sensitivitySchema = z.strictObject({
  method: param(z.enum(METHODS).default('morris'), {
    description: 'morris: elementary effects (screening, r·(k+1) runs per replicate); sobol: first- and total-order Sobol\' indices (N·(k+2) runs). `--method` overrides.',
    unit: 'category',
    source: SOURCE,
  }),
  parameters: param(z.record(z.string().min(1), range), {
    description: 'Scenario paths to vary, each with its range {from, to}; each is sampled uniformly over its range (k = number of parameters).',
    unit: 'paths',
    source: SOURCE,
  }),
  outcomes: param(z.array(z.string().min(1)).min(1), {
    description: 'Run-level outcomes to analyse: summary columns of the model (runs.csv), e.g. hpi_mean.',
    unit: 'columns',
    source: SOURCE,
  }),
  trajectories: param(z.int().min(2).max(100_000).default(10), {
    description: 'Morris: r, the number of trajectories (one-at-a-time paths through k + 1 points).',
    symbol: 'r',
    unit: 'trajectories',
    source: 'Morris (1991); Campolongo et al. (2007)',
  }),
  levels: param(z.int().min(2).max(1000).default(4), {
    description: 'Morris: p, the number of grid levels of each parameter (even); the step is Δ = p/(2(p − 1)) of the range.',
    symbol: 'p',
    unit: 'levels',
    source: 'Morris (1991)',
  }),
  samples: param(z.int().min(2).max(1 << 20).default(512), {
    description: 'Sobol\': N, rows of the A and B matrices (a power of 2 with the sobol sampler).',
    symbol: 'N',
    unit: 'rows',
    source: 'Saltelli et al. (2010)',
  }),
  sampler: param(z.enum(['sobol', 'random']).default('sobol'), {
    description: 'Sobol\': how A and B are drawn: a Sobol\' sequence with a random digital shift, or plain pseudo-random uniforms.',
    unit: 'category',
    source: 'Saltelli et al. (2010)',
  }),
  bootstrap: param(z.int().min(0).max(100_000).default(200), {
    description: 'Bootstrap resamples for the 95% percentile intervals (of trajectories for Morris, of rows for Sobol\'); 0: no intervals.',
    unit: 'resamples',
    source: 'Efron & Tibshirani (1993); Archer, Saltelli & Sobol\' (1997)',
  }),
  seed: param(z.int().min(0).max(Number.MAX_SAFE_INTEGER).optional(), {
    description: 'Seed of the design (sample points) and of the bootstrap; the experiment\'s `seed` when absent.',
    unit: '1',
    source: SOURCE,
  }),
});

export type SensitivitySettings = Omit<z.output<typeof sensitivitySchema>, 'seed'> & { readonly seed: number };

export interface SensitivityExperiment {
  /** Absolute path of the experiment file. */
  readonly file: string;
  /** The file as the user would type it. */
  readonly source: string;
  /** The experiment id: the file's `id`, else its name. */
  readonly id: string;
  readonly settings: SensitivitySettings;
  /** Every other field of the file, as written: an experiment for the batch loader, minus its sweep. */
  readonly experiment: Document;
}

/** Rules across fields of the section, each naming the fields and values involved. */
function crossFieldIssues(settings: z.output<typeof sensitivitySchema>, source: string): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const names = Object.keys(settings.parameters);
  if (names.length === 0) issues.push({ source, path: 'sensitivity.parameters', expected: 'at least one parameter with its range', found: 'none' });
  for (const [name, { from, to }] of Object.entries(settings.parameters)) {
    if (!(to > from)) issues.push({ source, path: `sensitivity.parameters.${name}`, expected: '', found: '', message: `the range must have to > from, found from ${from} to ${to}` });
  }
  if (settings.method === 'morris' && settings.levels % 2 !== 0) {
    issues.push({ source, path: 'sensitivity.levels', expected: 'an even number of levels (Morris 1991: even p samples every level equally often)', found: String(settings.levels) });
  }
  if (settings.method === 'sobol') {
    if (settings.sampler === 'sobol' && (settings.samples & (settings.samples - 1)) !== 0) {
      const lower = 2 ** Math.floor(Math.log2(settings.samples));
      issues.push({
        source,
        path: 'sensitivity.samples',
        expected: `a power of 2 with sampler: sobol (the sequence is balanced in blocks of 2^m points), e.g. ${lower} or ${lower * 2}`,
        found: String(settings.samples),
      });
    }
    if (settings.sampler === 'sobol' && 2 * names.length > SOBOL_MAX_DIMENSIONS) {
      issues.push({
        source,
        path: 'sensitivity.parameters',
        expected: '',
        found: '',
        message: `the Sobol' sequence has ${SOBOL_MAX_DIMENSIONS} dimensions, enough for ${SOBOL_MAX_DIMENSIONS / 2} parameters, found ${names.length}; use sampler: random or fewer parameters`,
      });
    }
  }
  const duplicates = settings.outcomes.filter((outcome, k) => settings.outcomes.indexOf(outcome) !== k);
  if (duplicates.length > 0) issues.push({ source, path: 'sensitivity.outcomes', expected: '', found: '', message: `names "${duplicates[0]}" twice` });
  return issues;
}

/** Command-line replacements of the section's fields (`--method`, `--samples`, `--trajectories`). */
export interface SensitivityOverrides {
  readonly method?: Method;
  readonly samples?: number;
  readonly trajectories?: number;
}

/**
 * Reads an experiment file with a `sensitivity` section and checks the section, after replacing
 * its fields with `overrides` (the command line's). The other fields are returned as written, for
 * the batch loader to check once the design is written.
 * @throws ScenarioError listing every problem of the section (and a `sweep` or `strategies`, which a sensitivity experiment cannot have)
 */
export function readSensitivityExperiment(file: string, overrides: SensitivityOverrides = {}): SensitivityExperiment {
  const { path, source, document } = readExperimentDocument(file);
  const { sensitivity, ...experiment } = document;
  const issues: ScenarioIssue[] = [];
  if (sensitivity === undefined) {
    throw new ScenarioError([{ source, path: 'sensitivity', expected: 'a sensitivity section (parameters, outcomes, method…; docs/sensitivity.md)', found: 'nothing (the field is missing)' }]);
  }
  if (experiment['sweep'] !== undefined) {
    issues.push({ source, path: 'sweep', expected: '', found: '', message: 'a sensitivity experiment has no sweep: its sample points come from sensitivity.parameters' });
  }
  const strategies = experiment['strategies'];
  if (strategies !== undefined && !(isMapping(strategies) && Object.keys(strategies).length === 0)) {
    issues.push({
      source,
      path: 'strategies',
      expected: '',
      found: '',
      message: 'a sensitivity experiment varies the parameters of one scenario and has no strategies; to analyse a strategy, make its overlay the `scenario` (an overlay file that extends the base)',
    });
  }
  const section = isMapping(sensitivity) ? { ...sensitivity, ...overrides } : sensitivity;
  const parsed = sensitivitySchema.safeParse(section);
  if (!parsed.success) throw new ScenarioError([...issues, ...schemaIssues(parsed.error, sensitivitySchema, { value: section, sourceOf: () => source, within: ['sensitivity'] })]);
  issues.push(...crossFieldIssues(parsed.data, source));
  if (issues.length > 0) throw new ScenarioError(issues);
  const experimentSeed = experiment['seed'];
  const seed = parsed.data.seed ?? (Number.isSafeInteger(experimentSeed) && (experimentSeed as number) >= 0 ? (experimentSeed as number) : 1);
  const entryName = path.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const id = typeof experiment['id'] === 'string' ? experiment['id'] : entryName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'experiment';
  return { file: path, source, id, settings: { ...parsed.data, seed }, experiment };
}
