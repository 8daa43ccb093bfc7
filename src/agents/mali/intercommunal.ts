/**
 * Intercommunal violence (ODD Details › Submodels; cluster 7): clashes between communities in
 * tension — over land and water, and over alleged allegiances — where both live. The absence of
 * the state and the army's mobilisation of "allied" militias (its abuses) make them more likely
 * (seed 002, citing Moe 2021); each clash, and each killing the victims' community blames on
 * the other, raises the rate of reprisals for a while; MINUSMA's protection dampens it. Victims'
 * communities then look to armed groups for protection (civilians.ts, trust experience).
 */
import type { RandomStream } from '../../sim/random.ts';
import type { MaliParams } from './params.ts';
import type { MaliState } from './state.ts';
import { EVENT } from './ledger.ts';
import { communalPerpetrator, killCivilians, recordEvent } from './violence.ts';

/**
 * Per tension pair and cercle, a self-exciting (Hawkes-type) rate:
 * clashes ~ Poisson((rate × weight × min(people of either community)/100,000 × (1 + stateAbsence·(1 −
 * services)) × (1 + mobilisation·recent abuses) + E) × (1 − MINUSMA protection there)),
 * each killing Poisson(lethality) people of one side, drawn in proportion to the other side's
 * size. The excitation E of the pair there then fades (× memory) and grows by reprisal per clash
 * and by attribution × the civilians of one side killed by an armed group the other side is more
 * tied to (× the difference of their ties): each attack raises the rate of reprisals for a
 * while, so violence in a cercle can escalate or die out by itself; peacekeepers dampen it as
 * far as they protect (Hultman, Kathman & Shannon 2013).
 */
export function intercommunalViolence(rng: RandomStream, state: MaliState, params: MaliParams): void {
  const { cercles, communityNames, groups } = state;
  const communities = communityNames.length;
  const actors = state.actorNames.length;
  const ic = params.intercommunal;
  const perpetrator = communalPerpetrator(state);
  const pairs = ic.tensions.map(({ between: [a, b], weight }) => ({ a: communityNames.indexOf(a), b: communityNames.indexOf(b), weight }));
  // How much more each community of a pair is tied to each armed group than the other: whom its victims blame.
  const tieGap = pairs.map(({ a, b }) =>
    groups.map((group) => (params.communities[communityNames[a]].ties[group.id] ?? 0) - (params.communities[communityNames[b]].ties[group.id] ?? 0)),
  );
  for (let r = 0; r < cercles.count; r++) {
    const context = (1 + ic.stateAbsence * (1 - cercles.services[r])) * (1 + ic.mobilisation * cercles.recentAbuses[r]);
    pairs.forEach(({ a, b, weight }, p) => {
      const slot = r * pairs.length + p;
      const peopleA = cercles.residentsByCommunity[r * communities + a];
      const peopleB = cercles.residentsByCommunity[r * communities + b];
      let clashes = 0;
      if (peopleA > 0 && peopleB > 0) {
        const rate = ((ic.rate * weight * Math.min(peopleA, peopleB)) / 100_000) * context + cercles.reprisals[slot];
        clashes = rng.poisson(rate * (1 - cercles.protection[r]));
        for (let k = 0; k < clashes; k++) {
          // The larger side is the more likely aggressor.
          const victims = rng.bernoulli(peopleA / (peopleA + peopleB)) ? b : a;
          const deaths = killCivilians(rng, state, r, victims, rng.poisson(ic.lethality), perpetrator);
          recordEvent(state, EVENT.intercommunal_clash, perpetrator, r, deaths);
        }
      }
      let attributed = 0;
      groups.forEach((group, g) => {
        const gap = tieGap[p][g];
        const harmedA = cercles.harmToCommunity[(r * communities + a) * actors + group.actor];
        const harmedB = cercles.harmToCommunity[(r * communities + b) * actors + group.actor];
        // A's dead blame B when B is the more tied to the killers, and the other way round.
        attributed += harmedA * Math.max(0, -gap) + harmedB * Math.max(0, gap);
      });
      cercles.reprisals[slot] = ic.memory * cercles.reprisals[slot] + ic.reprisal * clashes + ic.attribution * attributed;
    });
  }
}
