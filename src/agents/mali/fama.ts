/**
 * FAMA, the Malian armed forces (ODD Details › Submodels): posts over cercles that withdraw
 * when outgunned and come back when they can hold, operations
 * against armed groups, and contentious practices — extrajudicial killings, arbitrary arrests,
 * mobilising "allied" militias — that fall on communities suspected of ties to extremists and
 * feed grievance and intercommunal violence (seed 002, citing Moe 2021).
 */
import type { RandomStream } from '../../sim/random.ts';
import type { MaliParams } from './params.ts';
import { FAMA, NEGOTIATION, type ArmedGroup, type MaliState } from './state.ts';
import { EVENT } from './ledger.ts';
import { fightersIn, killCivilians, killFighters, recordEvent } from './violence.ts';

/**
 * Spreads a force's total over cercles: over regions in proportion to its deployment weights
 * (regions not listed weigh 0), and within a region in proportion to its cercles' people at
 * the start (garrisons follow the towns and villages they hold).
 */
export function deploy(state: Pick<MaliState, 'regionNames' | 'regionOf' | 'shareOfRegion'>, total: number, weights: Readonly<Record<string, { value: number }>>, out: Float64Array): void {
  const { regionNames, regionOf, shareOfRegion } = state;
  let sum = 0;
  for (const name of regionNames) sum += weights[name]?.value ?? 0;
  for (let r = 0; r < out.length; r++) {
    const weight = weights[regionNames[regionOf[r]]]?.value ?? 0;
    out[r] = sum > 0 ? (total * weight * shareOfRegion[r]) / sum : 0;
  }
}

/**
 * Strength of the armed groups against the army in a cercle: fighters × effectiveness, a Tuareg
 * group's × (1 − negotiation restraint), as in the army's operations.
 */
export function hostileStrength(state: MaliState, params: MaliParams, cercle: number): number {
  const restraint = negotiationRestraint(state, params);
  let strength = 0;
  for (const group of state.groups) {
    if (!group.active) continue;
    strength += fightersIn(group, cercle) * params.armedGroups[group.id].effectiveness * (group.kind === 'tuareg' ? 1 - restraint : 1);
  }
  return strength;
}

/**
 * The army's posts (aggregate, per cercle; after CT forces have deployed). The garrison plan
 * spreads the troops over cercles (`deploy`); each cercle's post is held or withdrawn. Where it
 * would stand, the state side's strength is the planned soldiers × capability plus the CT
 * troops there × fighterStrength (partners add to the balance where they deploy). A held post
 * whose hostile strength exceeds withdrawAt × its own withdraws, with probability postRate a
 * week (a garrison holds out for a while); a withdrawn one comes back, with the same weekly
 * probability, once its own strength reaches returnAt × the hostile one. Between the two the
 * post stays as it is (hysteresis). The troops of withdrawn posts join the held ones in
 * proportion to their plan, so the army keeps its size; who holds a cercle then follows from
 * the balance of force (control.ts), never from a date.
 */
export function deployArmy(rng: RandomStream, state: MaliState, params: MaliParams): void {
  const { cercles } = state;
  const f = params.fama;
  const planned = new Float64Array(cercles.count);
  deploy(state, f.troops.value, f.deployment, planned);
  let held = 0;
  for (let r = 0; r < cercles.count; r++) {
    if (planned[r] <= 0) continue;
    const own = planned[r] * f.capability.value + cercles.ct[r] * params.ctForces.fighterStrength;
    const hostile = hostileStrength(state, params, r);
    if (cercles.armyPost[r] === 1 && hostile > f.posts.withdrawAt * own && rng.bernoulli(f.posts.rate)) cercles.armyPost[r] = 0;
    else if (cercles.armyPost[r] === 0 && own >= f.posts.returnAt * hostile && rng.bernoulli(f.posts.rate)) cercles.armyPost[r] = 1;
    if (cercles.armyPost[r] === 1) held += planned[r];
  }
  const scale = held > 0 ? f.troops.value / held : 0;
  for (let r = 0; r < cercles.count; r++) cercles.fama[r] = cercles.armyPost[r] === 1 ? planned[r] * scale : 0;
}

/** Whether a Tuareg group sits at the table: always, except a bridge to the extremists unless includeExtremistBridge. */
export function atTheTable(group: ArmedGroup, params: MaliParams): boolean {
  return group.kind === 'tuareg' && (!params.armedGroups[group.id].bridge || params.negotiation.includeExtremistBridge);
}

/** How far the negotiation state restrains fighting between the army and Tuareg groups, [0, 1]. */
export function negotiationRestraint(state: MaliState, params: MaliParams): number {
  const effect = params.negotiation.effect;
  switch (state.negotiation) {
    case NEGOTIATION.talks:
      return effect.talks;
    case NEGOTIATION.ceasefire:
      return effect.ceasefire;
    case NEGOTIATION.agreement:
      return effect.agreement;
    default:
      return 0;
  }
}

/**
 * Army operations (per cercle, groups in scenario order): offensiveRate per 1,000 soldiers a
 * week against each group present, in proportion to its share of the fighters there; a Tuareg
 * group is spared as far as negotiation restrains. Each operation kills
 * Poisson(offensiveLethality · capability) fighters: cluster 2 against extremists, cluster 5
 * against Tuareg groups.
 */
export function armyOperations(rng: RandomStream, state: MaliState, params: MaliParams): void {
  const { cercles, groups } = state;
  const capability = params.fama.capability.value;
  const restraint = negotiationRestraint(state, params);
  for (let r = 0; r < cercles.count; r++) {
    const soldiers = cercles.fama[r];
    if (soldiers <= 0) continue;
    let present = 0;
    for (const group of groups) if (group.active) present += fightersIn(group, r);
    if (present < 1) continue;
    for (const group of groups) {
      const fighters = group.active ? fightersIn(group, r) : 0;
      if (fighters < 1) continue;
      const spared = group.kind === 'tuareg' ? restraint : 0;
      const operations = rng.poisson(((params.fama.offensiveRate * soldiers) / 1000) * (fighters / present) * (1 - spared));
      for (let k = 0; k < operations; k++) {
        const deaths = killFighters(rng, state, group, r, rng.poisson(params.fama.offensiveLethality * capability));
        recordEvent(state, group.kind === 'tuareg' ? EVENT.army_attack_tuareg : EVENT.army_attack_extremists, FAMA, r, deaths);
        if (group.kind === 'tuareg') state.armyAttacksOnTuareg++;
      }
    }
  }
}

/**
 * Suspicion of a community: its strongest tie to an active extremist group. Abuses during
 * counterterrorism fall on suspected communities (Fulani, Tuareg, Arab in the baseline).
 */
export function suspicionWeights(state: MaliState, params: MaliParams): Float64Array {
  return Float64Array.from(
    state.communityNames.map((name) => {
      let strongest = 0;
      for (const group of state.groups) {
        if (group.active && group.kind === 'extremist') strongest = Math.max(strongest, params.communities[name].ties[group.id] ?? 0);
      }
      return strongest;
    }),
  );
}

/** A community of the cercle drawn in proportion to residents × (0.1 + suspicion); −1 when nobody lives there. */
export function pickSuspected(rng: RandomStream, state: MaliState, cercle: number, suspicion: Float64Array): number {
  const communities = state.communityNames.length;
  const residents = state.cercles.residentsByCommunity;
  let total = 0;
  for (let k = 0; k < communities; k++) total += residents[cercle * communities + k] * (0.1 + suspicion[k]);
  if (total <= 0) return -1;
  let pick = rng.double() * total;
  for (let k = 0; k < communities; k++) {
    pick -= residents[cercle * communities + k] * (0.1 + suspicion[k]);
    if (pick < 0) return k;
  }
  return communities - 1;
}

/**
 * Army abuses (per cercle): abusePropensity × (1 − abusesPrevented) × soldiers/1,000 ×
 * min(1, extremist fighters/100) events a week — abuses happen in counterterrorism operations — each killing
 * Poisson(abuseLethality) civilians of a suspected community (cluster 6).
 */
export function armyAbuses(rng: RandomStream, state: MaliState, params: MaliParams, suspicion: Float64Array): void {
  const { cercles, groups } = state;
  const actors = state.actorNames.length;
  const communities = state.communityNames.length;
  const propensity = params.fama.abusePropensity.value * (1 - params.accountability.abusesPrevented.value);
  if (propensity <= 0) return;
  for (let r = 0; r < cercles.count; r++) {
    if (cercles.fama[r] <= 0) continue;
    let extremists = 0;
    for (const group of groups) if (group.active && group.kind === 'extremist') extremists += fightersIn(group, r);
    const events = rng.poisson(((propensity * cercles.fama[r]) / 1000) * Math.min(1, extremists / 100));
    for (let k = 0; k < events; k++) {
      const community = pickSuspected(rng, state, r, suspicion);
      if (community < 0) break;
      const deaths = killCivilians(rng, state, r, community, rng.poisson(params.fama.abuseLethality), FAMA);
      recordEvent(state, EVENT.army_abuse, FAMA, r, deaths);
      cercles.abuses[(r * communities + community) * actors + FAMA]++;
      cercles.recentAbuses[r]++;
    }
  }
}
