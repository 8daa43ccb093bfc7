import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addAgents,
  agentsAt,
  bytesPerAgent,
  createPlaceIndex,
  createTable,
  describeAgent,
  rebuildPlaceIndex,
} from '../../src/sim/store.ts';

const SPEC = {
  wealth: { type: 'f64', doc: 'wealth W (CFA francs)' },
  risk: { type: 'f32', doc: 'risk aversion R in [0, 1]' },
  place: { type: 'u16', doc: 'region index' },
  state: { type: 'u8', doc: 'activity state', categories: ['quiet', 'active', 'jailed'] },
} as const;

describe('store: agent tables', () => {
  it('a new table is empty, has the requested capacity and one zero-filled typed array per column', () => {
    // Arrange / Act
    const table = createTable(SPEC, 5);

    // Assert
    expect(table.size).toBe(0);
    expect(table.capacity).toBe(5);
    expect(table.columns.wealth).toBeInstanceOf(Float64Array);
    expect(table.columns.risk).toBeInstanceOf(Float32Array);
    expect(table.columns.place).toBeInstanceOf(Uint16Array);
    expect(table.columns.state).toBeInstanceOf(Uint8Array);
    for (const column of Object.values(table.columns)) {
      expect(column.length).toBe(5);
      expect(Array.from(column)).toEqual([0, 0, 0, 0, 0]);
    }
  });

  it('a negative or fractional capacity is rejected with a RangeError', () => {
    expect(() => createTable(SPEC, -1)).toThrow(RangeError);
    expect(() => createTable(SPEC, 2.5)).toThrow(RangeError);
    expect(() => createTable(SPEC, Number.NaN)).toThrow(RangeError);
    expect(createTable(SPEC, 0).capacity).toBe(0);
  });

  it('addAgents returns the first new id and initialises only the new agents, in id order', () => {
    // Arrange
    const table = createTable(SPEC, 6);
    const seen: number[] = [];
    addAgents(table, 2, (i) => {
      table.columns.wealth[i] = 100 + i;
    });

    // Act
    const first = addAgents(table, 3, (i) => {
      seen.push(i);
      table.columns.wealth[i] = 200 + i;
    });

    // Assert
    expect(first).toBe(2);
    expect(table.size).toBe(5);
    expect(seen).toEqual([2, 3, 4]);
    expect(Array.from(table.columns.wealth)).toEqual([100, 101, 202, 203, 204, 0]);
  });

  it('adding past capacity throws a RangeError and leaves the table unchanged', () => {
    // Arrange
    const table = createTable(SPEC, 4);
    addAgents(table, 3);
    let calls = 0;

    // Act / Assert
    expect(() => addAgents(table, 2, () => calls++)).toThrow(RangeError);
    expect(table.size).toBe(3);
    expect(calls).toBe(0);
    expect(addAgents(table, 1)).toBe(3);
    expect(table.size).toBe(4);
  });

  it('bytesPerAgent is the sum of the element sizes of the columns', () => {
    // f64 + f32 + u16 + u8 = 8 + 4 + 2 + 1
    expect(bytesPerAgent(SPEC)).toBe(15);
    expect(bytesPerAgent({})).toBe(0);
    expect(
      bytesPerAgent({
        a: { type: 'i32', doc: '' },
        b: { type: 'u32', doc: '' },
        c: { type: 'i16', doc: '' },
        d: { type: 'i8', doc: '' },
      }),
    ).toBe(4 + 4 + 2 + 1);
  });

  it('describeAgent gives the id, every attribute, and category names instead of codes', () => {
    // Arrange
    const table = createTable(SPEC, 3);
    addAgents(table, 2, (i) => {
      table.columns.wealth[i] = 1.5 * (i + 1);
      table.columns.risk[i] = 0.25;
      table.columns.place[i] = 7 + i;
      table.columns.state[i] = 2 - i;
    });

    // Act
    const agent = describeAgent(table, 1);

    // Assert
    expect(agent).toEqual({ id: 1, wealth: 3, risk: 0.25, place: 8, state: 'active' });
    expect(describeAgent(table, 0)['state']).toBe('jailed');
  });

  it('describeAgent rejects ids outside [0, size), even within capacity', () => {
    const table = createTable(SPEC, 3);
    addAgents(table, 2);
    expect(() => describeAgent(table, 2)).toThrow(RangeError);
    expect(() => describeAgent(table, -1)).toThrow(RangeError);
    expect(() => describeAgent(table, Number.NaN)).toThrow(RangeError);
  });
});

/** The expected grouping, computed the obvious way. */
function bruteForceGroups(places: number, place: readonly number[], included: readonly boolean[]): number[][] {
  const groups: number[][] = Array.from({ length: places }, () => []);
  place.forEach((p, i) => {
    if (included[i]) groups[p].push(i);
  });
  return groups;
}

describe('store: place index', () => {
  it('groups agents by place in increasing id order, leaving out excluded agents', () => {
    // Arrange
    const place = Uint16Array.from([2, 0, 2, 1, 0, 2]);
    const index = createPlaceIndex(4, place.length);

    // Act: agent 4 has left the model
    rebuildPlaceIndex(index, place, place.length, (i) => i !== 4);

    // Assert
    expect(Array.from(agentsAt(index, 0))).toEqual([1]);
    expect(Array.from(agentsAt(index, 1))).toEqual([3]);
    expect(Array.from(agentsAt(index, 2))).toEqual([0, 2, 5]);
    expect(Array.from(agentsAt(index, 3))).toEqual([]);
    expect(Array.from(index.start)).toEqual([0, 1, 2, 5, 5]);
  });

  it('only agents [0, size) are indexed', () => {
    const place = [0, 1, 1, 0];
    const index = createPlaceIndex(2, 4);
    rebuildPlaceIndex(index, place, 2);
    expect(Array.from(agentsAt(index, 0))).toEqual([0]);
    expect(Array.from(agentsAt(index, 1))).toEqual([1]);
  });

  it('a rebuild forgets the previous grouping entirely', () => {
    // Arrange
    const index = createPlaceIndex(3, 4);
    rebuildPlaceIndex(index, [0, 0, 0, 0], 4);

    // Act
    rebuildPlaceIndex(index, [2, 1, 2, 1], 4);

    // Assert
    expect(Array.from(agentsAt(index, 0))).toEqual([]);
    expect(Array.from(agentsAt(index, 1))).toEqual([1, 3]);
    expect(Array.from(agentsAt(index, 2))).toEqual([0, 2]);
  });

  it('every included agent appears exactly once, under its own place, in id order (property)', () => {
    const scenario = fc
      .integer({ min: 1, max: 12 })
      .chain((places) =>
        fc.record({
          places: fc.constant(places),
          agents: fc.array(fc.record({ place: fc.integer({ min: 0, max: places - 1 }), included: fc.boolean() }), {
            maxLength: 60,
          }),
        }),
      );
    fc.assert(
      fc.property(scenario, ({ places, agents }) => {
        // Arrange
        const place = agents.map((a) => a.place);
        const included = agents.map((a) => a.included);
        const index = createPlaceIndex(places, agents.length);

        // Act
        rebuildPlaceIndex(index, Int32Array.from(place), agents.length, (i) => included[i]);

        // Assert
        const expected = bruteForceGroups(places, place, included);
        let total = 0;
        for (let p = 0; p < places; p++) {
          const members = Array.from(agentsAt(index, p));
          expect(members).toEqual(expected[p]);
          total += members.length;
        }
        expect(total).toBe(included.filter(Boolean).length);
        expect(index.start[0]).toBe(0);
        expect(index.start[places]).toBe(total);
      }),
      { seed: 20120117, numRuns: 300 },
    );
  });

  it('an included agent at a place outside [0, places) throws a RangeError naming it (property)', () => {
    const scenario = fc
      .integer({ min: 1, max: 8 })
      .chain((places) =>
        fc.record({
          places: fc.constant(places),
          place: fc.array(fc.integer({ min: 0, max: places - 1 }), { minLength: 1, maxLength: 30 }),
          bad: fc.oneof(fc.integer({ min: places, max: places + 50 }), fc.integer({ min: -50, max: -1 }), fc.constant(Number.NaN)),
          at: fc.nat(),
        }),
      );
    fc.assert(
      fc.property(scenario, ({ places, place, bad, at }) => {
        // Arrange
        const agent = at % place.length;
        const values = place.slice();
        values[agent] = bad;
        const index = createPlaceIndex(places, values.length);

        // Act / Assert
        expect(() => rebuildPlaceIndex(index, values, values.length)).toThrow(RangeError);
        expect(() => rebuildPlaceIndex(index, values, values.length)).toThrow(`agent ${agent} is at place ${bad}`);
      }),
      { seed: 20120406, numRuns: 200 },
    );
  });

  it('an excluded agent may hold any place value', () => {
    const index = createPlaceIndex(2, 3);
    rebuildPlaceIndex(index, [1, 99, -1], 3, (i) => i === 0);
    expect(Array.from(agentsAt(index, 1))).toEqual([0]);
    expect(Array.from(agentsAt(index, 0))).toEqual([]);
  });

  // Issue 2 regression (fixed): rebuildPlaceIndex only checks `p >= 0 && p < places`, so a fractional place (e.g.
  // from an f64 column) passes; `start[p + 1]++` on a non-integer key is a no-op on a typed
  // array and the agent is silently dropped from the index instead of raising a RangeError.
  it('an included agent at a fractional place is rejected rather than silently dropped', () => {
    const index = createPlaceIndex(3, 2);
    expect(() => rebuildPlaceIndex(index, [1.5, 0], 2)).toThrow(RangeError);
  });
});
