/**
 * Intercommunal violence (ODD Details › Submodels; cluster 7): clashes between communities in
 * tension — over land and water, and over alleged allegiances — where both live. The absence of
 * the state and the army's mobilisation of "allied" militias (its abuses) make them more likely
 * (seed 002, citing Moe 2021). Victims' communities then look to armed groups for protection
 * (civilians.ts, trust experience).
 */
import type { RandomStream } from '../../sim/random.ts';
import type { MaliParams } from './params.ts';
import type { MaliState } from './state.ts';
import { EVENT } from './ledger.ts';
import { communalPerpetrator, killCivilians, recordEvent } from './violence.ts';

/**
 * Per tension pair and cercle: clashes ~ Poisson(rate × weight × min(people of either
 * community)/100,000 × (1 + stateAbsence·(1 − services)) × (1 + mobilisation·recent abuses)),
 * each killing Poisson(lethality) people of one side, drawn in proportion to the other side's size.
 */
export function intercommunalViolence(rng: RandomStream, state: MaliState, params: MaliParams): void {
  const { cercles, communityNames } = state;
  const communities = communityNames.length;
  const ic = params.intercommunal;
  const perpetrator = communalPerpetrator(state);
  const pairs = ic.tensions.map(({ between: [a, b], weight }) => ({ a: communityNames.indexOf(a), b: communityNames.indexOf(b), weight }));
  for (let r = 0; r < cercles.count; r++) {
    const context = (1 + ic.stateAbsence * (1 - cercles.services[r])) * (1 + ic.mobilisation * cercles.recentAbuses[r]);
    for (const { a, b, weight } of pairs) {
      const peopleA = cercles.residentsByCommunity[r * communities + a];
      const peopleB = cercles.residentsByCommunity[r * communities + b];
      if (peopleA <= 0 || peopleB <= 0) continue;
      const clashes = rng.poisson(((ic.rate * weight * Math.min(peopleA, peopleB)) / 100_000) * context);
      for (let k = 0; k < clashes; k++) {
        // The larger side is the more likely aggressor.
        const victims = rng.bernoulli(peopleA / (peopleA + peopleB)) ? b : a;
        const deaths = killCivilians(rng, state, r, victims, rng.poisson(ic.lethality), perpetrator);
        recordEvent(state, EVENT.intercommunal_clash, perpetrator, r, deaths);
      }
    }
  }
}
