/**
 * Cops of Epstein's civil violence model (ODD Details › Submodels): rule C, arrest.
 */
import type { RandomStream } from '../../sim/random.ts';
import { moveWithinVision } from './movement.ts';
import type { EpsteinParams } from './params.ts';
import { PLANE, removeFromGrid, showAt, SIGHT, STATUS, type EpsteinState } from './state.ts';
import { countInSight, pickInSight } from './vision.ts';

/**
 * A cop's turn, by rules.turn: move-then-act (NetLogo) moves (rule M), then applies rule C from
 * its new cell; act-then-move (Mesa) applies rule C, then moves to an empty cell of what it saw
 * before the arrest: the arrestee's cell is never a target, even when rules.jail = off-grid
 * frees it (the arrestee leaves the grid once the cop has moved).
 */
export function actAsCop(rng: RandomStream, state: EpsteinState, params: EpsteinParams, i: number): void {
  const vision = state.copVision;
  if (params.rules.turn === 'act-then-move') {
    const arrested = arrestOneInSight(rng, state, params, i);
    if (params.movement) moveWithinVision(rng, state, i, vision);
    if (arrested >= 0 && params.rules.jail === 'off-grid') removeFromGrid(state, arrested);
    return;
  }
  if (params.movement) moveWithinVision(rng, state, i, vision);
  const arrested = arrestOneInSight(rng, state, params, i);
  if (arrested >= 0 && params.rules.jail === 'off-grid') removeFromGrid(state, arrested);
}

/**
 * Rule C for cop i: "inspect all sites within v* and arrest a random active agent". The
 * arrestee turns quiet and is jailed for a term drawn uniformly from {0, …, J_max} (both
 * included, as Mesa's randint; NetLogo's `random` stops at J_max − 1). It stays on its cell,
 * blocking it (rules.jail = in-place, Mesa), until the caller takes it off the grid (off-grid).
 * @returns the arrested citizen, or −1 when no active is in sight
 */
function arrestOneInSight(rng: RandomStream, state: EpsteinState, params: EpsteinParams, i: number): number {
  const from = state.agents.columns.cell[i];
  const suspects = countInSight(state, PLANE.active, from, state.copVision);
  if (suspects === 0) return -1;
  const at = pickInSight(state, PLANE.active, from, state.copVision, rng.index(suspects));
  const arrested = state.cells.occupant[at];
  const { active, status, jailTerm } = state.agents.columns;
  showAt(state, at, SIGHT.jailed);
  active[arrested] = 0;
  status[arrested] = STATUS.jailed;
  jailTerm[arrested] = rng.int(0, params.maxJailTerm);
  state.arrests++;
  return arrested;
}
