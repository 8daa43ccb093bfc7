/**
 * Validation of a merged scenario document against its model's schema, before any work
 * starts. Every issue is collected (not just the first) and turned into one line of the shape
 * `file: path: expected …, found …`, naming the file or flag that set the value and, for an
 * unknown key, the nearest valid one. Time-varying expressions are evaluated at every round
 * of the run here, so an expression that leaves its range at round 400 fails now, not then.
 */
import { closest, distance } from 'fastest-levenshtein';
import * as z from 'zod';
import type { ModelDefinition, ScenarioBase } from '../schedule.ts';
import { Clock } from '../schedule.ts';
import { expressionProblem, findVarying } from '../varying.ts';
import { InternalError, ScenarioError, renderFound, type ScenarioIssue } from './errors.ts';
import { describeNumber, EXPRESSION_SCHEMAS, VARYING_INNER } from './fields.ts';
import { issueAt, originOf, valueAt, type Document, type MergedDocument } from './load.ts';

// Zod 4 exposes each schema's definition as `def`; these are the parts we walk.
interface SchemaDef {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
  entries?: Record<string, unknown>;
}

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { def: SchemaDef }).def;
}

/** Strips default/optional/nullable/pipe wrappers down to the schema that checks the value. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** The schema of the field at `path`, or null when the path leaves the schema. */
export function schemaAt(schema: z.ZodType, path: readonly (string | number)[]): z.ZodType | null {
  let current: z.ZodType | null = schema;
  for (const key of path) {
    if (current === null) return null;
    const def = defOf(unwrap(current));
    if (def.type === 'object') current = def.shape?.[String(key)] ?? null;
    else if (def.type === 'array') current = def.element ?? null;
    else if (def.type === 'record') current = def.valueType ?? null;
    else if (def.type === 'union') current = def.options?.map((option) => schemaAt(option, [key])).find((found) => found) ?? null;
    else return null;
  }
  return current;
}

/** What a field expects, in words: "a number in [0, 1]", "one of "moore", "von-neumann"". */
export function describeExpected(schema: z.ZodType): string {
  if (EXPRESSION_SCHEMAS.has(schema)) return 'an expression';
  const inner = unwrap(schema);
  if (EXPRESSION_SCHEMAS.has(inner)) return 'an expression';
  const accepts = (z.globalRegistry.get(inner) as { accepts?: unknown } | undefined)?.accepts;
  if (typeof accepts === 'string') return accepts;
  const def = defOf(inner);
  switch (def.type) {
    case 'number':
      return describeNumber(inner as z.ZodNumber);
    case 'string':
      return 'a text';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'a mapping of fields';
    case 'record':
      return 'a mapping of names to values';
    case 'array':
      return 'a list';
    case 'enum':
      return `one of ${Object.values(def.entries ?? {})
        .map((value) => JSON.stringify(value))
        .join(', ')}`;
    case 'literal':
      return (def.values ?? []).map((value) => JSON.stringify(value)).join(' or ');
    case 'union':
      return (def.options ?? []).map(describeExpected).join(' or ');
    default:
      return def.type;
  }
}

function objectKeys(schema: z.ZodType | null): string[] {
  if (schema === null) return [];
  const def = defOf(unwrap(schema));
  if (def.type === 'object') return Object.keys(def.shape ?? {});
  if (def.type === 'union') return (def.options ?? []).flatMap((option) => objectKeys(option));
  return [];
}

/** ` (did you mean "vision"?)` when a known name is close enough to be a typo. */
export function suggestion(name: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const nearest = closest(name, [...known]);
  const limit = Math.max(2, Math.floor(name.length / 3));
  return distance(name.toLowerCase(), nearest.toLowerCase()) <= limit ? `(did you mean "${nearest}"?)` : undefined;
}

function toScenarioIssues(error: z.ZodError, schema: z.ZodType, merged: MergedDocument): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
    const found = valueAt(merged.document, path);
    const field = schemaAt(schema, path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = objectKeys(field);
        for (const key of issue.keys) {
          const keyPath = [...path, key];
          const hint = suggestion(key, known);
          issues.push({
            source: originOf(merged, keyPath.join('.')),
            path: keyPath.join('.'),
            expected: '',
            found: '',
            message: 'unknown key',
            ...(hint ? { hint } : {}),
          });
        }
        break;
      }
      case 'invalid_type':
      case 'invalid_union':
      case 'too_big':
      case 'too_small': {
        const expected = field ? describeExpected(field) : issue.message;
        // An unquoted expression reads as YAML (a mapping, a list): say how to write it.
        const hint =
          expected.endsWith('an expression') && found !== null && typeof found === 'object'
            ? '(quote an expression so YAML reads it as text, e.g. legitimacy: "round < 200 ? 0.82 : 0.6")'
            : undefined;
        issues.push(issueAt(merged, path, expected, found, hint));
        break;
      }
      case 'invalid_value': {
        const options = issue.values.filter((value): value is string => typeof value === 'string');
        const hint = typeof found === 'string' ? suggestion(found, options) : undefined;
        issues.push(issueAt(merged, path, field ? describeExpected(field) : issue.message, found, hint));
        break;
      }
      case 'invalid_format':
        issues.push(issueAt(merged, path, issue.message.replace(/^expected /, ''), found));
        break;
      case 'custom': {
        // Cross-field rules name the fields they compare, so the error names every source.
        const fields = (issue.params as { fields?: string[] } | undefined)?.fields ?? [path.join('.')];
        const sources = [...new Set(fields.map((name) => originOf(merged, name)))];
        issues.push({ source: sources.join(' and '), path: path.join('.'), expected: '', found: '', message: issue.message });
        break;
      }
      default: {
        const message = issue.message.startsWith('expected ') && found !== undefined ? `${issue.message}, found ${renderFound(found)}` : issue.message;
        issues.push({ source: originOf(merged, path.join('.')), path: path.join('.'), expected: '', found: '', message });
      }
    }
  }
  return issues;
}

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
  if (!parsed.success) throw new ScenarioError(toScenarioIssues(parsed.error, model.schema, merged));
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
