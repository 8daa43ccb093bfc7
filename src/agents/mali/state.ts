/**
 * State of the Mali model (ODD Overview › Entities and state variables; Details ›
 * Initialisation): civilians in typed-array columns, armed groups and forces as plain objects,
 * per-cercle aggregates the rules share, and the round's ledger of violence. Plain data, so a
 * snapshot is a structuredClone.
 */
import type { RandomStream } from '../../sim/random.ts';
import { placeGraphOf } from '../../sim/scenario/fields.ts';
import { shortestDistances } from '../../sim/space/network.ts';
import type { PlaceGraph } from '../../sim/space/graph.ts';
import { addAgents, createPlaceIndex, createTable, type PlaceIndex, type Table } from '../../sim/store.ts';
import type { MaliParams } from './params.ts';
import { CLUSTERS, createLedger, type Ledger } from './ledger.ts';

/** Where a civilian group is: at home, displaced inside Mali, refugee abroad, or gone (all its people dead). */
export const STATUS = { home: 0, displaced: 1, refugee: 2, dead: 3 } as const;
export const STATUS_NAMES = ['home', 'displaced', 'refugee', 'dead'] as const;
export const AGE_BANDS = ['children', 'youth', 'adults', 'elders'] as const;
export const YOUTH = 1;
/** Marks "none" in u8 columns (no camp, no armed group, no perpetrator). */
export const NONE = 255;
/** `harmedBy` code of intercommunal violence (a community, not an actor). */
export const COMMUNAL = 254;

/** The state and intervention actors; armed groups follow them in actor order, as in the scenario. */
export const FORCES = ['fama', 'minusma', 'ct'] as const;
export const FAMA = 0;
export const MINUSMA = 1;
export const CT = 2;

/**
 * One civilian agent: a group of `peoplePerAgent` relatives and neighbours of one community and
 * age band, who live, flee and return together. People can be killed one by one (`people`
 * falls) or join an armed group (`members` rises); the group is dead when no one is left.
 */
export const CIVILIAN_COLUMNS = {
  home: { type: 'u8', doc: 'cercle of origin (index into cercles)' },
  cercle: { type: 'u8', doc: 'cercle where the group lives now; for refugees the cercle they left' },
  camp: { type: 'u8', doc: 'refugee camp while refugee (index into camps), else 255' },
  community: { type: 'u8', doc: 'community (index into communities)' },
  ageBand: { type: 'u8', doc: 'age band', categories: AGE_BANDS },
  status: { type: 'u8', doc: 'home, displaced, refugee or dead', categories: STATUS_NAMES },
  people: { type: 'u8', doc: 'people alive and with the group' },
  members: { type: 'u8', doc: 'people of the group serving in armed group `memberGroup`' },
  memberGroup: { type: 'u8', doc: 'armed group its members serve (index into armed groups), else 255' },
  harmedBy: { type: 'u8', doc: 'actor that killed one of its people this round, else 255' },
  hardship: { type: 'f32', doc: 'livelihood hardship (poverty, lack of work), [0, 1]' },
  riskAversion: { type: 'f32', doc: 'R: risk aversion, U(0, 1), fixed for life' },
  fear: { type: 'f32', doc: 'fear from violence seen and suffered, [0, 1]' },
  food: { type: 'f32', doc: 'food insecurity after aid, [0, 1]' },
} as const;

export type CivilianTable = Table<typeof CIVILIAN_COLUMNS>;

export interface ArmedGroup {
  readonly id: string;
  readonly kind: 'extremist' | 'tuareg';
  /** Actor index (trust column) = FORCES.length + group index. */
  readonly actor: number;
  readonly index: number;
  /** Present and acting this round (enabled, past activeFrom, not merged away). */
  active: boolean;
  merged: boolean;
  /** Fighters not drawn from the modelled civilians (cadres, foreign fighters), by cercle. */
  readonly cadre: Float64Array;
  /** Civilians serving in the group, by the cercle where their group lives; recounted each round. */
  readonly members: Float64Array;
  money: number;
  /** What one of its fighters costs a month (wage + upkeep; a coalition's is the mean of what its parts paid, by fighters). */
  fighterCost: number;
  /** 1 in the cercles where it had cadres at the last perception (to see where it arrives). */
  readonly present: Uint8Array;
  /** Tuareg groups: cooperation with their extremist partner, [0, 1]. */
  cooperation: number;
  /** Cercle index → 1 when the group let aid in this round, 0 when it blocked it, −1 when it does not control it. */
  readonly aidDecision: Int8Array;
  recruits: number;
  deserters: number;
  income: number;
  /** Fighters it lost in recent months, fading (lifecycle.ts pressure). */
  losses: number;
  /** Fighters it could not pay this round. */
  unpaid: number;
}

/** Negotiation with the Tuareg groups (model brief: talks, ceasefire, agreement; can break down). */
export const NEGOTIATION = { none: 0, talks: 1, ceasefire: 2, agreement: 3, breakdown: 4 } as const;
export const NEGOTIATION_NAMES = ['none', 'talks', 'ceasefire', 'agreement', 'breakdown'] as const;

/** Per-cercle quantities the rules share, recomputed or updated each round. */
export interface Cercles {
  readonly count: number;
  /** People living in each cercle now (home or displaced), and by cercle × community. */
  readonly residents: Float64Array;
  readonly residentsByCommunity: Float64Array;
  readonly fama: Float64Array;
  readonly minusma: Float64Array;
  readonly ct: Float64Array;
  readonly services: Float64Array;
  /** MINUSMA's ties to communities where it is deployed, [0, 1]. */
  readonly ties: Float64Array;
  readonly impartiality: Float64Array;
  /** Share of deaths in attacks on civilians prevented by MINUSMA's protection. */
  readonly protection: Float64Array;
  /** Aid coverage of food needs this round, [0, 1]. */
  readonly aid: Float64Array;
  /** 1 where the army holds its post, 0 where the post has withdrawn (fama.ts deployArmy). */
  readonly armyPost: Uint8Array;
  /** Controller: actor index, or −1 when contested. */
  readonly control: Int16Array;
  /** Violent deaths in the cercle this round and, smoothed, over recent rounds (per week). */
  readonly deaths: Float64Array;
  readonly recentDeaths: Float64Array;
  /** Armed attacks and clashes this round (events of `attack` types). */
  readonly attacks: Float64Array;
  /** Threat felt this round, [0, 1]: the share of residents attacks frighten, 1 where an armed group arrived (civilians.ts senseThreat). */
  readonly threat: Float64Array;
  /** Deaths this round by security cluster: cercle × cluster (1–7 at 0–6). */
  readonly clusterDeaths: Float64Array;
  /** Abuse events by state and intervention forces in the last weeks (decaying count). */
  readonly recentAbuses: Float64Array;
  /** Deaths caused by each actor this round: cercle × actor. */
  readonly harmByActor: Float64Array;
  /** Abuse events by each actor against each community this round: cercle × community × actor. */
  readonly abuses: Float64Array;
  /** Mean trust of each community in each actor in the cercle, as of the last perception: cercle × community × actor. */
  readonly communityTrust: Float64Array;
  /**
   * Σ people × trust of the civilians living in each cercle × community, per actor, and the
   * people: kept current by every change (perception, deaths, recruits, moves), so perception
   * need not sum 200,000 civilians each round; re-counted from scratch every few rounds.
   */
  readonly trustSums: Float64Array;
  readonly trustPeople: Float64Array;
  /** Deaths in intercommunal clashes this round: cercle × victim community. */
  readonly communalDeaths: Float64Array;
  /** Civilians killed by each actor this round: cercle × victim community × actor (what communities attribute). */
  readonly harmToCommunity: Float64Array;
  /** Reprisal excitation of each tension pair: cercle × pair (intercommunal.ts), in clashes a week. */
  readonly reprisals: Float64Array;
}

export interface MaliState {
  readonly peoplePerAgent: number;
  /** Cercles and their adjacency: the unit where civilians live, groups operate and control is held. */
  readonly graph: PlaceGraph;
  readonly cercleNames: readonly string[];
  /** Regions, an output level and the source of settings their cercles share. */
  readonly regionNames: readonly string[];
  /** Region index of each cercle. */
  readonly regionOf: Uint8Array;
  /** Each cercle's share of its region's people at the start (equal shares in an empty region): how a region's forces and fighters spread. */
  readonly shareOfRegion: Float64Array;
  readonly communityNames: readonly string[];
  readonly hostNames: readonly string[];
  /** Refugee camps abroad, and the host country (index into hostNames) of each. */
  readonly campNames: readonly string[];
  readonly campHost: Uint8Array;
  /** Shortest road distance (km) between places, cercles then camps: roadKm[p · (cercles + camps) + q]; Infinity where no road leads. */
  readonly roadKm: Float64Array;
  /** Actor names: fama, minusma, ct, then the armed groups. */
  readonly actorNames: readonly string[];
  readonly civilians: CivilianTable;
  /** Trust of civilian i in actor a at i·actors + a, [0, 1]. */
  readonly trust: Float32Array;
  readonly groups: ArmedGroup[];
  readonly cercles: Cercles;
  /** Civilians living in Mali grouped by cercle × community (rebuilt each round). */
  readonly byPlace: PlaceIndex;
  /** Scratch of the survey: each civilian's cercle × community, −1 when not indexed. */
  readonly placeScratch: Int16Array;
  negotiation: number;
  /** Talks resumed after a breakdown and have not yet regained the scheduled stage. */
  negotiationRecovering: boolean;
  /** Army attacks on Tuareg groups this round (they strain agreements). */
  armyAttacksOnTuareg: number;
  /** Refugees' trust summed over people, per actor, and the people behind it (as of the last perception). */
  readonly refugeeTrust: Float64Array;
  refugeeTrustPeople: number;
  /** People dead by home cercle: civilians and fighters drawn from civilians. */
  readonly deadByHome: Float64Array;
  /** People at the start by home cercle. */
  readonly initialByHome: Float64Array;
  readonly ledger: Ledger;
}

export function actorCount(state: MaliState): number {
  return state.actorNames.length;
}

/** Largest-remainder split of `total` into integers proportional to `weights`. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) counts[order[k % order.length][1]]++;
  return counts;
}

/** Each cercle's share of its region's initial population; equal shares where the region is empty. */
function populationShares(params: MaliParams, cercleNames: readonly string[], regionOf: Uint8Array, regions: number): Float64Array {
  const people = new Float64Array(regions);
  const count = new Float64Array(regions);
  cercleNames.forEach((name, r) => {
    people[regionOf[r]] += params.cercles[name].population;
    count[regionOf[r]]++;
  });
  return Float64Array.from(cercleNames, (name, r) => (people[regionOf[r]] > 0 ? params.cercles[name].population / people[regionOf[r]] : 1 / count[regionOf[r]]));
}

/**
 * Initialisation: each cercle's population becomes ⌈population / peoplePerAgent⌉ civilian
 * groups, split over communities by its region's shares and over age bands by the national
 * shares (largest remainder, so totals are exact); hardship is drawn around the region's mean,
 * risk aversion from U(0, 1), trust from the community's initial trust. Armed groups start
 * with their cadres (a region's figure apportioned over its cercles by population) and money;
 * forces are deployed by the first round's phases.
 */
export function initMali(rng: RandomStream, params: MaliParams): MaliState {
  const graph = placeGraphOf(params.cercles);
  const cercleNames = graph.names;
  const regionNames = Object.keys(params.regions);
  const regionOf = Uint8Array.from(cercleNames.map((name) => regionNames.indexOf(params.cercles[name].region)));
  const communityNames = Object.keys(params.communities);
  const hostNames = Object.keys(params.hostCountries);
  const campNames = Object.keys(params.camps);
  const places = [...cercleNames, ...campNames];
  const roadKm = shortestDistances(places.length, params.roads.map(([from, to, km]) => [places.indexOf(from), places.indexOf(to), km] as const));
  const groupIds = Object.keys(params.armedGroups);
  const actorNames = [...FORCES, ...groupIds];
  const actors = actorNames.length;
  const scale = params.peoplePerAgent;
  const cercleCount = cercleNames.length;
  const shareOfRegion = populationShares(params, cercleNames, regionOf, regionNames.length);

  const plan: { cercle: number; community: number; band: number; agents: number; lastPeople: number }[] = [];
  const initialByHome = new Float64Array(cercleCount);
  const bandShares = AGE_BANDS.map((band) => params.ageBands[band]);
  cercleNames.forEach((name, r) => {
    const { population } = params.cercles[name];
    const { communities } = params.regions[regionNames[regionOf[r]]];
    const byCommunity = apportion(population, communityNames.map((c) => communities[c] ?? 0));
    byCommunity.forEach((people, c) => {
      apportion(people, bandShares).forEach((bandPeople, band) => {
        if (bandPeople === 0) return;
        const agents = Math.ceil(bandPeople / scale);
        plan.push({ cercle: r, community: c, band, agents, lastPeople: bandPeople - (agents - 1) * scale });
      });
    });
    initialByHome[r] = population;
  });

  const capacity = plan.reduce((sum, cell) => sum + cell.agents, 0);
  const civilians = createTable(CIVILIAN_COLUMNS, capacity);
  const trust = new Float32Array(capacity * actors);
  const c = civilians.columns;
  for (const cell of plan) {
    const region = params.regions[regionNames[regionOf[cell.cercle]]];
    const community = params.communities[communityNames[cell.community]];
    const first = addAgents(civilians, cell.agents);
    for (let i = first; i < first + cell.agents; i++) {
      c.home[i] = cell.cercle;
      c.cercle[i] = cell.cercle;
      c.camp[i] = NONE;
      c.community[i] = cell.community;
      c.ageBand[i] = cell.band;
      c.status[i] = STATUS.home;
      c.people[i] = i === first + cell.agents - 1 ? cell.lastPeople : scale;
      c.memberGroup[i] = NONE;
      c.harmedBy[i] = NONE;
      // Hardship spreads ±0.25 around the region's mean, clipped to [0, 1].
      c.hardship[i] = Math.min(1, Math.max(0, region.hardship + (rng.double() - 0.5) * 0.5));
      c.riskAversion[i] = rng.double();
      for (let a = 0; a < actors; a++) trust[i * actors + a] = community.trust[actorNames[a]] ?? 0.5;
    }
  }

  const groups: ArmedGroup[] = groupIds.map((id, index) => {
    const spec = params.armedGroups[id];
    const cadre = new Float64Array(cercleCount);
    for (const [name, fighters] of Object.entries(spec.fighters)) {
      const region = regionNames.indexOf(name);
      const cercles = cercleNames.map((_, r) => r).filter((r) => regionOf[r] === region);
      apportion(Math.round(fighters), cercles.map((r) => shareOfRegion[r])).forEach((n, k) => (cadre[cercles[k]] += n));
    }
    return {
      id,
      kind: spec.kind,
      actor: FORCES.length + index,
      index,
      active: false,
      merged: false,
      cadre,
      members: new Float64Array(cercleCount),
      // Where a group acting from the start stands then is not news; later arrivals are.
      present: Uint8Array.from(cadre, (fighters) => (spec.activeFrom === null && fighters >= 1 ? 1 : 0)),
      money: spec.money,
      fighterCost: spec.wage + spec.upkeep,
      cooperation: spec.cooperation,
      aidDecision: new Int8Array(cercleCount).fill(-1),
      recruits: 0,
      deserters: 0,
      income: 0,
      unpaid: 0,
      losses: 0,
    };
  });

  const zeros = () => new Float64Array(cercleCount);
  const cercles: Cercles = {
    count: cercleCount,
    residents: zeros(),
    residentsByCommunity: new Float64Array(cercleCount * communityNames.length),
    fama: zeros(),
    minusma: zeros(),
    ct: zeros(),
    services: Float64Array.from(cercleNames.map((_, r) => params.regions[regionNames[regionOf[r]]].services)),
    ties: zeros(),
    impartiality: zeros(),
    protection: zeros(),
    aid: zeros(),
    armyPost: new Uint8Array(cercleCount).fill(1),
    control: new Int16Array(cercleCount).fill(FAMA),
    deaths: zeros(),
    recentDeaths: zeros(),
    attacks: zeros(),
    threat: zeros(),
    clusterDeaths: new Float64Array(cercleCount * CLUSTERS.length),
    recentAbuses: zeros(),
    harmByActor: new Float64Array(cercleCount * actors),
    abuses: new Float64Array(cercleCount * communityNames.length * actors),
    communityTrust: new Float64Array(cercleCount * communityNames.length * actors),
    trustSums: new Float64Array(cercleCount * communityNames.length * actors),
    trustPeople: new Float64Array(cercleCount * communityNames.length),
    communalDeaths: new Float64Array(cercleCount * communityNames.length),
    harmToCommunity: new Float64Array(cercleCount * communityNames.length * actors),
    reprisals: new Float64Array(cercleCount * params.intercommunal.tensions.length),
  };

  const state: MaliState = {
    peoplePerAgent: scale,
    graph,
    cercleNames,
    regionNames,
    regionOf,
    shareOfRegion,
    communityNames,
    hostNames,
    campNames,
    campHost: Uint8Array.from(campNames, (name) => hostNames.indexOf(params.camps[name].host)),
    roadKm,
    actorNames,
    civilians,
    trust,
    groups,
    cercles,
    byPlace: createPlaceIndex(cercleCount * communityNames.length, capacity),
    placeScratch: new Int16Array(capacity),
    negotiation: NEGOTIATION.none,
    negotiationRecovering: false,
    armyAttacksOnTuareg: 0,
    refugeeTrust: new Float64Array(actors),
    refugeeTrustPeople: 0,
    deadByHome: zeros(),
    initialByHome,
    ledger: createLedger(actors),
  };
  surveyTrust(state);
  return state;
}

/**
 * Trust sums by cercle × community (and the refugees'), counted from scratch, and the means
 * they give. Perception and every change of a civilian keep them current afterwards; this gives
 * round 0 its values and re-counts them every few rounds (so float rounding cannot drift).
 */
export function surveyTrust(state: MaliState): void {
  const { civilians, trust, cercles } = state;
  const c = civilians.columns;
  const actors = state.actorNames.length;
  const communities = state.communityNames.length;
  cercles.trustSums.fill(0);
  cercles.trustPeople.fill(0);
  state.refugeeTrust.fill(0);
  state.refugeeTrustPeople = 0;
  for (let i = 0; i < civilians.size; i++) {
    const people = c.people[i];
    if (c.status[i] === STATUS.dead || people === 0) continue;
    const refugee = c.status[i] === STATUS.refugee;
    const key = c.cercle[i] * communities + c.community[i];
    for (let a = 0; a < actors; a++) {
      if (refugee) state.refugeeTrust[a] += people * trust[i * actors + a];
      else cercles.trustSums[key * actors + a] += people * trust[i * actors + a];
    }
    if (refugee) state.refugeeTrustPeople += people;
    else cercles.trustPeople[key] += people;
  }
  for (let k = 0; k < cercles.trustPeople.length; k++) {
    for (let a = 0; a < actors; a++) {
      cercles.communityTrust[k * actors + a] = cercles.trustPeople[k] > 0 ? cercles.trustSums[k * actors + a] / cercles.trustPeople[k] : 0.5;
    }
  }
}

/**
 * Scales civilian i's trust in one actor by `factor` and moves the trust sums of where it lives
 * (or of the refugees) by the difference: one actor's sum changes, the others are left exact.
 */
export function scaleTrust(state: MaliState, i: number, actor: number, factor: number): void {
  const c = state.civilians.columns;
  const actors = state.actorNames.length;
  const cell = i * actors + actor;
  const before = state.trust[cell];
  state.trust[cell] = before * factor;
  const people = c.people[i];
  if (c.status[i] === STATUS.dead || people === 0) return;
  const change = people * (state.trust[cell] - before);
  if (c.status[i] === STATUS.refugee) state.refugeeTrust[actor] += change;
  else state.cercles.trustSums[(c.cercle[i] * state.communityNames.length + c.community[i]) * actors + actor] += change;
}

/**
 * Adds (sign 1) or removes (sign −1) civilian i's people and trust to or from the trust sums of
 * where it lives (or of the refugees). Call with −1 before changing its people, trust, cercle or
 * status, and with 1 after.
 */
export function countTrust(state: MaliState, i: number, sign: 1 | -1): void {
  const c = state.civilians.columns;
  const people = c.people[i] * sign;
  if (c.status[i] === STATUS.dead || people === 0) return;
  const { trust, cercles } = state;
  const actors = state.actorNames.length;
  const row = i * actors;
  if (c.status[i] === STATUS.refugee) {
    for (let a = 0; a < actors; a++) state.refugeeTrust[a] += people * trust[row + a];
    state.refugeeTrustPeople += people;
    if (state.refugeeTrustPeople === 0) state.refugeeTrust.fill(0);
    return;
  }
  const key = c.cercle[i] * state.communityNames.length + c.community[i];
  const sums = cercles.trustSums;
  for (let a = 0; a < actors; a++) sums[key * actors + a] += people * trust[row + a];
  cercles.trustPeople[key] += people;
  // An emptied place keeps no float residue of those who left.
  if (cercles.trustPeople[key] === 0) sums.fill(0, key * actors, (key + 1) * actors);
}

/** The settings cercle r shares with the other cercles of its region (communities, food insecurity, hardship, services). */
export function regionSettings(state: MaliState, params: MaliParams, cercle: number): MaliParams['regions'][string] {
  return params.regions[state.regionNames[state.regionOf[cercle]]];
}
