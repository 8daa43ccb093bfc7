/**
 * Bit planes over a grid (ODD Overview › Spatial scales): for each of a few kinds of cell
 * ("empty", "holds a cop", …) one bit per cell, so that counting the cells of a kind within a
 * neighbourhood is one population count per row of the neighbourhood, and picking the j-th of
 * them costs a few bit operations more — instead of reading every cell.
 *
 * Each plane is padded with a margin of `radius` cells on every side. On a torus the margin
 * repeats the cells across the wrap; on a bounded grid it stays 0 (beyond the edge nothing is
 * of any kind). So a neighbourhood never needs a modulo or an edge test, and nothing is
 * allocated per query. Writes go through `setCellBit`, which updates the copies too.
 *
 * Order: cells are counted and picked row by row (top to bottom), left to right within a row,
 * the order of `neighbourhoodRanges` — as long as no neighbourhood wraps onto itself, which
 * holds on a torus wider than 2r + 1 and at least 2r + 1 high (`fixedSpans`). Smaller tori are
 * left to callers, which list the cells one by one there.
 */
import type { Grid, NeighbourhoodSpans } from './grid.ts';

export interface BitPlanes {
  readonly grid: Grid;
  readonly planes: number;
  /** Width of the margin in cells. */
  readonly margin: number;
  /** Padded rows: height + 2·margin. */
  readonly rows: number;
  /** 32-bit words per padded row, one more than the width needs so a window may read past it. */
  readonly wordsPerRow: number;
  /** words[(plane·rows + paddedRow)·wordsPerRow + w]; bit b of word w is padded column 32·w + b. */
  readonly words: Int32Array;
  /** Whether counts and picks may be used for neighbourhoods up to the margin (see above). */
  readonly fixedSpans: boolean;
}

/** Cells of a row covered by one window: at most 31, so a window fits a 32-bit integer. */
const WINDOW = 31;

/** All-zero planes for `grid`, padded for neighbourhoods up to `radius`. */
export function createBitPlanes(grid: Grid, planes: number, radius: number): BitPlanes {
  const { width, height, torus } = grid;
  const fixedSpans = !torus || (width >= 2 * radius + 2 && height >= 2 * radius + 1);
  const margin = fixedSpans ? radius : 0;
  const rows = height + 2 * margin;
  const wordsPerRow = Math.ceil((width + 2 * margin) / 32) + 1;
  return { grid, planes, margin, rows, wordsPerRow, words: new Int32Array(planes * rows * wordsPerRow), fixedSpans };
}

/** Sets (on) or clears the bit of `cell` in `plane`, and of its copies in the margin. */
export function setCellBit(bits: BitPlanes, plane: number, cell: number, on: boolean): void {
  const { grid, margin, rows, wordsPerRow, words } = bits;
  const { width, height } = grid;
  const x = cell % width;
  const y = ((cell - x) / width) | 0;
  const px = x + margin;
  const py = y + margin;
  const base = plane * rows;
  flip(words, (base + py) * wordsPerRow, px, on);
  if (margin === 0 || !grid.torus) return;
  // The torus is at least 2·margin + 1 cells each way: at most one copy per axis, across the wrap.
  const pxCopy = x < margin ? px + width : x >= width - margin ? px - width : -1;
  const pyCopy = y < margin ? py + height : y >= height - margin ? py - height : -1;
  if (pxCopy >= 0) flip(words, (base + py) * wordsPerRow, pxCopy, on);
  if (pyCopy < 0) return;
  flip(words, (base + pyCopy) * wordsPerRow, px, on);
  if (pxCopy >= 0) flip(words, (base + pyCopy) * wordsPerRow, pxCopy, on);
}

function flip(words: Int32Array, row: number, column: number, on: boolean): void {
  const w = row + (column >>> 5);
  const mask = 1 << (column & 31);
  words[w] = on ? words[w] | mask : words[w] & ~mask;
}

/** Number of set bits of a 32-bit integer (SWAR; JavaScript has no popcount). */
export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  v = (v + (v >>> 4)) & 0x0f0f0f0f;
  return Math.imul(v, 0x01010101) >>> 24;
}

/** Set bits of every byte: two loads (in cache: 256 bytes) instead of the SWAR count, for windows ≤ 16 cells. */
const POP8 = (() => {
  const table = new Uint8Array(256);
  for (let v = 1; v < table.length; v++) table[v] = (v & 1) + table[v >>> 1];
  return table;
})();

/** The bits of padded columns [from, from + length) of a padded row (length ≤ 31), bit 0 = `from`. */
function window(words: Int32Array, row: number, from: number, length: number): number {
  const w = row + (from >>> 5);
  const b = from & 31;
  // (hi << (31 − b)) << 1 rather than hi << (32 − b): JavaScript shifts by 32 as by 0.
  return ((words[w] >>> b) | ((words[w + 1] << (31 - b)) << 1)) & ((1 << length) - 1);
}

/** Whether the bit of padded column `column` of a padded row is set. */
function bitAt(words: Int32Array, row: number, column: number): boolean {
  return (words[row + (column >>> 5)] & (1 << (column & 31))) !== 0;
}

/**
 * Counts the cells of `plane` within `spans` of `cell`, `cell` itself excluded, and writes
 * the count of each row of the neighbourhood into `rowCounts` from `first` (2·radius + 1
 * entries) for `pickInSpans`. Requires `fixedSpans` and a radius ≤ the margin.
 */
export function countInSpans(bits: BitPlanes, plane: number, cell: number, spans: NeighbourhoodSpans, rowCounts: Int32Array, first: number): number {
  const { grid, margin, rows, wordsPerRow, words } = bits;
  const { radius, halfWidth } = spans;
  const x = cell % grid.width;
  const px = x + margin;
  const firstRow = (plane * rows + (((cell - x) / grid.width) | 0) + margin - radius) * wordsPerRow;
  let total = 0;
  if (2 * radius + 1 <= WINDOW) {
    // Every row of the neighbourhood within one window that starts at the same column: the
    // word and shift are worked out once, and each row only masks its own span.
    const from = px - radius;
    const start = firstRow + (from >>> 5);
    const b = from & 31;
    const { rowMask } = spans;
    let w = start;
    if (2 * radius + 1 <= 16) {
      for (let k = 0; k <= 2 * radius; k++, w += wordsPerRow) {
        const found = ((words[w] >>> b) | ((words[w + 1] << (31 - b)) << 1)) & rowMask[k];
        const count = POP8[found & 255] + POP8[found >>> 8];
        rowCounts[first + k] = count;
        total += count;
      }
    } else {
      for (let k = 0; k <= 2 * radius; k++, w += wordsPerRow) {
        const count = popcount(((words[w] >>> b) | ((words[w + 1] << (31 - b)) << 1)) & rowMask[k]);
        rowCounts[first + k] = count;
        total += count;
      }
    }
  } else {
    for (let k = 0; k <= 2 * radius; k++) {
      const h = halfWidth[k];
      const row = firstRow + k * wordsPerRow;
      let count = 0;
      for (let from = px - h; from <= px + h; from += WINDOW) count += popcount(window(words, row, from, Math.min(WINDOW, px + h - from + 1)));
      rowCounts[first + k] = count;
      total += count;
    }
  }
  // The cell itself was counted with its row if it is of the plane; it is not its own neighbour.
  if (bitAt(words, firstRow + radius * wordsPerRow, px)) {
    rowCounts[first + radius]--;
    total--;
  }
  return total;
}

/**
 * Whether more than `most` cells of `plane` are within `spans` of `cell` (itself excluded):
 * countInSpans that stops at the first row taking the count past `most`, rows top to bottom.
 * For a test like "more cops than actives in sight", which is settled by the first few rows
 * when the bound is small. Requires `fixedSpans` and a radius ≤ the margin.
 */
export function exceedsInSpans(bits: BitPlanes, plane: number, cell: number, spans: NeighbourhoodSpans, most: number): boolean {
  const { grid, margin, rows, wordsPerRow, words } = bits;
  const { radius, halfWidth } = spans;
  const x = cell % grid.width;
  const px = x + margin;
  const firstRow = (plane * rows + (((cell - x) / grid.width) | 0) + margin - radius) * wordsPerRow;
  // The cell itself is not its own neighbour: allow for it if it is of the plane.
  let left = bitAt(words, firstRow + radius * wordsPerRow, px) ? most + 1 : most;
  const { rowMask } = spans;
  if (rowMask.length > 0) {
    // As countInSpans: one window per row, from the same column.
    const from = px - radius;
    const b = from & 31;
    let w = firstRow + (from >>> 5);
    for (let k = 0; k <= 2 * radius; k++, w += wordsPerRow) {
      left -= popcount(((words[w] >>> b) | ((words[w + 1] << (31 - b)) << 1)) & rowMask[k]);
      if (left < 0) return true;
    }
    return false;
  }
  for (let k = 0; k <= 2 * radius; k++) {
    const h = halfWidth[k];
    const row = firstRow + k * wordsPerRow;
    for (let from = px - h; from <= px + h; from += WINDOW) {
      left -= popcount(window(words, row, from, Math.min(WINDOW, px + h - from + 1)));
      if (left < 0) return true;
    }
  }
  return false;
}

/**
 * The j-th (from 0) cell of `plane` within `spans` of `cell`, in row order, as counted by the
 * last `countInSpans` of the same plane, cell and spans into `rowCounts` from `first`.
 * @throws RangeError when j is not below that count
 */
export function pickInSpans(bits: BitPlanes, plane: number, cell: number, spans: NeighbourhoodSpans, rowCounts: Int32Array, first: number, j: number): number {
  const { grid, margin, rows, wordsPerRow, words } = bits;
  const { radius, halfWidth } = spans;
  const x = cell % grid.width;
  const y = ((cell - x) / grid.width) | 0;
  const px = x + margin;
  let k = 0;
  let left = j;
  while (k <= 2 * radius && left >= rowCounts[first + k]) left -= rowCounts[first + k++];
  if (k > 2 * radius) throw new RangeError(`no cell ${j} of plane ${plane} around cell ${cell}`);
  const h = halfWidth[k];
  const row = (plane * rows + y + margin - radius + k) * wordsPerRow;
  const cy = y - radius + k;
  const skip = k === radius ? px : -1;
  if (2 * h + 1 <= WINDOW) {
    let found = window(words, row, px - h, 2 * h + 1);
    if (skip >= 0) found &= ~(1 << h);
    for (; left > 0; left--) found &= found - 1;
    return cellAt(grid, px - h + 31 - Math.clz32(found & -found) - margin, cy);
  }
  for (let from = px - h; ; from += WINDOW) {
    const length = Math.min(WINDOW, px + h - from + 1);
    let found = window(words, row, from, length);
    if (skip >= from && skip < from + length) found &= ~(1 << (skip - from));
    const here = popcount(found);
    if (left >= here) {
      left -= here;
      continue;
    }
    for (; left > 0; left--) found &= found - 1;
    return cellAt(grid, from + 31 - Math.clz32(found & -found) - margin, cy);
  }
}

/** The cell at grid column x and row y given at most one wrap away (see createBitPlanes). */
function cellAt(grid: Grid, x: number, y: number): number {
  const { width, height } = grid;
  const cx = x < 0 ? x + width : x >= width ? x - width : x;
  return (y < 0 ? y + height : y >= height ? y - height : y) * width + cx;
}
