/**
 * Regenerates the parts of docs/ that are derived from the code: docs/scenario.schema.json and
 * the tables between `<!-- generated:KIND:MODEL -->` … `<!-- /generated -->` markers in
 * docs/*.md (parameters, schedule, series and summary columns). Run with `npm run docs`;
 * test/docs.test.ts fails when the committed docs differ from what this would write.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as z from 'zod';
import { MODELS, REFERENCE_SCENARIOS } from '../src/agents/registry.ts';
import { summaryColumns, summaryNames } from '../src/sim/metrics.ts';
import { describeParameters } from '../src/sim/scenario/describe.ts';
import { loadScenario } from '../src/sim/scenario/index.ts';
import { observationOf, type ModelDefinition, type Observation, type ScenarioBase } from '../src/sim/schedule.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = join(ROOT, 'docs');

type AnyModel = ModelDefinition<ScenarioBase, unknown>;

function cell(text: string | undefined): string {
  return (text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  return lines.join('\n');
}

function parameterTable(model: AnyModel): string {
  const rows = describeParameters(model.schema).map((row) => [
    `\`${row.path}\``,
    row.symbol ? `${row.symbol}` : '',
    row.description ?? '',
    row.unit ?? '',
    row.default ?? (row.required ? '(required)' : '(none)'),
    row.accepts,
    row.source ?? '',
  ]);
  return table(['parameter', 'symbol', 'meaning', 'unit', 'default', 'range', 'source'], rows);
}

function scheduleTable(model: AnyModel): string {
  return table(
    ['#', 'phase', 'agent order', 'what happens'],
    model.phases.map((phase, i) => [String(i + 1), `\`${phase.name}\``, phase.order, phase.doc]),
  );
}

/** What a model observes on its reference scenario (columns can depend on the scenario). */
export function referenceObservation(model: AnyModel): Observation<ScenarioBase, unknown> {
  const reference = REFERENCE_SCENARIOS[model.id];
  if (!reference) throw new Error(`model ${model.id} has no reference scenario in src/agents/registry.ts`);
  const { params } = loadScenario(join(ROOT, reference), MODELS);
  return observationOf(model, params);
}

/** Every column of series.csv and summary.csv the reference scenario writes, after the identifying ones. */
export function referenceColumns(model: AnyModel): string[] {
  const { metrics, summaries } = referenceObservation(model);
  return [...metrics.map((metric) => metric.name), ...summaryNames(metrics, summaries)];
}

function seriesTable(model: AnyModel): string {
  return table(
    ['column', 'title', 'unit', 'meaning'],
    referenceObservation(model).metrics.map((metric) => [`\`${metric.name}\``, metric.title, metric.unit, metric.doc]),
  );
}

function groupsTable(model: AnyModel): string {
  const rows = referenceObservation(model).breakdowns.flatMap((breakdown) =>
    breakdown.measures.map((measure) => [`\`${breakdown.by}\``, `\`${measure.name}\``, measure.unit, measure.doc]),
  );
  return table(['by', 'measure', 'unit', 'meaning'], rows);
}

function summaryTable(model: AnyModel): string {
  const { metrics, summaries } = referenceObservation(model);
  const rows = summaryColumns(metrics, summaries).map((column) => [`\`${column.name}\``, column.title ?? '', column.unit, column.doc]);
  return table(['column', 'title', 'unit', 'meaning'], rows);
}

const GENERATORS: Record<string, (model: AnyModel) => string> = {
  parameters: parameterTable,
  schedule: scheduleTable,
  series: seriesTable,
  summary: summaryTable,
  groups: groupsTable,
};

/** JSON Schema for editors: a full scenario of some model, or (with `extends`) any part of one. */
export function scenarioJsonSchema(): object {
  const stripRequired = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(stripRequired);
    if (node === null || typeof node !== 'object') return node;
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) if (key !== 'required') copy[key] = stripRequired(value);
    return copy;
  };
  const extendsSchema = {
    description: 'Scenario file(s) this one builds on, relative to this file; their fields are merged first, this file\'s last.',
    anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }],
  };
  const full: Record<string, unknown> = {};
  const partial: Record<string, unknown> = {};
  for (const model of MODELS.values()) {
    const { $schema: _ignored, ...schema } = z.toJSONSchema(model.schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    const properties = { ...(schema['properties'] as Record<string, unknown>), extends: extendsSchema };
    const required = (schema['required'] as string[] | undefined)?.filter((key) => key !== 'id') ?? [];
    full[model.id] = { ...schema, properties, required };
    partial[model.id] = stripRequired({ ...schema, properties });
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'sahel-sim scenario',
    description:
      'A sahel-sim scenario file (YAML or JSON). Generated from the code by `npm run docs`; see docs/scenarios.md. A file with `extends` may hold any part of a scenario; one without must be complete.',
    type: 'object',
    if: { required: ['extends'] },
    then: { anyOf: Object.keys(partial).map((id) => ({ $ref: `#/$defs/partial-${id}` })) },
    else: { anyOf: Object.keys(full).map((id) => ({ $ref: `#/$defs/${id}` })) },
    $defs: {
      ...full,
      ...Object.fromEntries(Object.entries(partial).map(([id, schema]) => [`partial-${id}`, schema])),
    },
  };
}

const MARKER = /<!-- generated:(\w+):([\w-]+) -->\n[\s\S]*?<!-- \/generated -->/g;

/** Fills the generated blocks of one Markdown text. */
export function fillGeneratedBlocks(text: string, source: string): string {
  return text.replace(MARKER, (_match, kind: string, modelId: string) => {
    const generate = GENERATORS[kind];
    const model = MODELS.get(modelId);
    if (!generate || !model) throw new Error(`${source}: unknown generated block ${kind}:${modelId}`);
    return `<!-- generated:${kind}:${modelId} -->\n${generate(model)}\n<!-- /generated -->`;
  });
}

/** Every generated file, path → content, as `npm run docs` would write it. */
export function generatedDocs(): Map<string, string> {
  const files = new Map<string, string>();
  files.set(join(DOCS, 'scenario.schema.json'), `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  for (const name of readdirSync(DOCS).filter((file) => file.endsWith('.md'))) {
    const path = join(DOCS, name);
    files.set(path, fillGeneratedBlocks(readFileSync(path, 'utf8'), name));
  }
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [path, content] of generatedDocs()) writeFileSync(path, content);
  console.log('docs regenerated');
}
