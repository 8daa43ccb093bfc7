/** What a test of bad input needs: the ScenarioError an action throws. */
import { ScenarioError } from '../../src/sim/scenario/errors.ts';

/**
 * The ScenarioError `action` throws; fails the test when it throws nothing or something else.
 * @example scenarioErrorOf(() => loadExperiment(file)).message.split('\n') → ['study.yaml: replicate: unknown key (did you mean "replicates"?)']
 */
export function scenarioErrorOf(action: () => unknown): ScenarioError {
  try {
    action();
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('expected a ScenarioError, but nothing was thrown');
}
