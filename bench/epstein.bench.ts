/**
 * Speed of Epstein's civil violence model (the reference model), under the default (paper)
 * rules and under Mesa 3.3.1's rules (scenarios/epstein-mesa.yaml), set against Mesa's own
 * figures for its example (measured on a machine of the same kind: /work/shared/peers/mesa-epstein.md,
 * copied below).
 *
 * - Loop: agent-steps per second (citizens and cops, prisoners included, × rounds; the way Mesa
 *   and NetLogo users count), initialisation excluded; median of several runs after a warm-up.
 *   Each run alternates, slice by slice, with a *limit loop* over the same world: a bare loop
 *   over a byte grid of what an onlooker sees, padded so that precomputed neighbourhood offsets
 *   never wrap, that only counts the empty cells, actives and cops within each agent's vision —
 *   as many looks per agent and round as the rules take (paper: two, before and after moving;
 *   Mesa: one) — in a new random order each round. model ÷ limit says how far the model is from
 *   a straightforward tight loop doing its counting (measured side by side, on CPU time).
 * - Whole process: wall time of `node bin/sahel-sim.js run <scenario> --set grid.width=… --rounds …`
 *   from spawn to exit (start-up, scenario, run, CSV and manifest), median of three.
 *
 * Run: node --import tsx bench/epstein.bench.ts   (prints one JSON line per record)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { epsteinModel } from '../src/agents/epstein/model.ts';
import type { EpsteinParams } from '../src/agents/epstein/params.ts';
import { SIGHT, type EpsteinState } from '../src/agents/epstein/state.ts';
import { MODELS } from '../src/agents/registry.ts';
import { RandomStream } from '../src/sim/random.ts';
import { loadScenario } from '../src/sim/scenario/index.ts';
import { Simulation } from '../src/sim/schedule.ts';
import { median, type BenchRecord } from './record.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export type Rules = 'paper' | 'mesa';
const SCENARIOS: Record<Rules, string> = { paper: 'scenarios/epstein-civil-violence.yaml', mesa: 'scenarios/epstein-mesa.yaml' };
/** Looks at the vision per agent and round under each rules variant (for the limit loop). */
const LOOKS: Record<Rules, number> = { paper: 2, mesa: 1 };

/**
 * Mesa 3.3.1's example, constructor defaults, seed 1, medians of three runs (peer measurement,
 * 2 shared vCPU, CPython 3.11): agent-steps/s of the step loop, and whole-process seconds.
 */
export const MESA: Readonly<Record<string, { readonly loop: number; readonly process: number }>> = {
  '40x1000': { loop: 28_952, process: 42.97 },
  '100x200': { loop: 12_381, process: 126.72 },
  '200x100': { loop: 8_311, process: 376.69 },
  '100x100': { loop: 11_759, process: 67.63 },
};

interface Case {
  readonly rules: Rules;
  readonly size: number;
  readonly rounds: number;
  readonly repetitions: number;
  /** Rounds of the untimed warm-up run on the same grid (JIT compilation, caches). */
  readonly warmupRounds: number;
}

/** Mesa's grid sizes and step counts for both rules; 1000×1000 (774,000 agents) for the paper's. */
export const EPSTEIN_CASES: readonly Case[] = [
  ...(['paper', 'mesa'] as const).flatMap((rules) => [
    { rules, size: 40, rounds: 1000, repetitions: 5, warmupRounds: 200 },
    { rules, size: 100, rounds: 200, repetitions: 3, warmupRounds: 100 },
    { rules, size: 200, rounds: 100, repetitions: 3, warmupRounds: 40 },
  ]),
  { rules: 'paper', size: 1000, rounds: 10, repetitions: 3, warmupRounds: 2 },
];

/** Whole-process runs: Mesa's four configurations, and one round (start-up and writing alone). */
export const PROCESS_CASES: readonly { size: number; rounds: number }[] = [
  { size: 40, rounds: 1000 },
  { size: 100, rounds: 200 },
  { size: 200, rounds: 100 },
  { size: 100, rounds: 100 },
  { size: 100, rounds: 1 },
];

function paramsFor(rules: Rules, size: number, rounds: number): EpsteinParams {
  const { params } = loadScenario(join(ROOT, SCENARIOS[rules]), MODELS, { rounds, set: [`grid.width=${size}`, `grid.height=${size}`] });
  return params as unknown as EpsteinParams;
}

/** A padded byte grid of what onlookers see, and the diamond's offsets on it: the limit loop's world. */
interface LimitWorld {
  readonly bytes: Uint8Array;
  readonly at: Int32Array;
  readonly offsets: Int32Array;
  readonly order: Int32Array;
}

function limitWorld(state: EpsteinState): LimitWorld {
  const { width, height } = state.grid;
  const spans = state.citizenVision;
  const r = spans.radius;
  const stride = width + 2 * r;
  const bytes = new Uint8Array(stride * (height + 2 * r));
  for (let py = 0; py < height + 2 * r; py++) {
    for (let px = 0; px < stride; px++) {
      const x = (((px - r) % width) + width) % width;
      const y = (((py - r) % height) + height) % height;
      bytes[py * stride + px] = state.sight[y * width + x];
    }
  }
  const offsets: number[] = [];
  for (let dy = -r; dy <= r; dy++) {
    const h = spans.halfWidth[dy + r];
    for (let dx = -h; dx <= h; dx++) if (dx !== 0 || dy !== 0) offsets.push(dy * stride + dx);
  }
  const { cell } = state.agents.columns;
  const at = new Int32Array(state.agents.size);
  for (let i = 0; i < at.length; i++) at[i] = (Math.floor(cell[i] / width) + r) * stride + (cell[i] % width) + r;
  return { bytes, at, offsets: Int32Array.from(offsets), order: Int32Array.from(state.order) };
}

const TALLY = new Int32Array(256);
TALLY[SIGHT.empty] = 1 << 20;
TALLY[SIGHT.active] = 1 << 10;
TALLY[SIGHT.cop] = 1;

/**
 * The limit loop: `rounds` rounds of a shuffled pass over the agents, each looking `looks` times
 * at its vision and counting empty cells, actives and cops (unrolled by four, a table entry
 * summed per cell: the fastest plain form found for V8). Returns a sum so nothing is optimised away.
 */
function runLimit(world: LimitWorld, looks: number, rounds: number, rng: RandomStream): number {
  const { bytes, at, offsets, order } = world;
  const count = offsets.length;
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    rng.shuffle(order);
    for (let n = 0; n < order.length; n++) {
      const base = at[order[n]];
      for (let look = 0; look < looks; look++) {
        let packed = 0;
        let k = 0;
        for (; k + 3 < count; k += 4) {
          packed += TALLY[bytes[base + offsets[k]]];
          packed += TALLY[bytes[base + offsets[k + 1]]];
          packed += TALLY[bytes[base + offsets[k + 2]]];
          packed += TALLY[bytes[base + offsets[k + 3]]];
        }
        for (; k < count; k++) packed += TALLY[bytes[base + offsets[k]]];
        sink += (packed >>> 20) + ((packed >>> 10) & 1023) + (packed & 1023);
      }
    }
  }
  return sink;
}

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * One timed run of `rounds` rounds, alternating slices of the model and of the limit loop on
 * the model's initial world. Agent-steps per second of each on the wall clock (the figure
 * users see), and their ratio on CPU time (what a neighbour's load distorts least).
 */
export function timeEpstein(rules: Rules, size: number, rounds: number, seed: number): { rate: number; cpuRate: number; limitRate: number; cpuRatio: number } {
  const simulation = new Simulation(epsteinModel, paramsFor(rules, size, rounds), seed);
  const world = limitWorld(simulation.state);
  const rng = RandomStream.fromSeed(seed, 'limit');
  const slice = Math.max(1, Math.ceil(rounds / 10));
  let modelWall = 0;
  let modelCpu = 0;
  let limitWall = 0;
  let limitCpu = 0;
  let sink = 0;
  for (let done = 0; done < rounds; done += slice) {
    const next = Math.min(rounds, done + slice);
    let cpu = cpuSeconds();
    const wall = performance.now();
    simulation.runUntil(next);
    modelWall += (performance.now() - wall) / 1000;
    modelCpu += cpuSeconds() - cpu;
    cpu = cpuSeconds();
    const limitStarted = performance.now();
    sink += runLimit(world, LOOKS[rules], next - done, rng);
    limitWall += (performance.now() - limitStarted) / 1000;
    limitCpu += cpuSeconds() - cpu;
  }
  if (sink < 0) throw new Error('unreachable: keeps the limit loop from being optimised away');
  const agentSteps = simulation.state.agents.size * rounds;
  return { rate: agentSteps / modelWall, cpuRate: agentSteps / modelCpu, limitRate: agentSteps / limitWall, cpuRatio: modelCpu / limitCpu };
}

/** Wall seconds of one `sahel-sim run` process, from spawn to exit. */
export function timeProcess(rules: Rules, size: number, rounds: number): number {
  const out = mkdtempSync(join(tmpdir(), 'sahel-sim-bench-'));
  try {
    const started = performance.now();
    execFileSync(
      process.execPath,
      ['bin/sahel-sim.js', 'run', SCENARIOS[rules], '--set', `grid.width=${size}`, '--set', `grid.height=${size}`, '--rounds', String(rounds), '--out', join(out, 'run'), '--quiet'],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    return (performance.now() - started) / 1000;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const label = (rules: Rules, size: number, rounds: number): string => `${size}x${size}, ${rounds} rounds, ${rules} rules`;

export function benchEpstein(cases: readonly Case[] = EPSTEIN_CASES, processCases = PROCESS_CASES): BenchRecord[] {
  const records: BenchRecord[] = [];
  for (const { rules, size, rounds, repetitions, warmupRounds } of cases) {
    timeEpstein(rules, size, warmupRounds, 0);
    const runs = Array.from({ length: repetitions }, (_, r) => timeEpstein(rules, size, rounds, r + 1));
    const rate = median(runs.map((run) => run.rate));
    const limitRate = median(runs.map((run) => run.limitRate));
    const name = label(rules, size, rounds);
    records.push({ benchmark: 'epstein', case: `${name}: limit loop (${LOOKS[rules]} look${LOOKS[rules] > 1 ? 's' : ''} per agent-step)`, value: Math.round(limitRate), unit: 'agent-steps/s' });
    // ratio: CPU time of the model ÷ CPU time of the limit loop over the same rounds (> 1: slower than the limit).
    records.push({ benchmark: 'epstein', case: name, value: Math.round(rate), unit: 'agent-steps/s', ratio: Number(median(runs.map((run) => run.cpuRatio)).toFixed(3)), ratioTo: 'limit loop, CPU time (model ÷ limit)' });
    // On a shared host the wall clock also counts time the process waited for a core.
    records.push({ benchmark: 'epstein', case: `${name}, on CPU time`, value: Math.round(median(runs.map((run) => run.cpuRate))), unit: 'agent-steps/s' });
    const mesa = MESA[`${size}x${rounds}`];
    if (mesa) records.push({ benchmark: 'epstein', case: `${name}: loop speed ÷ Mesa 3.3.1's`, value: Math.round(rate / mesa.loop), unit: '× Mesa (peer figure)' });
  }
  for (const rules of ['paper', 'mesa'] as const) {
    for (const { size, rounds } of processCases) {
      timeProcess(rules, size, Math.min(rounds, 5)); // warms the file cache, not the JIT
      const seconds = median([0, 1, 2].map(() => timeProcess(rules, size, rounds)));
      const name = `${label(rules, size, rounds)}, whole process`;
      records.push({ benchmark: 'epstein', case: name, value: Number(seconds.toFixed(3)), unit: 's' });
      const mesa = MESA[`${size}x${rounds}`];
      if (mesa) records.push({ benchmark: 'epstein', case: `${name}: Mesa 3.3.1's time ÷ ours`, value: Math.round(mesa.process / seconds), unit: '× Mesa (peer figure)' });
    }
  }
  return records;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const record of benchEpstein()) console.log(JSON.stringify(record));
}
