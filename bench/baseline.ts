/**
 * The Mali baseline (scenarios/mali-2012.yaml) at another resolution, as every Mali benchmark
 * loads it.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODELS } from '../src/agents/registry.ts';
import { loadScenario } from '../src/sim/scenario/index.ts';
import type { ModelDefinition, ScenarioBase } from '../src/sim/schedule.ts';

const BASELINE = join(fileURLToPath(new URL('..', import.meta.url)), 'scenarios/mali-2012.yaml');
const DEFAULT_MAX_SHARE_OF_GROUP = 0.25;

/**
 * The baseline at `peoplePerAgent` (and `rounds`, if given). Below 4 people per agent the default
 * recruitment cap (a quarter of a group) would allow no member at all, which the scenario rejects;
 * the cap is then raised to one person per agent so that the recruit phase still recruits.
 */
export function baselineAt(peoplePerAgent: number, rounds?: number): { model: ModelDefinition<ScenarioBase, unknown>; params: ScenarioBase } {
  const set = [`peoplePerAgent=${peoplePerAgent}`];
  if (peoplePerAgent * DEFAULT_MAX_SHARE_OF_GROUP < 1) set.push(`recruitment.maxShareOfGroup=${Math.ceil(1e4 / peoplePerAgent) / 1e4}`);
  return loadScenario(BASELINE, MODELS, { set, ...(rounds === undefined ? {} : { rounds }) });
}
