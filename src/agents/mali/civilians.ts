/**
 * Civilians (ODD Details › Submodels): the round's survey of who lives where, and the civilian
 * rules — fear, food insecurity, trust, displacement and return. Recruitment, which civilians
 * decide but armed groups drive, is in recruitment.ts.
 *
 * Per-agent phases run in id order: every decision reads only last round's aggregates and the
 * agent's own state, so no agent's choice affects another's within the phase and id order is
 * as good as any (and cheaper than a shuffle of 200,000 indices each round).
 */
import type { RandomStream } from '../../sim/random.ts';
import { neighbours } from '../../sim/space/graph.ts';
import type { MaliParams } from './params.ts';
import { COMMUNAL, countTrust, CT, FAMA, MINUSMA, NONE, regionSettings, scaleTrust, STATUS, surveyTrust, type MaliState } from './state.ts';

/**
 * Survey at the start of a round (fixed id order): who lives in each cercle and community,
 * the civilian index by cercle × community (for victim draws), members serving each group by
 * cercle, and desertions: `desertion[g]` is the probability that a member of group g leaves it
 * this round (set by finance when the group could not pay).
 */
export function surveyCivilians(rng: RandomStream, state: MaliState, desertion: Float64Array): void {
  const { civilians, cercles, byPlace, groups } = state;
  const c = civilians.columns;
  const communities = state.communityNames.length;
  const keys = cercles.count * communities;
  const { start, members: index } = byPlace;
  const { residentsByCommunity, residents } = cercles;
  // Each civilian's place (cercle × community), or −1 when it is not indexed: read by the sort below.
  const place = state.placeScratch;
  start.fill(0);
  residents.fill(0);
  residentsByCommunity.fill(0);
  for (const group of groups) group.members.fill(0);

  for (let i = 0; i < civilians.size; i++) {
    const status = c.status[i];
    place[i] = -1;
    if (status === STATUS.dead) continue;
    if (c.members[i] > 0) {
      const g = c.memberGroup[i];
      const leaving = desertion[g] > 0 ? rng.binomial(c.members[i], desertion[g]) : 0;
      if (leaving > 0) {
        countTrust(state, i, -1);
        c.members[i] -= leaving;
        c.people[i] += leaving;
        countTrust(state, i, 1);
        groups[g].deserters += leaving;
        if (c.members[i] === 0) c.memberGroup[i] = NONE;
      }
      // Members fight where their group lived when they joined; a refugee group's keep fighting there.
      groups[g].members[c.cercle[i]] += c.members[i];
    }
    if (status === STATUS.refugee || c.people[i] === 0) continue;
    const key = c.cercle[i] * communities + c.community[i];
    place[i] = key;
    start[key + 1]++;
    residentsByCommunity[key] += c.people[i];
  }
  for (let k = 0; k < keys; k++) {
    start[k + 1] += start[k];
    residents[(k / communities) | 0] += residentsByCommunity[k];
  }
  // Counting sort: fill each key's slot in id order, then shift the starts back.
  for (let i = 0; i < civilians.size; i++) {
    const key = place[i];
    if (key >= 0) index[start[key]++] = i;
  }
  for (let k = keys; k > 0; k--) start[k] = start[k - 1];
  start[0] = 0;
}

/** Mean trust of the residents of a cercle in an actor (people-weighted), 0.5 when nobody lives there. */
export function cercleTrust(state: MaliState, cercle: number, actor: number): number {
  const communities = state.communityNames.length;
  const actors = state.actorNames.length;
  const { trustPeople, communityTrust } = state.cercles;
  let weighted = 0;
  let people = 0;
  for (let k = cercle * communities; k < (cercle + 1) * communities; k++) {
    weighted += trustPeople[k] * communityTrust[k * actors + actor];
    people += trustPeople[k];
  }
  return people > 0 ? weighted / people : 0.5;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * What each actor's conduct this round means for trust, per cercle × community × actor
 * (`experience` in docs/odd-mali.md §7.2): the community's prior disposition, plus protection,
 * aid credited and governance, minus harm done and abuses seen, clamped to [0, 1].
 */
export function trustExperience(state: MaliState, params: MaliParams, experience: Float64Array): void {
  const { cercles, groups, communityNames, actorNames } = state;
  const communities = communityNames.length;
  const actors = actorNames.length;
  const t = params.trust;
  for (let r = 0; r < cercles.count; r++) {
    const perThousand = cercles.residents[r] > 0 ? 1000 / cercles.residents[r] : 0;
    const armyPresence = cercles.fama[r] / (cercles.fama[r] + 500);
    const ctPresence = cercles.ct[r] / (cercles.ct[r] + 500);
    const aid = cercles.aid[r];
    const minusmaHere = cercles.minusma[r] > 0 ? 1 : 0;
    for (let k = 0; k < communities; k++) {
      const key = r * communities + k;
      const people = cercles.residentsByCommunity[key];
      const per100k = people > 0 ? 100_000 / people : 0;
      const communal = cercles.communalDeaths[key] * (people > 0 ? 1000 / people : 0);
      const prior = params.communities[communityNames[k]].trust;
      const ties = params.communities[communityNames[k]].ties;
      for (let a = 0; a < actors; a++) {
        let value = prior[actorNames[a]] ?? 0.5;
        value -= t.harm * cercles.harmByActor[r * actors + a] * perThousand;
        value -= t.abuse * cercles.abuses[key * actors + a] * per100k;
        if (a === FAMA) value += t.protection * armyPresence * params.fama.capability.value + t.aid * params.aid.creditState * aid - t.harm * 0.5 * communal;
        else if (a === MINUSMA) value += t.protection * cercles.protection[r] + t.aid * params.aid.creditMinusma * aid * minusmaHere;
        else if (a === CT) value += t.protection * 0.5 * ctPresence;
        else {
          const group = groups[a - 3];
          // Where the state is absent or abusive, armed groups are seen as providers of order (seed 002, Moe 2021).
          if (cercles.control[r] === a) value += t.governance * (1 - cercles.services[r]) + (group.aidDecision[r] === 1 ? t.aid * params.aid.creditGroup * aid : 0);
          value += t.governance * (ties[group.id] ?? 0) * Math.min(1, communal);
        }
        experience[key * actors + a] = clamp01(value);
      }
    }
  }
}

/**
 * Perception (per civilian, id order): fear fades and grows with violence around and suffered;
 * food insecurity follows the cercle's level, the group's hardship, displacement and aid; trust
 * in each actor moves toward experience (rate `learning`) and toward what the community in the
 * cercle believed last round (rate `social`), and drops for an actor that killed one of the
 * group's people or blocked aid it needed.
 *
 * The update τ ← keep·τ + target is the same linear map for everyone of a cercle × community,
 * so the community's trust sums follow it exactly (S ← keep·S + target·people) without summing
 * the civilians; `recount` re-counts them from scratch instead, against float drift.
 */
export function perceive(state: MaliState, params: MaliParams, experience: Float64Array, recount: boolean): void {
  const { civilians, cercles, trust, groups, hostNames, campHost } = state;
  // Columns as locals: the loop calls scaleTrust, after which property loads could not be hoisted.
  const { status: statusOf, people: peopleOf, cercle: cercleOf, fear: fearOf, harmedBy: harmedByOf, food: foodOf, camp, hardship } = civilians.columns;
  const actors = state.actorNames.length;
  const { learning, social, personalHarm, aidDenial } = params.trust;
  const { decay, exposure, personalHarm: fearOfLoss } = params.fear;
  const keep = 1 - learning - social;
  // Per cercle: violence seen (deaths per 1,000), food need before aid, the share aid leaves.
  const seen = new Float64Array(cercles.count);
  const foodNeed = new Float64Array(cercles.count);
  const afterAid = new Float64Array(cercles.count);
  const blocked = new Int16Array(cercles.count).fill(-1);
  for (let r = 0; r < cercles.count; r++) {
    seen[r] = cercles.residents[r] > 0 ? (exposure * cercles.deaths[r] * 1000) / cercles.residents[r] : 0;
    foodNeed[r] = regionSettings(state, params, r).foodInsecurity.value;
    afterAid[r] = 1 - params.aid.relief * cercles.aid[r];
    const controller = cercles.control[r];
    if (controller >= 3 && groups[controller - 3].aidDecision[r] === 0) blocked[r] = controller;
  }
  const campNeed = Array.from(campHost, (h) => 0.6 * (1 - params.hostCountries[hostNames[h]].campAid));
  // Where trust moves this round: learning × experience + social × last round's community mean.
  const target = new Float64Array(experience.length);
  for (let k = 0; k < target.length; k++) target[k] = learning * experience[k] + social * cercles.communityTrust[k];

  const size = civilians.size;
  const fade = 1 - decay;
  for (let i = 0; i < size; i++) {
    const status = statusOf[i];
    if (status === STATUS.dead || peopleOf[i] === 0) continue;
    const r = cercleOf[i];
    const refugee = status === STATUS.refugee;
    // Refugees hear of violence at home; everyone else sees it where they live.
    let fear = fearOf[i] * fade + (refugee ? 0.3 * seen[r] : seen[r]);
    const harmedBy = harmedByOf[i];
    if (harmedBy !== NONE) fear += fearOfLoss;
    fearOf[i] = fear > 1 ? 1 : fear;
    let food: number;
    if (refugee) {
      food = campNeed[camp[i]];
    } else {
      const need = foodNeed[r] * (0.5 + hardship[i]) + (status === STATUS.displaced ? 0.2 : 0);
      food = (need > 1 ? 1 : need) * afterAid[r];
    }
    foodOf[i] = food;
    // Shocks to one actor's trust (the sums follow the change).
    const harmed = harmedBy !== NONE && harmedBy !== COMMUNAL;
    const starved = !refugee && blocked[r] >= 0;
    if (harmed) scaleTrust(state, i, harmedBy, 1 - personalHarm);
    if (starved) scaleTrust(state, i, blocked[r], 1 - aidDenial * food);
    if (harmedBy !== NONE) harmedByOf[i] = NONE;
  }
  // Trust moves in a second, tight pass: the survey's place of each civilian living in the
  // country still holds (nobody moves between the survey and perception; the dead have no people).
  const place = state.placeScratch;
  for (let i = 0; i < size; i++) {
    const key = place[i];
    if (key < 0 || peopleOf[i] === 0) continue;
    const row = i * actors;
    const base = key * actors;
    for (let a = 0; a < actors; a++) trust[row + a] = keep * trust[row + a] + target[base + a];
  }
  const { trustSums, trustPeople, communityTrust } = cercles;
  for (let k = 0; k < trustPeople.length; k++) {
    for (let a = 0; a < actors; a++) trustSums[k * actors + a] = keep * trustSums[k * actors + a] + target[k * actors + a] * trustPeople[k];
  }
  if (recount) surveyTrust(state);
  // Where nobody of the community lives, its "belief" there is what it would experience.
  for (let k = 0; k < trustPeople.length; k++) {
    const people = trustPeople[k];
    for (let a = 0; a < actors; a++) communityTrust[k * actors + a] = people > 0 ? trustSums[k * actors + a] / people : experience[k * actors + a];
  }
}

/**
 * Threat (per cercle, after the fighting), Flee's conflict-onset rule made proportional, so
 * people can flee ahead of the violence rather than only after deaths they have seen: the
 * share of a cercle's residents an armed attack or clash frightens, min(1, attacks ×
 * threatReach / residents), or 1 where a party of an armed group's own fighters (at least
 * operations.partySize cadres) arrived since the last perception; next to such a cercle,
 * threatAdjacent × its threat, where that is more.
 */
export function senseThreat(state: MaliState, params: MaliParams): void {
  const { cercles, graph, groups } = state;
  const { threatReach, threatAdjacent } = params.displacement;
  const onset = new Float64Array(cercles.count);
  for (let r = 0; r < cercles.count; r++) {
    if (cercles.attacks[r] > 0) onset[r] = cercles.residents[r] > 0 ? Math.min(1, (cercles.attacks[r] * threatReach) / cercles.residents[r]) : 1;
  }
  for (const group of groups) {
    for (let r = 0; r < cercles.count; r++) {
      // An arrival is a party of fighters, not a straggler.
      const here = group.active && group.cadre[r] >= params.operations.partySize ? 1 : 0;
      if (here === 1 && group.present[r] === 0) onset[r] = 1;
      group.present[r] = here;
    }
  }
  for (let r = 0; r < cercles.count; r++) {
    let threat = onset[r];
    for (const q of neighbours(graph, r)) threat = Math.max(threat, threatAdjacent * onset[q]);
    cercles.threat[r] = threat;
  }
}

/**
 * Where people fleeing a cercle go, as cumulative weights over cercles then camps
 * (`destinations` row r: cercles.count + camps entries): a cercle q weighs its calm (few deaths)
 * and its region's food security, times exp(−km/distanceScale) for the road distance from r; a
 * camp weighs abroadWeight × its host country's pull × exp(−km/distanceScale). The cercle
 * itself, and places no road leads to, weigh 0.
 */
export function destinationWeights(state: MaliState, params: MaliParams, out: Float64Array): void {
  const { cercles, campNames, campHost, hostNames, roadKm } = state;
  const places = cercles.count + campNames.length;
  const { distanceScale, abroadWeight } = params.displacement;
  const calm = new Float64Array(cercles.count);
  for (let q = 0; q < cercles.count; q++) {
    const per100k = cercles.residents[q] > 0 ? (cercles.recentDeaths[q] * 100_000) / cercles.residents[q] : 0;
    calm[q] = Math.exp(-per100k) * (1 - regionSettings(state, params, q).foodInsecurity.value);
  }
  const pull = Array.from(campHost, (h) => abroadWeight * params.hostCountries[hostNames[h]].pull);
  for (let r = 0; r < cercles.count; r++) {
    let total = 0;
    for (let p = 0; p < places; p++) {
      // exp(−Infinity) = 0: no road, no weight.
      const near = p === r ? 0 : Math.exp(-roadKm[r * places + p] / distanceScale);
      total += (p < cercles.count ? calm[p] : pull[p - cercles.count]) * near;
      out[r * places + p] = total;
    }
  }
}

/**
 * Displacement and return (per civilian, id order). A group at home or displaced flees when
 * its danger — fear + foodWeight × food insecurity + threat × its cercle's threat this round —
 * exceeds its threshold, flightThreshold × (1.5 − R) (the risk-averse flee first), with
 * probability moveRate a week; it goes to a destination drawn from `destinationWeights` (a cercle
 * or a camp), camps weighted by its community's propensity to flee abroad. Displaced people and refugees go home, with probability returnRate a week, once
 * their fear is below returnThreshold and home has been calm.
 */
export function moveCivilians(rng: RandomStream, state: MaliState, params: MaliParams, destinations: Float64Array): void {
  const { civilians, cercles, ledger, campNames } = state;
  const c = civilians.columns;
  const d = params.displacement;
  const width = cercles.count + campNames.length;
  const abroad = state.communityNames.map((name) => params.communities[name].abroad);
  const calmHome = new Uint8Array(cercles.count);
  for (let r = 0; r < cercles.count; r++) {
    const per100k = cercles.residents[r] > 0 ? (cercles.recentDeaths[r] * 100_000) / cercles.residents[r] : 0;
    calmHome[r] = per100k < d.calmDeaths ? 1 : 0;
  }
  for (let i = 0; i < civilians.size; i++) {
    const status = c.status[i];
    if (status === STATUS.dead || c.people[i] === 0) continue;
    if (status !== STATUS.home && c.fear[i] < d.returnThreshold && calmHome[c.home[i]] === 1) {
      if (!rng.bernoulli(d.returnRate)) continue;
      countTrust(state, i, -1);
      c.status[i] = STATUS.home;
      c.cercle[i] = c.home[i];
      c.camp[i] = NONE;
      countTrust(state, i, 1);
      ledger.returned += c.people[i];
      continue;
    }
    if (status === STATUS.refugee) continue;
    // The threat counts as it stands this round, unlike fear, which builds up and fades.
    const danger = c.fear[i] + d.foodWeight * c.food[i] + d.threat * cercles.threat[c.cercle[i]];
    if (danger <= d.flightThreshold * (1.5 - c.riskAversion[i]) || !rng.bernoulli(d.moveRate)) continue;
    const r = c.cercle[i];
    const row = r * width;
    const inside = destinations[row + cercles.count - 1];
    const outside = (destinations[row + width - 1] - inside) * abroad[c.community[i]];
    let pick = rng.double() * (inside + outside);
    if (pick < inside) {
      let q = 0;
      while (destinations[row + q] <= pick) q++;
      countTrust(state, i, -1);
      c.cercle[i] = q;
      c.status[i] = q === c.home[i] ? STATUS.home : STATUS.displaced;
      countTrust(state, i, 1);
      ledger.displaced += c.people[i];
      continue;
    }
    if (outside <= 0) continue;
    pick = inside + (pick - inside) / abroad[c.community[i]];
    let k = 0;
    while (k < campNames.length - 1 && destinations[row + cercles.count + k] <= pick) k++;
    countTrust(state, i, -1);
    c.status[i] = STATUS.refugee;
    c.camp[i] = k;
    countTrust(state, i, 1);
    ledger.refugees += c.people[i];
  }
}
