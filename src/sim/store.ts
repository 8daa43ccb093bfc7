/**
 * Columnar agent tables (ODD Overview › Entities, for populations of many agents).
 *
 * Trade-off: one typed array per attribute gives a few bytes per agent, no garbage-collector
 * churn, tight loops the JIT can keep monomorphic, and state that copies (or transfers to a
 * worker) as a handful of buffers. What it loses is the loggable object per agent, so
 * `describeAgent(table, i)` rebuilds one for tests and debugging.
 *
 * Removal policy: an agent's index is its id for the whole run and is never reused. Models
 * mark departures (death, jail, exile) in a status column instead of compacting the table,
 * so iteration order never depends on who left (compare bitECS's swap-remove).
 *
 * Tables and place indexes are plain data (no classes), so a model state made of them
 * snapshots with structuredClone and crosses to worker threads as-is.
 *
 * Bounds: a table has a fixed capacity chosen at creation; models loop over [0, size), so
 * kernels index the columns without per-access checks (noUncheckedIndexedAccess is off).
 */

/** Storage type of a column. Declared once, so memory size and CSV types both come from it. */
export type ColumnType = 'f64' | 'f32' | 'i32' | 'u32' | 'i16' | 'u16' | 'i8' | 'u8';

export interface ColumnSpec {
  readonly type: ColumnType;
  /** One line: what the attribute is in the model, with its symbol and unit. */
  readonly doc: string;
  /** Names of the codes of a categorical column, indexed by code. */
  readonly categories?: readonly string[];
}

export type ColumnSpecs = Readonly<Record<string, ColumnSpec>>;

interface ArrayTypes {
  f64: Float64Array;
  f32: Float32Array;
  i32: Int32Array;
  u32: Uint32Array;
  i16: Int16Array;
  u16: Uint16Array;
  i8: Int8Array;
  u8: Uint8Array;
}

const CONSTRUCTORS = {
  f64: Float64Array,
  f32: Float32Array,
  i32: Int32Array,
  u32: Uint32Array,
  i16: Int16Array,
  u16: Uint16Array,
  i8: Int8Array,
  u8: Uint8Array,
} as const;

export type ColumnArray = ArrayTypes[ColumnType];

export type Columns<S extends ColumnSpecs> = { [K in keyof S]: ArrayTypes[S[K]['type']] };

/** A population stored as one typed array per attribute; an agent is an index in [0, size). */
export interface Table<S extends ColumnSpecs> {
  readonly spec: S;
  readonly capacity: number;
  /** Agents created so far; indices [0, size) are valid. */
  size: number;
  readonly columns: Columns<S>;
}

/** Creates an empty table with room for `capacity` agents (all columns zero-filled). */
export function createTable<S extends ColumnSpecs>(spec: S, capacity: number): Table<S> {
  if (!Number.isInteger(capacity) || capacity < 0) {
    throw new RangeError(`table capacity must be a non-negative integer, found ${capacity}`);
  }
  const columns: Record<string, ColumnArray> = {};
  for (const [name, column] of Object.entries(spec)) {
    columns[name] = new CONSTRUCTORS[column.type](capacity);
  }
  return { spec, capacity, size: 0, columns: columns as Columns<S> };
}

/**
 * Adds `count` agents and returns the index of the first; `init(i)` sets each new agent's
 * attributes (bulk initialisation in id order).
 * @throws RangeError when the table would exceed its capacity
 */
export function addAgents<S extends ColumnSpecs>(table: Table<S>, count: number, init?: (i: number) => void): number {
  const first = table.size;
  if (first + count > table.capacity) {
    throw new RangeError(`table is full: ${first} + ${count} agents exceed capacity ${table.capacity}`);
  }
  table.size = first + count;
  if (init) for (let i = first; i < table.size; i++) init(i);
  return first;
}

/** Bytes of typed-array storage per agent (the sum of the columns' element sizes). */
export function bytesPerAgent(spec: ColumnSpecs): number {
  let bytes = 0;
  for (const column of Object.values(spec)) bytes += CONSTRUCTORS[column.type].BYTES_PER_ELEMENT;
  return bytes;
}

/** One agent as a plain object, categorical codes replaced by their names: for tests and debugging. */
export function describeAgent<S extends ColumnSpecs>(table: Table<S>, i: number): Record<string, number | string> {
  if (!(i >= 0 && i < table.size)) throw new RangeError(`no agent ${i}: the table holds [0, ${table.size})`);
  const agent: Record<string, number | string> = { id: i };
  for (const [name, column] of Object.entries(table.spec)) {
    const value = (table.columns[name] as ColumnArray)[i];
    agent[name] = column.categories?.[value] ?? value;
  }
  return agent;
}

/**
 * Agents grouped by place (a region, a cell): members of place p are
 * `members[start[p] .. start[p + 1])`, in increasing id order. Plain data, rebuilt with a
 * counting sort in O(agents + places) into buffers allocated once.
 */
export interface PlaceIndex {
  readonly places: number;
  readonly start: Int32Array;
  readonly members: Int32Array;
}

export function createPlaceIndex(places: number, capacity: number): PlaceIndex {
  return { places, start: new Int32Array(places + 1), members: new Int32Array(capacity) };
}

/**
 * Groups agents [0, size) by `place[i]`; agents whose `include(i)` is false are left out.
 * @throws RangeError when an included agent's place is outside [0, places)
 */
export function rebuildPlaceIndex(
  index: PlaceIndex,
  place: ArrayLike<number>,
  size: number,
  include?: (i: number) => boolean,
): void {
  const { start, members, places } = index;
  start.fill(0);
  for (let i = 0; i < size; i++) {
    if (include && !include(i)) continue;
    const p = place[i];
    if (!(p >= 0 && p < places && (p | 0) === p)) throw new RangeError(`agent ${i} is at place ${p}, not a place in [0, ${places})`);
    start[p + 1]++;
  }
  for (let p = 0; p < places; p++) start[p + 1] += start[p];
  // Fill each place's slot from its front, advancing start[p]; then shift start back by one place.
  for (let i = 0; i < size; i++) {
    if (include && !include(i)) continue;
    members[start[place[i]]++] = i;
  }
  for (let p = places; p > 0; p--) start[p] = start[p - 1];
  start[0] = 0;
}

/** Agents at place p (a view, valid until the next rebuild). */
export function agentsAt(index: PlaceIndex, p: number): Int32Array {
  return index.members.subarray(index.start[p], index.start[p + 1]);
}
