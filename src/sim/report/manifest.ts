/**
 * The parts of a batch's manifest.json the report reads (docs/batch.md, Outputs), checked with
 * zod so a folder that is not a complete batch gets a proof-reader's note rather than a crash,
 * and the provenance table printed on the report's first page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { ScenarioError } from '../scenario/errors.ts';
import { columnWords } from './format.ts';

const ColumnSchema = z.object({ name: z.string(), title: z.string().optional(), unit: z.string(), doc: z.string() });

const ManifestSchema = z.object({
  tool: z.string(),
  version: z.string(),
  commit: z.string().nullable(),
  node: z.string(),
  command: z.array(z.string()),
  started: z.string(),
  finished: z.string(),
  experiment: z.object({
    file: z.string(),
    hash: z.string(),
    base: z.string(),
    resolved: z.object({
      id: z.string(),
      title: z.string().optional(),
      description: z.string().optional(),
      seed: z.number(),
      replicates: z.number(),
      rounds: z.number().optional(),
      outputs: z.object({ headline: z.array(z.string()).optional() }).optional(),
    }),
    strategies: z.array(z.object({ name: z.string(), overlays: z.array(z.string()) })),
    commonRandomNumbers: z.boolean(),
  }),
  model: z.string(),
  scenario: z.string(),
  points: z.array(z.record(z.string(), z.unknown())),
  runs: z.array(z.object({ runId: z.number(), strategy: z.string(), replicate: z.number(), seed: z.number(), point: z.number() })),
  failures: z.number(),
  // Absent in folders written before the manifest described its columns.
  columns: z.object({ series: z.array(ColumnSchema), summary: z.array(ColumnSchema) }).optional(),
});

export type BatchManifest = z.infer<typeof ManifestSchema>;

/**
 * Reads RESULTS_DIR/manifest.json of a complete batch.
 * @throws ScenarioError when the file is missing, is not JSON, or is not a batch's manifest
 */
export function readManifest(folder: string): BatchManifest {
  const file = join(folder, 'manifest.json');
  const fail = (message: string): never => {
    throw new ScenarioError([{ source: file, path: '', expected: '', found: '', message }]);
  };
  if (!existsSync(file)) return fail('no manifest.json: not a results folder, or its batch has not finished (a manifest is written last)');
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return fail(`not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ManifestSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(`not the manifest of a batch (sahel-sim batch): ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * What charts call a column of series.csv or runs.csv: the title its model declares (the
 * manifest's `columns`), else its name in words.
 * @example columnTitles(manifest)('hpi_mean') → 'Human protection index (mean)'; columnTitles(manifest)('not_a_column') → 'Not a column'
 */
export function columnTitles(manifest: BatchManifest): (column: string) => string {
  const titles = new Map<string, string>();
  for (const column of [...(manifest.columns?.series ?? []), ...(manifest.columns?.summary ?? [])]) {
    if (column.title !== undefined) titles.set(column.name, column.title);
  }
  return (column) => titles.get(column) ?? columnWords(column);
}

/** One label and value per line of the provenance table. */
export function provenanceRows(manifest: BatchManifest): [string, string][] {
  const { experiment } = manifest;
  const replicates = Math.max(0, ...manifest.runs.map((run) => run.replicate));
  return [
    ['experiment', `${experiment.resolved.id}${experiment.resolved.title ? ` — ${experiment.resolved.title}` : ''}`],
    ['experiment file', `${experiment.file} (SHA-256 ${experiment.hash.slice(0, 12)}…)`],
    ['model, scenario', `${manifest.model}, ${manifest.scenario} (${experiment.base})`],
    ['strategies', experiment.strategies.map((strategy) => strategy.name).join(', ')],
    ['sweep points', String(manifest.points.length)],
    ['replicates', `${replicates} per strategy and sweep point; ${manifest.runs.length} runs, ${manifest.failures} failed`],
    ['master seed', `${experiment.resolved.seed}${experiment.commonRandomNumbers ? ' (common random numbers)' : ' (independent seeds)'}`],
    ['command', manifest.command.join(' ')],
    ['tool', `${manifest.tool} ${manifest.version}, commit ${manifest.commit ?? 'unknown (not a git checkout)'}, Node ${manifest.node}`],
    ['batch ran', `${manifest.started} to ${manifest.finished} (UTC)`],
  ];
}
