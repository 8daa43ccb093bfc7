/**
 * The whole Mali baseline (scenarios/mali-2012.yaml: 2012–2023, 626 weekly rounds, ~203,000
 * civilian agents) on one core: seconds per run, civilian agent-rounds per second, the share of
 * time each phase takes (measured by wrapping the phases; the wrapper's own cost is noise), and
 * how the cost grows with agents and with rounds:
 *
 * - in rounds: the last quarter of the run (2021–2023) against the first (2012–2014), as a
 *   CPU time ratio (1 = linear: a late round costs what an early one does). The work per round
 *   follows the conflict (who is displaced, who fights where), so this is near 1, not exactly 1;
 * - in agents: one whole 2012–2023 run at 10× the agents (peoplePerAgent 8, ~2 million
 *   civilians), and peoplePerAgent 40, 16 and 8 up to the end of 2017 (round 313), each against the
 *   default scale as CPU time ratio ÷ agent ratio (1 = linear), all four scales run side by side.
 *
 * Times are wall-clock seconds; the linearity ratios use CPU time (see below). Initialisation is
 * timed apart from the rounds: it is part of a run's seconds, not of the ratios of rounds.
 *
 * Run: node --import tsx bench/mali.bench.ts   (prints one JSON line per record)
 */
import { pathToFileURL } from 'node:url';
import { Simulation, type ModelDefinition, type ScenarioBase } from '../src/sim/schedule.ts';
import { baselineAt } from './baseline.ts';
import { median, type BenchRecord } from './record.ts';

const SEED = 100;
const DEFAULT_PEOPLE_PER_AGENT = 80;
const TENFOLD_PEOPLE_PER_AGENT = 8;
/** The scales run side by side; those in between run to the middle round only, to keep `npm run bench` short. */
const SCALES: readonly Scale[] = [
  { peoplePerAgent: DEFAULT_PEOPLE_PER_AGENT, whole: true },
  { peoplePerAgent: 40, whole: false },
  { peoplePerAgent: 16, whole: false },
  { peoplePerAgent: TENFOLD_PEOPLE_PER_AGENT, whole: true },
];
/** Half a year of weekly rounds: about 0.4 s of the default scale, 4 s at 10× the agents. */
const SLICE_ROUNDS = 26;

interface Scale {
  readonly peoplePerAgent: number;
  /** Whether to run all of 2012–2023, or stop at the middle round. */
  readonly whole: boolean;
}

/** Seconds on the wall clock, and of this process's CPU time (user + system). */
interface Seconds {
  readonly wall: number;
  readonly cpu: number;
}

const plus = (a: Seconds, b: Seconds): Seconds => ({ wall: a.wall + b.wall, cpu: a.cpu + b.cpu });
const round2 = (x: number): number => Number(x.toFixed(2));
const round3 = (x: number): number => Number(x.toFixed(3));

/** A stopwatch on both clocks. */
function stopwatch(): () => Seconds {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { wall: (performance.now() - wall) / 1000, cpu: (used.user + used.system) / 1e6 };
  };
}

/** The model with every phase's run timed into `spent` (milliseconds by phase name). */
function timedModel<P extends ScenarioBase, S>(model: ModelDefinition<P, S>, spent: Map<string, number>): ModelDefinition<P, S> {
  return {
    ...model,
    phases: model.phases.map((phase) => ({
      ...phase,
      run(rng, state, params, clock) {
        const start = performance.now();
        phase.run(rng, state, params, clock);
        spent.set(phase.name, (spent.get(phase.name) ?? 0) + performance.now() - start);
      },
    })),
  };
}

function civiliansOf(simulation: Simulation<ScenarioBase, unknown>): number {
  return (simulation.state as { civilians: { size: number } }).civilians.size;
}

/** The default scale on its own: median of `repetitions` seeds, with each phase's share of the time. */
function benchDefaultScale(repetitions: number): BenchRecord[] {
  const { model, params } = baselineAt(DEFAULT_PEOPLE_PER_AGENT);
  const spent = new Map<string, number>();
  const runs: { init: number; whole: number }[] = [];
  let civilians = 0;
  for (let r = 0; r < repetitions; r++) {
    const initialising = stopwatch();
    const simulation = new Simulation(timedModel(model, spent), params, SEED + r);
    const init = initialising().wall;
    simulation.runUntil();
    runs.push({ init, whole: initialising().wall });
    civilians = civiliansOf(simulation);
  }
  const run = median(runs.map((r) => r.whole));
  const total = [...spent.values()].reduce((a, b) => a + b, 0);
  return [
    { benchmark: 'mali', case: `baseline 2012–2023, ${civilians} agents, ${params.rounds} rounds`, value: round2(run), unit: 's/run' },
    { benchmark: 'mali', case: `initialisation, ${civilians} agents`, value: round3(median(runs.map((r) => r.init))), unit: 's' },
    { benchmark: 'mali', case: 'civilian agent-rounds per second', value: Math.round((civilians * params.rounds) / run), unit: 'agent-rounds/s' },
    ...[...spent].map(([phase, ms]) => ({ benchmark: 'mali', case: `phase ${phase}`, value: Number(((100 * ms) / total).toFixed(1)), unit: '% of run time' })),
  ];
}

/** One scale's run in the side-by-side pass. */
interface ScaleRun {
  readonly peoplePerAgent: number;
  readonly civilians: number;
  readonly until: number;
  readonly simulation: Simulation<ScenarioBase, unknown>;
  readonly init: Seconds;
  /** Time in rounds so far (initialisation excluded). */
  rounds: Seconds;
  /** Time in rounds up to the middle round. */
  atMiddle: Seconds;
}

/**
 * Runs every scale side by side, half a year at a time, so that all of them see the same load
 * on this shared machine: run one after the other, a neighbour's burst of work would land on
 * one scale only and pass for a departure from linearity. A slice is long enough (0.4 s and
 * more) that one scale's memory does not cool another's caches in a way that counts.
 */
function runSideBySide(scales: readonly Scale[], middle: number, last: number): ScaleRun[] {
  const runs: ScaleRun[] = scales.map(({ peoplePerAgent, whole }) => {
    const { model, params } = baselineAt(peoplePerAgent);
    const initialising = stopwatch();
    const simulation = new Simulation(model, params, SEED);
    const init = initialising();
    const zero = { wall: 0, cpu: 0 };
    return { peoplePerAgent, civilians: civiliansOf(simulation), until: whole ? last : middle, simulation, init, rounds: zero, atMiddle: zero };
  });
  const ends = new Set([middle, last]);
  for (let round = SLICE_ROUNDS; round < last; round += SLICE_ROUNDS) ends.add(round);
  for (const end of [...ends].sort((a, b) => a - b)) {
    for (const run of runs) {
      if (end > run.until) continue;
      const running = stopwatch();
      run.simulation.runUntil(end);
      run.rounds = plus(run.rounds, running());
      if (end === middle) run.atMiddle = run.rounds;
    }
  }
  return runs;
}

/*
 * Linearity is judged on CPU time: it leaves out the time this process waited for a core while
 * a neighbour used it, which running side by side spreads over both sides but not exactly evenly.
 */

/** Time at another scale against the default one over the same rounds, and CPU time ratio ÷ agent ratio. */
function agentsGrowth(label: string, unit: string, time: Seconds, civilians: number, reference: { time: Seconds; civilians: number }): BenchRecord[] {
  return [
    { benchmark: 'mali', case: `${label}, ${civilians} agents`, value: round2(time.wall), unit, ratio: round3(time.wall / reference.time.wall), ratioTo: `${reference.civilians} agents` },
    {
      benchmark: 'mali',
      case: `linearity in agents, ${label}, ${civilians} vs ${reference.civilians} agents`,
      value: round3(time.cpu / reference.time.cpu / (civilians / reference.civilians)),
      unit: 'CPU time ratio ÷ agent ratio',
    },
  ];
}

/** The whole run at 10× the agents (about 100 s here), the scales in between to the middle round, all against the default scale run alongside. */
function benchAgentsGrowth(): BenchRecord[] {
  const { params } = baselineAt(DEFAULT_PEOPLE_PER_AGENT);
  const middle = Math.floor(params.rounds / 2);
  const runs = runSideBySide(SCALES, middle, params.rounds);
  const base = runs.find((run) => run.peoplePerAgent === DEFAULT_PEOPLE_PER_AGENT)!;
  const tenfold = runs.find((run) => run.peoplePerAgent === TENFOLD_PEOPLE_PER_AGENT)!;
  const wholeOf = (run: ScaleRun): Seconds => plus(run.init, run.rounds);
  return [
    ...agentsGrowth(
      `baseline 2012–2023 at 10× the agents (peoplePerAgent ${TENFOLD_PEOPLE_PER_AGENT}), ${params.rounds} rounds, 1 run`,
      's/run',
      wholeOf(tenfold),
      tenfold.civilians,
      { time: wholeOf(base), civilians: base.civilians },
    ),
    { benchmark: 'mali', case: `initialisation, ${tenfold.civilians} agents`, value: round3(tenfold.init.wall), unit: 's' },
    ...runs
      .filter((run) => run !== base)
      .flatMap((run) =>
        agentsGrowth(`rounds 1–${middle} (initialisation excluded), peoplePerAgent ${run.peoplePerAgent}`, 's', run.atMiddle, run.civilians, { time: base.atMiddle, civilians: base.civilians }),
      ),
  ];
}

/**
 * Linear in rounds means a round late in the run costs what a round early in it does. So the
 * last quarter of the default run (2021–2023) is timed against the first (2012–2014), the two
 * side by side, half a year at a time, from two copies of the same run (one advanced, untimed,
 * to the last quarter). Timing one run's quarters in turn would let a change in the machine's
 * load between 2012 and 2023 pass for growth with rounds.
 */
function benchRoundsGrowth(): BenchRecord[] {
  const { model, params } = baselineAt(DEFAULT_PEOPLE_PER_AGENT);
  const quarter = Math.floor(params.rounds / 4);
  const lateStart = params.rounds - quarter;
  const early = new Simulation(model, params, SEED);
  const late = new Simulation(model, params, SEED);
  late.runUntil(lateStart);
  let earlyTime: Seconds = { wall: 0, cpu: 0 };
  let lateTime: Seconds = { wall: 0, cpu: 0 };
  for (let done = 0; done < quarter; ) {
    done = Math.min(quarter, done + SLICE_ROUNDS);
    const earlyWatch = stopwatch();
    early.runUntil(done);
    earlyTime = plus(earlyTime, earlyWatch());
    const lateWatch = stopwatch();
    late.runUntil(lateStart + done);
    lateTime = plus(lateTime, lateWatch());
  }
  const civilians = civiliansOf(early);
  return [
    { benchmark: 'mali', case: `rounds 1–${quarter}, ${civilians} agents`, value: round2(earlyTime.wall), unit: 's' },
    { benchmark: 'mali', case: `rounds ${lateStart + 1}–${params.rounds}, ${civilians} agents (side by side with rounds 1–${quarter})`, value: round2(lateTime.wall), unit: 's', ratio: round3(lateTime.wall / earlyTime.wall), ratioTo: `rounds 1–${quarter}` },
    { benchmark: 'mali', case: `linearity in rounds, rounds ${lateStart + 1}–${params.rounds} vs 1–${quarter}, ${civilians} agents`, value: round3(lateTime.cpu / earlyTime.cpu), unit: 'CPU time ratio (1 = linear)' },
  ];
}

export function benchMali(repetitions = 3): BenchRecord[] {
  return [...benchDefaultScale(repetitions), ...benchRoundsGrowth(), ...benchAgentsGrowth()];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const record of benchMali()) console.log(JSON.stringify(record));
}
