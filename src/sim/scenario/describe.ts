/**
 * Reads a scenario schema back as documentation: one row per parameter with its path, what it
 * accepts, default, unit, symbol, meaning and source. The ODD parameter tables and the check
 * that every parameter is documented both come from here, so the docs cannot drift from the code.
 */
import * as z from 'zod';
import type { ParamDoc } from './fields.ts';
import { describeExpected, unwrap } from './schema-issues.ts';

export interface ParameterRow extends Partial<ParamDoc> {
  /** Dotted path, as in scenario files and `--set`. */
  readonly path: string;
  readonly accepts: string;
  /** JSON of the default, or undefined when the field has none. */
  readonly default?: string;
  readonly required: boolean;
}

interface WrapperDef {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  defaultValue?: unknown;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
}

/** Metadata and default gathered from a schema and every wrapper around it. */
function fieldFacts(schema: z.ZodType): { doc: Partial<ParamDoc>; defaultValue?: unknown; optional: boolean } {
  let doc: Partial<ParamDoc> = {};
  let defaultValue: unknown;
  let optional = false;
  let current: z.ZodType | undefined = schema;
  while (current) {
    doc = { ...(z.globalRegistry.get(current) as Partial<ParamDoc> | undefined), ...doc };
    const def: WrapperDef = (current as unknown as { def: WrapperDef }).def;
    if ((def.type === 'default' || def.type === 'prefault') && defaultValue === undefined) defaultValue = def.defaultValue;
    if (def.type === 'optional') optional = true;
    current = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  }
  return { doc, ...(defaultValue === undefined ? {} : { defaultValue }), optional };
}

/**
 * Every leaf parameter of a scenario schema, depth first in declaration order. A field inside an
 * optional (or defaulted) object is not required, whatever it is within that object.
 */
export function describeParameters(schema: z.ZodType, prefix = '', insideOptional = false): ParameterRow[] {
  const inner = unwrap(schema);
  const def = (inner as unknown as { def: WrapperDef }).def;
  const facts = fieldFacts(schema);
  const optional = insideOptional || facts.optional || facts.defaultValue !== undefined;
  if (def.type === 'object' && def.shape) {
    return Object.entries(def.shape).flatMap(([key, child]) => describeParameters(child, prefix ? `${prefix}.${key}` : key, optional));
  }
  // A mapping of names (regions, groups) to structured values: document one entry as `<name>`.
  if (def.type === 'record' && def.valueType && ['object', 'record'].includes(unwrap(def.valueType).def.type)) {
    return describeParameters(def.valueType, `${prefix}.<name>`, optional);
  }
  const defaultText = facts.defaultValue === undefined ? facts.doc.defaultText : JSON.stringify(facts.defaultValue);
  return [
    {
      path: prefix,
      accepts: describeExpected(schema),
      ...(defaultText === undefined ? {} : { default: defaultText }),
      required: !optional && defaultText === undefined,
      ...facts.doc,
    },
  ];
}
