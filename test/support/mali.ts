/**
 * Builders for Mali tests: the baseline scenario shrunk to test size (255 people per agent, about
 * 64,000 agents), runs memoised per test file, and a tiny hand-sized world for the rules.
 */
import { resolve } from 'node:path';
import { MODELS } from '../../src/agents/registry.ts';
import { maliModel, type MaliRun } from '../../src/agents/mali/model.ts';
import { maliSchema, type MaliParams } from '../../src/agents/mali/params.ts';
import { initMali, type MaliState } from '../../src/agents/mali/state.ts';
import { surveyCivilians } from '../../src/agents/mali/civilians.ts';
import type { MetricSeries } from '../../src/sim/metrics.ts';
import { RandomStream } from '../../src/sim/random.ts';
import { loadScenario } from '../../src/sim/scenario/index.ts';
import { Simulation, type ModelDefinition, type Phase } from '../../src/sim/schedule.ts';

export const BASELINE = resolve(import.meta.dirname, '../..', 'scenarios/mali-2012.yaml');

/** The baseline at 255 people per agent (about 64,000 agents), with `set` overrides after it. */
export function maliBaseline(set: readonly string[], rounds: number): MaliParams {
  const { params } = loadScenario(BASELINE, MODELS, { set: ['peoplePerAgent=255', ...set], rounds });
  return params as MaliParams;
}

export interface MaliOutcome {
  readonly series: MetricSeries;
  readonly state: MaliRun;
}

const runs = new Map<string, MaliOutcome>();

/**
 * One shrunk baseline run, memoised on (overrides, rounds, seed) so tests in one file can share it.
 * A run with fewer rounds is an exact prefix of a longer one with the same overrides and seed.
 */
export function runBaseline(set: readonly string[], rounds: number, seed: number): MaliOutcome {
  const key = JSON.stringify([set, rounds, seed]);
  const cached = runs.get(key);
  if (cached) return cached;
  const simulation = new Simulation(maliModel, maliBaseline(set, rounds), seed).runUntil();
  const outcome = { series: simulation.result().series, state: simulation.state };
  runs.set(key, outcome);
  return outcome;
}

/** Sum of a metric over rounds 1..`upTo` (default: all), leaving out the initial state. */
export function total(series: MetricSeries, name: string, upTo = series.rows - 1): number {
  const column = series.column(name);
  let sum = 0;
  for (let r = 1; r <= upTo; r++) sum += column[r];
  return sum;
}

/** Mean of a metric over rounds 1..`upTo`. */
export function meanOf(series: MetricSeries, name: string, upTo = series.rows - 1): number {
  return total(series, name, upTo) / upTo;
}

/**
 * The Mali model with `check` called after every phase (with the phase's name). Checks must not
 * draw random numbers, so the run is the same as the model's own.
 */
export function checkedMaliModel(
  check: (phase: string, state: MaliRun, params: MaliParams) => void,
): ModelDefinition<MaliParams, MaliRun> {
  return {
    ...maliModel,
    phases: maliModel.phases.map((phase): Phase<MaliParams, MaliRun> => ({
      ...phase,
      run(rng, state, params, clock) {
        phase.run(rng, state, params, clock);
        check(phase.name, state, params);
      },
    })),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `base` with `patch` merged in (objects merged key by key; anything else replaced). */
function merge(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = isRecord(current) && isRecord(value) ? merge(current, value) : value;
  }
  return out;
}

/**
 * A tiny world: North (herders and farmers, 150 km by road from a camp in Niger), South (mostly farmers), and
 * Empty (no one lives there), in a line; each region is one cercle of the same name. One extremist group in the North, one Tuareg group
 * with no fighters; the army, with capability 1, in the South. Ten people per agent.
 */
const TINY: Record<string, unknown> = {
  id: 'tiny',
  model: 'mali',
  rounds: 10,
  calendar: { start: '2012-01-01', roundDays: 7 },
  peoplePerAgent: 10,
  regions: {
    North: { communities: { herders: 0.6, farmers: 0.4 }, foodInsecurity: 0.5 },
    South: { communities: { herders: 0.2, farmers: 0.8 }, foodInsecurity: 0.2 },
    Empty: { communities: { herders: 0.5, farmers: 0.5 } },
  },
  cercles: {
    North: { region: 'North', adjacent: ['South'], population: 1000 },
    South: { region: 'South', adjacent: ['Empty'], population: 2000 },
    Empty: { region: 'Empty', population: 0 },
  },
  communities: {
    herders: { trust: { jihadists: 0.4 }, ties: { jihadists: 0.5 } },
    farmers: { trust: { jihadists: 0.1 } },
  },
  hostCountries: { niger: {} },
  camps: { Camp: { host: 'niger' } },
  roads: [
    ['North', 'South', 200],
    ['South', 'Empty', 300],
    ['North', 'Camp', 150],
  ],
  armedGroups: {
    jihadists: { kind: 'extremist', fighters: { North: 100 }, money: 1_000_000, wage: 200 },
    rebels: { kind: 'tuareg', partner: 'jihadists', money: 100_000 },
  },
  fama: { troops: 1000, capability: 1, deployment: { South: 1 } },
};

/** Parameters of the tiny world, with `patch` merged in (a partial scenario). */
export function tinyParams(patch: Record<string, unknown> = {}): MaliParams {
  return maliSchema.parse(merge(TINY, patch));
}

/** The tiny world's initial state, surveyed (residents counted, victims indexed). */
export function tinyState(params: MaliParams, seed = 1): MaliState {
  const rng = RandomStream.fromSeed(seed);
  const state = initMali(rng, params);
  surveyCivilians(rng, state, new Float64Array(state.groups.length));
  return state;
}
