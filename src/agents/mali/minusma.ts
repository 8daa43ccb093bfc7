/**
 * MINUSMA, the UN mission (ODD Details › Submodels): deployment from July 2013 (weights by region, spread over its cercles), a
 * mandate mixing Protection of Civilians, support to counterterrorism and Stabilization; local
 * ties that grow where it is deployed; perceived impartiality, which falls the more it is seen
 * with CT forces and the state (and drives the attacks it suffers, cluster 3); protection of
 * civilians where present; and its own rare abuses (cluster 6). Seed 002; seed 001 on local ties.
 */
import type { RandomStream } from '../../sim/random.ts';
import { deploy, suspicionWeights, pickSuspected } from './fama.ts';
import type { MaliParams } from './params.ts';
import { MINUSMA, regionSettings, type MaliState } from './state.ts';
import { EVENT } from './ledger.ts';
import { recordEvent } from './violence.ts';

/** Mandate weights normalised to shares: protection, counterterrorism, stabilization. */
export function mandateShares(params: MaliParams): [number, number, number] {
  const { protection, counterterrorism, stabilization } = params.minusma;
  const total = protection.value + counterterrorism.value + stabilization.value;
  if (total <= 0) return [0, 0, 0];
  return [protection.value / total, counterterrorism.value / total, stabilization.value / total];
}

/**
 * Deployment and posture (aggregate, per cercle). Ties grow at `growth` toward `target` where
 * peacekeepers are, and fade at the same rate where they are not. Perceived impartiality is
 * impartialityBase + 0.4·ties − 0.5·(counterterrorism share, where CT forces operate too)
 * − 0.3·(stabilization share, seen as siding with the state), within [0, 1]. Protection is
 * protectionMax · min(1, 2·PoC share) · d/(d + halfSaturation) · (0.5 + 0.5·ties), with d the
 * peacekeepers per 100,000 residents. Stabilization adds to state services:
 * services = base + 0.3 · stabilization share · d/(d + halfSaturation).
 */
export function deployMission(state: MaliState, params: MaliParams): void {
  const { cercles } = state;
  const m = params.minusma;
  deploy(state, m.troops.value, m.deployment, cercles.minusma);
  const [poc, counterterrorism, stabilization] = mandateShares(params);
  for (let r = 0; r < cercles.count; r++) {
    const here = cercles.minusma[r] > 0;
    if (here && cercles.ties[r] === 0) cercles.ties[r] = m.localTies.initial;
    cercles.ties[r] += m.localTies.growth * ((here ? m.localTies.target.value : 0) - cercles.ties[r]);
    const withCt = cercles.ct[r] > 0 ? 1 : 0;
    cercles.impartiality[r] = Math.min(1, Math.max(0, m.impartialityBase + 0.4 * cercles.ties[r] - 0.5 * counterterrorism * withCt - 0.3 * stabilization));
    const density = cercles.residents[r] > 0 ? (cercles.minusma[r] * 100_000) / cercles.residents[r] : 0;
    const saturation = density / (density + m.protectionHalfSaturation);
    cercles.protection[r] = here ? m.protectionMax * Math.min(1, 2 * poc) * saturation * (0.5 + 0.5 * cercles.ties[r]) : 0;
    const { services } = regionSettings(state, params, r);
    cercles.services[r] = services + (1 - services) * 0.3 * stabilization * saturation;
  }
}

/**
 * Peacekeepers' abuses (abuseRate × (1 − abusesPrevented) per 10,000 a week, cluster 6, no deaths modelled) and civilian
 * protests against the mission (protestRate × (1 − impartiality) per cercle hosting it, cluster 3).
 */
export function missionIncidents(rng: RandomStream, state: MaliState, params: MaliParams): void {
  const { cercles } = state;
  const actors = state.actorNames.length;
  const communities = state.communityNames.length;
  const suspicion = suspicionWeights(state, params);
  for (let r = 0; r < cercles.count; r++) {
    if (cercles.minusma[r] <= 0) continue;
    const abuses = rng.poisson(((params.minusma.abuseRate * cercles.minusma[r]) / 10_000) * (1 - params.accountability.abusesPrevented.value));
    for (let k = 0; k < abuses; k++) {
      const community = pickSuspected(rng, state, r, suspicion);
      if (community < 0) break;
      recordEvent(state, EVENT.minusma_abuse, MINUSMA, r, 0);
      cercles.abuses[(r * communities + community) * actors + MINUSMA]++;
    }
    const protests = rng.poisson(params.minusma.protestRate * (1 - cercles.impartiality[r]));
    for (let k = 0; k < protests; k++) recordEvent(state, EVENT.civilian_protest_minusma, state.actorNames.length, r, 0);
  }
}
