/**
 * Reads a scenario schema back as documentation: one row per parameter with its path, what it
 * accepts, default, unit, symbol, meaning and source. The ODD parameter tables and the check
 * that every parameter is documented both come from here, so the docs cannot drift from the code.
 */
import * as z from 'zod';
import type { ParamDoc } from './fields.ts';
import { describeExpected, unwrap } from './validate.ts';

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

/** Every leaf parameter of a scenario schema, depth first in declaration order. */
export function describeParameters(schema: z.ZodType, prefix = ''): ParameterRow[] {
  const inner = unwrap(schema);
  const def = (inner as unknown as { def: WrapperDef }).def;
  if (def.type === 'object' && def.shape) {
    return Object.entries(def.shape).flatMap(([key, child]) => describeParameters(child, prefix ? `${prefix}.${key}` : key));
  }
  const facts = fieldFacts(schema);
  const defaultText = facts.defaultValue === undefined ? facts.doc.defaultText : JSON.stringify(facts.defaultValue);
  return [
    {
      path: prefix,
      accepts: describeExpected(schema),
      ...(defaultText === undefined ? {} : { default: defaultText }),
      required: !facts.optional && defaultText === undefined,
      ...facts.doc,
    },
  ];
}
