import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { RandomStream } from '../../../src/sim/random.ts';
import {
  EMPTY,
  NEIGHBOURHOODS,
  createGrid,
  createOccupancy,
  neighbourCells,
  neighbourhoodOffsets,
  occupy,
  randomEmptyCell,
  vacate,
  type Grid,
  type Neighbourhood,
} from '../../../src/sim/space/grid.ts';

/** Cells within the neighbourhood, by definition, excluding the centre. */
function expectedSize(kind: Neighbourhood, r: number): number {
  if (kind === 'von-neumann') return 2 * r * (r + 1);
  if (kind === 'moore') return (2 * r + 1) ** 2 - 1;
  let count = 0;
  for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) if (dx * dx + dy * dy <= r * r) count++;
  return count - 1;
}

function inside(kind: Neighbourhood, r: number, dx: number, dy: number): boolean {
  if (kind === 'von-neumann') return Math.abs(dx) + Math.abs(dy) <= r;
  if (kind === 'moore') return Math.max(Math.abs(dx), Math.abs(dy)) <= r;
  return dx * dx + dy * dy <= r * r;
}

/** Neighbour cells by brute force: every offset, wrapped with floored modulo or dropped at the edge. */
function bruteForceNeighbours(grid: Grid, cell: number, kind: Neighbourhood, r: number): number[] {
  const x0 = cell % grid.width;
  const y0 = Math.floor(cell / grid.width);
  const mod = (a: number, n: number): number => ((a % n) + n) % n;
  const cells: number[] = [];
  for (let dy = -r; dy <= r; dy++) {
    for (let dx = -r; dx <= r; dx++) {
      if ((dx === 0 && dy === 0) || !inside(kind, r, dx, dy)) continue;
      let x = x0 + dx;
      let y = y0 + dy;
      if (grid.torus) {
        x = mod(x, grid.width);
        y = mod(y, grid.height);
      } else if (x < 0 || x >= grid.width || y < 0 || y >= grid.height) {
        continue;
      }
      cells.push(y * grid.width + x);
    }
  }
  return cells;
}

const ascending = (values: Iterable<number>): number[] => Array.from(values).sort((a, b) => a - b);

describe('grid: neighbourhood offsets', () => {
  it('have 2r(r+1) cells for von Neumann, (2r+1)²−1 for Moore and the lattice-disc count minus one for Euclidean', () => {
    for (const kind of NEIGHBOURHOODS) {
      for (let r = 0; r <= 7; r++) {
        const offsets = neighbourhoodOffsets(kind, r, 50);
        expect(offsets.dx.length, `${kind} r=${r}`).toBe(expectedSize(kind, r));
      }
    }
    // Hand-checked values: Epstein's vision 1 (von Neumann) sees 4 cells, Moore 1 sees 8,
    // Euclidean 2 sees the 13-cell disc minus its centre.
    expect(neighbourhoodOffsets('von-neumann', 1, 10).dx.length).toBe(4);
    expect(neighbourhoodOffsets('moore', 1, 10).dx.length).toBe(8);
    expect(neighbourhoodOffsets('euclidean', 2, 10).dx.length).toBe(12);
  });

  it('never include the centre, repeat no offset, lie within the radius, and delta is dy·width + dx', () => {
    for (const kind of NEIGHBOURHOODS) {
      for (let r = 0; r <= 5; r++) {
        // Arrange / Act
        const width = 17;
        const offsets = neighbourhoodOffsets(kind, r, width);

        // Assert
        const keys = new Set<string>();
        for (let k = 0; k < offsets.dx.length; k++) {
          const dx = offsets.dx[k];
          const dy = offsets.dy[k];
          expect(dx === 0 && dy === 0).toBe(false);
          expect(inside(kind, r, dx, dy)).toBe(true);
          expect(offsets.delta[k]).toBe(dy * width + dx);
          keys.add(`${dx},${dy}`);
        }
        expect(keys.size).toBe(offsets.dx.length);
        expect(offsets.kind).toBe(kind);
        expect(offsets.radius).toBe(r);
        expect(offsets.width).toBe(width);
      }
    }
  });

  it('list rows top to bottom, then columns left to right', () => {
    const offsets = neighbourhoodOffsets('von-neumann', 1, 10);
    expect(Array.from(offsets.dx)).toEqual([0, -1, 1, 0]);
    expect(Array.from(offsets.dy)).toEqual([-1, 0, 0, 1]);
  });

  it('a negative or fractional radius is rejected with a RangeError', () => {
    expect(() => neighbourhoodOffsets('moore', -1, 10)).toThrow(RangeError);
    expect(() => neighbourhoodOffsets('moore', 1.5, 10)).toThrow(RangeError);
  });
});

describe('grid: geometry', () => {
  it('a grid has width × height cells and rejects non-positive or fractional sizes', () => {
    expect(createGrid(7, 3, true)).toEqual({ width: 7, height: 3, torus: true, cells: 21 });
    expect(() => createGrid(0, 3, false)).toThrow(RangeError);
    expect(() => createGrid(3, -1, false)).toThrow(RangeError);
    expect(() => createGrid(2.5, 3, false)).toThrow(RangeError);
  });

  it('the Moore neighbours of a corner wrap around a torus and are cut off on a bounded grid', () => {
    // Arrange: 5×5, cell 0 is the top-left corner
    const offsets = neighbourhoodOffsets('moore', 1, 5);
    const out = new Int32Array(offsets.dx.length);

    // Act
    const torusCount = neighbourCells(createGrid(5, 5, true), 0, offsets, out);
    const torus = ascending(out.subarray(0, torusCount));
    const boundedCount = neighbourCells(createGrid(5, 5, false), 0, offsets, out);
    const bounded = ascending(out.subarray(0, boundedCount));

    // Assert
    expect(torus).toEqual([1, 4, 5, 6, 9, 20, 21, 24]);
    expect(bounded).toEqual([1, 5, 6]);
  });

  it('an interior cell has the full neighbourhood on either topology', () => {
    const offsets = neighbourhoodOffsets('von-neumann', 1, 5);
    const out = new Int32Array(offsets.dx.length);
    for (const torus of [true, false]) {
      const count = neighbourCells(createGrid(5, 5, torus), 12, offsets, out);
      expect(ascending(out.subarray(0, count))).toEqual([7, 11, 13, 17]);
    }
  });

  it('on a torus smaller than the neighbourhood, cells repeat as in NetLogo and Mesa', () => {
    // 2×2 torus, Moore radius 1 from cell 0: the 8 offsets land on cells 1, 2, 3 repeatedly.
    const offsets = neighbourhoodOffsets('moore', 1, 2);
    const out = new Int32Array(offsets.dx.length);
    const count = neighbourCells(createGrid(2, 2, true), 0, offsets, out);
    expect(count).toBe(8);
    expect(ascending(out.subarray(0, count))).toEqual([1, 1, 2, 2, 3, 3, 3, 3]);
  });

  it('neighbourCells equals a brute-force wrap on a torus and a brute-force cut on a bounded grid (property)', () => {
    // Arrange: sizes 1..14 with radii up to 5, so grids narrower than the neighbourhood occur.
    // Cells are drawn anywhere, strictly inside (the fast path), or on the rows and columns
    // where the fast path must stop (r − 1, r, width − r − 1, width − r, …); counted below.
    let interiorCases = 0;
    let edgeCases = 0;
    let fastPathBoundaryCases = 0;
    const scenario = fc
      .record({
        width: fc.integer({ min: 1, max: 14 }),
        height: fc.integer({ min: 1, max: 14 }),
        torus: fc.boolean(),
        kind: fc.constantFrom(...NEIGHBOURHOODS),
        radius: fc.integer({ min: 0, max: 5 }),
        // offsets made for another width must not take the fast path wrongly
        offsetWidthShift: fc.constantFrom(0, 0, 0, 1),
      })
      .chain((base) => {
        const { width, height, radius: r } = base;
        const clamp = (v: number, n: number): number => Math.min(n - 1, Math.max(0, v));
        const near = (n: number): number[] => [0, r - 1, r, n - r - 1, n - r, n - 1].map((v) => clamp(v, n));
        const anywhere = fc.record({ x: fc.integer({ min: 0, max: width - 1 }), y: fc.integer({ min: 0, max: height - 1 }) });
        const interior =
          width > 2 * r && height > 2 * r
            ? fc.record({ x: fc.integer({ min: r, max: width - r - 1 }), y: fc.integer({ min: r, max: height - r - 1 }) })
            : anywhere;
        const boundary = fc.oneof(
          fc.record({ x: fc.constantFrom(...near(width)), y: fc.integer({ min: 0, max: height - 1 }) }),
          fc.record({ x: fc.integer({ min: 0, max: width - 1 }), y: fc.constantFrom(...near(height)) }),
        );
        return fc.record({ base: fc.constant(base), at: fc.oneof(anywhere, interior, boundary) });
      });
    fc.assert(
      fc.property(scenario, ({ base, at }) => {
        const { width, height, torus, kind, radius, offsetWidthShift } = base;
        const grid = createGrid(width, height, torus);
        const cell = at.y * width + at.x;
        const offsets = neighbourhoodOffsets(kind, radius, width + offsetWidthShift);
        const out = new Int32Array(offsets.dx.length);
        const interior = at.x >= radius && at.x < width - radius && at.y >= radius && at.y < height - radius;
        if (interior && offsetWidthShift === 0) interiorCases++;
        else edgeCases++;
        if (radius > 0 && (at.x === width - radius || at.y === height - radius || at.x === radius - 1 || at.y === radius - 1)) {
          fastPathBoundaryCases++;
        }

        // Act
        const count = neighbourCells(grid, cell, offsets, out);

        // Assert (as multisets)
        expect(ascending(out.subarray(0, count))).toEqual(ascending(bruteForceNeighbours(grid, cell, kind, radius)));
      }),
      { seed: 2012, numRuns: 1500 },
    );
    expect(interiorCases).toBeGreaterThan(200);
    expect(edgeCases).toBeGreaterThan(200);
    expect(fastPathBoundaryCases).toBeGreaterThan(100);
  });
});

/** Pearson statistic of counts against equal expected frequencies. */
function uniformChiSquare(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
}

describe('grid: occupancy', () => {
  it('a new layer is all EMPTY; occupy and vacate keep the empty count', () => {
    // Arrange
    const grid = createGrid(4, 3, false);
    const layer = createOccupancy(grid);
    expect(layer.empty).toBe(12);
    expect(Array.from(layer.occupant).every((a) => a === EMPTY)).toBe(true);

    // Act
    occupy(layer, 7, 5);
    occupy(layer, 0, 11);
    vacate(layer, 5);
    vacate(layer, 5); // vacating an empty cell changes nothing
    vacate(layer, 2);

    // Assert
    expect(layer.empty).toBe(11);
    expect(layer.occupant[5]).toBe(EMPTY);
    expect(layer.occupant[11]).toBe(0);
  });

  it('two agents never share a cell: occupying a taken cell throws and changes nothing', () => {
    const layer = createOccupancy(createGrid(3, 3, true));
    occupy(layer, 4, 8);
    expect(() => occupy(layer, 5, 8)).toThrow('cell 8 is taken by agent 4');
    expect(layer.occupant[8]).toBe(4);
    expect(layer.empty).toBe(8);
  });

  it('randomEmptyCell returns EMPTY when the grid is full', () => {
    const layer = createOccupancy(createGrid(3, 2, false));
    for (let c = 0; c < 6; c++) occupy(layer, c, c);
    expect(randomEmptyCell(RandomStream.fromSeed(1), layer)).toBe(EMPTY);
  });

  it('randomEmptyCell returns only empty cells, whether it samples by rejection or by scan', () => {
    // Arrange: 20×20; fill all but `keep` cells chosen by a seeded shuffle.
    const rng = RandomStream.fromSeed(42);
    for (const keep of [399, 200, 50, 49, 10, 1]) {
      const layer = createOccupancy(createGrid(20, 20, true));
      const order = Int32Array.from({ length: 400 }, (_, i) => i);
      rng.shuffle(order);
      for (let k = keep; k < 400; k++) occupy(layer, k, order[k]);

      // Act / Assert
      for (let draw = 0; draw < 300; draw++) {
        const cell = randomEmptyCell(rng, layer);
        expect(cell).toBeGreaterThanOrEqual(0);
        expect(layer.occupant[cell]).toBe(EMPTY);
      }
    }
  });

  it('with fewer than an eighth of the cells empty, one draw picks the k-th empty cell in cell order (scan)', () => {
    // Arrange: 8×4 = 32 cells, 3 empty (3·8 < 32: scan branch).
    const layer = createOccupancy(createGrid(8, 4, false));
    const emptyCells = [4, 9, 30];
    for (let c = 0; c < 32; c++) if (!emptyCells.includes(c)) occupy(layer, c, c);
    const rng = RandomStream.fromSeed(7);
    const twin = RandomStream.fromSeed(7);

    for (let draw = 0; draw < 50; draw++) {
      // Act
      const cell = randomEmptyCell(rng, layer);

      // Assert: the twin stream, drawing one index in [0, 3), predicts the cell exactly
      expect(cell).toBe(emptyCells[twin.index(3)]);
    }
  });

  it('with at least an eighth of the cells empty, it draws cells until one is empty (rejection)', () => {
    // Arrange: 8×4 = 32 cells, 4 empty (4·8 = 32: exactly at the threshold, rejection branch).
    const layer = createOccupancy(createGrid(8, 4, false));
    const emptyCells = [4, 9, 22, 30];
    for (let c = 0; c < 32; c++) if (!emptyCells.includes(c)) occupy(layer, c, c);
    const rng = RandomStream.fromSeed(8);
    const twin = RandomStream.fromSeed(8);

    for (let draw = 0; draw < 50; draw++) {
      // Act
      const cell = randomEmptyCell(rng, layer);

      // Assert: the twin stream, drawing cells of the whole grid until one is empty, predicts it
      let expected = twin.index(32);
      while (!emptyCells.includes(expected)) expected = twin.index(32);
      expect(cell).toBe(expected);
    }
  });

  it('is uniform over the empty cells when sampling by rejection (chi-square)', () => {
    // Arrange: 10×10 with 50 empty cells (50·8 ≥ 100: rejection branch).
    const layer = createOccupancy(createGrid(10, 10, true));
    const rng = RandomStream.fromSeed(20130111);
    const order = Int32Array.from({ length: 100 }, (_, i) => i);
    rng.shuffle(order);
    for (let k = 50; k < 100; k++) occupy(layer, k, order[k]);
    const slot = new Map<number, number>();
    for (let k = 0; k < 50; k++) slot.set(order[k], k);
    const counts = new Array<number>(50).fill(0);

    // Act
    for (let draw = 0; draw < 25_000; draw++) counts[slot.get(randomEmptyCell(rng, layer)) as number]++;

    // Assert: 85.35 is the chi-square 0.999 quantile with 49 degrees of freedom
    // (scipy.stats.chi2.ppf(0.999, 49)); the seed is fixed, so this is deterministic.
    expect(uniformChiSquare(counts)).toBeLessThan(85.35);
  });

  it('is uniform over the empty cells when sampling by scan (chi-square)', () => {
    // Arrange: 20×20 with 40 empty cells (40·8 < 400: scan branch).
    const layer = createOccupancy(createGrid(20, 20, false));
    const rng = RandomStream.fromSeed(20130112);
    const order = Int32Array.from({ length: 400 }, (_, i) => i);
    rng.shuffle(order);
    for (let k = 40; k < 400; k++) occupy(layer, k, order[k]);
    const slot = new Map<number, number>();
    for (let k = 0; k < 40; k++) slot.set(order[k], k);
    const counts = new Array<number>(40).fill(0);

    // Act
    for (let draw = 0; draw < 20_000; draw++) counts[slot.get(randomEmptyCell(rng, layer)) as number]++;

    // Assert: 72.05 is the chi-square 0.999 quantile with 39 degrees of freedom
    // (scipy.stats.chi2.ppf(0.999, 39)).
    expect(uniformChiSquare(counts)).toBeLessThan(72.05);
  });
});
