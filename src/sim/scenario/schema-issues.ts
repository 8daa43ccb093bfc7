/**
 * Zod's issues in the project's words: what a schema field expects ("a number in [0, 1]"), the
 * nearest known name to a typo, and `schemaIssues`, which turns every issue of a failed parse
 * into ScenarioIssues (file or flag, dot path, expected, found, hint). Scenario files, experiment
 * files and their sensitivity sections all report through it, so an unknown key reads the same
 * everywhere and every unknown key of a mapping is named, each with its suggestion.
 */
import { closest, distance } from 'fastest-levenshtein';
import * as z from 'zod';
import { renderFound, type ScenarioIssue } from './errors.ts';
import { describeNumber, EXPRESSION_SCHEMAS } from './fields.ts';
import { valueAt } from './load.ts';

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

/** The words a field's metadata gives for what it accepts (`param(…, { accepts })`), if any. */
function acceptsOf(schema: z.ZodType | null): string | undefined {
  // `param` puts the metadata on whichever wrapper it was given: look at each.
  for (let current = schema; current !== null; ) {
    const accepts = (z.globalRegistry.get(current) as { accepts?: unknown } | undefined)?.accepts;
    if (typeof accepts === 'string') return accepts;
    const def = defOf(current);
    current = def.innerType ?? (def.type === 'pipe' && def.in ? def.in : null);
  }
  return undefined;
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

/** The document a schema checked, and how to name where each of its fields came from. */
export interface CheckedDocument {
  /** The value zod parsed: what `found` is read from. */
  readonly value: unknown;
  /** The file or flag that set the field at a dotted path of `value` (the file, for a single file). */
  readonly sourceOf: (path: string) => string;
  /** Where `value` sits in its file, put before every reported path (`['sensitivity']`); empty for a whole file. */
  readonly within?: readonly string[];
}

/**
 * Every issue of a failed parse, one ScenarioIssue each; an `unrecognized_keys` issue gives one
 * per unknown key, each with the nearest valid key of its mapping as a hint.
 * @example schemaIssues(error, schema, { value: document, sourceOf: () => 'study.yaml' })
 *   → [{ source: 'study.yaml', path: 'replicate', message: 'unknown key', hint: '(did you mean "replicates"?)', … }, …]
 */
export function schemaIssues(error: z.ZodError, schema: z.ZodType, checked: CheckedDocument): ScenarioIssue[] {
  const within = checked.within ?? [];
  const dotted = (path: readonly (string | number)[]): string => [...within, ...path].join('.');
  const at = (path: readonly (string | number)[], expected: string, found: unknown, hint?: string): ScenarioIssue => ({
    source: checked.sourceOf(path.join('.')),
    path: dotted(path),
    expected,
    found: renderFound(found),
    ...(hint === undefined ? {} : { hint }),
  });
  const told = (path: readonly (string | number)[], message: string, source = checked.sourceOf(path.join('.'))): ScenarioIssue => ({
    source,
    path: dotted(path),
    expected: '',
    found: '',
    message,
  });
  const issues: ScenarioIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
    const found = valueAt(checked.value, path);
    const field = schemaAt(schema, path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = objectKeys(field);
        for (const key of issue.keys) {
          const hint = suggestion(key, known);
          issues.push({ ...told([...path, key], 'unknown key'), ...(hint ? { hint } : {}) });
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
        issues.push(at(path, expected, found, hint));
        break;
      }
      case 'invalid_value': {
        const options = issue.values.filter((value): value is string => typeof value === 'string');
        const hint = typeof found === 'string' ? suggestion(found, options) : undefined;
        issues.push(at(path, field ? describeExpected(field) : issue.message, found, hint));
        break;
      }
      case 'invalid_format':
        issues.push(at(path, acceptsOf(field) ?? issue.message.replace(/^expected /, ''), found));
        break;
      case 'custom': {
        // Cross-field rules name the fields they compare, so the error names every source.
        const fields = (issue.params as { fields?: string[] } | undefined)?.fields ?? [path.join('.')];
        const sources = [...new Set(fields.map((name) => checked.sourceOf(name)))];
        issues.push(told(path, issue.message, sources.join(' and ')));
        break;
      }
      default: {
        const message = issue.message.startsWith('expected ') && found !== undefined ? `${issue.message}, found ${renderFound(found)}` : issue.message;
        issues.push(told(path, message));
      }
    }
  }
  return issues;
}
