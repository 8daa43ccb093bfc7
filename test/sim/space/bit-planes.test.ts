import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countInSpans, createBitPlanes, exceedsInSpans, pickInSpans, popcount, setCellBit } from '../../../src/sim/space/bit-planes.ts';
import { createGrid, NEIGHBOURHOODS, neighbourhoodRanges, neighbourhoodSpans, rangesCapacity } from '../../../src/sim/space/grid.ts';

describe('bit planes', () => {
  it('popcount counts the set bits of any 32-bit integer', () => {
    expect([popcount(0), popcount(1), popcount(0b1011), popcount(-1), popcount(0x80000000), popcount(0x55555555)]).toEqual([0, 1, 3, 32, 1, 16]);
  });

  it('say whether they can serve a radius: any bounded grid, a torus only above 2r + 1 cells wide and from 2r + 1 high', () => {
    expect(createBitPlanes(createGrid(5, 5, false), 1, 7).fixedSpans).toBe(true);
    expect(createBitPlanes(createGrid(16, 15, true), 1, 7).fixedSpans).toBe(true);
    expect(createBitPlanes(createGrid(15, 15, true), 1, 7).fixedSpans).toBe(false);
    expect(createBitPlanes(createGrid(16, 14, true), 1, 7).fixedSpans).toBe(false);
  });

  it('count, bound and pick, in neighbourhoodRanges order and without the centre, the cells a brute-force read of the grid finds (property)', () => {
    // Arrange: random grids with random cells set in two planes; each query is checked against the
    // cells listed by neighbourhoodRanges (the order every Epstein rule relies on).
    const scenario = fc
      .record({
        torus: fc.boolean(),
        kind: fc.constantFrom(...NEIGHBOURHOODS),
        radius: fc.integer({ min: 0, max: 20 }),
        extraWidth: fc.integer({ min: 0, max: 40 }),
        extraHeight: fc.integer({ min: 0, max: 12 }),
        density: fc.double({ min: 0, max: 1, noNaN: true }),
        seed: fc.integer({ min: 1, max: 2 ** 30 }),
      })
      .filter(({ torus, radius, extraWidth, extraHeight }) => torus || radius + extraWidth > 0 || extraHeight > 0);
    fc.assert(
      fc.property(scenario, ({ torus, kind, radius, extraWidth, extraHeight, density, seed }) => {
        const width = torus ? 2 * radius + 2 + extraWidth : 1 + extraWidth;
        const height = torus ? 2 * radius + 1 + extraHeight : 1 + extraHeight;
        const grid = createGrid(width, height, torus);
        const bits = createBitPlanes(grid, 2, radius);
        expect(bits.fixedSpans).toBe(true);
        let state = seed;
        const next = (): number => {
          state = (Math.imul(state, 1103515245) + 12345) >>> 0;
          return state / 2 ** 32;
        };
        const isSet = [new Uint8Array(grid.cells), new Uint8Array(grid.cells)];
        for (let c = 0; c < grid.cells; c++) {
          for (const plane of [0, 1]) {
            if (next() < density) {
              isSet[plane][c] = 1;
              setCellBit(bits, plane, c, true);
            }
          }
        }
        // Clearing must undo setting, copies included.
        for (let c = 0; c < grid.cells; c += 3) {
          setCellBit(bits, 1, c, true);
          if (!isSet[1][c]) setCellBit(bits, 1, c, false);
        }
        const spans = neighbourhoodSpans(kind, radius);
        const ranges = new Int32Array(rangesCapacity(spans));
        const rowCounts = new Int32Array(3 + 2 * radius + 1);
        for (let probe = 0; probe < 6; probe++) {
          const cell = Math.floor(next() * grid.cells);
          const pairs = neighbourhoodRanges(grid, cell, spans, ranges);
          for (const plane of [0, 1]) {
            const expected: number[] = [];
            for (let p = 0; p < 2 * pairs; p += 2) for (let c = ranges[p]; c <= ranges[p + 1]; c++) if (c !== cell && isSet[plane][c]) expected.push(c);

            // Act
            const count = countInSpans(bits, plane, cell, spans, rowCounts, 3);
            const picked = Array.from({ length: count }, (_, j) => pickInSpans(bits, plane, cell, spans, rowCounts, 3, j));

            // Assert
            expect(picked).toEqual(expected);
            for (const most of [0, 1, count - 1, count, count + 1]) expect(exceedsInSpans(bits, plane, cell, spans, most), `most ${most}`).toBe(count > most);
          }
        }
      }),
      { seed: 2002, numRuns: 300 },
    );
  });

  it('refuse to pick beyond the count', () => {
    const grid = createGrid(20, 20, true);
    const bits = createBitPlanes(grid, 1, 2);
    setCellBit(bits, 0, 21, true);
    const spans = neighbourhoodSpans('moore', 2);
    const rowCounts = new Int32Array(5);
    expect(countInSpans(bits, 0, 0, spans, rowCounts, 0)).toBe(1);
    expect(pickInSpans(bits, 0, 0, spans, rowCounts, 0, 0)).toBe(21);
    expect(() => pickInSpans(bits, 0, 0, spans, rowCounts, 0, 1)).toThrow(RangeError);
  });
});
