/**
 * Checks a sensitivity design against its model before any run: every parameter must accept both
 * ends of its range in the base scenario, and every outcome must be a summary column of the model.
 * Problems read like scenario errors and name the experiment file's field.
 */
import type { LoadedExperiment } from '../batch/experiment.ts';
import { runOverrides } from '../batch/plan.ts';
import { summaryNames } from '../metrics.ts';
import { observationOf } from '../schedule.ts';
import { formatIssue, ScenarioError, type ScenarioIssue } from '../scenario/errors.ts';
import { loadScenario } from '../scenario/index.ts';
import { suggestion } from '../scenario/schema-issues.ts';
import type { ModelRegistry } from '../scenario/validate.ts';
import type { SensitivityExperiment } from './settings.ts';

/**
 * Checks, before any run, that every parameter accepts both ends of its range in the base
 * scenario (with the experiment's `set` and `--set`) and that every outcome is a summary column
 * of the model.
 * @throws ScenarioError listing every problem
 */
export function checkDesign(sensitivity: SensitivityExperiment, loaded: LoadedExperiment, models: ModelRegistry): void {
  const issues: ScenarioIssue[] = [];
  const common = runOverrides(loaded, { index: 0, values: {}, set: [] });
  const load = (set: readonly string[]) => loadScenario(loaded.base, models, { ...common, set: [...common.set, ...set] });
  const base = load([]);
  for (const [path, { from, to }] of Object.entries(sensitivity.settings.parameters)) {
    const problems = (value: number): ScenarioIssue[] => {
      try {
        load([`${path}=${value}`]);
        return [];
      } catch (error) {
        if (!(error instanceof ScenarioError)) throw error;
        return [...error.issues];
      }
    };
    const atFrom = problems(from);
    const atTo = problems(to);
    // A problem of the path itself (an unknown key) comes up at both ends: say it once.
    const text = (issue: ScenarioIssue): string => formatIssue({ ...issue, source: '' });
    const both = new Set(atFrom.map(text).filter((line) => atTo.some((issue) => text(issue) === line)));
    const where = (end: string): string => `${sensitivity.source}: sensitivity.parameters.${path}${end}`;
    for (const issue of atFrom) issues.push({ ...issue, source: where(both.has(text(issue)) ? '' : ` (from ${from})`) });
    for (const issue of atTo) if (!both.has(text(issue))) issues.push({ ...issue, source: where(` (to ${to})`) });
  }
  const { metrics, summaries } = observationOf(base.model, base.params);
  const known = summaryNames(metrics, summaries);
  sensitivity.settings.outcomes.forEach((outcome, o) => {
    if (known.includes(outcome)) return;
    const hint = suggestion(outcome, known);
    issues.push({
      source: sensitivity.source,
      path: `sensitivity.outcomes.${o}`,
      expected: `a summary outcome of model ${base.model.id} (docs/outputs.md)`,
      found: JSON.stringify(outcome),
      ...(hint ? { hint } : {}),
    });
  });
  if (issues.length > 0) throw new ScenarioError(issues);
}
