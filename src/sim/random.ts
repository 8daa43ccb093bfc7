/**
 * Random streams (ODD Design concepts › Stochasticity). The only module that imports
 * seedrandom: every draw in a run comes from a stream made here from the run's seed.
 *
 * Generator: seedrandom's Tyche-i (Neves & Araujo 2011). Among seedrandom's generators that
 * pass TestU01 BigCrush (alea, xorshift7, xor4096, tychei) it drew 53-bit doubles fastest in
 * bench/random.bench.ts, several times faster than the default ARC4 (ratios in bench/README.md,
 * reasons in docs/engine.md › Stochasticity), and its whole state is four 32-bit words, so
 * checkpoints and forks copy 16 bytes.
 *
 * Seeds: a run's seed is a non-negative safe integer. A batch derives it from
 * (master seed, scenario id, strategy, replicate) with `deriveRunSeed`, so any run can be
 * re-run alone with `sahel-sim run … --seed <seed>` and give the same bytes.
 */
import { createHash, randomBytes } from 'node:crypto';
import seedrandom from 'seedrandom';
import { MAX_SEED } from './seed-range.ts';

export { MAX_SEED } from './seed-range.ts';

/** Everything needed to continue a stream exactly where it stopped (checkpoints, forks). */
export interface StreamState {
  readonly words: readonly [number, number, number, number];
  /** Second normal deviate of the last polar pair, or null when none is cached. */
  readonly spareNormal: number | null;
}

type Tychei = seedrandom.StatefulPRNG<seedrandom.State.Tychei>;

function hashWords(text: string): [number, number, number, number] {
  const digest = createHash('sha256').update(text).digest();
  return [digest.readInt32LE(0), digest.readInt32LE(4), digest.readInt32LE(8), digest.readInt32LE(12)];
}

/**
 * The seed of one run of a batch, derived from what identifies the run.
 * Under common random numbers the caller passes the same `strategy` token for every strategy.
 * @returns an integer in [0, 2^48) (included, excluded)
 * @example deriveRunSeed({ masterSeed: 1, scenarioId: 'mali-2012', strategy: 'baseline', replicate: 0 })
 */
export function deriveRunSeed(key: {
  masterSeed: number;
  scenarioId: string;
  strategy: string;
  replicate: number;
}): number {
  const digest = createHash('sha256')
    .update(JSON.stringify([key.masterSeed, key.scenarioId, key.strategy, key.replicate]))
    .digest();
  return digest.readUIntLE(0, 6);
}

/**
 * A fresh seed for a run the user gave none: 48 bits of the operating system's entropy. This
 * is the one draw in sahel-sim that is not reproducible by design, so every command that calls
 * it prints the seed and writes it into the manifest, and the run can be repeated with `--seed`.
 * @param entropy a source of random bytes (tests pass a fixed one)
 * @returns an integer in [0, 2^48) (included, excluded)
 */
export function drawSeed(entropy: (bytes: number) => Uint8Array = randomBytes): number {
  const bytes = entropy(6);
  if (bytes.length !== 6) throw new RangeError(`drawSeed needs 6 bytes of entropy, got ${bytes.length}`);
  return Buffer.from(bytes.buffer, bytes.byteOffset, 6).readUIntLE(0, 6);
}

/**
 * The seed policy of a single run: the command line's `--seed`, else the scenario's `seed`,
 * else a drawn one (which the caller must print and record).
 */
export function chooseSeed(
  flag: number | undefined,
  scenario: number | undefined,
  entropy?: (bytes: number) => Uint8Array,
): { seed: number; source: '--seed' | 'scenario' | 'drawn' } {
  if (flag !== undefined) return { seed: flag, source: '--seed' };
  if (scenario !== undefined) return { seed: scenario, source: 'scenario' };
  return { seed: drawSeed(entropy), source: 'drawn' };
}

/** Rejects seeds that would not round-trip through CSV and JSON exactly. */
export function assertValidSeed(seed: number): void {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`a seed must be an integer in [0, ${MAX_SEED}], found ${seed}`);
  }
}

// numpy's random_loggam coefficients (Stirling series of log Γ).
const LOGGAM_COEFFS = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4,
  8.417508417508418e-4, -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2,
  1.796443723688307e-1, -1.3924322169059,
];

/** log Γ(x) for x > 0, accurate to ~1e-15 (numpy's random_loggam). */
export function logGamma(x: number): number {
  if (x === 1 || x === 2) return 0;
  const shift = x < 7 ? Math.floor(7 - x) : 0;
  let x0 = x + shift;
  const x2 = 1 / (x0 * x0);
  let series = LOGGAM_COEFFS[9];
  for (let k = 8; k >= 0; k--) series = series * x2 + LOGGAM_COEFFS[k];
  let value = series / x0 + 0.5 * Math.log(2 * Math.PI) + (x0 - 0.5) * Math.log(x0) - x0;
  for (let k = 1; k <= shift; k++) {
    value -= Math.log(x0 - 1);
    x0 -= 1;
  }
  return value;
}

// δ(k): log k! minus its Stirling approximation, tabulated below 10 (Hörmann 1993, BTRS).
const STIRLING_TAIL = [
  0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211,
  0.0138761288230707, 0.0118967099458917, 0.010411265261972, 0.00925546218271273, 0.00833056343336287,
];
function stirlingTail(k: number): number {
  if (k <= 9) return STIRLING_TAIL[k];
  const kp1sq = (k + 1) * (k + 1);
  return (1 / 12 - (1 / 360 - 1 / 1260 / kp1sq) / kp1sq) / (k + 1);
}

/**
 * A seeded stream of random numbers owned by one run. Rules take it as their first
 * argument; there is no global generator.
 */
export class RandomStream {
  private readonly prng: Tychei;
  private spareNormal: number | null;

  private constructor(state: StreamState) {
    const [a, b, c, d] = state.words;
    this.prng = seedrandom.tychei('', { state: { a, b, c, d } });
    this.spareNormal = state.spareNormal;
  }

  /**
   * The stream of a run with this seed. `name` gives an independent named sub-stream of the
   * same run (for a model that wants one stream per mechanism); the default is the run's main stream.
   * @throws RangeError when the seed is not an integer in [0, MAX_SEED]
   */
  static fromSeed(seed: number, name = 'main'): RandomStream {
    assertValidSeed(seed);
    const stream = new RandomStream({ words: hashWords(`sahel-sim/${seed}/${name}`), spareNormal: null });
    // The hash already spreads the seed over all 128 bits; discarding a few outputs as
    // seedrandom's own Tyche-i seeding does costs nothing and guards against weak states.
    for (let i = 0; i < 20; i++) stream.prng.int32();
    return stream;
  }

  /** Continues a stream from a saved `state()`. */
  static fromState(state: StreamState): RandomStream {
    return new RandomStream(state);
  }

  /** The stream's full state; `fromState(state())` draws the same numbers as this stream. */
  state(): StreamState {
    const { a, b, c, d } = this.prng.state();
    return { words: [a, b, c, d], spareNormal: this.spareNormal };
  }

  /** Uniform double in [0, 1) (included, excluded) with 53 bits of precision. */
  double(): number {
    return this.prng.double();
  }

  /** Uniform double in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.prng.double();
  }

  /** Uniform integer in [0, n) (included, excluded); n ≥ 1. */
  index(n: number): number {
    return Math.floor(this.prng.double() * n);
  }

  /** Uniform integer in [lo, hi], both included. @example stream.int(1, 6) is a die roll */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.prng.double() * (hi - lo + 1));
  }

  /** true with probability p, p in [0, 1]. */
  bernoulli(p: number): boolean {
    return this.prng.double() < p;
  }

  /** Normal deviate (Marsaglia's polar method; the pair's second value is cached and part of the state). */
  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== null) {
      const spare = this.spareNormal;
      this.spareNormal = null;
      return mean + sd * spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.prng.double() - 1;
      v = 2 * this.prng.double() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const scale = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * scale;
    return mean + sd * u * scale;
  }

  /** Exponential deviate with the given rate (mean 1/rate). */
  exponential(rate: number): number {
    return -Math.log(1 - this.prng.double()) / rate;
  }

  /**
   * Shuffles the first `length` entries of `items` in place (Fisher–Yates), so every order
   * is equally likely. Used for activation orders: pass a reused Int32Array.
   */
  shuffle(items: Int32Array | Uint32Array | number[], length = items.length): void {
    for (let i = length - 1; i > 0; i--) {
      const j = Math.floor(this.prng.double() * (i + 1));
      const held = items[i];
      items[i] = items[j];
      items[j] = held;
    }
  }

  /**
   * Number of successes in n independent trials of probability p: inversion when n·min(p, 1−p) < 10,
   * else Hörmann's (1993) transformed rejection with squeeze (BTRS). Exact, not a normal approximation.
   * @throws RangeError when n is not a non-negative integer or p is outside [0, 1]
   */
  binomial(n: number, p: number): number {
    if (!Number.isInteger(n) || n < 0 || !(p >= 0 && p <= 1)) {
      throw new RangeError(`binomial(n, p) needs an integer n ≥ 0 and p in [0, 1], found n=${n}, p=${p}`);
    }
    if (n === 0 || p === 0) return 0;
    if (p === 1) return n;
    if (p > 0.5) return n - this.binomialLowP(n, 1 - p);
    return this.binomialLowP(n, p);
  }

  private binomialLowP(n: number, p: number): number {
    const q = 1 - p;
    if (n * p < 10) {
      const qn = Math.exp(n * Math.log(q));
      const bound = Math.min(n, n * p + 10 * Math.sqrt(n * p * q + 1));
      let x = 0;
      let px = qn;
      let u = this.prng.double();
      while (u > px) {
        x++;
        if (x > bound) {
          x = 0;
          px = qn;
          u = this.prng.double();
        } else {
          u -= px;
          px = ((n - x + 1) * p * px) / (x * q);
        }
      }
      return x;
    }
    const spq = Math.sqrt(n * p * q);
    const b = 1.15 + 2.53 * spq;
    const a = -0.0873 + 0.0248 * b + 0.01 * p;
    const c = n * p + 0.5;
    const vr = 0.92 - 4.2 / b;
    const r = p / q;
    const alpha = (2.83 + 5.1 / b) * spq;
    const m = Math.floor((n + 1) * p);
    for (;;) {
      const u = this.prng.double() - 0.5;
      let v = this.prng.double();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + c);
      if (k < 0 || k > n) continue;
      if (us >= 0.07 && v <= vr) return k;
      v = Math.log((v * alpha) / (a / (us * us) + b));
      const bound =
        (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) +
        (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
        (k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) +
        stirlingTail(m) +
        stirlingTail(n - m) -
        stirlingTail(k) -
        stirlingTail(n - k);
      if (v <= bound) return k;
    }
  }

  /**
   * Poisson deviate with the given mean: multiplication method below mean 10, else Hörmann's
   * (1993) PTRS transformed rejection. Exact.
   * @throws RangeError when mean is negative or not finite
   */
  poisson(mean: number): number {
    if (!(mean >= 0) || !Number.isFinite(mean)) {
      throw new RangeError(`poisson(mean) needs a finite mean ≥ 0, found ${mean}`);
    }
    if (mean === 0) return 0;
    if (mean < 10) {
      const limit = Math.exp(-mean);
      let count = 0;
      let product = this.prng.double();
      while (product > limit) {
        count++;
        product *= this.prng.double();
      }
      return count;
    }
    const slam = Math.sqrt(mean);
    const logMean = Math.log(mean);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.prng.double() - 0.5;
      const v = this.prng.double();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logMean - logGamma(k + 1)) {
        return k;
      }
    }
  }
}
