import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { CATALOG } from '../../../src/agents/registry.ts';
import { ScenarioError } from '../../../src/sim/scenario/errors.ts';
import { DESIGN_FILE, designPoints } from '../../../src/sim/sensitivity/design-file.ts';
import { prepareDesign, type SensitivityOptions } from '../../../src/sim/sensitivity/run-sensitivity.ts';
import { scratchFolder } from '../../support/scratch.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

function options(file: string, out: string, extra: Partial<SensitivityOptions> = {}): SensitivityOptions {
  return { file, overrides: {}, catalog: CATALOG, out, workers: 1, resume: false, command: ['test'], ...extra };
}

const scratch = (): string => join(scratchFolder('design'), 'out');

describe('design-file', () => {
  it('maps unit coordinates onto the ranges, hitting both ends exactly', () => {
    const points = designPoints(Float64Array.of(0, 0, 0.5, 0.25, 1, 1), [
      { path: 'x1', from: -Math.PI, to: Math.PI },
      { path: 'fear.exposure', from: 0.5, to: 2 },
    ]);
    expect(points).toEqual([
      { x1: -Math.PI, 'fear.exposure': 0.5 },
      { x1: 0, 'fear.exposure': 0.875 },
      { x1: Math.PI, 'fear.exposure': 2 },
    ]);
  });

  it('writes the Mali screening as a list sweep of r(k + 1) = 90 points, every value within its range, checked against the Mali scenario', () => {
    // Arrange
    const file = join(ROOT, 'scenarios/experiments/sensitivity-mali.yaml');
    const out = scratch();

    // Act
    const prepared = prepareDesign(options(file, out));
    const written = YAML.parse(readFileSync(join(out, DESIGN_FILE), 'utf8')) as {
      id: string;
      scenario: string;
      rounds: number;
      replicates: number;
      outputs: { series: string };
      sweep: { method: string; points: Record<string, number>[] };
    };

    // Assert
    const { parameters } = prepared.sensitivity.settings;
    expect(prepared.points).toBe(10 * (8 + 1));
    expect([written.id, written.rounds, written.replicates, written.outputs.series, written.sweep.method]).toEqual(['sensitivity-mali', 313, 2, 'none', 'list']);
    expect(resolve(out, written.scenario)).toBe(join(ROOT, 'scenarios/mali-2012.yaml'));
    expect(written.sweep.points).toHaveLength(90);
    for (const point of written.sweep.points) {
      expect(Object.keys(point)).toEqual(Object.keys(parameters));
      for (const [path, value] of Object.entries(point)) expect(value >= parameters[path].from && value <= parameters[path].to, path).toBe(true);
    }
    expect(prepared.loaded.experiment.sweep?.points).toEqual(written.sweep.points);
  });

  it('regenerates the same design on --resume and refuses to resume into a folder with another design', () => {
    // Arrange
    const file = join(ROOT, 'scenarios/experiments/sensitivity-ishigami.yaml');
    const out = scratch();
    prepareDesign(options(file, out, { settings: { method: 'morris' } }));
    const text = readFileSync(join(out, DESIGN_FILE), 'utf8');

    // Act
    prepareDesign(options(file, out, { settings: { method: 'morris' }, resume: true }));
    let refusal: unknown;
    try {
      prepareDesign(options(file, out, { settings: { method: 'morris', trajectories: 7 }, resume: true }));
    } catch (error) {
      refusal = error;
    }

    // Assert
    expect(readFileSync(join(out, DESIGN_FILE), 'utf8')).toBe(text);
    expect(refusal).toBeInstanceOf(ScenarioError);
    expect((refusal as ScenarioError).message).toMatch(/holds a different design/);
  });

  it('checks ranges and outcomes against the scenario before any run, and leaves no design behind when they fail', () => {
    // Arrange
    const folder = scratchFolder('design');
    const file = join(folder, 'bad.yaml');
    writeFileSync(
      file,
      [
        `scenario: ${join(ROOT, 'scenarios/mali-2012.yaml')}`,
        'replicates: 1',
        'sensitivity:',
        '  parameters:',
        '    aid.supply: { from: 0.2, to: 1.5 }',
        '    fear.exposur: { from: 0.5, to: 2 }',
        '  outcomes: [hpi_man]',
        '',
      ].join('\n'),
    );
    const out = join(folder, 'out');

    // Act
    let error: unknown;
    try {
      prepareDesign(options(file, out));
    } catch (caught) {
      error = caught;
    }

    // Assert
    const lines = (error as ScenarioError).message.split('\n');
    expect(lines).toContain(`${file}: sensitivity.parameters.aid.supply (to 1.5): aid.supply: expected a number in [0, 1] or an expression, found 1.5`);
    expect(lines).toContain(`${file}: sensitivity.parameters.fear.exposur: fear.exposur: unknown key (did you mean "exposure"?)`);
    expect(lines).toHaveLength(3);
    expect(lines).toContain(`${file}: sensitivity.outcomes.0: expected a summary outcome of model mali (docs/outputs.md), found "hpi_man" (did you mean "hpi_mean"?)`);
    expect(existsSync(join(out, DESIGN_FILE))).toBe(false);
  });
});
