/**
 * Extremist groups — AQIM (JNIM from March 2017) and ISGS (ODD Details › Submodels): where they
 * have fighters they attack civilians (cluster 1), the army and CT forces (cluster 2) and
 * MINUSMA (cluster 3, more the less impartial it is seen to be). Attacks cost money, so
 * capacity follows money (money.ts). Their recruitment is in recruitment.ts and their
 * humanitarian-access decision in humanitarian-access.ts.
 */
import type { RandomStream } from '../../sim/random.ts';
import type { MaliParams } from './params.ts';
import type { ArmedGroup, MaliState } from './state.ts';
import { EVENT } from './ledger.ts';
import { fightersIn, killCivilians, recordEvent } from './violence.ts';

/** Whether the group can pay for one more attack; pays for it when it can. */
export function payForAttack(group: ArmedGroup, params: MaliParams): boolean {
  const cost = params.financing.attackCost;
  if (group.money < cost) return false;
  group.money -= cost;
  return true;
}

/**
 * Attacks of one extremist group (per cercle where it has fighters): for each target, events
 * ~ Poisson(rate × fighters/1,000 × presence of the target), each paid for, with
 * Poisson(lethality) deaths; deaths of civilians are reduced by MINUSMA's protection there.
 * Presence of a force is min(1, troops/500) (of MINUSMA: times 1 − impartiality).
 */
export function extremistAttacks(rng: RandomStream, state: MaliState, params: MaliParams, group: ArmedGroup): void {
  const { cercles } = state;
  const spec = params.armedGroups[group.id];
  for (let r = 0; r < cercles.count; r++) {
    const fighters = fightersIn(group, r);
    if (fighters < 1) continue;
    const scale = fighters / 1000;
    const onCivilians = cercles.residents[r] > 0 ? rng.poisson(spec.attacks.civilians * scale) : 0;
    for (let k = 0; k < onCivilians && payForAttack(group, params); k++) {
      const deaths = killCivilians(rng, state, r, -1, rng.poisson(spec.lethality.civilians * (1 - cercles.protection[r])), group.actor);
      recordEvent(state, EVENT.extremist_attack_civilians, group.actor, r, deaths);
    }
    const onArmy = rng.poisson(spec.attacks.fama * scale * Math.min(1, cercles.fama[r] / 500));
    for (let k = 0; k < onArmy && payForAttack(group, params); k++) {
      recordEvent(state, EVENT.extremist_attack_fama, group.actor, r, rng.poisson(spec.lethality.fama));
    }
    const onCt = rng.poisson(spec.attacks.ct * scale * Math.min(1, cercles.ct[r] / 500));
    for (let k = 0; k < onCt && payForAttack(group, params); k++) {
      recordEvent(state, EVENT.extremist_attack_ct, group.actor, r, rng.poisson(spec.lethality.ct));
    }
    const onMission = rng.poisson(spec.attacks.minusma * scale * Math.min(1, cercles.minusma[r] / 500) * (1 - cercles.impartiality[r]));
    for (let k = 0; k < onMission && payForAttack(group, params); k++) {
      recordEvent(state, EVENT.extremist_attack_minusma, group.actor, r, rng.poisson(spec.lethality.minusma));
    }
  }
}
