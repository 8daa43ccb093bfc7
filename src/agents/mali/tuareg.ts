/**
 * Tuareg groups — MNLA (later the CMA) and Ansar Dine, Iyad Ag Ghaly's bridge to AQIM (ODD
 * Details › Submodels): the aspiration to autonomy (Azawad) makes the army their aim (cluster
 * 5; operations.ts weighs it); cooperation with their extremist partner follows poor economic
 * conditions and lack of services and falls with negotiation; without cooperation they and the
 * partner are hostile and fight over territory (cluster 2). Negotiation moves through talks,
 * ceasefire and agreement on the scenario's dates and can break down when the army attacks
 * them (seed 000; seed 002).
 */
import type { RandomStream } from '../../sim/random.ts';
import type { Clock } from '../../sim/schedule.ts';
import { atTheTable, negotiationRestraint } from './fama.ts';
import { hasHappened } from './lifecycle.ts';
import type { MaliParams } from './params.ts';
import { NEGOTIATION, type ArmedGroup, type MaliState } from './state.ts';
import { fightersIn } from './violence.ts';

/** The negotiation state the scenario's dates call for this round, before breakdowns. */
export function scheduledNegotiation(params: MaliParams, clock: Clock): number {
  const n = params.negotiation;
  if (hasHappened(n.agreementFrom, clock)) return NEGOTIATION.agreement;
  if (hasHappened(n.ceasefireFrom, clock)) return NEGOTIATION.ceasefire;
  if (hasHappened(n.talksFrom, clock)) return NEGOTIATION.talks;
  return NEGOTIATION.none;
}

/**
 * Negotiation (aggregate). The state follows the scenario's dates. A ceasefire or agreement in
 * force breaks down with probability breakdown × (army attacks on Tuareg groups last round +
 * 1/20) a week. After a breakdown, talks resume with probability `resume` a week, and resumed
 * talks regain the scheduled stage with the same weekly probability.
 */
export function negotiate(rng: RandomStream, state: MaliState, params: MaliParams, clock: Clock): void {
  const scheduled = scheduledNegotiation(params, clock);
  const { resume, breakdown } = params.negotiation;
  const current = state.negotiation;
  let next = scheduled;
  if (current === NEGOTIATION.breakdown) {
    next = scheduled !== NEGOTIATION.none && rng.bernoulli(resume) ? NEGOTIATION.talks : NEGOTIATION.breakdown;
    state.negotiationRecovering = next === NEGOTIATION.talks;
  } else if (state.negotiationRecovering && scheduled > current) {
    next = rng.bernoulli(resume) ? scheduled : current;
    state.negotiationRecovering = next !== scheduled;
  } else if (current >= NEGOTIATION.ceasefire && rng.bernoulli(Math.min(1, breakdown * (state.armyAttacksOnTuareg + 0.05)))) {
    next = NEGOTIATION.breakdown;
  }
  state.negotiation = next;
  state.armyAttacksOnTuareg = 0;
}

/**
 * Cooperation of each Tuareg group with its extremist partner moves at cooperationRate toward
 * target = (mean hardship of the civilians tied to the group + lack of services where its
 * fighters are) / 2 × (1 − negotiation restraint, for groups at the table), within [0, 1].
 * "Because of the poor economic conditions and lack of basic services, AQIM is seen as the
 * only option" (seed 000). `tiedHardship[g]` is fixed for a run (hardship is fixed for life).
 */
export function updateCooperation(state: MaliState, params: MaliParams, tiedHardship: Float64Array): void {
  const restraint = negotiationRestraint(state, params);
  for (const group of state.groups) {
    if (group.kind !== 'tuareg' || !group.active) continue;
    let services = 0;
    let weight = 0;
    for (let r = 0; r < state.cercles.count; r++) {
      const fighters = fightersIn(group, r);
      services += fighters * state.cercles.services[r];
      weight += fighters;
    }
    const lackOfServices = weight > 0 ? 1 - services / weight : 0.5;
    const push = (tiedHardship[group.index] + lackOfServices) / 2;
    const target = push * (1 - (atTheTable(group, params) ? restraint : 0));
    group.cooperation += params.negotiation.cooperationRate * (target - group.cooperation);
    group.cooperation = Math.min(1, Math.max(0, group.cooperation));
  }
}

/**
 * A Tuareg group's aims, in the order of operations.ts ACTIONS: the army as its aim ×
 * separatism (the autonomy aspiration) × (1 − negotiation restraint while it is at the table),
 * MINUSMA and hostile groups (its extremist partner as far as it does not cooperate) as its
 * aims; never CT forces or civilians (the Tuareg groups' rebellion is against the state).
 */
export function tuaregAims(state: MaliState, params: MaliParams, group: ArmedGroup): Float64Array {
  const spec = params.armedGroups[group.id];
  const restraint = atTheTable(group, params) ? negotiationRestraint(state, params) : 0;
  return Float64Array.of(spec.aims.fama * spec.separatism * (1 - restraint), 0, spec.aims.minusma, 0, 0, spec.aims.rivals);
}
