/**
 * State of the Mali model (ODD Overview › Entities and state variables; Details ›
 * Initialisation): civilians in typed-array columns, armed groups and forces as plain objects,
 * per-region aggregates the rules share, and the round's ledger of violence. Plain data, so a
 * snapshot is a structuredClone.
 */
import type { RandomStream } from '../../sim/random.ts';
import { placeGraphOf } from '../../sim/scenario/fields.ts';
import type { PlaceGraph } from '../../sim/space/graph.ts';
import { addAgents, createPlaceIndex, createTable, type PlaceIndex, type Table } from '../../sim/store.ts';
import type { MaliParams } from './params.ts';
import { createLedger, type Ledger } from './ledger.ts';

/** Where a civilian group is: at home, displaced inside Mali, refugee abroad, or gone (all its people dead). */
export const STATUS = { home: 0, displaced: 1, refugee: 2, dead: 3 } as const;
export const STATUS_NAMES = ['home', 'displaced', 'refugee', 'dead'] as const;
export const AGE_BANDS = ['children', 'youth', 'adults', 'elders'] as const;
export const YOUTH = 1;
/** Marks "none" in u8 columns (no host country, no armed group, no perpetrator). */
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
  home: { type: 'u8', doc: 'region of origin (index into regions)' },
  region: { type: 'u8', doc: 'region where the group lives now; for refugees the region they left' },
  host: { type: 'u8', doc: 'host country while refugee, else 255' },
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
  /** Fighters not drawn from the modelled civilians (cadres, foreign fighters), by region. */
  readonly cadre: Float64Array;
  /** Civilians serving in the group, by the region where their group lives; recounted each round. */
  readonly members: Float64Array;
  money: number;
  /** Tuareg groups: cooperation with their extremist partner, [0, 1]. */
  cooperation: number;
  /** Region index → 1 when the group let aid in this round, 0 when it blocked it, −1 when it does not control it. */
  readonly aidDecision: Int8Array;
  recruits: number;
  deserters: number;
  income: number;
  /** Fighters it could not pay this round. */
  unpaid: number;
}

/** Negotiation with the Tuareg groups (model brief: talks, ceasefire, agreement; can break down). */
export const NEGOTIATION = { none: 0, talks: 1, ceasefire: 2, agreement: 3, breakdown: 4 } as const;
export const NEGOTIATION_NAMES = ['none', 'talks', 'ceasefire', 'agreement', 'breakdown'] as const;

/** Per-region quantities the rules share, recomputed or updated each round. */
export interface Regions {
  readonly count: number;
  /** People living in each region now (home or displaced), and by region × community. */
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
  /** Controller: actor index, or −1 when contested. */
  readonly control: Int16Array;
  /** Violent deaths in the region this round and, smoothed, over recent rounds (per week). */
  readonly deaths: Float64Array;
  readonly recentDeaths: Float64Array;
  /** Abuse events by state and intervention forces in the last weeks (decaying count). */
  readonly recentAbuses: Float64Array;
  /** Deaths caused by each actor this round: region × actor. */
  readonly harmByActor: Float64Array;
  /** Abuse events by each actor against each community this round: region × community × actor. */
  readonly abuses: Float64Array;
  /** Mean trust of each community in each actor in the region, as of the last perception: region × community × actor. */
  readonly communityTrust: Float64Array;
  /**
   * Σ people × trust of the civilians living in each region × community, per actor, and the
   * people: kept current by every change (perception, deaths, recruits, moves), so perception
   * need not sum 200,000 civilians each round; re-counted from scratch every few rounds.
   */
  readonly trustSums: Float64Array;
  readonly trustPeople: Float64Array;
  /** Deaths in intercommunal clashes this round: region × victim community. */
  readonly communalDeaths: Float64Array;
}

export interface MaliState {
  readonly peoplePerAgent: number;
  readonly graph: PlaceGraph;
  readonly regionNames: readonly string[];
  readonly communityNames: readonly string[];
  readonly hostNames: readonly string[];
  /** Actor names: fama, minusma, ct, then the armed groups. */
  readonly actorNames: readonly string[];
  readonly civilians: CivilianTable;
  /** Trust of civilian i in actor a at i·actors + a, [0, 1]. */
  readonly trust: Float32Array;
  readonly groups: ArmedGroup[];
  readonly regions: Regions;
  /** Civilians living in Mali grouped by region × community (rebuilt each round). */
  readonly byPlace: PlaceIndex;
  /** Scratch of the survey: each civilian's region × community, −1 when not indexed. */
  readonly placeScratch: Int16Array;
  negotiation: number;
  /** Talks resumed after a breakdown and have not yet regained the scheduled stage. */
  negotiationRecovering: boolean;
  /** Army attacks on Tuareg groups this round (they strain agreements). */
  armyAttacksOnTuareg: number;
  /** Refugees' trust summed over people, per actor, and the people behind it (as of the last perception). */
  readonly refugeeTrust: Float64Array;
  refugeeTrustPeople: number;
  /** People dead by home region: civilians and fighters drawn from civilians. */
  readonly deadByHome: Float64Array;
  /** People at the start by home region. */
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

/**
 * Initialisation: each region's population becomes ⌈population / peoplePerAgent⌉ civilian
 * groups, split over communities by the region's shares and over age bands by the national
 * shares (largest remainder, so totals are exact); hardship is drawn around the region's mean,
 * risk aversion from U(0, 1), trust from the community's initial trust. Armed groups start
 * with their cadres and money; forces are deployed by the first round's phases.
 */
export function initMali(rng: RandomStream, params: MaliParams): MaliState {
  const graph = placeGraphOf(params.regions);
  const regionNames = graph.names;
  const communityNames = Object.keys(params.communities);
  const hostNames = Object.keys(params.hostCountries);
  const groupIds = Object.keys(params.armedGroups);
  const actorNames = [...FORCES, ...groupIds];
  const actors = actorNames.length;
  const scale = params.peoplePerAgent;

  const plan: { region: number; community: number; band: number; agents: number; lastPeople: number }[] = [];
  const initialByHome = new Float64Array(regionNames.length);
  const bandShares = AGE_BANDS.map((band) => params.ageBands[band]);
  regionNames.forEach((name, r) => {
    const place = params.regions[name];
    const byCommunity = apportion(place.population, communityNames.map((c) => place.communities[c] ?? 0));
    byCommunity.forEach((people, c) => {
      apportion(people, bandShares).forEach((bandPeople, band) => {
        if (bandPeople === 0) return;
        const agents = Math.ceil(bandPeople / scale);
        plan.push({ region: r, community: c, band, agents, lastPeople: bandPeople - (agents - 1) * scale });
      });
    });
    initialByHome[r] = place.population;
  });

  const capacity = plan.reduce((sum, cell) => sum + cell.agents, 0);
  const civilians = createTable(CIVILIAN_COLUMNS, capacity);
  const trust = new Float32Array(capacity * actors);
  const c = civilians.columns;
  for (const cell of plan) {
    const place = params.regions[regionNames[cell.region]];
    const community = params.communities[communityNames[cell.community]];
    const first = addAgents(civilians, cell.agents);
    for (let i = first; i < first + cell.agents; i++) {
      c.home[i] = cell.region;
      c.region[i] = cell.region;
      c.host[i] = NONE;
      c.community[i] = cell.community;
      c.ageBand[i] = cell.band;
      c.status[i] = STATUS.home;
      c.people[i] = i === first + cell.agents - 1 ? cell.lastPeople : scale;
      c.memberGroup[i] = NONE;
      c.harmedBy[i] = NONE;
      // Hardship spreads ±0.25 around the region's mean, clipped to [0, 1].
      c.hardship[i] = Math.min(1, Math.max(0, place.hardship + (rng.double() - 0.5) * 0.5));
      c.riskAversion[i] = rng.double();
      for (let a = 0; a < actors; a++) trust[i * actors + a] = community.trust[actorNames[a]] ?? 0.5;
    }
  }

  const regionCount = regionNames.length;
  const groups: ArmedGroup[] = groupIds.map((id, index) => {
    const spec = params.armedGroups[id];
    const cadre = new Float64Array(regionCount);
    for (const [name, fighters] of Object.entries(spec.fighters)) cadre[regionNames.indexOf(name)] = Math.round(fighters);
    return {
      id,
      kind: spec.kind,
      actor: FORCES.length + index,
      index,
      active: false,
      merged: false,
      cadre,
      members: new Float64Array(regionCount),
      money: spec.money,
      cooperation: spec.cooperation,
      aidDecision: new Int8Array(regionCount).fill(-1),
      recruits: 0,
      deserters: 0,
      income: 0,
      unpaid: 0,
    };
  });

  const zeros = () => new Float64Array(regionCount);
  const regions: Regions = {
    count: regionCount,
    residents: zeros(),
    residentsByCommunity: new Float64Array(regionCount * communityNames.length),
    fama: zeros(),
    minusma: zeros(),
    ct: zeros(),
    services: Float64Array.from(regionNames.map((name) => params.regions[name].services)),
    ties: zeros(),
    impartiality: zeros(),
    protection: zeros(),
    aid: zeros(),
    control: new Int16Array(regionCount).fill(FAMA),
    deaths: zeros(),
    recentDeaths: zeros(),
    recentAbuses: zeros(),
    harmByActor: new Float64Array(regionCount * actors),
    abuses: new Float64Array(regionCount * communityNames.length * actors),
    communityTrust: new Float64Array(regionCount * communityNames.length * actors),
    trustSums: new Float64Array(regionCount * communityNames.length * actors),
    trustPeople: new Float64Array(regionCount * communityNames.length),
    communalDeaths: new Float64Array(regionCount * communityNames.length),
  };

  const state: MaliState = {
    peoplePerAgent: scale,
    graph,
    regionNames,
    communityNames,
    hostNames,
    actorNames,
    civilians,
    trust,
    groups,
    regions,
    byPlace: createPlaceIndex(regionCount * communityNames.length, capacity),
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
 * Trust sums by region × community (and the refugees'), counted from scratch, and the means
 * they give. Perception and every change of a civilian keep them current afterwards; this gives
 * round 0 its values and re-counts them every few rounds (so float rounding cannot drift).
 */
export function surveyTrust(state: MaliState): void {
  const { civilians, trust, regions } = state;
  const c = civilians.columns;
  const actors = state.actorNames.length;
  const communities = state.communityNames.length;
  regions.trustSums.fill(0);
  regions.trustPeople.fill(0);
  state.refugeeTrust.fill(0);
  state.refugeeTrustPeople = 0;
  for (let i = 0; i < civilians.size; i++) {
    const people = c.people[i];
    if (c.status[i] === STATUS.dead || people === 0) continue;
    const refugee = c.status[i] === STATUS.refugee;
    const key = c.region[i] * communities + c.community[i];
    for (let a = 0; a < actors; a++) {
      if (refugee) state.refugeeTrust[a] += people * trust[i * actors + a];
      else regions.trustSums[key * actors + a] += people * trust[i * actors + a];
    }
    if (refugee) state.refugeeTrustPeople += people;
    else regions.trustPeople[key] += people;
  }
  for (let k = 0; k < regions.trustPeople.length; k++) {
    for (let a = 0; a < actors; a++) {
      regions.communityTrust[k * actors + a] = regions.trustPeople[k] > 0 ? regions.trustSums[k * actors + a] / regions.trustPeople[k] : 0.5;
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
  else state.regions.trustSums[(c.region[i] * state.communityNames.length + c.community[i]) * actors + actor] += change;
}

/**
 * Adds (sign 1) or removes (sign −1) civilian i's people and trust to or from the trust sums of
 * where it lives (or of the refugees). Call with −1 before changing its people, trust, region or
 * status, and with 1 after.
 */
export function countTrust(state: MaliState, i: number, sign: 1 | -1): void {
  const c = state.civilians.columns;
  const people = c.people[i] * sign;
  if (c.status[i] === STATUS.dead || people === 0) return;
  const { trust, regions } = state;
  const actors = state.actorNames.length;
  const row = i * actors;
  if (c.status[i] === STATUS.refugee) {
    for (let a = 0; a < actors; a++) state.refugeeTrust[a] += people * trust[row + a];
    state.refugeeTrustPeople += people;
    if (state.refugeeTrustPeople === 0) state.refugeeTrust.fill(0);
    return;
  }
  const key = c.region[i] * state.communityNames.length + c.community[i];
  const sums = regions.trustSums;
  for (let a = 0; a < actors; a++) sums[key * actors + a] += people * trust[row + a];
  regions.trustPeople[key] += people;
  // An emptied place keeps no float residue of those who left.
  if (regions.trustPeople[key] === 0) sums.fill(0, key * actors, (key + 1) * actors);
}
