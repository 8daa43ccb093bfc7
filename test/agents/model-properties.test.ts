import { resolve } from 'node:path';
import { describe } from 'vitest';
import { MODELS } from '../../src/agents/registry.ts';
import { loadScenario } from '../../src/sim/scenario/index.ts';
import { differentSeedDifferentOutput, everyMetricHasItsOwnTitle, sameSeedSameBytes, snapshotContinuesExactly } from '../support/model-properties.ts';

/** Each registered model's reference scenario, shortened so the properties run quickly. */
const REFERENCE: Record<string, { file: string; rounds: number; set?: string[] }> = {
  'epstein-civil-violence': { file: 'scenarios/epstein-civil-violence.yaml', rounds: 120, set: ['legitimacy=0.7'] },
  mali: { file: 'scenarios/mali-2012.yaml', rounds: 70, set: ['peoplePerAgent=255'] },
  analytic: { file: 'scenarios/analytic/ishigami.yaml', rounds: 4, set: ['noise=0.1', 'x1=1', 'x2=2', 'x3=3'] },
};

describe.each([...MODELS.keys()])('model %s', (id) => {
  const reference = REFERENCE[id];
  if (!reference) throw new Error(`model ${id} has no reference scenario in test/agents/model-properties.test.ts`);
  const { model, params } = loadScenario(resolve(import.meta.dirname, '../..', reference.file), MODELS, {
    rounds: reference.rounds,
    set: reference.set ?? [],
  });
  sameSeedSameBytes(model, params);
  differentSeedDifferentOutput(model, params);
  snapshotContinuesExactly(model, params);
  everyMetricHasItsOwnTitle(model, params);
});
