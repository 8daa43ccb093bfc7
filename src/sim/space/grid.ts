/**
 * A 2-D lattice of cells (ODD Overview › Spatial scales): torus or bounded, with Moore,
 * von Neumann or Euclidean neighbourhoods of any radius. A cell is the integer y·width + x.
 * Neighbourhoods are precomputed offset lists, and queries write into caller-owned buffers,
 * so the per-agent hot path allocates nothing.
 */
import type { RandomStream } from '../random.ts';

/**
 * Which cells an agent at (x, y) sees within radius r:
 * - `von-neumann`: |dx| + |dy| ≤ r (Epstein 2002: "north, south, east and west");
 * - `moore`: max(|dx|, |dy|) ≤ r (Mesa's `moore=True`);
 * - `euclidean`: dx² + dy² ≤ r² (NetLogo's `in-radius`).
 * The agent's own cell is never included.
 */
export type Neighbourhood = 'von-neumann' | 'moore' | 'euclidean';

export const NEIGHBOURHOODS: readonly Neighbourhood[] = ['von-neumann', 'moore', 'euclidean'];

/** Cell offsets of a neighbourhood, in a fixed order (rows top to bottom, then columns). */
export interface NeighbourhoodOffsets {
  readonly kind: Neighbourhood;
  readonly radius: number;
  readonly dx: Int32Array;
  readonly dy: Int32Array;
  /** dy·width + dx for the grid the offsets were made for: the interior fast path. */
  readonly delta: Int32Array;
  readonly width: number;
}

/** The offsets of a neighbourhood on a grid of the given width. */
export function neighbourhoodOffsets(kind: Neighbourhood, radius: number, width: number): NeighbourhoodOffsets {
  if (!Number.isInteger(radius) || radius < 0) throw new RangeError(`radius must be an integer ≥ 0, found ${radius}`);
  const dx: number[] = [];
  const dy: number[] = [];
  for (let y = -radius; y <= radius; y++) {
    for (let x = -radius; x <= radius; x++) {
      if (x === 0 && y === 0) continue;
      const inside =
        kind === 'moore' ? true : kind === 'von-neumann' ? Math.abs(x) + Math.abs(y) <= radius : x * x + y * y <= radius * radius;
      if (!inside) continue;
      dx.push(x);
      dy.push(y);
    }
  }
  const delta = dx.map((x, k) => dy[k] * width + x);
  return { kind, radius, dx: Int32Array.from(dx), dy: Int32Array.from(dy), delta: Int32Array.from(delta), width };
}

/**
 * Grid geometry as plain data, so a model state that holds it can be snapshotted with
 * structuredClone (classes would lose their methods); the functions below work on it.
 */
export interface Grid {
  readonly width: number;
  readonly height: number;
  /** true: edges wrap around (a torus); false: cells beyond the edge do not exist. */
  readonly torus: boolean;
  readonly cells: number;
}

export function createGrid(width: number, height: number, torus: boolean): Grid {
  if (!Number.isInteger(width) || width < 1 || !Number.isInteger(height) || height < 1) {
    throw new RangeError(`grid size must be positive integers, found ${width}×${height}`);
  }
  return { width, height, torus, cells: width * height };
}

/**
 * Writes the cells around `cell` into `out` and returns how many there are (fewer near the
 * edge of a bounded grid; on a torus smaller than the neighbourhood a cell may appear twice,
 * as in NetLogo and Mesa). `out` must hold at least `offsets.dx.length` entries.
 */
export function neighbourCells(grid: Grid, cell: number, offsets: NeighbourhoodOffsets, out: Int32Array): number {
  const { width, height, torus } = grid;
  const x0 = cell % width;
  const y0 = (cell / width) | 0;
  const r = offsets.radius;
  const { dx, dy, delta } = offsets;
  if (x0 >= r && x0 < width - r && y0 >= r && y0 < height - r && offsets.width === width) {
    // Interior: no neighbour crosses an edge, so each is the cell plus a fixed delta.
    for (let k = 0; k < delta.length; k++) out[k] = cell + delta[k];
    return delta.length;
  }
  let count = 0;
  for (let k = 0; k < dx.length; k++) {
    let x = x0 + dx[k];
    let y = y0 + dy[k];
    if (torus) {
      // Floored modulo; radii wider than the grid wrap more than once.
      if (x < 0 || x >= width) x = ((x % width) + width) % width;
      if (y < 0 || y >= height) y = ((y % height) + height) % height;
    } else if (x < 0 || x >= width || y < 0 || y >= height) {
      continue;
    }
    out[count++] = y * width + x;
  }
  return count;
}

/** Marks an empty cell in an occupancy layer. */
export const EMPTY = -1;

/**
 * At most one agent per cell: `occupant[cell]` is the agent's index, or EMPTY. Used by models
 * whose agents exclude each other from cells (Epstein's citizens and cops).
 */
export interface Occupancy {
  readonly occupant: Int32Array;
  empty: number;
}

export function createOccupancy(grid: Grid): Occupancy {
  return { occupant: new Int32Array(grid.cells).fill(EMPTY), empty: grid.cells };
}

/** @throws Error when the cell is taken: two agents never share a cell. */
export function occupy(layer: Occupancy, agent: number, cell: number): void {
  if (layer.occupant[cell] !== EMPTY) {
    throw new Error(`cell ${cell} is taken by agent ${layer.occupant[cell]}; cannot place agent ${agent}`);
  }
  layer.occupant[cell] = agent;
  layer.empty--;
}

export function vacate(layer: Occupancy, cell: number): void {
  if (layer.occupant[cell] === EMPTY) return;
  layer.occupant[cell] = EMPTY;
  layer.empty++;
}

/**
 * A uniformly chosen empty cell of the whole grid, or EMPTY when the grid is full.
 * Rejection sampling while at least an eighth of the grid is empty, else one scan.
 */
export function randomEmptyCell(rng: RandomStream, layer: Occupancy): number {
  const { occupant, empty } = layer;
  const cells = occupant.length;
  if (empty === 0) return EMPTY;
  if (empty * 8 >= cells) {
    for (;;) {
      const cell = rng.index(cells);
      if (occupant[cell] === EMPTY) return cell;
    }
  }
  let pick = rng.index(empty);
  for (let cell = 0; cell < cells; cell++) {
    if (occupant[cell] === EMPTY && pick-- === 0) return cell;
  }
  return EMPTY;
}

/**
 * A neighbourhood as one horizontal span per row: row dy (−r..r) covers dx in
 * [−halfWidth, +halfWidth]. Scanning spans reads contiguous memory, which is what makes
 * vision-7 neighbourhoods (112–224 cells) cheap to look at for every agent every round.
 */
export interface NeighbourhoodSpans {
  readonly kind: Neighbourhood;
  readonly radius: number;
  /** halfWidth[dy + radius] */
  readonly halfWidth: Int32Array;
  /**
   * rowMask[dy + radius]: the row's cells as bits of a window of 2·radius + 1 cells starting at
   * dx = −radius (bit 0); empty when that window does not fit 31 bits (radius > 15).
   */
  readonly rowMask: Int32Array;
}

export function neighbourhoodSpans(kind: Neighbourhood, radius: number): NeighbourhoodSpans {
  if (!Number.isInteger(radius) || radius < 0) throw new RangeError(`radius must be an integer ≥ 0, found ${radius}`);
  const halfWidth = new Int32Array(2 * radius + 1);
  for (let dy = -radius; dy <= radius; dy++) {
    halfWidth[dy + radius] =
      kind === 'moore' ? radius : kind === 'von-neumann' ? radius - Math.abs(dy) : Math.floor(Math.sqrt(radius * radius - dy * dy));
  }
  const rowMask = new Int32Array(2 * radius + 1 <= 31 ? 2 * radius + 1 : 0);
  for (let k = 0; k < rowMask.length; k++) rowMask[k] = ((1 << (2 * halfWidth[k] + 1)) - 1) << (radius - halfWidth[k]);
  return { kind, radius, halfWidth, rowMask };
}

/** Widest half-width of the rows of `spans` that land on row offset `dy` (mod height) of a torus. */
function foldedHalfWidth(spans: NeighbourhoodSpans, dy: number, height: number): number {
  let widest = -1;
  for (let k = 0; k < spans.halfWidth.length; k++) {
    if ((((k - spans.radius - dy) % height) + height) % height === 0) widest = Math.max(widest, spans.halfWidth[k]);
  }
  return widest;
}

/**
 * Writes the runs of consecutive cells that the neighbourhood of `cell` covers, including
 * `cell` itself, as inclusive pairs [from, to] into `out`, and returns the number of pairs.
 * On a torus smaller than the neighbourhood every cell is covered once (never twice).
 * `out` must hold 4·(2·radius + 1) entries.
 */
export function neighbourhoodRanges(grid: Grid, cell: number, spans: NeighbourhoodSpans, out: Int32Array): number {
  const { width, height, torus } = grid;
  const x0 = cell % width;
  const y0 = (cell / width) | 0;
  const { radius, halfWidth } = spans;
  const folded = torus && 2 * radius + 1 > height;
  const rows = folded ? height : 2 * radius + 1;
  let pairs = 0;
  for (let k = 0; k < rows; k++) {
    const dy = folded ? k : k - radius;
    const h = folded ? foldedHalfWidth(spans, dy, height) : halfWidth[k];
    let y = y0 + dy;
    if (torus) {
      if (y < 0 || y >= height) y = ((y % height) + height) % height;
    } else if (y < 0 || y >= height) {
      continue;
    }
    const row = y * width;
    const from = x0 - h;
    const to = x0 + h;
    if (!torus) {
      out[2 * pairs] = row + Math.max(from, 0);
      out[2 * pairs++ + 1] = row + Math.min(to, width - 1);
    } else if (to - from + 1 >= width) {
      out[2 * pairs] = row;
      out[2 * pairs++ + 1] = row + width - 1;
    } else if (from < 0) {
      out[2 * pairs] = row + from + width;
      out[2 * pairs++ + 1] = row + width - 1;
      out[2 * pairs] = row;
      out[2 * pairs++ + 1] = row + to;
    } else if (to >= width) {
      out[2 * pairs] = row + from;
      out[2 * pairs++ + 1] = row + width - 1;
      out[2 * pairs] = row;
      out[2 * pairs++ + 1] = row + to - width;
    } else {
      out[2 * pairs] = row + from;
      out[2 * pairs++ + 1] = row + to;
    }
  }
  return pairs;
}

/** Scratch size `neighbourhoodRanges` needs for these spans. */
export function rangesCapacity(spans: NeighbourhoodSpans): number {
  return 4 * (2 * spans.radius + 1);
}
