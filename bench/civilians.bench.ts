/**
 * Civilian update throughput of the Mali model: nanoseconds per civilian per round for each
 * per-civilian phase (survey, perceive, recruit, move) at 100,000, 1,000,000 and 5,000,000
 * agents, against a *limit loop* timed in the same run — a loop over the same civilians that
 * reads and writes the same typed-array columns and makes the same number of random draws, with
 * no model logic. The ratio phase/limit says how close the model is to what this machine and
 * JavaScript allow for that memory traffic (target: within 2×). Also bytes per civilian (typed
 * arrays and heap, measured).
 *
 * `npm run bench` runs it in a child process (`benchCiviliansInChild`): the byte count needs
 * --expose-gc, and the 5M-agent world should not share a heap with the other benchmarks.
 *
 * Run: node --expose-gc --import tsx bench/civilians.bench.ts [sizes]   (prints one JSON line per record)
 */
import { pathToFileURL } from 'node:url';
import type { MaliRun } from '../src/agents/mali/model.ts';
import { RandomStream } from '../src/sim/random.ts';
import { Simulation, type ModelDefinition, type Phase, type ScenarioBase } from '../src/sim/schedule.ts';
import { baselineAt } from './baseline.ts';
import { runBenchChild } from './child.ts';
import { median, type BenchRecord } from './record.ts';

const PEOPLE = 16_226_114;
const PHASES = ['survey', 'perceive', 'recruit', 'move'] as const;
type PhaseName = (typeof PHASES)[number];

const collectGarbage = (globalThis as { gc?: () => void }).gc;

function gc(): void {
  collectGarbage?.();
}

/** Counts the draws a phase makes, by wrapping the stream's methods. */
function countingStream(counter: { draws: number }): RandomStream {
  const stream = RandomStream.fromSeed(7, 'bench');
  return new Proxy(stream, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        counter.draws++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/**
 * The limit loops, one per phase, each as tight as the phase could possibly be: the same typed
 * columns read (and written where the phase writes them), the same trust rows (perceive updates
 * every actor; recruit reads two), and the same number of random draws, with no model logic.
 * Hand-specialised per phase, as the phases are, so element accesses stay monomorphic.
 */
function limitLoop(name: PhaseName, state: MaliRun, draws: number, rng: RandomStream): number {
  const c = state.civilians.columns;
  const { trust } = state;
  const actors = state.actorNames.length;
  const size = state.civilians.size;
  const perCivilian = Math.floor(draws / size);
  let extra = draws - perCivilian * size;
  let sink = 0;
  const draw = (): number => {
    let value = 0;
    for (let d = 0; d < perCivilian; d++) value += rng.double();
    if (extra > 0) {
      extra--;
      value += rng.double();
    }
    return value;
  };
  if (name === 'survey') {
    const { status, members, people, cercle, community } = c;
    const place = state.placeScratch;
    for (let i = 0; i < size; i++) {
      place[i] = status[i] + members[i] + people[i] + cercle[i] * 7 + community[i];
      sink += draw();
    }
    for (let i = 0; i < size; i++) sink += place[i];
  } else if (name === 'perceive') {
    const { status, people, cercle, fear, harmedBy, hardship, camp, community, food } = c;
    for (let i = 0; i < size; i++) {
      const base = status[i] + people[i] + cercle[i] + harmedBy[i] + camp[i] + community[i];
      fear[i] = fear[i] * 0.9 + base * 1e-9;
      food[i] = hardship[i] * 0.5;
      const row = i * actors;
      for (let a = 0; a < actors; a++) trust[row + a] = 0.92 * trust[row + a] + 0.04;
      sink += draw();
    }
  } else if (name === 'recruit') {
    const { ageBand, people, status, members, cercle, memberGroup, hardship, riskAversion, community } = c;
    for (let i = 0; i < size; i++) {
      sink += ageBand[i] + people[i] + status[i] + members[i] + cercle[i] + memberGroup[i] + community[i];
      sink += hardship[i] + riskAversion[i] + trust[i * actors] + trust[i * actors + 3];
      sink += draw();
    }
  } else {
    const { status, people, fear, home, food, cercle, riskAversion, community } = c;
    for (let i = 0; i < size; i++) {
      sink += status[i] + people[i] + home[i] + cercle[i] + community[i] + fear[i] + food[i] + riskAversion[i];
      sink += draw();
    }
  }
  return sink;
}

/**
 * Each phase is timed for `repetitions` rounds (at least 7, and enough to cover about ten million
 * civilian updates so that small populations are not timed on a few milliseconds).
 */
export function benchCivilians(sizes: readonly number[] = [100_000, 1_000_000, 5_000_000]): BenchRecord[] {
  const records: BenchRecord[] = [];
  for (const target of sizes) {
    const repetitions = Math.max(7, Math.ceil(10_000_000 / target));
    const peoplePerAgent = Math.max(1, Math.round(PEOPLE / target));
    const { model, params } = baselineAt(peoplePerAgent, 40);
    gc();
    const before = process.memoryUsage();
    const simulation = new Simulation(model as unknown as ModelDefinition<ScenarioBase, MaliRun>, params, 11);
    gc();
    const after = process.memoryUsage();
    const state = simulation.state;
    const agents = state.civilians.size;
    const bytes = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / agents;
    // Without a collection before and after, the heap delta would count garbage as agents' bytes.
    if (collectGarbage) records.push({ benchmark: 'civilians', case: `bytes per civilian agent, ${agents} agents (typed arrays + heap, after init)`, value: Number(bytes.toFixed(1)), unit: 'B/agent' });
    else console.error('civilians: bytes per civilian skipped (run node with --expose-gc)');

    // Run into 2013 (armed groups, forces and displacement active), then time each phase alone.
    simulation.runUntil(30);
    const phases = new Map((model.phases as readonly Phase<ScenarioBase, MaliRun>[]).map((phase) => [phase.name, phase]));
    for (const name of PHASES) {
      const phase = phases.get(name)!;
      const counter = { draws: 0 };
      const rng = countingStream(counter);
      // Warm-up of both loops, then the timed rounds.
      phase.run(rng, state, simulation.params, simulation.clock);
      limitLoop(name, state, counter.draws, RandomStream.fromSeed(0, 'limit'));
      counter.draws = 0;
      // Alternate model and limit round by round, so both see the same machine load; median of each.
      const modelTimes: number[] = [];
      const limitTimes: number[] = [];
      for (let r = 0; r < repetitions; r++) {
        const start = performance.now();
        phase.run(rng, state, simulation.params, simulation.clock);
        modelTimes.push(performance.now() - start);
        const draws = counter.draws;
        counter.draws = 0;
        const limitRng = RandomStream.fromSeed(r, 'limit');
        const limitStart = performance.now();
        limitLoop(name, state, draws, limitRng);
        limitTimes.push(performance.now() - limitStart);
      }
      const modelTime = median(modelTimes);
      const limitTime = median(limitTimes);
      const perCivilian = (ms: number): number => (ms * 1e6) / agents;
      records.push({
        benchmark: 'civilians',
        case: `${name}, ${agents} agents`,
        value: Number(perCivilian(modelTime).toFixed(2)),
        unit: 'ns/civilian/round',
        ratio: Number((modelTime / limitTime).toFixed(2)),
        ratioTo: `limit loop (${perCivilian(limitTime).toFixed(2)} ns)`,
      });
    }
  }
  return records;
}

/** The whole benchmark in a child process with --expose-gc, as `npm run bench` runs it. */
export function benchCiviliansInChild(): BenchRecord[] {
  return runBenchChild('civilians.bench.ts', ['--expose-gc']);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = process.argv[2] ? process.argv[2].split(',').map(Number) : undefined;
  for (const record of benchCivilians(sizes)) console.log(JSON.stringify(record));
}
