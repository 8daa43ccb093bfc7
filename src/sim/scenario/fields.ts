/**
 * Building blocks of scenario schemas. Each parameter's documentation lives here, once, on its
 * schema (description, symbol, unit, source): the ODD parameter tables and
 * docs/scenario.schema.json are generated from it (scripts/generate-docs.ts).
 */
import { closest, distance } from 'fastest-levenshtein';
import * as z from 'zod';
import { createPlaceGraph, type PlaceGraph } from '../space/graph.ts';
import { expressionProblem, Varying } from '../varying.ts';

/** What the documentation says of a parameter. */
export interface ParamDoc {
  /** One or two sentences: what it is in the model. */
  readonly description: string;
  /** The source's symbol, e.g. `L` in Epstein (2002). */
  readonly symbol?: string;
  /** Unit, or `1` for a pure number, `share` for a fraction in [0, 1]. */
  readonly unit: string;
  /** Where the default comes from: a paper, a dataset in shared/data, or "assumption, to calibrate". */
  readonly source: string;
  /** What the field accepts, in words, when the type alone does not say it (e.g. a date format). */
  readonly accepts?: string;
  /** The default in words, when it is computed rather than fixed. */
  readonly defaultText?: string;
}

/** Attaches a parameter's documentation to its schema. */
export function param<T extends z.ZodType>(schema: T, doc: ParamDoc): T {
  return schema.meta({ ...doc });
}

/** A number in [0, 1]. */
export const probability = (): z.ZodNumber => z.number().min(0).max(1);

const expressionText = z
  .string()
  .min(1)
  .meta({ description: 'a mathjs expression of round and year, e.g. "year < date(\\"2013-07-01\\") ? 0 : 11200"' });

/** Marks the string branch of time-varying fields, so error messages say "an expression". */
export const EXPRESSION_SCHEMAS = new WeakSet<z.ZodType>([expressionText]);

/**
 * A parameter that may vary with time: a number satisfying `inner`, or an expression whose
 * values are checked against `inner` at every round before the run starts.
 */
export function varying(inner: z.ZodNumber): z.ZodType<Varying, number | string> {
  return z.union([inner, expressionText]).transform((source, context) => {
    const problem = typeof source === 'string' ? expressionProblem(source) : null;
    if (problem) {
      context.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    try {
      const value = new Varying(source);
      VARYING_INNER.set(value, inner);
      return value;
    } catch (error) {
      context.addIssue({ code: 'custom', message: `cannot read expression "${source}": ${(error as Error).message}` });
      return z.NEVER;
    }
  });
}

/** The number schema each Varying must satisfy at every round. */
export const VARYING_INNER = new WeakMap<Varying, z.ZodNumber>();

/** What a number field accepts, in words for messages: "a number in [0, 1]", "a number > 0". */
export function describeNumber(schema: z.ZodNumber): string {
  const noun = schema.isInt ? 'an integer' : 'a number';
  let lower: { value: number; inclusive: boolean } | null = null;
  let upper: { value: number; inclusive: boolean } | null = null;
  const checks = (schema.def.checks ?? []) as unknown as { _zod: { def: { check: string; value: number; inclusive: boolean } } }[];
  for (const { _zod } of checks) {
    const { check, value, inclusive } = _zod.def;
    // z.int() bounds itself to safe integers: not worth saying.
    if (Math.abs(value) >= Number.MAX_SAFE_INTEGER) continue;
    if (check === 'greater_than') lower = { value, inclusive };
    if (check === 'less_than') upper = { value, inclusive };
  }
  if (lower && upper) return `${noun} in ${lower.inclusive ? '[' : '('}${lower.value}, ${upper.value}${upper.inclusive ? ']' : ')'}`;
  if (lower) return `${noun} ${lower.inclusive ? '≥' : '>'} ${lower.value}`;
  if (upper) return `${noun} ${upper.inclusive ? '≤' : '<'} ${upper.value}`;
  return noun;
}

/** A calendar date written YYYY-MM-DD. */
export const isoDate = z
  .string()
  .meta({ accepts: 'a date as YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), {
    message: 'expected a real calendar date as YYYY-MM-DD',
  });

export const calendarSchema = z
  .strictObject({
    start: param(isoDate, { description: 'Date of round 0 (the initial state), YYYY-MM-DD.', unit: 'date', source: 'scenario' }),
    roundDays: param(z.int().min(1).max(366), {
      description: 'Simulated days per round; 7 makes weekly rounds.',
      unit: 'days',
      source: 'scenario',
    }),
  })
  .meta({ description: 'Dates of the rounds. Without it, rounds are plain steps and expressions cannot use `year`.' });

/** The `model` field of a model's scenarios: the literal that selects it. */
export function modelField<const Id extends string>(id: Id): z.ZodLiteral<Id> {
  return param(z.literal(id), { description: 'Which model the scenario runs.', unit: 'name', source: 'scenario' });
}

/** Fields every scenario has, whatever its model. */
export const commonFields = {
  id: param(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lowercase letters, digits and hyphens'), {
    description: 'Scenario identifier, part of every run seed and of the default output folder name.',
    unit: 'text',
    source: 'scenario',
    accepts: 'lowercase letters, digits and hyphens',
    defaultText: 'the file name without extension',
  }),
  title: param(z.string().optional(), { description: 'A human title for reports.', unit: 'text', source: 'scenario' }),
  description: param(z.string().optional(), { description: 'What the scenario is for.', unit: 'text', source: 'scenario' }),
  rounds: param(z.int().min(1).max(1_000_000), {
    description: 'Number of rounds to simulate (`--rounds` overrides).',
    unit: 'rounds',
    source: 'scenario',
  }),
  seed: param(z.int().min(0).max(Number.MAX_SAFE_INTEGER).optional(), {
    description: 'Seed of a single run when `--seed` is not given; with neither, one is drawn and printed.',
    unit: '1',
    source: 'scenario',
  }),
  calendar: calendarSchema.optional(),
  strategy: z
    .strictObject({
      label: param(z.string().min(1), { description: 'Short name of the policy lever.', unit: 'text', source: 'scenario' }),
      mechanism: param(z.string().min(1), {
        description: 'The model mechanism the lever acts on, as named in the model\'s ODD description.',
        unit: 'text',
        source: 'scenario',
      }),
      source: param(z.string().min(1), { description: 'Where the lever comes from (a seed document, a policy).', unit: 'text', source: 'scenario' }),
      changes: param(z.array(z.string().min(1)).min(1), {
        description: 'The parameter paths the overlay changes; a test checks it changes nothing else.',
        unit: 'paths',
        source: 'scenario',
      }),
      expect: z
        .strictObject({
          outcome: param(z.string().min(1), { description: 'A summary column the lever should move.', unit: 'column', source: 'scenario' }),
          direction: param(z.enum(['up', 'down']), { description: 'Which way it should move against the baseline.', unit: 'category', source: 'scenario' }),
        })
        .optional(),
    })
    .optional()
    .meta({ description: 'Set by strategy overlays: what the lever is and what it changes.' }),
  testing: z
    .strictObject({
      failAtRound: param(z.int().min(1).nullable().default(null), {
        description: 'Makes the run fail at this round, to test how batches isolate and report failed runs. Never set it in a real scenario.',
        unit: 'round',
        source: 'testing only',
      }),
    })
    .optional(),
} as const;

/**
 * A map of named places (regions, camps) with their adjacency, checked for dangling names:
 * `{ Gao: { adjacent: [Kidal, Mopti], …attributes } }`. Adjacency is undirected, so naming a
 * neighbour on one side is enough. Build the graph with `placeGraphOf`.
 */
export function placesField<T extends z.ZodRawShape>(attributes: T) {
  const place = z.strictObject({
    adjacent: param(z.array(z.string()).default([]), {
      description: 'Names of the places that share a border with this one (listing it on either side is enough).',
      unit: 'place names',
      source: 'scenario',
    }),
    ...attributes,
  });
  return z.record(z.string().min(1), place).superRefine((places, context) => {
    const names = Object.keys(places);
    if (names.length === 0) context.addIssue({ code: 'custom', path: [], message: 'expected at least one place' });
    for (const [name, value] of Object.entries(places)) {
      const adjacent = (value as { adjacent: string[] }).adjacent;
      adjacent.forEach((neighbour, index) => {
        if (places[neighbour] !== undefined) return;
        const nearest = names.length > 0 ? closest(neighbour, names) : undefined;
        context.addIssue({
          code: 'custom',
          path: [name, 'adjacent', index],
          message: `names unknown place "${neighbour}"${nearest && distance(neighbour, nearest) <= 3 ? ` (did you mean "${nearest}"?)` : ''}; places are ${names.join(', ')}`,
        });
      });
    }
  });
}

/** The place graph of a validated `placesField` value, places indexed in file order. */
export function placeGraphOf(places: Readonly<Record<string, { readonly adjacent: readonly string[] }>>): PlaceGraph {
  const edges = Object.entries(places).flatMap(([name, { adjacent }]) => adjacent.map((other) => [name, other] as const));
  return createPlaceGraph(Object.keys(places), edges);
}
