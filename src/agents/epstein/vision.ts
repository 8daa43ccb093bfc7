/**
 * Looking around (ODD Design concepts › Sensing): how many empty cells, active citizens or
 * cops an agent sees within its vision, and which is the j-th of them — the queries behind
 * rules M, A and C, run by every agent every round. Answered from the bit planes of the state
 * (a population count per row of the neighbourhood), or, on a torus too small for them, by
 * reading the sight code of every cell in vision.
 */
import { countInSpans, exceedsInSpans, pickInSpans } from '../../sim/space/bit-planes.ts';
import { neighbourhoodRanges, type NeighbourhoodSpans } from '../../sim/space/grid.ts';
import { PLANE_SIGHT, type EpsteinState, type Plane } from './state.ts';

/**
 * How many cells of `plane` (empty, active citizen, cop) are within `vision` of `cell`, the
 * cell itself excluded; remembers them for pickInSight.
 */
export function countInSight(state: EpsteinState, plane: Plane, cell: number, vision: NeighbourhoodSpans): number {
  const { planes, sighting } = state;
  if (planes.fixedSpans) {
    return countInSpans(planes, plane, cell, vision, sighting.rowCounts, plane * sighting.rowStride);
  }
  return listInSight(state, plane, cell, vision);
}

/** Whether more than `most` cells of `plane` are within `vision` of `cell` (itself excluded); may stop early. */
export function exceedsInSight(state: EpsteinState, plane: Plane, cell: number, vision: NeighbourhoodSpans, most: number): boolean {
  const { planes } = state;
  if (planes.fixedSpans) return exceedsInSpans(planes, plane, cell, vision, most);
  return listInSight(state, plane, cell, vision) > most;
}

/**
 * The j-th (from 0) cell of `plane` within `vision` of `cell`, rows top to bottom and left to
 * right within a row, as counted by the last countInSight of that plane from that cell.
 */
export function pickInSight(state: EpsteinState, plane: Plane, cell: number, vision: NeighbourhoodSpans, j: number): number {
  const { planes, sighting } = state;
  if (planes.fixedSpans) {
    return pickInSpans(planes, plane, cell, vision, sighting.rowCounts, plane * sighting.rowStride, j);
  }
  return sighting.listed[plane * sighting.listStride + j];
}

/** Small tori: the cells of `plane` in sight, read cell by cell from the sight codes. */
function listInSight(state: EpsteinState, plane: Plane, cell: number, vision: NeighbourhoodSpans): number {
  const { sight, sighting } = state;
  const { ranges, listed } = sighting;
  const code = PLANE_SIGHT[plane];
  const first = plane * sighting.listStride;
  const pairs = neighbourhoodRanges(state.grid, cell, vision, ranges);
  let count = 0;
  for (let p = 0; p < 2 * pairs; p += 2) {
    const last = ranges[p + 1];
    for (let c = ranges[p]; c <= last; c++) if (sight[c] === code && c !== cell) listed[first + count++] = c;
  }
  return count;
}
