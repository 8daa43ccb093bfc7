import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSensitivityExperiment } from '../../../src/sim/sensitivity/settings.ts';
import { scratchFolder } from '../../support/scratch.ts';
import { scenarioErrorOf } from '../../support/scenario-error.ts';

function experimentFile(text: string): string {
  const file = join(scratchFolder('sensitivity'), 'study.yaml');
  writeFileSync(file, text);
  return file;
}

const BASE = 'scenario: ../analytic/ishigami.yaml\nseed: 42\n';

describe('sensitivity settings', () => {
  it('reads the section with its defaults, the experiment seed and the file name as id', () => {
    // Arrange
    const file = experimentFile(`${BASE}sensitivity:\n  parameters: { x1: { from: 0, to: 1 } }\n  outcomes: [y_final]\n`);

    // Act
    const { id, settings, experiment } = readSensitivityExperiment(file);

    // Assert
    expect(id).toBe('study');
    expect(settings).toEqual({
      method: 'morris',
      parameters: { x1: { from: 0, to: 1 } },
      outcomes: ['y_final'],
      trajectories: 10,
      levels: 4,
      samples: 512,
      sampler: 'sobol',
      bootstrap: 200,
      seed: 42,
    });
    expect(experiment).toEqual({ scenario: '../analytic/ishigami.yaml', seed: 42 });
  });

  it('lets the command line replace the method and sample sizes', () => {
    const file = experimentFile(`${BASE}sensitivity:\n  parameters: { x1: { from: 0, to: 1 } }\n  outcomes: [y_final]\n`);
    const { settings } = readSensitivityExperiment(file, { method: 'sobol', samples: 64, trajectories: 3 });
    expect([settings.method, settings.samples, settings.trajectories]).toEqual(['sobol', 64, 3]);
  });

  it('reports every problem of the section at once, naming file, field, expectation and what was found', () => {
    // Arrange
    const file = experimentFile(
      `${BASE}sweep: { method: list, points: [{ x1: 1 }] }\nsensitivity:\n  method: sobol\n  parameters: { x1: { from: 1, to: 0 } }\n  outcomes: [y_final]\n  samples: 500\n  trajectory: 4\n`,
    );

    // Act
    const error = scenarioErrorOf(() => readSensitivityExperiment(file));

    // Assert: the unknown key comes first, as zod reports it, then the sweep, then the cross-field rules
    const lines = error.message.split('\n');
    expect(lines).toContain(`${file}: sensitivity.trajectory: unknown key (did you mean "trajectories"?)`);
    expect(lines).toContain(`${file}: sweep: a sensitivity experiment has no sweep: its sample points come from sensitivity.parameters`);
  });

  it('checks the rules across fields: ranges, even levels, powers of 2 for the Sobol\' sequence', () => {
    // Arrange
    const file = experimentFile(
      `${BASE}sensitivity:\n  method: sobol\n  parameters: { x1: { from: 1, to: 0 }, x2: { from: 0, to: 1 } }\n  outcomes: [y_final]\n  samples: 500\n`,
    );
    const morris = experimentFile(`${BASE}sensitivity:\n  parameters: { x1: { from: 0, to: 1 } }\n  outcomes: [y_final]\n  levels: 5\n`);

    // Act
    const sobol = scenarioErrorOf(() => readSensitivityExperiment(file)).message.split('\n');
    const odd = scenarioErrorOf(() => readSensitivityExperiment(morris)).message;

    // Assert
    expect(sobol).toEqual([
      `${file}: sensitivity.parameters.x1: the range must have to > from, found from 1 to 0`,
      `${file}: sensitivity.samples: expected a power of 2 with sampler: sobol (the sequence is balanced in blocks of 2^m points), e.g. 256 or 512, found 500`,
    ]);
    expect(odd).toBe(`${morris}: sensitivity.levels: expected an even number of levels (Morris 1991: even p samples every level equally often), found 5`);
  });

  it('refuses strategies and a missing section with a hint of what to do', () => {
    const strategies = experimentFile(`${BASE}strategies: { aid: ../strategies/aid.yaml }\nsensitivity:\n  parameters: { x1: { from: 0, to: 1 } }\n  outcomes: [y]\n`);
    const missing = experimentFile(BASE);
    expect(scenarioErrorOf(() => readSensitivityExperiment(strategies)).message).toMatch(/strategies: a sensitivity experiment varies the parameters of one scenario/);
    expect(scenarioErrorOf(() => readSensitivityExperiment(missing)).message).toBe(
      `${missing}: sensitivity: expected a sensitivity section (parameters, outcomes, method…; docs/sensitivity.md), found nothing (the field is missing)`,
    );
  });
});
