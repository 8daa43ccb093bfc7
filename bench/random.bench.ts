/**
 * Throughput of seedrandom's generators and of RandomStream's helpers, in millions of draws
 * per second. Each case is warmed up, then timed 5 times in this one process; the median is
 * reported. Every loop adds its draws into a sink so the JIT cannot drop it.
 *
 * Each loop is its own function literal on purpose: V8 shares type feedback between closures
 * made at one site, so a single generic loop would turn polymorphic and slow later cases down.
 *
 * Run: node --import tsx bench/random.bench.ts   (prints one JSON line per record)
 */
import { pathToFileURL } from 'node:url';
import seedrandom from 'seedrandom';
import { RandomStream } from '../src/sim/random.ts';
import { median, type BenchRecord } from './record.ts';

const SEED = 'bench-random';
const REPETITIONS = 5;
/** Target duration of one timed repetition. */
const TARGET_MS = 200;
/** Warm-up: run until the loop has been exercised at least this long. */
const WARMUP_MS = 150;

/** Written by every loop; being module state, the JIT must keep the work that feeds it. */
let sink = 0;

type Loop = (iterations: number) => number;

function timeLoop(loop: Loop, iterations: number): number {
  const start = performance.now();
  sink += loop(iterations);
  return performance.now() - start;
}

/**
 * Millions of loop iterations per second (times `perIteration` units), median of REPETITIONS
 * timed runs after a warm-up that also sizes the runs to about TARGET_MS.
 */
function measure(loop: Loop, perIteration = 1): number {
  let iterations = 1000;
  let warmed = 0;
  let elapsed = 0;
  while (warmed < WARMUP_MS) {
    elapsed = timeLoop(loop, iterations);
    warmed += elapsed;
    if (elapsed < TARGET_MS / 4) iterations *= 2;
  }
  const timed = Math.max(1000, Math.round((iterations * TARGET_MS) / Math.max(elapsed, 1e-3)));
  const rates: number[] = [];
  for (let r = 0; r < REPETITIONS; r++) {
    const ms = timeLoop(loop, timed);
    rates.push((timed * perIteration) / (ms * 1000));
  }
  return median(rates);
}

function generatorLoops(): Array<{ name: string; loop: Loop }> {
  const arc4 = seedrandom(SEED, { state: true });
  const alea = seedrandom.alea(SEED);
  const xor128 = seedrandom.xor128(SEED);
  const xorwow = seedrandom.xorwow(SEED);
  const xorshift7 = seedrandom.xorshift7(SEED);
  const xor4096 = seedrandom.xor4096(SEED);
  const tychei = seedrandom.tychei(SEED);
  return [
    {
      name: 'arc4',
      loop: (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += arc4.double();
        return s;
      },
    },
    {
      name: 'alea',
      loop: (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += alea.double();
        return s;
      },
    },
    {
      name: 'xor128',
      loop: (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += xor128.double();
        return s;
      },
    },
    {
      name: 'xorwow',
      loop: (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += xorwow.double();
        return s;
      },
    },
    {
      name: 'xorshift7',
      loop: (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += xorshift7.double();
        return s;
      },
    },
    {
      name: 'xor4096',
      loop: (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += xor4096.double();
        return s;
      },
    },
    {
      name: 'tychei',
      loop: (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += tychei.double();
        return s;
      },
    },
  ];
}

const SHUFFLE_LENGTH = 1000;

function streamLoops(): Array<{ name: string; unit: string; perIteration: number; loop: Loop }> {
  const stream = RandomStream.fromSeed(1, 'bench');
  const order = Int32Array.from({ length: SHUFFLE_LENGTH }, (_, i) => i);
  const draws = 'M draws/s';
  return [
    {
      name: 'double',
      unit: draws,
      perIteration: 1,
      loop: (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += stream.double();
        return s;
      },
    },
    {
      name: 'bernoulli(0.3)',
      unit: draws,
      perIteration: 1,
      loop: (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) if (stream.bernoulli(0.3)) s++;
        return s;
      },
    },
    {
      name: 'index(1000)',
      unit: draws,
      perIteration: 1,
      loop: (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += stream.index(1000);
        return s;
      },
    },
    {
      name: 'normal',
      unit: draws,
      perIteration: 1,
      loop: (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += stream.normal();
        return s;
      },
    },
    {
      name: `shuffle(Int32Array(${SHUFFLE_LENGTH})) per element`,
      unit: 'M elements/s',
      perIteration: SHUFFLE_LENGTH,
      loop: (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) {
          stream.shuffle(order);
          s += order[0];
        }
        return s;
      },
    },
    {
      name: 'binomial(20, 0.3)',
      unit: draws,
      perIteration: 1,
      loop: (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += stream.binomial(20, 0.3);
        return s;
      },
    },
    {
      name: 'binomial(1000, 0.3)',
      unit: draws,
      perIteration: 1,
      loop: (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += stream.binomial(1000, 0.3);
        return s;
      },
    },
    {
      name: 'poisson(3)',
      unit: draws,
      perIteration: 1,
      loop: (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += stream.poisson(3);
        return s;
      },
    },
    {
      name: 'poisson(100)',
      unit: draws,
      perIteration: 1,
      loop: (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += stream.poisson(100);
        return s;
      },
    },
  ];
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/** Measures every case; generator records carry their ratio to ARC4 from this same run. */
export async function benchRandom(): Promise<BenchRecord[]> {
  const records: BenchRecord[] = [];
  const generatorRates = generatorLoops().map(({ name, loop }) => ({ name, rate: measure(loop) }));
  const arc4Rate = generatorRates.find((g) => g.name === 'arc4')?.rate;
  if (arc4Rate === undefined) throw new Error('the ARC4 reference case is missing');
  for (const { name, rate } of generatorRates) {
    records.push({
      benchmark: 'random',
      case: `seedrandom.${name}.double`,
      value: round(rate, 2),
      unit: 'M draws/s',
      ratio: round(rate / arc4Rate, 2),
      ratioTo: 'arc4',
    });
  }
  for (const { name, unit, perIteration, loop } of streamLoops()) {
    records.push({ benchmark: 'random', case: `RandomStream.${name}`, value: round(measure(loop, perIteration), 2), unit });
  }
  if (!Number.isFinite(sink)) throw new Error('benchmark sink is not finite');
  return records;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const record of await benchRandom()) console.log(JSON.stringify(record));
}
