/**
 * Validation of a merged scenario document against its model's schema, before any work
 * starts. Every issue is collected (not just the first) and turned into one line of the shape
 * `file: path: expected …, found …` (schema-issues.ts), naming the file or flag that set the
 * value and, for an unknown key, the nearest valid one. Time-varying expressions are evaluated
 * at every round of the run here, so an expression that leaves its range at round 400 fails
 * now, not then.
 */
import type { ModelDefinition, ScenarioBase } from '../schedule.ts';
import { Clock } from '../schedule.ts';
import { expressionProblem, findVarying } from '../varying.ts';
import { InternalError, ScenarioError, renderFound, type ScenarioIssue } from './errors.ts';
import { describeNumber, VARYING_INNER } from './fields.ts';
import { issueAt, originOf, type Document, type MergedDocument } from './load.ts';
import { schemaIssues, suggestion } from './schema-issues.ts';

/** Runs every time-varying value over the run's rounds against its range. */
function checkVaryingOverTime(params: ScenarioBase, merged: MergedDocument): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const clock = new Clock(params.rounds, params.calendar);
  for (const { path, varying } of findVarying(params)) {
    if (varying.isConstant) continue;
    const source = originOf(merged, path);
    const problem = expressionProblem(String(varying.source), clock.dates !== null);
    if (problem) {
      issues.push({ source, path, expected: '', found: '', message: problem });
      continue;
    }
    const inner = VARYING_INNER.get(varying);
    for (let round = 0; round <= params.rounds; round++) {
      clock.enterRound(round);
      let value: number;
      try {
        value = varying.valueAt(clock);
      } catch (error) {
        issues.push({ source, path, expected: '', found: '', message: `${(error as Error).message} at round ${round}` });
        break;
      }
      if (inner && !inner.safeParse(value).success) {
        const when = clock.dates ? ` (${clock.dates[Math.max(0, round - 1)]})` : '';
        issues.push({
          source,
          path,
          expected: describeNumber(inner),
          found: `${value} at round ${round}${when} from expression ${renderFound(varying.source)}`,
        });
        break;
      }
    }
  }
  return issues;
}

/** The models a scenario's `model` field may name. */
export type ModelRegistry = ReadonlyMap<string, ModelDefinition<ScenarioBase, unknown>>;

/**
 * A model registry as the composition root injects it into the engine: the map, and the URL of
 * the module that exports it as `MODELS`, which is how worker threads (which cannot be sent
 * functions) load the same registry.
 */
export interface ModelCatalog {
  readonly models: ModelRegistry;
  readonly module: string;
}

/** A scenario's model and parameters. */
export interface ParsedScenario {
  readonly model: ModelDefinition<ScenarioBase, unknown>;
  readonly params: ScenarioBase;
}

/** A parsed scenario with the merged document it came from (files, origins of each value). */
export interface ValidScenario extends ParsedScenario {
  readonly merged: MergedDocument;
}

/**
 * Validates a merged document: picks its model, checks every field, evaluates expressions.
 * @throws ScenarioError listing every problem found
 */
export function validateScenario(merged: MergedDocument, models: ModelRegistry): ValidScenario {
  const document = merged.document;
  const modelName = document['model'];
  const known = [...models.keys()];
  const model = typeof modelName === 'string' ? models.get(modelName) : undefined;
  if (!model) {
    const hint = typeof modelName === 'string' ? suggestion(modelName, known) : undefined;
    throw new ScenarioError([issueAt(merged, ['model'], `one of ${known.map((name) => JSON.stringify(name)).join(', ')}`, modelName, hint)]);
  }
  if (document['id'] === undefined) {
    const fromName = merged.entryName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    document['id'] = fromName === '' ? 'scenario' : fromName;
    merged.origins.set('id', merged.entry);
  }
  const parsed = model.schema.safeParse(document);
  if (!parsed.success) throw new ScenarioError(schemaIssues(parsed.error, model.schema, { value: document, sourceOf: (path) => originOf(merged, path) }));
  const timeIssues = checkVaryingOverTime(parsed.data, merged);
  if (timeIssues.length > 0) throw new ScenarioError(timeIssues);
  return { model, params: parsed.data, merged };
}

/**
 * A document that `validateScenario` has already accepted, parsed again into parameters: what a
 * worker thread does with the documents a batch plan resolved (no files, no time checks).
 * @throws InternalError when the document does not pass, which would mean the plan and the worker disagree
 */
export function parseValidatedScenario(document: Document, models: ModelRegistry): ParsedScenario {
  const model = models.get(String(document['model']));
  const parsed = model?.schema.safeParse(document);
  if (!model || !parsed?.success) {
    throw new InternalError(`a scenario validated by the plan fails in the worker (model ${JSON.stringify(document['model'])}): ${parsed?.error?.message ?? 'model not in the registry'}`);
  }
  return { model, params: parsed.data };
}
