/**
 * The Mali model: the schedule of a round (phase order) and what is observed. Each rule lives
 * in the module of the actor or submodel it belongs to; this file only orders them and names
 * the outputs. ODD: docs/odd-mali.md.
 */
import type { BreakdownDefinition, MetricDefinition, Reducer, SummaryDefinition } from '../../sim/metrics.ts';
import type { ModelDefinition } from '../../sim/schedule.ts';
import { destinationWeights, moveCivilians, perceive, senseThreat, surveyCivilians, trustExperience } from './civilians.ts';
import { updateControl } from './control.ts';
import { counterterrorism, deployCounterterrorism } from './ct-forces.ts';
import { armyAbuses, armyOperations, deployArmy, suspicionWeights } from './fama.ts';
import { deliverAid } from './humanitarian-access.ts';
import { intercommunalViolence } from './intercommunal.ts';
import { deployMission, missionIncidents } from './minusma.ts';
import { updateGroupLifecycle } from './lifecycle.ts';
import { finance } from './money.ts';
import { maliSchema, type MaliParams } from './params.ts';
import { humanProtectionIndex } from './protection.ts';
import { recruit } from './recruitment.ts';
import { maliReport } from './report.ts';
import { FORCES, initMali, STATUS, type MaliState } from './state.ts';
import { negotiate, updateCooperation } from './tuareg.ts';
import { armedGroupOperations } from './operations.ts';
import { moveCadres } from './expansion.ts';
import { maliValidation } from './validation.ts';
import { CLUSTERS, EVENT, EVENT_TYPES, VICTIM, VICTIMS } from './ledger.ts';
import { resetLedger, totalFighters } from './violence.ts';

/** Scratch buffers and the tally the metrics read; kept beside the state, rebuilt on init. */
export interface MaliRun extends MaliState {
  readonly desertion: Float64Array;
  readonly experience: Float64Array;
  readonly destinations: Float64Array;
  /** Mean hardship of the civilians tied to each Tuareg group (static: hardship is fixed for life). */
  readonly tiedHardship: Float64Array;
  readonly tally: Tally;
}

interface Tally {
  home: number;
  displaced: number;
  refugees: number;
  dead: number;
  foodInsecure: number;
  population: number;
  readonly refugeesByHost: Float64Array;
  readonly refugeesByCamp: Float64Array;
  readonly trust: Float64Array;
  readonly controlled: Float64Array;
  contested: number;
  /** By cercle: displaced people living there, and people from there displaced or abroad. */
  readonly idpsHosted: Float64Array;
  readonly displacedFrom: Float64Array;
  hpi: number;
  abuses: number;
  /** The last year of rounds' civilian deaths and abuse events (ring buffers), what the HPI counts. */
  readonly yearOfDeaths: Float64Array;
  readonly yearOfAbuses: Float64Array;
  /** Rounds observed so far (round 0, the initial state, not counted). */
  roundsObserved: number;
}

function initRun(rng: Parameters<typeof initMali>[0], params: MaliParams): MaliRun {
  const state = initMali(rng, params);
  const actors = state.actorNames.length;
  const communities = state.communityNames.length;
  const cercles = state.cercles.count;
  const c = state.civilians.columns;
  const tiedHardship = Float64Array.from(
    state.groups.map((group) => {
      let weighted = 0;
      let weight = 0;
      for (let i = 0; i < state.civilians.size; i++) {
        const tie = params.communities[state.communityNames[c.community[i]]].ties[group.id] ?? 0;
        weighted += tie * c.hardship[i];
        weight += tie;
      }
      return weight > 0 ? weighted / weight : 0.5;
    }),
  );
  const run: MaliRun = {
    ...state,
    desertion: new Float64Array(state.groups.length),
    experience: new Float64Array(cercles * communities * actors),
    destinations: new Float64Array(cercles * (cercles + state.campNames.length)),
    tiedHardship,
    tally: {
      home: 0,
      displaced: 0,
      refugees: 0,
      dead: 0,
      foodInsecure: 0,
      population: 0,
      refugeesByHost: new Float64Array(state.hostNames.length),
      refugeesByCamp: new Float64Array(state.campNames.length),
      trust: new Float64Array(actors),
      controlled: new Float64Array(actors),
      contested: 0,
      idpsHosted: new Float64Array(cercles),
      displacedFrom: new Float64Array(cercles),
      hpi: 100,
      abuses: 0,
      yearOfDeaths: new Float64Array(roundsPerYear(params)),
      yearOfAbuses: new Float64Array(roundsPerYear(params)),
      roundsObserved: -1,
    },
  };
  // Round 0's residents and victim index (no desertion yet, so no draws).
  surveyCivilians(rng, run, run.desertion);
  return run;
}

/** Everything counted once a round for the metrics, in one pass over the civilians. */
function observe(state: MaliRun, params: MaliParams): void {
  const { tally, civilians, cercles } = state;
  const c = civilians.columns;
  const actors = state.actorNames.length;
  tally.home = 0;
  tally.displaced = 0;
  tally.refugees = 0;
  tally.foodInsecure = 0;
  tally.refugeesByHost.fill(0);
  tally.refugeesByCamp.fill(0);
  tally.idpsHosted.fill(0);
  tally.displacedFrom.fill(0);
  let living = 0;
  for (let i = 0; i < civilians.size; i++) {
    const status = c.status[i];
    const people = c.people[i];
    if (status === STATUS.dead || people === 0) continue;
    living += people;
    if (status === STATUS.home) tally.home += people;
    else {
      tally.displacedFrom[c.home[i]] += people;
      if (status === STATUS.displaced) {
        tally.displaced += people;
        tally.idpsHosted[c.cercle[i]] += people;
      } else {
        tally.refugees += people;
        tally.refugeesByCamp[c.camp[i]] += people;
        tally.refugeesByHost[state.campHost[c.camp[i]]] += people;
      }
    }
    if (c.food[i] >= 0.5) tally.foodInsecure += people;
  }
  tally.population = living;
  // National trust from the trust sums by cercle × community (kept current), and the refugees'.
  let surveyed = state.refugeeTrustPeople;
  for (let a = 0; a < actors; a++) tally.trust[a] = state.refugeeTrust[a];
  for (let k = 0; k < cercles.trustPeople.length; k++) {
    surveyed += cercles.trustPeople[k];
    for (let a = 0; a < actors; a++) tally.trust[a] += cercles.trustSums[k * actors + a];
  }
  for (let a = 0; a < actors; a++) tally.trust[a] = surveyed > 0 ? tally.trust[a] / surveyed : 0;
  tally.dead = state.deadByHome.reduce((a, b) => a + b, 0);
  tally.controlled.fill(0);
  tally.contested = 0;
  for (let r = 0; r < cercles.count; r++) {
    if (cercles.control[r] < 0) tally.contested++;
    else tally.controlled[cercles.control[r]]++;
  }
  const ledger = state.ledger;
  // Abuses proper; civilians killed in strikes (ct_collateral) count among civilian deaths.
  tally.abuses = ledger.events[EVENT.army_abuse] + ledger.events[EVENT.ct_abuse] + ledger.events[EVENT.minusma_abuse];
  const civilianDeaths = EVENT_TYPES.reduce((sum, type, k) => sum + (type.victim === VICTIM.civilians ? ledger.eventDeaths[k] : 0), 0);
  // Over the last year of rounds (fewer at the start), not one round annualised: a rare massacre moves the index for a year, not a week.
  tally.roundsObserved++;
  const window = tally.yearOfDeaths.length;
  if (tally.roundsObserved > 0) {
    const slot = (tally.roundsObserved - 1) % window;
    tally.yearOfDeaths[slot] = civilianDeaths;
    tally.yearOfAbuses[slot] = tally.abuses;
  }
  const counted = Math.min(window, Math.max(1, tally.roundsObserved));
  const roundDays = params.calendar?.roundDays ?? 7;
  tally.hpi = humanProtectionIndex(params, sumOf(tally.yearOfDeaths), sumOf(tally.yearOfAbuses), tally.displaced + tally.refugees, living, counted * roundDays);
}

type Metric = MetricDefinition<MaliRun>;

const metric = (name: string, title: string, unit: string, doc: string, summary: readonly Reducer[], read: (s: MaliRun) => number): Metric => ({ name, title, unit, doc, summary, read });

/** The forces as titles name them (as perpetrator, trusted or holding territory). */
const FORCE_TITLES: Readonly<Record<(typeof FORCES)[number], string>> = { fama: 'the Malian army', minusma: 'MINUSMA', ct: 'counterterrorism forces' };

/** Victims as titles name them. */
const VICTIM_TITLES: Readonly<Record<(typeof VICTIMS)[number], string>> = {
  civilians: 'Civilians',
  fama: 'Malian soldiers',
  minusma: 'Peacekeepers',
  ct: 'Counterterrorism soldiers',
  fighters: 'Fighters',
};

/** An actor's name for titles: a force's, else the group's label up to its first aside ("MNLA; the CMA…" → "MNLA"), else its id. */
function actorTitle(params: MaliParams, id: string): string {
  if (id in FORCE_TITLES) return FORCE_TITLES[id as (typeof FORCES)[number]];
  const label = params.armedGroups[id]?.label.split(/[;,(]/)[0].trim() ?? '';
  return label === '' ? id : label;
}

/** snake_case form of an id for column names. */
const column = (id: string): string => id.replace(/[^a-zA-Z0-9]+/g, '_').toLowerCase();

function deathsBy(state: MaliRun, perpetrator: number, victim: number): number {
  return state.ledger.deaths[perpetrator * VICTIMS.length + victim];
}

function sumVictims(state: MaliRun, victim: number): number {
  let total = 0;
  for (let p = 0; p <= state.actorNames.length; p++) total += deathsBy(state, p, victim);
  return total;
}

/** The per-round columns for a scenario: fixed ones, then one per group, actor and host country. */
export function maliMetrics(params: MaliParams): Metric[] {
  const groupIds = Object.keys(params.armedGroups);
  const actorIds = [...FORCES, ...groupIds];
  const hosts = Object.keys(params.hostCountries);
  const communal = actorIds.length;
  const metrics: Metric[] = [
    metric('civilian_deaths', 'Civilian deaths', 'people', 'Civilians killed in the round, all perpetrators.', ['total'], (s) => sumVictims(s, VICTIM.civilians)),
    metric('peacekeeper_deaths', 'Peacekeeper deaths', 'people', 'MINUSMA personnel killed in malicious acts in the round.', ['total'], (s) => sumVictims(s, VICTIM.minusma)),
    metric('fama_deaths', 'Malian army deaths', 'people', 'Malian soldiers killed in the round.', ['total'], (s) => sumVictims(s, VICTIM.fama)),
    metric('ct_deaths', 'Counterterrorism force deaths', 'people', 'Counterterrorism soldiers killed in the round.', ['total'], (s) => sumVictims(s, VICTIM.ct)),
    metric('fighter_deaths', 'Fighter deaths', 'people', 'Fighters of armed groups killed in the round.', ['total'], (s) => sumVictims(s, VICTIM.fighters)),
  ];
  // Deaths by perpetrator × victim type, for every pair some rule can produce.
  const pairs: [string, number, number][] = [];
  groupIds.forEach((id, g) => {
    // Extremists kill fighters only in clashes with Tuareg groups.
    const victims = params.armedGroups[id].kind === 'extremist' ? ['civilians', 'fama', 'minusma', 'ct', 'fighters'] : ['fama', 'minusma', 'fighters'];
    for (const victim of victims) pairs.push([id, FORCES.length + g, VICTIMS.indexOf(victim as (typeof VICTIMS)[number])]);
  });
  pairs.push(['fama', 0, VICTIM.fighters], ['fama', 0, VICTIM.civilians], ['ct', 2, VICTIM.fighters], ['ct', 2, VICTIM.civilians], ['communal', communal, VICTIM.civilians]);
  for (const [name, perpetrator, victim] of pairs) {
    const by = name === 'communal' ? 'communities (intercommunal clashes)' : name;
    const title = `${VICTIM_TITLES[VICTIMS[victim]]} killed by ${name === 'communal' ? 'intercommunal clashes' : actorTitle(params, name)}`;
    metrics.push(metric(`deaths_${column(name)}_${VICTIMS[victim]}`, title, 'people', `Deaths of ${VICTIMS[victim]} caused by ${by} in the round.`, ['total'], (s) => deathsBy(s, perpetrator, victim)));
  }
  // UCDP's three types of organised violence (docs/validation.md): one-sided = armed actors
  // deliberately killing civilians; non-state = fighting between non-state groups, communal
  // militias included; state-based = fighting with the state and the forces supporting it.
  const extremists = groupIds.map((id, g) => [id, FORCES.length + g] as const).filter(([id]) => params.armedGroups[id].kind === 'extremist');
  const allGroups = groupIds.map((_, g) => FORCES.length + g);
  const oneSided = (s: MaliRun): number => extremists.reduce((sum, [, p]) => sum + deathsBy(s, p, VICTIM.civilians), 0) + deathsBy(s, 0, VICTIM.civilians);
  const nonState = (s: MaliRun): number => deathsBy(s, communal, VICTIM.civilians) + allGroups.reduce((sum, p) => sum + deathsBy(s, p, VICTIM.fighters), 0);
  const stateBased = (s: MaliRun): number =>
    deathsBy(s, 0, VICTIM.fighters) +
    deathsBy(s, 2, VICTIM.fighters) +
    deathsBy(s, 2, VICTIM.civilians) +
    allGroups.reduce((sum, p) => sum + deathsBy(s, p, VICTIM.fama) + deathsBy(s, p, VICTIM.ct) + deathsBy(s, p, VICTIM.minusma), 0);
  metrics.push(
    metric('ucdp_one_sided', 'One-sided violence deaths (UCDP)', 'people', 'Deaths UCDP would count as one-sided violence: civilians killed deliberately by extremist groups (cluster 1) and by the army (abuses).', ['total'], oneSided),
    metric('ucdp_non_state', 'Non-state conflict deaths (UCDP)', 'people', 'Deaths UCDP would count as non-state conflict: intercommunal clashes (cluster 7) and fighting between armed groups.', ['total'], nonState),
    metric('ucdp_state_based', 'State-based conflict deaths (UCDP)', 'people', 'Deaths UCDP would count as state-based conflict: fighting involving the army, CT forces or MINUSMA, civilians killed in strikes included.', ['total'], stateBased),
    metric('ucdp_total', 'Organised violence deaths (UCDP)', 'people', 'All deaths of the three UCDP types.', ['total'], (s) => oneSided(s) + nonState(s) + stateBased(s)),
  );
  const byRegion = cerclesByRegion(params);
  Object.keys(params.regions).forEach((region, g) => {
    const members = byRegion[g];
    metrics.push(metric(`violent_deaths_${column(region)}`, `Violent deaths in ${region}`, 'people', `Violent deaths in the cercles of ${region} in the round (civilians, soldiers, peacekeepers, fighters).`, ['total'], (s) => members.reduce((sum, r) => sum + s.cercles.deaths[r], 0)));
  });
  // The report's map reads these (a region's column starts violent_deaths_, a cercle's cercle_violent_deaths_: the names differ where both are called Gao).
  Object.keys(params.cercles).forEach((cercle, r) => {
    metrics.push(metric(`cercle_violent_deaths_${column(cercle)}`, `Violent deaths in the cercle of ${cercle}`, 'people', `Violent deaths in the cercle of ${cercle} in the round (civilians, soldiers, peacekeepers, fighters).`, ['total'], (s) => s.cercles.deaths[r]));
  });
  CLUSTERS.forEach((name, k) => {
    const cluster = k + 1;
    const types = EVENT_TYPES.map((type, t) => (type.cluster === cluster ? t : -1)).filter((t) => t >= 0);
    metrics.push(
      metric(`events_cluster_${cluster}`, `Events of security cluster ${cluster}`, 'events', `Events of security cluster ${cluster}: ${name}.`, ['total'], (s) => types.reduce((sum, t) => sum + s.ledger.events[t], 0)),
      metric(`deaths_cluster_${cluster}`, `Deaths in security cluster ${cluster}`, 'people', `Deaths in events of security cluster ${cluster}.`, ['total'], (s) => types.reduce((sum, t) => sum + s.ledger.eventDeaths[t], 0)),
    );
  });
  EVENT_TYPES.forEach((type, t) => {
    metrics.push(metric(`events_${type.id}`, `Events: ${type.doc}`, 'events', `Events in the round: ${type.doc} (cluster ${type.cluster}).`, ['total'], (s) => s.ledger.events[t]));
  });
  groupIds.forEach((id, g) => {
    const name = column(id);
    const group = actorTitle(params, id);
    metrics.push(
      metric(`recruits_${name}`, `Recruits to ${group}`, 'people', `Civilians who joined ${id} in the round.`, ['total'], (s) => s.groups[g].recruits),
      metric(`deserters_${name}`, `Deserters from ${group}`, 'people', `Members who left ${id} unpaid in the round.`, ['total'], (s) => s.groups[g].deserters),
      metric(`unpaid_${name}`, `Unpaid fighters of ${group}`, 'fighters', `Fighters ${id} could not pay in the round (money binds when it is above 0).`, ['mean', 'max'], (s) => s.groups[g].unpaid),
      metric(`fighters_${name}`, `Fighters of ${group}`, 'fighters', `Fighters of ${id} at the end of the round (cadres and members).`, ['mean', 'max', 'final'], (s) => totalFighters(s.groups[g])),
      metric(`money_${name}`, `Money of ${group}`, 'USD', `Money held by ${id} at the end of the round.`, ['mean', 'final'], (s) => s.groups[g].money),
      metric(`income_${name}`, `Income of ${group}`, 'USD', `Income of ${id} in the round.`, ['total'], (s) => s.groups[g].income),
    );
    if (params.armedGroups[id].kind === 'tuareg') {
      metrics.push(metric(`cooperation_${name}`, `Cooperation of ${group} with its extremist partner`, 'share', `Cooperation of ${id} with its extremist partner.`, ['mean', 'final'], (s) => s.groups[g].cooperation));
    }
  });
  metrics.push(
    metric('negotiation_state', 'Negotiation stage', 'code', 'Negotiation with the Tuareg groups: 0 none, 1 talks, 2 ceasefire, 3 agreement, 4 breakdown.', ['final'], (s) => s.negotiation),
    metric('people_home', 'People at home', 'people', 'People living at home.', ['final'], (s) => s.tally.home),
    metric('idps', 'Internally displaced people', 'people', 'People displaced inside the country.', ['mean', 'max', 'final'], (s) => s.tally.displaced),
    metric('refugees', 'Refugees', 'people', 'People who are refugees abroad.', ['mean', 'max', 'final'], (s) => s.tally.refugees),
  );
  hosts.forEach((host, h) => {
    metrics.push(metric(`refugees_${column(host)}`, `Refugees in ${params.hostCountries[host].label || host}`, 'people', `Refugees in ${host}.`, ['max', 'final'], (s) => s.tally.refugeesByHost[h]));
  });
  Object.keys(params.camps).forEach((camp, k) => {
    metrics.push(metric(`refugees_camp_${column(camp)}`, `Refugees in ${camp} camp`, 'people', `Refugees in the ${camp} camp (${params.camps[camp].host}).`, ['max', 'final'], (s) => s.tally.refugeesByCamp[k]));
  });
  metrics.push(
    metric('newly_displaced', 'Newly displaced people', 'people', 'People who fled inside the country in the round.', ['total'], (s) => s.ledger.displaced),
    metric('new_refugees', 'New refugees', 'people', 'People who fled abroad in the round.', ['total'], (s) => s.ledger.refugees),
    metric('returned', 'People returned home', 'people', 'Displaced people and refugees who went home in the round.', ['total'], (s) => s.ledger.returned),
    metric('dead_people', 'Dead since the start', 'people', 'People dead since the start (civilians and fighters drawn from them), cumulative.', ['final'], (s) => s.tally.dead),
    metric('food_insecure', 'Food-insecure people', 'people', 'People whose food insecurity after aid is ≥ 0.5 (a phase 3+ analogue).', ['mean', 'max'], (s) => s.tally.foodInsecure),
  );
  actorIds.forEach((id, a) => {
    metrics.push(metric(`trust_${column(id)}`, `Trust in ${actorTitle(params, id)}`, 'share', `Mean trust of living civilians in ${id} (people-weighted).`, ['mean', 'final'], (s) => s.tally.trust[a]));
  });
  actorIds.forEach((id, a) => {
    if (a === 1 || a === 2) return; // MINUSMA and CT forces never hold territory
    metrics.push(metric(`cercles_controlled_${column(id)}`, `Cercles held by ${actorTitle(params, id)}`, 'cercles', `Cercles held by ${id}.`, ['mean', 'final'], (s) => s.tally.controlled[a]));
  });
  metrics.push(
    metric('cercles_contested', 'Contested cercles', 'cercles', 'Cercles nobody holds.', ['mean'], (s) => s.tally.contested),
    metric('fama_troops', 'Malian army troops', 'soldiers', 'Malian army troops.', ['mean'], (s) => sumOf(s.cercles.fama)),
    metric('fama_posts', 'Cercles with an army post', 'cercles', 'Cercles where the army holds its post (fama.ts deployArmy).', ['mean', 'min', 'final'], (s) => sumOf(s.cercles.armyPost)),
    metric('minusma_troops', 'MINUSMA personnel', 'peacekeepers', 'MINUSMA personnel deployed.', ['mean'], (s) => sumOf(s.cercles.minusma)),
    metric('ct_troops', 'Counterterrorism troops', 'soldiers', 'Counterterrorism troops in Mali.', ['mean'], (s) => sumOf(s.cercles.ct)),
    metric('minusma_impartiality', 'MINUSMA impartiality', 'share', 'Perceived impartiality of MINUSMA, mean over cercles weighted by peacekeepers (0 when absent).', ['mean'], (s) => weightedMean(s.cercles.impartiality, s.cercles.minusma)),
    metric('minusma_ties', 'MINUSMA ties to communities', 'share', 'MINUSMA ties to local communities, mean weighted by peacekeepers (0 when absent).', ['mean', 'final'], (s) => weightedMean(s.cercles.ties, s.cercles.minusma)),
    metric('abuse_events', 'Abuses against civilians', 'events', 'Abuse events against civilians by the army, CT forces and peacekeepers (cluster 6, not counting civilians killed in strikes) in the round.', ['total'], (s) => s.tally.abuses),
    metric('hpi', 'Human protection index', 'index', 'Human protection index, 0–100, over the last year of rounds (docs/odd-mali.md §4, Observation).', ['mean', 'min', 'final'], (s) => s.tally.hpi),
  );
  return metrics;
}

/** Rounds in a year (52 weekly rounds): the HPI's window. */
function roundsPerYear(params: MaliParams): number {
  return Math.max(1, Math.round(365.25 / (params.calendar?.roundDays ?? 7)));
}

function sumOf(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function weightedMean(values: Float64Array, weights: Float64Array): number {
  let total = 0;
  let weight = 0;
  for (let k = 0; k < values.length; k++) {
    total += values[k] * weights[k];
    weight += weights[k];
  }
  return weight > 0 ? total / weight : 0;
}

function maliSummaries(): SummaryDefinition<MaliParams>[] {
  return [
    {
      name: 'years',
      title: 'Simulated years',
      doc: 'Simulated years.',
      unit: 'years',
      compute: (series, params) => ((series.rows - 1) * (params.calendar?.roundDays ?? 7)) / 365.25,
    },
  ];
}

/** Indexes of each region's cercles, in cercle order. */
function cerclesByRegion(params: MaliParams): number[][] {
  const regions = Object.keys(params.regions);
  const byRegion = regions.map((): number[] => []);
  Object.values(params.cercles).forEach((cercle, r) => byRegion[regions.indexOf(cercle.region)].push(r));
  return byRegion;
}

/** Σ people × trust in actor a over places k of `keys` (cercle × community keys), divided by their people; 0 when empty. */
function meanTrust(state: MaliRun, keys: Iterable<number>, a: number): number {
  const { trustSums, trustPeople } = state.cercles;
  const actors = state.actorNames.length;
  let weighted = 0;
  let people = 0;
  for (const k of keys) {
    weighted += trustSums[k * actors + a];
    people += trustPeople[k];
  }
  return people > 0 ? weighted / people : 0;
}

/** The cercle × community keys of a set of cercles. */
function placeKeys(cercles: readonly number[], communities: number): number[] {
  return cercles.flatMap((r) => Array.from({ length: communities }, (_, k) => r * communities + k));
}

/** groups.csv: per cercle, per region (sums over its cercles) and per community, every round. */
export function maliBreakdowns(params: MaliParams): BreakdownDefinition<MaliRun>[] {
  const cercleNames = Object.keys(params.cercles);
  const regionNames = Object.keys(params.regions);
  const communityNames = Object.keys(params.communities);
  const communities = communityNames.length;
  const groupIds = Object.keys(params.armedGroups);
  const actorIds = [...FORCES, ...groupIds];
  const byRegionIndex = cerclesByRegion(params);
  const regionKeys = byRegionIndex.map((cercles) => placeKeys(cercles, communities));
  const trustMeasures = actorIds.map((id) => ({ name: `trust_${column(id)}`, unit: 'share', doc: `Mean trust of the residents in ${id}.` }));
  const fighterMeasures = groupIds.map((id) => ({ name: `fighters_${column(id)}`, unit: 'fighters', doc: `Fighters of ${id} there.` }));
  const presence = (where: string) => [
    { name: 'residents', unit: 'people', doc: `People living in the ${where} (at home or displaced there) at the start of the round.` },
    { name: 'violent_deaths', unit: 'people', doc: `Violent deaths in the ${where} in the round (civilians, soldiers, peacekeepers, fighters).` },
    { name: 'fama_troops', unit: 'soldiers', doc: 'Malian army troops deployed there.' },
    { name: 'minusma_troops', unit: 'peacekeepers', doc: 'MINUSMA personnel deployed there.' },
    { name: 'ct_troops', unit: 'soldiers', doc: 'Counterterrorism troops there.' },
  ];
  const displacement = [
    { name: 'idps_hosted', unit: 'people', doc: 'Internally displaced people living there at the end of the round.' },
    { name: 'displaced_from', unit: 'people', doc: 'People from there who are displaced inside the country or refugees abroad at the end of the round.' },
  ];
  const byCercle: BreakdownDefinition<MaliRun> = {
    by: 'cercle',
    groups: cercleNames,
    measures: [
      ...presence('cercle'),
      { name: 'controller', unit: 'actor', doc: "Who holds it: the actor's position in fama, minusma, ct, then the armed groups in scenario order (0 = fama); −1 contested." },
      ...displacement,
      ...CLUSTERS.map((name, k) => ({ name: `deaths_cluster_${k + 1}`, unit: 'people', doc: `Deaths there in the round in events of security cluster ${k + 1} (${name}).` })),
      ...fighterMeasures,
    ],
    read(state, out) {
      const { cercles, groups, tally } = state;
      const width = this.measures.length;
      for (let r = 0; r < cercles.count; r++) {
        const row = r * width;
        out[row] = cercles.residents[r];
        out[row + 1] = cercles.deaths[r];
        out[row + 2] = cercles.fama[r];
        out[row + 3] = cercles.minusma[r];
        out[row + 4] = cercles.ct[r];
        out[row + 5] = cercles.control[r];
        out[row + 6] = tally.idpsHosted[r];
        out[row + 7] = tally.displacedFrom[r];
        for (let k = 0; k < CLUSTERS.length; k++) out[row + 8 + k] = cercles.clusterDeaths[r * CLUSTERS.length + k];
        groups.forEach((group, g) => (out[row + 8 + CLUSTERS.length + g] = group.cadre[r] + group.members[r]));
      }
    },
  };
  const byRegion: BreakdownDefinition<MaliRun> = {
    by: 'region',
    groups: regionNames,
    measures: [
      ...presence('region'),
      { name: 'aid_coverage', unit: 'share', doc: 'Share of food needs aid covered there in the round (mean over its cercles, weighted by residents).' },
      ...displacement,
      ...fighterMeasures,
      ...trustMeasures,
    ],
    read(state, out) {
      const { cercles, groups, tally } = state;
      const width = this.measures.length;
      out.fill(0);
      byRegionIndex.forEach((members, g) => {
        const row = g * width;
        let aided = 0;
        for (const r of members) {
          out[row] += cercles.residents[r];
          out[row + 1] += cercles.deaths[r];
          out[row + 2] += cercles.fama[r];
          out[row + 3] += cercles.minusma[r];
          out[row + 4] += cercles.ct[r];
          aided += cercles.aid[r] * cercles.residents[r];
          out[row + 6] += tally.idpsHosted[r];
          out[row + 7] += tally.displacedFrom[r];
          groups.forEach((group, k) => (out[row + 8 + k] += group.cadre[r] + group.members[r]));
        }
        out[row + 5] = out[row] > 0 ? aided / out[row] : 0;
        for (let a = 0; a < actorIds.length; a++) out[row + 8 + groups.length + a] = meanTrust(state, regionKeys[g], a);
      });
    },
  };
  const byCommunity: BreakdownDefinition<MaliRun> = {
    by: 'community',
    groups: communityNames,
    measures: [{ name: 'residents', unit: 'people', doc: 'People of the community living in the country at the end of the round.' }, ...trustMeasures],
    read(state, out) {
      const { cercles } = state;
      const width = this.measures.length;
      for (let k = 0; k < communities; k++) {
        const keys = Array.from({ length: cercles.count }, (_, r) => r * communities + k);
        out[k * width] = keys.reduce((sum, key) => sum + cercles.trustPeople[key], 0);
        for (let a = 0; a < actorIds.length; a++) out[k * width + 1 + a] = meanTrust(state, keys, a);
      }
    },
  };
  return [byCercle, byRegion, byCommunity];
}

export const maliModel: ModelDefinition<MaliParams, MaliRun> = {
  id: 'mali',
  title: 'The conflict in Mali, 2012–2023',
  schema: maliSchema,
  init: (rng, params) => initRun(rng, params),
  phases: [
    {
      name: 'survey',
      order: 'fixed',
      doc: 'Armed groups start, merge or stop (dates); the ledger is reset; civilians are counted by cercle and community, indexed for victim draws, their community trust averaged; members whose group could not pay them desert.',
      run(rng, state, params, clock) {
        resetLedger(state);
        for (const group of state.groups) {
          group.recruits = 0;
          group.deserters = 0;
        }
        updateGroupLifecycle(rng, state, params, clock);
        surveyCivilians(rng, state, state.desertion);
      },
    },
    {
      name: 'deploy',
      order: 'aggregate',
      doc: 'CT forces go toward extremist fighters; the army\'s posts withdraw where outgunned and come back where they can hold, its troops spread over the posts held; MINUSMA takes its positions and its ties, impartiality and protection are updated.',
      run(rng, state, params) {
        deployCounterterrorism(state, params);
        deployArmy(rng, state, params);
        deployMission(state, params);
      },
    },
    {
      name: 'negotiate',
      order: 'aggregate',
      doc: 'The negotiation with the Tuareg groups advances on its dates or breaks down; Tuareg cooperation with extremist partners moves toward its target.',
      run(rng, state, params, clock) {
        negotiate(rng, state, params, clock);
        updateCooperation(state, params, state.tiedHardship);
      },
    },
    {
      name: 'expand',
      order: 'aggregate',
      doc: 'Some cadres of each armed group reconsider where to operate and go to their cercle or a neighbour by the value they see there (ties, the state\'s absence, illicit flows, crowding).',
      run(rng, state, params) {
        moveCadres(rng, state, params);
      },
    },
    {
      name: 'finance',
      order: 'aggregate',
      doc: 'Armed groups earn (trafficking, ransom, taxation, external funding) and pay their fighters; unpaid shares set next round\'s desertion.',
      run(_rng, state, params) {
        finance(state, params, state.desertion);
      },
    },
    {
      name: 'aid',
      order: 'aggregate',
      doc: 'Aid reaches each cercle as far as security allows, unless the group controlling it blocks it.',
      run(_rng, state, params) {
        deliverAid(state, params);
      },
    },
    {
      name: 'fight',
      order: 'aggregate',
      doc: 'Violence, in a fixed order of actors: armed groups in scenario order (each chooses its operations by the logit rule), the army (operations, then abuses), CT forces, MINUSMA incidents, intercommunal clashes. Events are Poisson counts per cercle; victims are drawn among the people there. The order matters only through fighters killed earlier in the round.',
      run(rng, state, params) {
        const { cercles } = state;
        const keep = params.memory.violence;
        for (let r = 0; r < cercles.count; r++) cercles.recentAbuses[r] *= keep;
        armedGroupOperations(rng, state, params);
        const suspicion = suspicionWeights(state, params);
        armyOperations(rng, state, params);
        armyAbuses(rng, state, params, suspicion);
        counterterrorism(rng, state, params, suspicion);
        missionIncidents(rng, state, params);
        intercommunalViolence(rng, state, params);
        for (let r = 0; r < cercles.count; r++) cercles.recentDeaths[r] = keep * cercles.recentDeaths[r] + (1 - keep) * cercles.deaths[r];
      },
    },
    {
      name: 'perceive',
      order: 'fixed',
      doc: 'Each cercle\'s threat is sensed (an attack or an armed group\'s arrival there or next door); every civilian updates fear, food insecurity and trust in each actor from the round\'s events, threats, aid and protection, and its community\'s beliefs. No draws; id order.',
      run(_rng, state, params, clock) {
        senseThreat(state, params);
        trustExperience(state, params, state.experience);
        // Trust sums are re-counted from the civilians every 13 weeks (a quarter) against float drift.
        perceive(state, params, state.experience, clock.round % 13 === 0);
      },
    },
    {
      name: 'recruit',
      order: 'fixed',
      doc: 'Young civilians apply the recruitment rule to the groups present. Decisions read only last round\'s aggregates, so id order is as good as any.',
      run(rng, state, params) {
        recruit(rng, state, params);
      },
    },
    {
      name: 'move',
      order: 'fixed',
      doc: 'Civilians in danger flee along the roads to safer cercles or to camps abroad; displaced people and refugees go home when it is calm. Id order; destinations read last round\'s aggregates.',
      run(rng, state, params) {
        destinationWeights(state, params, state.destinations);
        moveCivilians(rng, state, params, state.destinations);
      },
    },
    {
      name: 'control',
      order: 'aggregate',
      doc: 'Control of each cercle goes to the strongest side when it exceeds the holder by the margin.',
      run(_rng, state, params) {
        updateControl(state, params);
      },
    },
  ],
  observe,
  headline: ['civilian_deaths_total', 'hpi_mean', 'idps_max', 'refugees_max', 'peacekeeper_deaths_total', 'fighters_aqim_jnim_final', 'trust_fama_final'],
  report: maliReport,
  validation: maliValidation,
  metrics: maliMetrics,
  summaries: maliSummaries,
  breakdowns: maliBreakdowns,
};
