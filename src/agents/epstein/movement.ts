/**
 * Movement rule M (Epstein 2002): "move to a random site within your vision". Shared by free
 * citizens and cops; a site is eligible when it is empty.
 */
import type { RandomStream } from '../../sim/random.ts';
import type { NeighbourhoodSpans } from '../../sim/space/grid.ts';
import { moveOnGrid, PLANE, type EpsteinState } from './state.ts';
import { countInSight, pickInSight } from './vision.ts';

/** Moves agent i to a cell chosen uniformly among the empty cells within `vision`; stays put when none is empty. */
export function moveWithinVision(rng: RandomStream, state: EpsteinState, i: number, vision: NeighbourhoodSpans): void {
  const from = state.agents.columns.cell[i];
  const empty = countInSight(state, PLANE.empty, from, vision);
  if (empty === 0) return;
  moveOnGrid(state, i, pickInSight(state, PLANE.empty, from, vision, rng.index(empty)));
}
