/**
 * Citizens of Epstein's civil violence model (ODD Details › Submodels): grievance, estimated
 * arrest probability, the activation rule A, and serving jail terms.
 */
import type { RandomStream } from '../../sim/random.ts';
import { EMPTY, randomEmptyCell } from '../../sim/space/grid.ts';
import { moveWithinVision } from './movement.ts';
import type { EpsteinParams } from './params.ts';
import { KIND, placeOnGrid, PLANE, showAt, SIGHT, STANCE, STATUS, type EpsteinState } from './state.ts';
import { countInSight, exceedsInSight } from './vision.ts';

export type Rounding = EpsteinParams['rules']['rounding'];

/** G = H·(1 − L): grievance from hardship H and perceived legitimacy L, both in [0, 1]. */
export function grievance(hardship: number, legitimacy: number): number {
  return hardship * (1 - legitimacy);
}

/**
 * n/d rounded to the nearest integer, halves to the even one, as Python 3's round(n / d) for
 * n ≥ 0, d ≥ 1 (Mesa's example). Worked on the integers: for the small n and d of a
 * neighbourhood the float quotient is never so close to a half that it rounds differently.
 * @example roundHalfEven(1, 2) === 0, roundHalfEven(3, 2) === 2, roundHalfEven(5, 2) === 2, roundHalfEven(7, 2) === 4
 */
export function roundHalfEven(n: number, d: number): number {
  const q = Math.floor(n / d);
  const twice = 2 * (n - q * d);
  if (twice > d) return q + 1;
  if (twice < d) return q;
  return q % 2 === 0 ? q : q + 1;
}

/**
 * [C/(A+1)]: the cops C per would-be active (the A actives the citizen sees plus itself),
 * made whole as rules.rounding says: floor (NetLogo), half-even (Mesa's round) or none (the paper).
 */
export function copsPerActive(cops: number, actives: number, rounding: Rounding): number {
  if (rounding === 'floor') return Math.floor(cops / (actives + 1));
  if (rounding === 'half-even') return roundHalfEven(cops, actives + 1);
  return cops / (actives + 1);
}

/**
 * P = 1 − exp(−k·[C/(A+1)]): a citizen's estimate of being arrested if it turns active, from
 * the cops C and actives A it sees (A + 1 counts itself as a would-be active).
 * Rounding (rules.rounding, default floor): floor, as in NetLogo Rebellion and the form given
 * for this project. The floor makes P drop to 0 as soon as actives outnumber cops locally
 * (C < A + 1), which is what lets a few actives snowball into an outburst. Mesa's example uses
 * Python's round() instead (halves to even: C = A + 1 over 2 gives P = 0, 3 over 2 gives
 * 1 − e^(−2k)); the paper prints the ratio unrounded. See docs/odd-epstein.md §7.2.
 */
export function estimateArrestProbability(cops: number, actives: number, k: number, rounding: Rounding = 'floor'): number {
  return 1 - Math.exp(-k * copsPerActive(cops, actives, rounding));
}

/**
 * Rule A: be active when G − N > T, with net risk N = R·P; otherwise be quiet.
 * @returns true when the citizen should be active
 */
export function decidesToRebel(grievanceValue: number, riskAversion: number, arrestProbability: number, threshold: number): boolean {
  return grievanceValue - riskAversion * arrestProbability > threshold;
}

/**
 * A citizen's turn (activation). A prisoner under rules.jail = in-place (Mesa) serves one unit
 * of its term and stops there; the activation that finds the term spent is a free turn. Under
 * off-grid, prisoners do nothing here (serveSentences). A free citizen then, by rules.turn:
 * move-then-act (NetLogo) moves (rule M) and applies rule A from its new cell; act-then-move
 * (Mesa) looks once, applies rule A, and moves to one of the empty cells of that look.
 */
export function actAsCitizen(rng: RandomStream, state: EpsteinState, params: EpsteinParams, i: number): void {
  const { status, jailTerm } = state.agents.columns;
  const { turn, jail } = params.rules;
  if (status[i] === STATUS.jailed) {
    if (jail === 'off-grid') return;
    if (jailTerm[i] > 0) {
      jailTerm[i]--;
      return;
    }
    status[i] = STATUS.free;
  }
  // The look Mesa takes before deciding lists the same empty cells as one taken after: the
  // decision changes no cell's emptiness.
  if (turn === 'act-then-move') {
    rebelOrKeepQuiet(state, params, i);
    if (params.movement) moveWithinVision(rng, state, i, state.citizenVision);
    return;
  }
  if (params.movement) moveWithinVision(rng, state, i, state.citizenVision);
  rebelOrKeepQuiet(state, params, i);
}

/**
 * Rule A for citizen i from its cell; shows the outcome there. Most citizens need not count
 * everything they see, which spares most of the looking and changes no outcome: see
 * refreshStances.
 */
function rebelOrKeepQuiet(state: EpsteinState, params: EpsteinParams, i: number): void {
  const { active, cell } = state.agents.columns;
  if (state.stanceLegitimacy !== params.legitimacy.value) refreshStances(state, params);
  const stance = state.stance[i];
  const vision = state.citizenVision;
  let rebels = stance === STANCE.active;
  if (stance === STANCE.ifNoRisk) {
    const actives = countInSight(state, PLANE.active, cell[i], vision);
    // The most cops with n = 0: floor(C/(A+1)) = 0 ⟺ C ≤ A; round half-even = 0 ⟺ 2C ≤ A + 1.
    const mostCops = params.rules.rounding === 'floor' ? actives : (actives + 1) >> 1;
    rebels = !exceedsInSight(state, PLANE.cop, cell[i], vision, mostCops);
  } else if (stance === STANCE.weighsRisk) {
    const { hardship, riskAversion } = state.agents.columns;
    const rounding = params.rules.rounding;
    const cops = countInSight(state, PLANE.cop, cell[i], vision);
    const actives = countInSight(state, PLANE.active, cell[i], vision);
    // The rounded ratios are whole numbers of at most the cells in sight: P is looked up.
    const arrestProbability =
      rounding === 'none'
        ? estimateArrestProbability(cops, actives, params.arrestProbabilityConstant, rounding)
        : state.arrestProbabilityByRatio[copsPerActive(cops, actives, rounding)];
    rebels = decidesToRebel(grievance(hardship[i], params.legitimacy.value), riskAversion[i], arrestProbability, params.activeThreshold);
  }
  active[i] = rebels ? 1 : 0;
  showAt(state, cell[i], rebels ? SIGHT.active : SIGHT.quiet);
}

/**
 * What rule A can tell of each citizen before it looks (P takes the values
 * P(n) = 1 − exp(−k·n), increasing in n = [C/(A+1)], with P(0) = 0 and P ≤ 1):
 * - G ≤ T: quiet whatever it sees (G − R·P ≤ G ≤ T); at L = 0.82, T = 0.1, over half of them;
 * - G − R > T: active whatever it sees;
 * - G − R·P(1) ≤ T (nearly all the rest): even n = 1 keeps it quiet, so it rebels exactly when
 *   n = 0, i.e. when the cops in sight are few enough for the actives it sees — counting cops
 *   can stop as soon as there are more than that;
 * - otherwise (or with rules.rounding = none) it weighs P as rule A says.
 * Worked out once per value of L (once per run unless L varies), in one pass in id order: the
 * citizens' turns then leave H and R unread for all but the last kind, which in a large world
 * visited in random order spares most of the cache misses of a turn.
 */
export function refreshStances(state: EpsteinState, params: EpsteinParams): void {
  const { kind, hardship, riskAversion } = state.agents.columns;
  const { stance } = state;
  const legitimacy = params.legitimacy.value;
  const threshold = params.activeThreshold;
  const weighsAtOne = params.rules.rounding !== 'none';
  const riskAtOne = state.arrestProbabilityByRatio[1];
  for (let i = 0; i < state.agents.size; i++) {
    if (kind[i] !== KIND.citizen) continue;
    const grievanceValue = grievance(hardship[i], legitimacy);
    const risk = riskAversion[i];
    if (grievanceValue <= threshold) stance[i] = STANCE.quiet;
    else if (grievanceValue - risk > threshold) stance[i] = STANCE.active;
    else if (weighsAtOne && grievanceValue - risk * riskAtOne <= threshold) stance[i] = STANCE.ifNoRisk;
    else stance[i] = STANCE.weighsRisk;
  }
  state.stanceLegitimacy = legitimacy;
}

/**
 * End of round under rules.jail = off-grid, in id order: each jailed citizen serves one round;
 * one whose term is spent is released to a random empty cell of the grid, quiet (Epstein:
 * jailed agents leave the lattice). If the grid is full it waits in jail for the next round.
 */
export function serveSentences(rng: RandomStream, state: EpsteinState): void {
  const { status, jailTerm, active } = state.agents.columns;
  // Cops are never jailed; citizens need not come first (rules.placement = per-cell mixes them).
  for (let i = 0; i < state.agents.size; i++) {
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
