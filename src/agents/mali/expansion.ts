/**
 * Where armed groups operate (ODD Details › Submodels › Expansion, docs/odd-mali.md §7.12): each
 * week some of a group's cadres reconsider where to be and go, by a logit choice, to the cercle
 * they are in or one next to it, valuing a cercle for the residents' ties to the group, the
 * state's absence and the illicit flows through it, less the crowding of its support base. So a
 * group spreads into neighbouring cercles where the state is weak and its ties are strong, and
 * withdraws from where the army and CT forces mass. Members recruited from the civilians fight
 * where their families live and do not move.
 */
import type { RandomStream } from '../../sim/random.ts';
import { neighbours } from '../../sim/space/graph.ts';
import { atTheTable, negotiationRestraint } from './fama.ts';
import { residentTies } from './operations.ts';
import type { MaliParams } from './params.ts';
import type { ArmedGroup, MaliState } from './state.ts';
import { fightersIn } from './violence.ts';

/**
 * Value of each cercle to a group (`out`, per cercle):
 * V = ties·T + weakness·(1 − s) + trafficking·flow/largest flow − crowding·(F/100)/(1 + T·residents/1,000),
 * with T the residents' mean ties to the group, s the state's share of the armed strength there
 * (army × capability + CT × fighterStrength, against the group's fighters × effectiveness) and F
 * the group's fighters there.
 */
export function cercleValues(state: MaliState, params: MaliParams, group: ArmedGroup, out: Float64Array): void {
  const { cercles, cercleNames } = state;
  const weights = params.operations.expansion;
  const effectiveness = params.armedGroups[group.id].effectiveness;
  let largestFlow = 0;
  for (const name of cercleNames) largestFlow = Math.max(largestFlow, params.cercles[name].trafficking);
  for (let r = 0; r < cercles.count; r++) {
    const ties = residentTies(state, params, group, r);
    const fighters = fightersIn(group, r);
    const stateSide = cercles.fama[r] * params.fama.capability.value + cercles.ct[r] * params.ctForces.fighterStrength;
    const stateShare = stateSide / (stateSide + fighters * effectiveness + 1);
    const flow = largestFlow > 0 ? params.cercles[cercleNames[r]].trafficking / largestFlow : 0;
    const supporters = (ties * cercles.residents[r]) / 1000;
    out[r] = weights.ties * ties + weights.weakness * (1 - stateShare) + weights.trafficking * flow - (weights.crowding * fighters) / 100 / (1 + supporters);
  }
}

/**
 * Moves of cadres (aggregate, groups in scenario order). In each cercle, Binomial(cadres,
 * mobility) reconsider — × (1 − negotiation restraint) for a group at the table, which keeps its
 * positions — and go to the cercle or a neighbour q with probability e^{V_q} / Σ e^{V}
 * (multinomial, by successive binomials). Values are those at the start of the phase, so the
 * order of cercles does not matter.
 */
export function moveCadres(rng: RandomStream, state: MaliState, params: MaliParams): void {
  const { cercles, graph } = state;
  const values = new Float64Array(cercles.count);
  const arrivals = new Float64Array(cercles.count);
  const { mobility } = params.operations.expansion;
  const restraint = negotiationRestraint(state, params);
  for (const group of state.groups) {
    if (!group.active) continue;
    const rate = mobility * (atTheTable(group, params) ? 1 - restraint : 1);
    if (rate <= 0) continue;
    cercleValues(state, params, group, values);
    arrivals.fill(0);
    for (let r = 0; r < cercles.count; r++) {
      const cadres = Math.floor(group.cadre[r]);
      if (cadres < 1) continue;
      let movers = rng.binomial(cadres, rate);
      if (movers === 0) continue;
      group.cadre[r] -= movers;
      const options = neighbours(graph, r);
      let total = Math.exp(values[r]);
      for (const q of options) total += Math.exp(values[q]);
      for (const q of options) {
        const weight = Math.exp(values[q]);
        const going = rng.binomial(movers, Math.min(1, weight / total));
        arrivals[q] += going;
        movers -= going;
        total -= weight;
      }
      arrivals[r] += movers;
    }
    for (let r = 0; r < cercles.count; r++) group.cadre[r] += arrivals[r];
  }
}
