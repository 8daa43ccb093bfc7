/**
 * Parameters that vary with simulated time (ODD Details › Input data): a scenario value is
 * either a number or a mathjs expression of the clock, compiled once when the scenario is
 * read and evaluated once a round by the engine. Models read `.value`.
 *
 * In an expression:
 * - `round`: the round being simulated, 1, 2, …; 0 while the model is initialised;
 * - `year`: decimal calendar year at the start of that round (2013.5 is about 2 July 2013),
 *   only in scenarios with a `calendar`;
 * - `date("2013-07-01")`: that day as a decimal year;
 * - `interp(x, xs, ys)`: linear interpolation through the points (xs, ys), flat beyond the ends;
 * - `steps(x, xs, ys)`: ys[0] before xs[0], ys[i] from xs[i−1] on (ys has one more entry than xs);
 * - every mathjs function and constant (`min`, `max`, `exp`, `pi`, …) and `cond ? a : b`.
 */
import { createRequire } from 'node:module';
import { closest, distance } from 'fastest-levenshtein';
import type { EvalFunction, MathJsInstance, MathNode } from 'mathjs';

/** The clock as expressions see it. */
export interface TimeScope {
  round: number;
  /** Decimal calendar year; NaN when the scenario has no calendar. */
  year: number;
}

const MS_PER_DAY = 86_400_000;

/** 1 January of a year, UTC, in ms; setUTCFullYear because Date.UTC reads years 0–99 as 1900–1999. */
function utcNewYear(year: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, 0, 1);
  return date.getTime();
}

/** Decimal year of an ISO date (YYYY-MM-DD, UTC): year + elapsed days / days in that year. */
export function decimalYear(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const time = Date.parse(`${isoDate}T00:00:00Z`);
  if (!match || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== isoDate) {
    throw new Error(`expected a date as YYYY-MM-DD, found "${isoDate}"`);
  }
  const year = Number(match[1]);
  const startOfYear = utcNewYear(year);
  const daysInYear = (utcNewYear(year + 1) - startOfYear) / MS_PER_DAY;
  return year + (time - startOfYear) / MS_PER_DAY / daysInYear;
}

function interp(x: number, xs: number[], ys: number[]): number {
  if (xs.length === 0 || xs.length !== ys.length) throw new Error('interp(x, xs, ys) needs xs and ys of equal, non-zero length');
  if (x <= xs[0]) return ys[0];
  for (let i = 1; i < xs.length; i++) {
    if (x <= xs[i]) return ys[i - 1] + ((ys[i] - ys[i - 1]) * (x - xs[i - 1])) / (xs[i] - xs[i - 1]);
  }
  return ys[ys.length - 1];
}

function steps(x: number, xs: number[], ys: number[]): number {
  if (ys.length !== xs.length + 1) throw new Error('steps(x, xs, ys) needs one more value in ys than breakpoints in xs');
  let i = 0;
  while (i < xs.length && x >= xs[i]) i++;
  return ys[i];
}

let instance: MathJsInstance | null = null;

/**
 * The mathjs instance, loaded on first use through its CommonJS build: that halves its
 * start-up cost (about 0.7 s instead of 1.4 s here) and spares it entirely to scenarios
 * without expressions.
 */
function mathjs(): MathJsInstance {
  if (instance === null) {
    const { create, all } = createRequire(import.meta.url)('mathjs') as typeof import('mathjs');
    instance = create(all, { matrix: 'Array' });
    instance.import({ date: decimalYear, interp, steps }, { override: true });
  }
  return instance;
}

/** The names an expression may read besides mathjs's own functions and constants. */
function clockSymbols(hasCalendar: boolean): string[] {
  return hasCalendar ? ['round', 'year'] : ['round'];
}

/**
 * Why an expression cannot be used, or null when it parses and names only known symbols.
 * `hasCalendar` undefined: not yet known (while the schema is checked), so `year` is allowed.
 */
export function expressionProblem(source: string, hasCalendar?: boolean): string | null {
  const math = mathjs();
  let node: MathNode;
  try {
    node = math.parse(source);
  } catch (error) {
    return `cannot parse expression "${source}": ${(error as Error).message}`;
  }
  const known = clockSymbols(hasCalendar !== false);
  let problem: string | null = null;
  node.traverse((child, path, parent) => {
    if (problem || !('isSymbolNode' in child) || !child.isSymbolNode) return;
    const name = (child as unknown as { name: string }).name;
    const isFunction = parent !== null && 'isFunctionNode' in parent && parent.isFunctionNode && path === 'fn';
    if (isFunction) {
      if (typeof (math as unknown as Record<string, unknown>)[name] === 'function') return;
      const functions = ['date', 'interp', 'steps', 'min', 'max', 'exp', 'log', 'abs', 'round', 'floor', 'ceil', 'sqrt'];
      const nearest = closest(name, functions);
      problem = `expression "${source}" calls unknown function "${name}"${distance(name, nearest) <= 2 ? ` (did you mean "${nearest}"?)` : ''}`;
      return;
    }
    if (known.includes(name) || name in math) return;
    if (name === 'year' && hasCalendar === false) {
      problem = `expression "${source}" uses year, but the scenario has no calendar`;
      return;
    }
    const nearest = closest(name, known);
    const hint = distance(name, nearest) <= 2 ? ` (did you mean "${nearest}"?)` : ` (known: ${known.join(', ')})`;
    problem = `expression "${source}" uses unknown name "${name}"${hint}`;
  });
  return problem;
}

/**
 * A parameter that is a constant or an expression of the clock. `value` holds its value for
 * the current round; the engine calls `update` at the start of every round.
 */
export class Varying {
  value: number;
  private readonly compiled: EvalFunction | null;

  constructor(readonly source: number | string) {
    if (typeof source === 'number') {
      this.compiled = null;
      this.value = source;
    } else {
      this.compiled = mathjs().compile(source);
      this.value = Number.NaN;
    }
  }

  get isConstant(): boolean {
    return this.compiled === null;
  }

  /** The expression's value at this time; throws when it is not a finite number. */
  valueAt(scope: TimeScope): number {
    if (this.compiled === null) return this.value;
    const result: unknown = this.compiled.evaluate({ round: scope.round, year: scope.year });
    const value = typeof result === 'boolean' ? Number(result) : result;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`expression "${this.source}" gave ${String(result)}, not a finite number`);
    }
    return value;
  }

  update(scope: TimeScope): void {
    if (this.compiled !== null) this.value = this.valueAt(scope);
  }

  /** A copy with its own `value`, sharing the compiled expression (one per run). */
  clone(): Varying {
    const copy = Object.create(Varying.prototype) as Varying;
    Object.assign(copy, this);
    return copy;
  }

  /** Scenario files and manifests show the source, not the current value. */
  toJSON(): number | string {
    return this.source;
  }
}

/** Every Varying in a parameter tree, with its dotted path. */
export function findVarying(tree: unknown, path = ''): { path: string; varying: Varying }[] {
  if (tree instanceof Varying) return [{ path, varying: tree }];
  if (tree === null || typeof tree !== 'object') return [];
  const found: { path: string; varying: Varying }[] = [];
  for (const [key, child] of Object.entries(tree)) {
    found.push(...findVarying(child, path ? `${path}.${key}` : key));
  }
  return found;
}

/** A deep copy of a parameter tree in which every Varying is cloned, so each run owns its values. */
export function cloneParams<T>(tree: T): T {
  if (tree instanceof Varying) return tree.clone() as T;
  if (Array.isArray(tree)) return tree.map((item: unknown) => cloneParams(item)) as T;
  if (tree === null || typeof tree !== 'object') return tree;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(tree)) copy[key] = cloneParams(child);
  return copy as T;
}
