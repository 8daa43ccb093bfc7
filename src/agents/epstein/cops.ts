/**
 * Cops of Epstein's civil violence model (ODD Details › Submodels): rule C, arrest.
 */
import type { RandomStream } from '../../sim/random.ts';
import { neighbourhoodRanges } from '../../sim/space/grid.ts';
import { moveWithinVision } from './movement.ts';
import type { EpsteinParams } from './params.ts';
import { removeFromGrid, SIGHT, STATUS, type EpsteinState } from './state.ts';

/**
 * A cop's turn: move (rule M), then rule C: "inspect all sites within v* and arrest a random
 * active agent". The arrested citizen leaves the grid for a term drawn uniformly from
 * {0, …, J_max} (both included, as Mesa's randint; NetLogo's `random` stops at J_max − 1).
 */
export function actAsCop(rng: RandomStream, state: EpsteinState, params: EpsteinParams, i: number): void {
  if (params.movement) moveWithinVision(rng, state, i, state.copVision);
  const { cell, active, status, jailTerm } = state.agents.columns;
  const { ranges, candidates, sight } = state;
  const pairs = neighbourhoodRanges(state.grid, cell[i], state.copVision, ranges);
  let suspects = 0;
  for (let p = 0; p < 2 * pairs; p += 2) {
    const last = ranges[p + 1];
    for (let c = ranges[p]; c <= last; c++) if (sight[c] === SIGHT.active) candidates[suspects++] = c;
  }
  if (suspects === 0) return;
  const arrested = state.cells.occupant[candidates[rng.index(suspects)]];
  removeFromGrid(state, arrested);
  active[arrested] = 0;
  status[arrested] = STATUS.jailed;
  jailTerm[arrested] = rng.int(0, params.maxJailTerm);
  state.arrests++;
}
