/**
 * The models a scenario can name in its `model` field.
 */
import type { ModelDefinition, ScenarioBase } from '../sim/schedule.ts';
import { epsteinModel } from './epstein/model.ts';

export const MODELS: ReadonlyMap<string, ModelDefinition<ScenarioBase, unknown>> = new Map([
  [epsteinModel.id, epsteinModel as unknown as ModelDefinition<ScenarioBase, unknown>],
]);
