/**
 * Violence (ODD Details › Submodels › Violence): recording the round's events in the ledger
 * (ledger.ts) and applying casualties to civilians and fighters. The actors' rules decide how
 * many events happen; this module records them and picks the victims.
 */
import type { RandomStream } from '../../sim/random.ts';
import type { ArmedGroup, MaliState } from './state.ts';
import { COMMUNAL, countTrust, FAMA, NONE, STATUS } from './state.ts';
import { CLUSTERS, EVENT_TYPES, VICTIMS } from './ledger.ts';

export function resetLedger(state: MaliState): void {
  const { ledger, cercles } = state;
  ledger.events.fill(0);
  ledger.eventDeaths.fill(0);
  ledger.deaths.fill(0);
  ledger.displaced = 0;
  ledger.refugees = 0;
  ledger.returned = 0;
  cercles.deaths.fill(0);
  cercles.clusterDeaths.fill(0);
  cercles.attacks.fill(0);
  cercles.harmByActor.fill(0);
  cercles.abuses.fill(0);
  cercles.communalDeaths.fill(0);
  cercles.harmToCommunity.fill(0);
}

/** Perpetrator index of intercommunal violence in the deaths ledger (after the actors). */
export function communalPerpetrator(state: MaliState): number {
  return state.actorNames.length;
}

/**
 * Records one event of `type` by `perpetrator` with `deaths` victims of the type's victim kind;
 * `blame` is the share of those deaths residents hold against the perpetrator (trust.harm).
 */
export function recordEvent(state: MaliState, type: number, perpetrator: number, cercle: number, deaths: number, blame = 1): void {
  state.ledger.events[type]++;
  if (EVENT_TYPES[type].attack) state.cercles.attacks[cercle]++;
  attributeDeaths(state, type, perpetrator, cercle, deaths, blame);
}

/**
 * Books deaths of an event already counted to a perpetrator: for events with casualties on both
 * sides (clashes, attacks beaten back), each side's dead go to the side that killed them.
 */
export function attributeDeaths(state: MaliState, type: number, perpetrator: number, cercle: number, deaths: number, blame = 1): void {
  if (deaths <= 0) return;
  const { ledger } = state;
  ledger.eventDeaths[type] += deaths;
  ledger.deaths[perpetrator * VICTIMS.length + EVENT_TYPES[type].victim] += deaths;
  state.cercles.deaths[cercle] += deaths;
  state.cercles.clusterDeaths[cercle * CLUSTERS.length + EVENT_TYPES[type].cluster - 1] += deaths;
  if (perpetrator < state.actorNames.length) state.cercles.harmByActor[cercle * state.actorNames.length + perpetrator] += deaths * blame;
}

/**
 * A civilian group living in `cercle` (home or displaced), drawn with probability proportional
 * to its people; restricted to `community` unless it is −1. Returns −1 only when nobody lives
 * there.
 */
export function pickCivilian(rng: RandomStream, state: MaliState, cercle: number, community: number): number {
  const { byPlace, cercles, communityNames, civilians, peoplePerAgent } = state;
  const communities = communityNames.length;
  let c = community;
  if (c < 0) {
    const base = cercle * communities;
    let total = 0;
    for (let k = 0; k < communities; k++) total += cercles.residentsByCommunity[base + k];
    if (total <= 0) return -1;
    let pick = rng.double() * total;
    for (c = 0; c < communities - 1; c++) {
      pick -= cercles.residentsByCommunity[base + c];
      if (pick < 0) break;
    }
  }
  const key = cercle * communities + c;
  const from = byPlace.start[key];
  const count = byPlace.start[key + 1] - from;
  if (count === 0) return -1;
  const { people } = civilians.columns;
  // Rejection on people/peoplePerAgent weights groups by size; a few tries suffice since most are full.
  for (let attempt = 0; attempt < 64; attempt++) {
    const i = byPlace.members[from + rng.index(count)];
    if (people[i] > 0 && rng.double() * peoplePerAgent < people[i]) return i;
  }
  // Where most groups are nearly empty, the same draw by a scan of their people: a death drawn falls on someone.
  let alive = 0;
  for (let k = from; k < from + count; k++) alive += people[byPlace.members[k]];
  if (alive === 0) return -1;
  let pick = rng.index(alive);
  for (let k = from; k < from + count; k++) {
    const i = byPlace.members[k];
    pick -= people[i];
    if (pick < 0) return i;
  }
  return -1;
}

/**
 * A civilian group living in `cercle` taken for informers: drawn as by `pickCivilian` and kept
 * with probability its trust in the state (FAMA), up to 16 draws; −1 when none is found (the
 * perpetrator's information fails).
 */
export function pickInformer(rng: RandomStream, state: MaliState, cercle: number): number {
  const actors = state.actorNames.length;
  for (let attempt = 0; attempt < 16; attempt++) {
    const i = pickCivilian(rng, state, cercle, -1);
    if (i < 0) return -1;
    if (rng.double() < state.trust[i * actors + FAMA]) return i;
  }
  return -1;
}

/** Marks a civilian group dead when no one is left, alive with it or serving. */
function retireIfEmpty(state: MaliState, i: number): void {
  const c = state.civilians.columns;
  if (c.people[i] === 0 && c.members[i] === 0) c.status[i] = STATUS.dead;
}

/**
 * Kills up to `count` civilians living in `cercle` (of `community`, or any when −1; only those
 * taken for informers when `informers`); each death falls on a group drawn by `pickCivilian`
 * (or `pickInformer`), which remembers who harmed it. Returns the deaths.
 */
export function killCivilians(rng: RandomStream, state: MaliState, cercle: number, community: number, count: number, perpetrator: number, informers = false): number {
  const c = state.civilians.columns;
  let killed = 0;
  for (let k = 0; k < count; k++) {
    const i = informers ? pickInformer(rng, state, cercle) : pickCivilian(rng, state, cercle, community);
    if (i < 0) break;
    countTrust(state, i, -1);
    c.people[i]--;
    c.harmedBy[i] = perpetrator < state.actorNames.length ? perpetrator : COMMUNAL;
    if (perpetrator >= state.actorNames.length) state.cercles.communalDeaths[cercle * state.communityNames.length + c.community[i]]++;
    else state.cercles.harmToCommunity[(cercle * state.communityNames.length + c.community[i]) * state.actorNames.length + perpetrator]++;
    state.deadByHome[c.home[i]]++;
    state.cercles.residents[cercle]--;
    state.cercles.residentsByCommunity[cercle * state.communityNames.length + c.community[i]]--;
    retireIfEmpty(state, i);
    countTrust(state, i, 1);
    killed++;
  }
  return killed;
}

/**
 * Kills up to `count` fighters of `group` in `cercle`: each is a cadre with probability
 * cadre/(cadre + members), else a member drawn from the civilian groups serving the group there.
 * Returns the deaths.
 */
export function killFighters(rng: RandomStream, state: MaliState, group: ArmedGroup, cercle: number, count: number): number {
  let killed = 0;
  for (let k = 0; k < count; k++) {
    const cadre = group.cadre[cercle];
    const members = group.members[cercle];
    if (cadre + members < 1) break;
    if (rng.double() * (cadre + members) < cadre || !killMember(rng, state, group, cercle)) {
      if (group.cadre[cercle] < 1) break;
      group.cadre[cercle]--;
    } else {
      group.members[cercle]--;
    }
    killed++;
  }
  group.losses += killed;
  return killed;
}

/**
 * Kills one member of `group` serving from a civilian group that lives in `cercle`, drawn in
 * proportion to its members (two passes over the cercle's civilians: deaths of fighters are
 * few). False when no such member lives there (members of refugee groups are not reachable).
 */
function killMember(rng: RandomStream, state: MaliState, group: ArmedGroup, cercle: number): boolean {
  const { byPlace, communityNames, civilians } = state;
  const c = civilians.columns;
  const from = byPlace.start[cercle * communityNames.length];
  const to = byPlace.start[(cercle + 1) * communityNames.length];
  let serving = 0;
  for (let k = from; k < to; k++) {
    const i = byPlace.members[k];
    if (c.memberGroup[i] === group.index) serving += c.members[i];
  }
  if (serving === 0) return false;
  let pick = rng.index(serving);
  for (let k = from; k < to; k++) {
    const i = byPlace.members[k];
    if (c.memberGroup[i] !== group.index) continue;
    pick -= c.members[i];
    if (pick >= 0) continue;
    c.members[i]--;
    if (c.members[i] === 0) c.memberGroup[i] = NONE;
    state.deadByHome[c.home[i]]++;
    retireIfEmpty(state, i);
    return true;
  }
  return false;
}

/** Fighters of a group in a cercle. */
export function fightersIn(group: ArmedGroup, cercle: number): number {
  return group.cadre[cercle] + group.members[cercle];
}

/** All fighters of a group. */
export function totalFighters(group: ArmedGroup): number {
  let total = 0;
  for (let r = 0; r < group.cadre.length; r++) total += group.cadre[r] + group.members[r];
  return total;
}
