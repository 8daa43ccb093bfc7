/**
 * Citizens of Epstein's civil violence model (ODD Details › Submodels): grievance, estimated
 * arrest probability, the activation rule A, and serving jail terms.
 */
import type { RandomStream } from '../../sim/random.ts';
import { EMPTY, neighbourhoodRanges, randomEmptyCell } from '../../sim/space/grid.ts';
import { moveWithinVision } from './movement.ts';
import type { EpsteinParams } from './params.ts';
import { placeOnGrid, SIGHT, STATUS, type EpsteinState } from './state.ts';

/** G = H·(1 − L): grievance from hardship H and perceived legitimacy L, both in [0, 1]. */
export function grievance(hardship: number, legitimacy: number): number {
  return hardship * (1 - legitimacy);
}

/**
 * P = 1 − exp(−k·⌊C/(A+1)⌋): a citizen's estimate of being arrested if it turns active, from
 * the cops C and actives A it sees (A + 1 counts itself as a would-be active).
 * Rounding: floor, as in NetLogo Rebellion and the form given for this project. The floor
 * makes P drop to 0 as soon as actives outnumber cops locally (C < A + 1), which is what lets
 * a few actives snowball into an outburst. Mesa's example uses Python's round() instead
 * (halves to even), which changes the outburst dynamics; see docs/odd.md.
 */
export function estimateArrestProbability(cops: number, actives: number, k: number): number {
  return 1 - Math.exp(-k * Math.floor(cops / (actives + 1)));
}

/**
 * Rule A: be active when G − N > T, with net risk N = R·P; otherwise be quiet.
 * @returns true when the citizen should be active
 */
export function decidesToRebel(grievanceValue: number, riskAversion: number, arrestProbability: number, threshold: number): boolean {
  return grievanceValue - riskAversion * arrestProbability > threshold;
}

/**
 * A free citizen's turn: move (rule M), then look around from the new cell and apply rule A.
 * Jailed citizens do nothing.
 */
export function actAsCitizen(rng: RandomStream, state: EpsteinState, params: EpsteinParams, i: number): void {
  const { cell, hardship, riskAversion, active, status } = state.agents.columns;
  if (status[i] === STATUS.jailed) return;
  if (params.movement) moveWithinVision(rng, state, i, state.citizenVision);

  const { ranges, sight } = state;
  const pairs = neighbourhoodRanges(state.grid, cell[i], state.citizenVision, ranges);
  let cops = 0;
  let actives = 0;
  for (let p = 0; p < 2 * pairs; p += 2) {
    const last = ranges[p + 1];
    for (let c = ranges[p]; c <= last; c++) {
      const seen = sight[c];
      if (seen === SIGHT.cop) cops++;
      else if (seen === SIGHT.active) actives++;
    }
  }
  // The ranges include the citizen's own cell; it is not its own neighbour.
  if (active[i] === 1) actives--;
  const arrestProbability = estimateArrestProbability(cops, actives, params.arrestProbabilityConstant);
  const rebels = decidesToRebel(grievance(hardship[i], params.legitimacy.value), riskAversion[i], arrestProbability, params.activeThreshold);
  active[i] = rebels ? 1 : 0;
  sight[cell[i]] = rebels ? SIGHT.active : SIGHT.quiet;
}

/**
 * End of round, in id order: each jailed citizen serves one round; one whose term is spent is
 * released to a random empty cell of the grid, quiet (Epstein: jailed agents leave the lattice).
 * If the grid is full it waits in jail for the next round.
 */
export function serveSentences(rng: RandomStream, state: EpsteinState): void {
  const { status, jailTerm, active } = state.agents.columns;
  for (let i = 0; i < state.citizenCount; i++) {
    if (status[i] !== STATUS.jailed) continue;
    if (jailTerm[i] > 0) {
      jailTerm[i]--;
      continue;
    }
    const target = randomEmptyCell(rng, state.cells);
    if (target === EMPTY) continue;
    status[i] = STATUS.free;
    active[i] = 0;
    placeOnGrid(state, i, target);
  }
}
