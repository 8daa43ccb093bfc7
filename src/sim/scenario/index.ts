/**
 * The scenario pipeline in one call: read the file and what it extends, apply command-line
 * overrides, validate. Nothing is run or written until this has returned.
 */
import { applyOverride, loadScenarioDocument } from './load.ts';
import { validateScenario, type ModelRegistry, type ValidScenario } from './validate.ts';

export interface ScenarioOverrides {
  /** Overlay files merged after the scenario file, in order (strategies). */
  readonly overlays?: readonly string[];
  /** `path=value` assignments, applied in order after all files. */
  readonly set?: readonly string[];
  readonly rounds?: number;
}

/**
 * @throws ScenarioError listing every problem in the files and overrides
 */
export function loadScenario(file: string, models: ModelRegistry, overrides: ScenarioOverrides = {}): ValidScenario {
  const merged = loadScenarioDocument(file, ...(overrides.overlays ?? []));
  for (const assignment of overrides.set ?? []) applyOverride(merged, assignment);
  if (overrides.rounds !== undefined) applyOverride(merged, `rounds=${overrides.rounds}`, `--rounds ${overrides.rounds}`);
  return validateScenario(merged, models);
}

export { ScenarioError, InternalError, formatIssue, type ScenarioIssue } from './errors.ts';
export type { ValidScenario, ModelRegistry } from './validate.ts';
