/**
 * What armed groups do where they are (ODD Details › Submodels › Operations, docs/odd-mali.md
 * §7.11): each round, in each cercle where it has fighters, a group weighs attacking each force
 * present, violence against civilians (selective or indiscriminate, after Kalyvas 2006),
 * attacking a hostile group, and lying low, by their expected payoff computed from its own state
 * and what it sees there; a logit (softmax) choice turns payoffs into the share of its occasions
 * it gives each. An operation commits a party of fighters drawn from a heavy-tailed law, and its
 * casualties follow from that party and the target. What each kind of group aims at is in
 * extremists.ts and tuareg.ts; where groups go is in expansion.ts.
 */
import type { RandomStream } from '../../sim/random.ts';
import { cercleTrust } from './civilians.ts';
import { extremistAims } from './extremists.ts';
import type { MaliParams } from './params.ts';
import { CT, FAMA, MINUSMA, type ArmedGroup, type MaliState } from './state.ts';
import { tuaregAims } from './tuareg.ts';
import { EVENT } from './ledger.ts';
import { attributeDeaths, fightersIn, killCivilians, killFighters, recordEvent } from './violence.ts';

/** The operations a group weighs in a cercle; lying low is the reference (payoff 0, always open). */
export const ACTIONS = ['fama', 'ct', 'minusma', 'selective', 'indiscriminate', 'rival'] as const;
export const ACTION = { fama: 0, ct: 1, minusma: 2, selective: 3, indiscriminate: 4, rival: 5 } as const;

/** What a group gains from succeeding at each action before context (value per ACTIONS entry; 0 = never chosen). */
export type Aims = Float64Array;

/** Troops (or fighters of a rival) at which a target is fully within reach of a group's occasions: fewer are harder to find. */
const FORCE_REACH = 500;
const RIVAL_REACH = 100;

/** Kalyvas' control–violence curve: 0 with no control and with full control, largest (1) at two-thirds control. */
export function kalyvas(control: number): number {
  return 6.75 * control * control * (1 - control);
}

/** Mean ties of a cercle's residents to a group (people-weighted); 0 where nobody lives. */
export function residentTies(state: MaliState, params: MaliParams, group: ArmedGroup, cercle: number): number {
  const { communityNames, cercles } = state;
  let weighted = 0;
  let people = 0;
  communityNames.forEach((name, k) => {
    const residents = cercles.residentsByCommunity[cercle * communityNames.length + k];
    weighted += residents * (params.communities[name].ties[group.id] ?? 0);
    people += residents;
  });
  return people > 0 ? weighted / people : 0;
}

/** Hostility between two groups, [0, 1]: declared rivalry, or 1 − cooperation between a Tuareg group and its partner. */
export function hostility(params: MaliParams, a: ArmedGroup, b: ArmedGroup): number {
  const specA = params.armedGroups[a.id];
  const specB = params.armedGroups[b.id];
  let value = Math.max(specA.rivals[b.id] ?? 0, specB.rivals[a.id] ?? 0);
  if (specA.partner === b.id) value = Math.max(value, 1 - a.cooperation);
  if (specB.partner === a.id) value = Math.max(value, 1 - b.cooperation);
  return value;
}

/** What a group sees in a cercle and weighs: the opponents' strength, its own, and the residents' loyalties. */
export interface Situation {
  /** The group's fighters there × effectiveness. */
  own: number;
  /** Defenders' strength by force (fama, ct, minusma) and their troops (for reach). */
  readonly defence: Float64Array;
  readonly troops: Float64Array;
  /** The group's share of the armed strength there, [0, 1]. */
  control: number;
  /** Residents' trust in the state (who may inform on the group) and in the group (who inform it). */
  defection: number;
  information: number;
  /** Residents' mean ties to the group: what its violence against them costs it. */
  ties: number;
  /** The strongest hostile group there (null if none), its strength and the hostility. */
  rival: ArmedGroup | null;
  rivalStrength: number;
  rivalHostility: number;
}

export function createSituation(): Situation {
  return { own: 0, defence: new Float64Array(3), troops: new Float64Array(3), control: 0, defection: 0, information: 0, ties: 0, rival: null, rivalStrength: 0, rivalHostility: 0 };
}

/** Fills `out` with what `group` sees in `cercle`. */
export function assess(state: MaliState, params: MaliParams, group: ArmedGroup, cercle: number, out: Situation): void {
  const { cercles } = state;
  out.own = fightersIn(group, cercle) * params.armedGroups[group.id].effectiveness;
  out.troops[0] = cercles.fama[cercle];
  out.troops[1] = cercles.ct[cercle];
  out.troops[2] = cercles.minusma[cercle];
  out.defence[0] = cercles.fama[cercle] * params.fama.capability.value;
  out.defence[1] = cercles.ct[cercle] * params.ctForces.fighterStrength;
  out.defence[2] = cercles.minusma[cercle] * params.minusma.combatStrength;
  let others = 0;
  out.rival = null;
  out.rivalStrength = 0;
  out.rivalHostility = 0;
  for (const other of state.groups) {
    if (other === group || !other.active) continue;
    const strength = fightersIn(other, cercle) * params.armedGroups[other.id].effectiveness;
    if (strength <= 0) continue;
    others += strength;
    const hostile = hostility(params, group, other);
    if (hostile > 0 && strength * hostile > out.rivalStrength * out.rivalHostility) {
      out.rival = other;
      out.rivalStrength = strength;
      out.rivalHostility = hostile;
    }
  }
  out.control = out.own / (out.own + out.defence[0] + out.defence[1] + others || 1);
  out.defection = cercleTrust(state, cercle, FAMA);
  out.information = cercleTrust(state, cercle, group.actor);
  out.ties = residentTies(state, params, group, cercle);
}

/**
 * Expected payoff of each action and the logit choice over them (`out`: probability per ACTIONS
 * entry; lying low takes the rest). Against a force or a rival of strength D, success has
 * probability p = own/(own + D) (a contest success function) and payoff aim·p − lossAversion·(1 − p);
 * the choice weighs each by its reach (min(1, troops/500), min(1, rival's fighters/100)).
 * Against civilians, violence is worth aim × the defection it deters: selective violence (it
 * needs information) aim·kalyvas(control)·defection·information − selectiveBlame·supportCost·ties,
 * indiscriminate violence aim·(1 − control)·defection·(1 − information) − supportCost·ties.
 * A mission seen as partial is a party to the war: MINUSMA's aim is × `partiality` (1 − its
 * impartiality there). P(a) = w_a·e^{U_a} / (1 + Σ_b w_b·e^{U_b}); actions whose aim is 0 are
 * never taken.
 */
export function choose(params: MaliParams, aims: Aims, s: Situation, residents: number, partiality: number, out: Float64Array): void {
  const { lossAversion, supportCost, selectiveBlame } = params.operations;
  out.fill(0);
  for (let f = 0; f < 3; f++) {
    const aim = f === ACTION.minusma ? aims[f] * partiality : aims[f];
    if (aim <= 0 || s.troops[f] <= 0) continue;
    const p = s.own / (s.own + s.defence[f]);
    out[f] = Math.min(1, s.troops[f] / FORCE_REACH) * Math.exp(aim * p - lossAversion * (1 - p));
  }
  if (residents > 0 && aims[ACTION.selective] > 0) {
    out[ACTION.selective] = Math.exp(aims[ACTION.selective] * kalyvas(s.control) * s.defection * s.information - selectiveBlame * supportCost * s.ties);
  }
  if (residents > 0 && aims[ACTION.indiscriminate] > 0) {
    out[ACTION.indiscriminate] = Math.exp(aims[ACTION.indiscriminate] * (1 - s.control) * s.defection * (1 - s.information) - supportCost * s.ties);
  }
  if (s.rival && aims[ACTION.rival] > 0) {
    const p = s.own / (s.own + s.rivalStrength);
    const reach = Math.min(1, s.rivalStrength / params.armedGroups[s.rival.id].effectiveness / RIVAL_REACH);
    out[ACTION.rival] = reach * Math.exp(aims[ACTION.rival] * s.rivalHostility * p - lossAversion * (1 - p));
  }
  let total = 1;
  for (let a = 0; a < out.length; a++) total += out[a];
  for (let a = 0; a < out.length; a++) out[a] /= total;
}

/**
 * Fighters an operation commits: partySize × U^(−1/α) (Pareto, tail index partyTail), at most
 * the fighters present, so big events are rare but possible where many fighters gather.
 */
export function partySize(rng: RandomStream, params: MaliParams, fighters: number): number {
  const { partySize: smallest, partyTail } = params.operations;
  const drawn = Math.floor(smallest * Math.pow(1 - rng.double(), -1 / partyTail));
  return Math.max(1, Math.min(Math.floor(fighters), drawn));
}

/** Pays for an operation of `scale` parties (attackCost each) if the group can; false when it cannot. */
export function payForOperation(group: ArmedGroup, params: MaliParams, scale: number): boolean {
  const cost = params.financing.attackCost * scale;
  if (group.money < cost) return false;
  group.money -= cost;
  return true;
}

/** Event types of an attack on each force; Tuareg groups never aim at CT forces (tuaregAims), whose attack type stands in. */
const FORCE_EVENTS = {
  extremist: [EVENT.extremist_attack_fama, EVENT.extremist_attack_ct, EVENT.extremist_attack_minusma],
  tuareg: [EVENT.tuareg_attack_fama, EVENT.tuareg_attack_fama, EVENT.tuareg_attack_minusma],
} as const;
const FORCE_ACTORS = [FAMA, CT, MINUSMA] as const;

/**
 * One group's operations this round (per cercle where it has fighters): occasions ~ Poisson(tempo
 * × fighters/1,000), each given to an action with the probability `choose` gives it, each paid for
 * (attackCost × party/partySize) and carried out:
 * - on a force: Poisson(lethality × party/partySize) of its people killed; the attackers lose
 *   Poisson(lethality × party/partySize × (1 − p)) to the army or CT forces (peacekeepers' return
 *   fire is not modelled);
 * - selective violence: Poisson(lethality.selective) residents taken for informers (pickInformer),
 *   held against the group at selectiveBlame of an indiscriminate death;
 * - indiscriminate violence: Poisson(lethality.civilians × party/partySize × (1 − protection)) residents;
 * - on a rival: Poisson(lethality.rivals × party/partySize) fighters, the rival's share p.
 */
export function groupOperations(rng: RandomStream, state: MaliState, params: MaliParams, group: ArmedGroup, situation: Situation, odds: Float64Array): void {
  const { cercles } = state;
  const spec = params.armedGroups[group.id];
  const aims = group.kind === 'extremist' ? extremistAims(params, group) : tuaregAims(state, params, group);
  const events = FORCE_EVENTS[group.kind];
  const { partySize: smallest, selectiveBlame } = params.operations;
  for (let r = 0; r < cercles.count; r++) {
    const fighters = fightersIn(group, r);
    if (fighters < 1) continue;
    assess(state, params, group, r, situation);
    choose(params, aims, situation, cercles.residents[r], 1 - cercles.impartiality[r], odds);
    const occasions = (spec.tempo * fighters) / 1000;
    for (let a = 0; a < ACTIONS.length; a++) {
      const count = odds[a] > 0 ? rng.poisson(occasions * odds[a]) : 0;
      for (let k = 0; k < count; k++) {
        if (fightersIn(group, r) < 1) break;
        // A targeted killing takes a few gunmen, whatever the group's strength there.
        const party = a === ACTION.selective ? smallest : partySize(rng, params, fightersIn(group, r));
        const scale = party / smallest;
        if (!payForOperation(group, params, scale)) return;
        if (a < 3) {
          const type = events[a];
          const lethality = a === ACTION.fama ? spec.lethality.fama : a === ACTION.ct ? spec.lethality.ct : spec.lethality.minusma;
          recordEvent(state, type, group.actor, r, rng.poisson(lethality * scale));
          if (a === ACTION.minusma) continue;
          const p = situation.own / (situation.own + situation.defence[a]);
          const lost = killFighters(rng, state, group, r, rng.poisson(lethality * scale * (1 - p)));
          const counter = a === ACTION.ct ? EVENT.ct_strike : group.kind === 'tuareg' ? EVENT.army_attack_tuareg : EVENT.army_attack_extremists;
          attributeDeaths(state, counter, FORCE_ACTORS[a], r, lost);
        } else if (a === ACTION.selective) {
          const deaths = killCivilians(rng, state, r, -1, rng.poisson(spec.lethality.selective), group.actor, true);
          recordEvent(state, EVENT.extremist_targeted_killing, group.actor, r, deaths, selectiveBlame);
        } else if (a === ACTION.indiscriminate) {
          const deaths = killCivilians(rng, state, r, -1, rng.poisson(spec.lethality.civilians * scale * (1 - cercles.protection[r])), group.actor);
          recordEvent(state, EVENT.extremist_attack_civilians, group.actor, r, deaths);
        } else {
          const rival = situation.rival;
          if (!rival || fightersIn(rival, r) < 1) continue;
          const p = situation.own / (situation.own + situation.rivalStrength);
          const deaths = rng.poisson(spec.lethality.rivals * scale);
          const theirs = rng.binomial(deaths, p);
          // Each side's dead are booked to the side that killed them.
          recordEvent(state, EVENT.group_clash, group.actor, r, killFighters(rng, state, rival, r, theirs));
          attributeDeaths(state, EVENT.group_clash, rival.actor, r, killFighters(rng, state, group, r, deaths - theirs));
        }
      }
    }
  }
}

/** All armed groups' operations, groups in scenario order. */
export function armedGroupOperations(rng: RandomStream, state: MaliState, params: MaliParams): void {
  const situation = createSituation();
  const odds = new Float64Array(ACTIONS.length);
  for (const group of state.groups) if (group.active) groupOperations(rng, state, params, group, situation, odds);
}
