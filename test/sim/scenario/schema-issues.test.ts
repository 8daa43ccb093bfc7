import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../../src/sim/batch/experiment.ts';
import { readSensitivityExperiment } from '../../../src/sim/sensitivity/settings.ts';
import { scratchFolder } from '../../support/scratch.ts';
import { scenarioErrorOf } from '../../support/scenario-error.ts';

const SCENARIOS = resolve(import.meta.dirname, '../../../scenarios');

function fileWith(text: string): string {
  const file = join(scratchFolder('schema-issues'), 'study.yaml');
  writeFileSync(file, text);
  return file;
}

const linesOf = (action: () => unknown): string[] => scenarioErrorOf(action).message.split('\n');

describe('schema issues', () => {
  it('an experiment with two unknown keys names both, each with its suggestion', () => {
    // Arrange
    const file = fileWith(`scenario: ${join(SCENARIOS, 'epstein-civil-violence.yaml')}\nreplicate: 3\nseeed: 7\n`);

    // Act
    const lines = linesOf(() => loadExperiment(file));

    // Assert
    expect(lines).toEqual([`${file}: replicate: unknown key (did you mean "replicates"?)`, `${file}: seeed: unknown key (did you mean "seed"?)`]);
  });

  it('unknown keys inside a section of an experiment are suggested from that section', () => {
    const file = fileWith(`scenario: ${join(SCENARIOS, 'epstein-civil-violence.yaml')}\noutputs: { serie: all, headlines: [] }\n`);
    expect(linesOf(() => loadExperiment(file))).toEqual([
      `${file}: outputs.serie: unknown key (did you mean "series"?)`,
      `${file}: outputs.headlines: unknown key (did you mean "headline"?)`,
    ]);
  });

  it('a sensitivity section with two unknown keys names both, under sensitivity., each with its suggestion', () => {
    // Arrange
    const file = fileWith(`scenario: ../analytic/ishigami.yaml\nsensitivity:\n  parameters: { x1: { from: 0, to: 1 } }\n  outcomes: [y_final]\n  trajectorie: 4\n  levls: 4\n`);

    // Act
    const lines = linesOf(() => readSensitivityExperiment(file));

    // Assert
    expect(lines).toEqual([
      `${file}: sensitivity.trajectorie: unknown key (did you mean "trajectories"?)`,
      `${file}: sensitivity.levls: unknown key (did you mean "levels"?)`,
    ]);
  });

  it('a value of the wrong kind says what the field expects and what was found, at its full path', () => {
    const file = fileWith(`scenario: ../analytic/ishigami.yaml\nsensitivity:\n  parameters: { x1: { from: low, to: 1 } }\n  outcomes: [y_final]\n`);
    expect(linesOf(() => readSensitivityExperiment(file))).toEqual([`${file}: sensitivity.parameters.x1.from: expected a number, found "low"`]);
  });
});
