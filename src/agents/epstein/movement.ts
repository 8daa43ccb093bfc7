/**
 * Movement rule M (Epstein 2002): "move to a random site within your vision". Shared by free
 * citizens and cops; a site is eligible when it is empty.
 */
import type { RandomStream } from '../../sim/random.ts';
import { neighbourhoodRanges, type NeighbourhoodSpans } from '../../sim/space/grid.ts';
import { SIGHT, type EpsteinState } from './state.ts';

/** Moves agent i to a uniformly chosen empty cell within `vision`; stays put when none is empty. */
export function moveWithinVision(rng: RandomStream, state: EpsteinState, i: number, vision: NeighbourhoodSpans): void {
  const { ranges, candidates, sight } = state;
  const { cell } = state.agents.columns;
  const pairs = neighbourhoodRanges(state.grid, cell[i], vision, ranges);
  let empty = 0;
  for (let p = 0; p < 2 * pairs; p += 2) {
    const last = ranges[p + 1];
    for (let c = ranges[p]; c <= last; c++) if (sight[c] === SIGHT.empty) candidates[empty++] = c;
  }
  if (empty === 0) return;
  const from = cell[i];
  const to = candidates[rng.index(empty)];
  const occupant = state.cells.occupant;
  occupant[to] = i;
  occupant[from] = -1;
  sight[to] = sight[from];
  sight[from] = SIGHT.empty;
  cell[i] = to;
}
