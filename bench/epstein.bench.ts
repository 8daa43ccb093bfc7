/**
 * Speed of Epstein's civil violence model (the reference model) in agent-steps per second:
 * agents (citizens and cops) × rounds, the way Mesa and NetLogo users count. Default parameters
 * of the paper; one process; a warm-up run, then the median of several timed runs.
 *
 * Run: node --import tsx bench/epstein.bench.ts   (prints one JSON line per record)
 */
import { pathToFileURL } from 'node:url';
import { epsteinModel } from '../src/agents/epstein/model.ts';
import { epsteinSchema } from '../src/agents/epstein/params.ts';
import { Simulation } from '../src/sim/schedule.ts';
import { median, type BenchRecord } from './record.ts';

interface Case {
  readonly size: number;
  readonly rounds: number;
  readonly repetitions: number;
  /** Rounds of the untimed warm-up run on the same grid (JIT compilation, caches). */
  readonly warmupRounds: number;
}

/**
 * Grid sizes and rounds: enough work per repetition to time (1–2 million agent-steps and more),
 * little enough to finish quickly. 1000×1000 holds 774,000 agents, about 1 s per round here,
 * so it gets few rounds and a short warm-up.
 */
export const EPSTEIN_CASES: readonly Case[] = [
  { size: 40, rounds: 1000, repetitions: 5, warmupRounds: 100 },
  { size: 100, rounds: 200, repetitions: 3, warmupRounds: 100 },
  { size: 200, rounds: 60, repetitions: 3, warmupRounds: 60 },
  { size: 1000, rounds: 10, repetitions: 3, warmupRounds: 2 },
];

/** Agent-steps per second of one run of `rounds` rounds on a size × size grid (initialisation excluded). */
export function timeEpstein(size: number, rounds: number, seed: number): number {
  const params = epsteinSchema.parse({ id: 'bench', model: 'epstein-civil-violence', rounds, grid: { width: size, height: size } });
  const simulation = new Simulation(epsteinModel, params, seed);
  const start = performance.now();
  simulation.runUntil();
  const seconds = (performance.now() - start) / 1000;
  return (simulation.state.agents.size * rounds) / seconds;
}

export function benchEpstein(cases: readonly Case[] = EPSTEIN_CASES): BenchRecord[] {
  return cases.map(({ size, rounds, repetitions, warmupRounds }) => {
    timeEpstein(size, warmupRounds, 0);
    const rates: number[] = [];
    for (let r = 1; r <= repetitions; r++) rates.push(timeEpstein(size, rounds, r));
    return {
      benchmark: 'epstein',
      case: `${size}x${size}, ${rounds} rounds, defaults`,
      value: Math.round(median(rates)),
      unit: 'agent-steps/s',
    };
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const record of benchEpstein()) console.log(JSON.stringify(record));
}
