/**
 * Counterterrorism forces (ODD Details › Submodels): Serval/Barkhane from January 2013 and the
 * FC-G5S from 2017. They go where extremist fighters are; their strikes kill fighters with a
 * precision set by intelligence — technical, civilian tips (which follow civilians' trust in
 * them) and regional intelligence sharing — and civilians in proportion to the imprecision;
 * their contentious practices (arbitrary detention, mistreatment) feed grievance (seed 002).
 */
import type { RandomStream } from '../../sim/random.ts';
import { cercleTrust } from './civilians.ts';
import { pickSuspected } from './fama.ts';
import type { MaliParams } from './params.ts';
import { CT, type MaliState } from './state.ts';
import { EVENT } from './ledger.ts';
import { fightersIn, killCivilians, killFighters, recordEvent } from './violence.ts';

/** CT troops ((french + g5s) × scale) over cercles in proportion to extremist fighters there; none where there are none. */
export function deployCounterterrorism(state: MaliState, params: MaliParams): void {
  const { cercles, groups } = state;
  const total = (params.ctForces.french.value + params.ctForces.g5s.value) * params.ctForces.scale.value;
  let all = 0;
  const weights = new Float64Array(cercles.count);
  for (let r = 0; r < cercles.count; r++) {
    for (const group of groups) if (group.active && group.kind === 'extremist') weights[r] += fightersIn(group, r);
    all += weights[r];
  }
  for (let r = 0; r < cercles.count; r++) cercles.ct[r] = all > 0 ? (total * weights[r]) / all : 0;
}

/** Strike precision in a cercle: intelligenceBase + tipWeight·(trust of residents in CT) + intelligenceSharing, at most 1. */
export function strikePrecision(state: MaliState, params: MaliParams, cercle: number): number {
  const ct = params.ctForces;
  return Math.min(1, ct.intelligenceBase + ct.tipWeight * cercleTrust(state, cercle, CT) + params.regionalCooperation.intelligenceSharing.value);
}

/**
 * Strikes and contentious practices (per cercle). strikeRate per 1,000 troops a week; each
 * strike targets an extremist group present (in proportion to its fighters), kills
 * Poisson(strikeLethality · precision) fighters (cluster 2) and Poisson(collateral · (1 −
 * precision)) civilians (a cluster-6 event when any die). abuseRate × (1 − abusesPrevented)
 * per 1,000 troops a week of detentions and mistreatment of suspected communities (cluster 6).
 */
export function counterterrorism(rng: RandomStream, state: MaliState, params: MaliParams, suspicion: Float64Array): void {
  const { cercles, groups } = state;
  const ct = params.ctForces;
  const actors = state.actorNames.length;
  const communities = state.communityNames.length;
  for (let r = 0; r < cercles.count; r++) {
    const troops = cercles.ct[r];
    if (troops <= 0) continue;
    const precision = strikePrecision(state, params, r);
    const strikes = rng.poisson((ct.strikeRate * troops) / 1000);
    for (let k = 0; k < strikes; k++) {
      let present = 0;
      for (const group of groups) if (group.active && group.kind === 'extremist') present += fightersIn(group, r);
      if (present < 1) break;
      let pick = rng.double() * present;
      const target = groups.find((group) => group.active && group.kind === 'extremist' && (pick -= fightersIn(group, r)) < 0);
      if (!target) break;
      const killed = killFighters(rng, state, target, r, rng.poisson(ct.strikeLethality * precision));
      recordEvent(state, EVENT.ct_strike, CT, r, killed);
      const collateral = rng.poisson(ct.collateral * (1 - precision));
      if (collateral > 0) recordEvent(state, EVENT.ct_collateral, CT, r, killCivilians(rng, state, r, -1, collateral, CT));
    }
    const abuses = rng.poisson(((ct.abuseRate * troops) / 1000) * (1 - params.accountability.abusesPrevented.value));
    for (let k = 0; k < abuses; k++) {
      const community = pickSuspected(rng, state, r, suspicion);
      if (community < 0) break;
      recordEvent(state, EVENT.ct_abuse, CT, r, 0);
      cercles.abuses[(r * communities + community) * actors + CT]++;
      cercles.recentAbuses[r]++;
    }
  }
}
