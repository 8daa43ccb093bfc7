import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedDocs, referenceColumns, referenceObservation } from '../scripts/generate-docs.ts';
import { MODELS } from '../src/agents/registry.ts';
import { describeParameters } from '../src/sim/scenario/describe.ts';
import { experimentSchema } from '../src/sim/batch/experiment.ts';

const ROOT = resolve(import.meta.dirname, '..');
const docsText = readdirSync(join(ROOT, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => readFileSync(join(ROOT, 'docs', name), 'utf8'))
  .join('\n');

describe('documentation', () => {
  it('is current: `npm run docs` would change nothing (schema, parameter, schedule and column tables)', () => {
    const stale = [...generatedDocs()].filter(([path, content]) => readFileSync(path, 'utf8') !== content).map(([path]) => relative(ROOT, path));
    expect(stale, 'run `npm run docs` and commit the result').toEqual([]);
  });

  it('documents every field of experiment files in docs/batch.md', () => {
    const batch = readFileSync(join(ROOT, 'docs', 'batch.md'), 'utf8');
    for (const row of describeParameters(experimentSchema)) expect(batch, row.path).toContain(`\`${row.path}\``);
  });

  for (const model of MODELS.values()) {
    it(`documents every scenario parameter of ${model.id}, with unit and source`, () => {
      const rows = describeParameters(model.schema);
      expect(rows.length).toBeGreaterThan(5);
      for (const row of rows) {
        expect(docsText, row.path).toContain(`\`${row.path}\``);
        expect(row.unit, `${row.path} has no unit`).toBeTruthy();
        expect(row.source, `${row.path} has no source`).toBeTruthy();
        expect(row.description, `${row.path} has no description`).toBeTruthy();
      }
    });

    it(`describes every output column and phase of ${model.id}`, () => {
      const outputs = readFileSync(join(ROOT, 'docs', 'outputs.md'), 'utf8');
      for (const column of referenceColumns(model)) expect(outputs, column).toContain(`\`${column}\``);
      for (const breakdown of referenceObservation(model).breakdowns) {
        for (const measure of breakdown.measures) expect(outputs, measure.name).toContain(`\`${measure.name}\``);
      }
      for (const phase of model.phases) expect(docsText, phase.name).toContain(`\`${phase.name}\``);
    });
  }
});
