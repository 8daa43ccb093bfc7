/**
 * The models a scenario can name in its `model` field, and each one's reference scenario (the
 * scenario its documentation and shared tests are generated from).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../sim/package-root.ts';
import type { ModelDefinition, ScenarioBase } from '../sim/schedule.ts';
import type { ModelCatalog } from '../sim/scenario/validate.ts';
import { analyticModel } from './analytic/model.ts';
import { epsteinModel } from './epstein/model.ts';
import { maliModel } from './mali/model.ts';

type AnyModel = ModelDefinition<ScenarioBase, unknown>;

export const MODELS: ReadonlyMap<string, AnyModel> = new Map([
  [epsteinModel.id, epsteinModel as unknown as AnyModel],
  [maliModel.id, maliModel as unknown as AnyModel],
  [analyticModel.id, analyticModel as unknown as AnyModel],
]);

/**
 * The registry as the engine's batches take it: worker threads import this module for `MODELS`.
 * From the sources that is this file; bundled (scripts/build.mjs), its code sits in a shared
 * chunk, and the module that exports `MODELS` by name is the entry point dist/agents/registry.js.
 */
export const CATALOG: ModelCatalog = {
  models: MODELS,
  module: import.meta.url.endsWith('.ts') ? import.meta.url : pathToFileURL(join(PACKAGE_ROOT, 'dist/agents/registry.js')).href,
};

/** Reference scenario of each model, relative to the repository root. */
export const REFERENCE_SCENARIOS: Readonly<Record<string, string>> = {
  'epstein-civil-violence': 'scenarios/epstein-civil-violence.yaml',
  mali: 'scenarios/mali-2012.yaml',
  analytic: 'scenarios/analytic/ishigami.yaml',
};
