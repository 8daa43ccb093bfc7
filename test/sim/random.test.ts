import { describe, it, expect } from 'vitest';
import { RandomStream, deriveRunSeed, assertValidSeed, chooseSeed, drawSeed, logGamma, MAX_SEED } from '../../src/sim/random.ts';

// ---------------------------------------------------------------------------------------------
// Statistical helpers. Every test uses fixed seeds, so each outcome is deterministic; the
// tolerances (4 standard errors, chi-square at the 0.999 quantile) only decide whether the
// fixed draws look like the target distribution.
// ---------------------------------------------------------------------------------------------

/** Standard normal 0.999 quantile, z such that Φ(z) = 0.999. */
const Z_999 = 3.090232306167813;

/**
 * Chi-square 0.999 quantile by the Wilson–Hilferty approximation:
 * χ²_k ≈ k (1 − 2/(9k) + z √(2/(9k)))³. For 5 ≤ k ≤ 150 it is 0.02–1.2 % above the exact
 * quantile (e.g. k = 23: 49.85 vs 49.73), so it errs on the side of not failing.
 */
function chiSquareCritical999(df: number): number {
  const h = 2 / (9 * df);
  return df * (1 - h + Z_999 * Math.sqrt(h)) ** 3;
}

function draws(count: number, draw: () => number): number[] {
  const values = new Array<number>(count);
  for (let i = 0; i < count; i++) values[i] = draw();
  return values;
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function moments(values: readonly number[]): { mean: number; variance: number; skew: number; excessKurtosis: number } {
  const m = mean(values);
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (const v of values) {
    const d = v - m;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  m2 /= values.length;
  m3 /= values.length;
  m4 /= values.length;
  return { mean: m, variance: m2, skew: m3 / m2 ** 1.5, excessKurtosis: m4 / (m2 * m2) - 3 };
}

interface GoodnessOfFit {
  statistic: number;
  df: number;
  critical: number;
}

/**
 * Pearson chi-square of observed counts against expected probabilities over 0..probs.length−1,
 * the last cell also holding every value ≥ probs.length − 1 when `lastIsTail`. Adjacent cells
 * are pooled left to right until each expects ≥ 5; a short remainder joins the last pooled cell.
 */
function chiSquareGoodnessOfFit(samples: readonly number[], probs: readonly number[]): GoodnessOfFit {
  const n = samples.length;
  const observed = new Array<number>(probs.length).fill(0);
  for (const k of samples) observed[Math.min(k, probs.length - 1)]++;
  const pooledObserved: number[] = [];
  const pooledExpected: number[] = [];
  let o = 0;
  let e = 0;
  for (let k = 0; k < probs.length; k++) {
    o += observed[k];
    e += n * probs[k];
    if (e >= 5) {
      pooledObserved.push(o);
      pooledExpected.push(e);
      o = 0;
      e = 0;
    }
  }
  if (pooledExpected.length === 0) throw new Error('no cell expects 5 or more');
  pooledObserved[pooledObserved.length - 1] += o;
  pooledExpected[pooledExpected.length - 1] += e;
  let statistic = 0;
  for (let i = 0; i < pooledExpected.length; i++) {
    statistic += (pooledObserved[i] - pooledExpected[i]) ** 2 / pooledExpected[i];
  }
  const df = pooledExpected.length - 1;
  return { statistic, df, critical: chiSquareCritical999(df) };
}

/**
 * Checks the sample mean and variance against those of a pmf (entries beyond the bulk ignored),
 * each within 4 standard errors: sd(mean) = σ/√N, sd(variance) ≈ √((μ₄ − σ⁴)/N). These catch
 * smooth distortions (a slightly thin or fat tail) that a many-cell chi-square can miss.
 */
function expectMomentsMatchPmf(samples: readonly number[], probs: readonly number[]): void {
  let mu = 0;
  for (let k = 0; k < probs.length; k++) mu += k * probs[k];
  let sigma2 = 0;
  let mu4 = 0;
  for (let k = 0; k < probs.length; k++) {
    const d2 = (k - mu) ** 2;
    sigma2 += d2 * probs[k];
    mu4 += d2 * d2 * probs[k];
  }
  const m = moments(samples);
  const n = samples.length;
  expect(Math.abs(m.mean - mu)).toBeLessThan(4 * Math.sqrt(sigma2 / n));
  expect(Math.abs(m.variance - sigma2)).toBeLessThan(4 * Math.sqrt((mu4 - sigma2 * sigma2) / n));
}

/** Exact binomial pmf over 0..n, by the ratio recurrence in log space (independent of logGamma). */
function binomialPmf(n: number, p: number): number[] {
  const q = 1 - p;
  const probs = new Array<number>(n + 1);
  let logP = n * Math.log(q);
  probs[0] = Math.exp(logP);
  for (let k = 1; k <= n; k++) {
    logP += Math.log((n - k + 1) / k) + Math.log(p / q);
    probs[k] = Math.exp(logP);
  }
  return probs;
}

/** Poisson pmf over 0..K−1 plus P(X ≥ K) as the last entry, K well past the bulk. */
function poissonPmfWithTail(lambda: number): number[] {
  const last = Math.ceil(lambda + 12 * Math.sqrt(lambda) + 20);
  const probs: number[] = [];
  let logP = -lambda;
  let cumulative = 0;
  for (let k = 0; k < last; k++) {
    if (k > 0) logP += Math.log(lambda / k);
    const pk = Math.exp(logP);
    probs.push(pk);
    cumulative += pk;
  }
  probs.push(Math.max(0, 1 - cumulative));
  return probs;
}

// ---------------------------------------------------------------------------------------------

describe('RandomStream', () => {
  describe('seeding and sub-streams', () => {
    it('gives the same sequence for the same seed', () => {
      const a = RandomStream.fromSeed(42);
      const b = RandomStream.fromSeed(42);

      const seqA = draws(1000, () => a.double());
      const seqB = draws(1000, () => b.double());

      expect(seqB).toEqual(seqA);
    });

    it('gives different sequences for different seeds, including adjacent ones', () => {
      const seeds = [0, 1, 2, 42, MAX_SEED];

      const firstDraws = seeds.map((seed) => {
        const stream = RandomStream.fromSeed(seed);
        return draws(8, () => stream.double()).join(',');
      });

      expect(new Set(firstDraws).size).toBe(seeds.length);
    });

    it('gives named sub-streams that differ from the main stream and from each other', () => {
      const names = ['main', 'x', 'y', 'movement'];

      const sequences = names.map((name) => {
        const stream = RandomStream.fromSeed(7, name);
        return draws(8, () => stream.double()).join(',');
      });

      expect(new Set(sequences).size).toBe(names.length);
    });

    it('uses "main" as the default sub-stream name', () => {
      const unnamed = RandomStream.fromSeed(7);
      const main = RandomStream.fromSeed(7, 'main');

      expect(draws(16, () => unnamed.double())).toEqual(draws(16, () => main.double()));
    });

    it('rejects a seed that is not a non-negative safe integer with a RangeError', () => {
      for (const seed of [-1, 1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(() => RandomStream.fromSeed(seed)).toThrow(RangeError);
      }
    });
  });

  describe('state() and fromState()', () => {
    it('continues a saved stream with exactly the same draws', () => {
      const original = RandomStream.fromSeed(2024);
      for (let i = 0; i < 137; i++) original.double();

      const restored = RandomStream.fromState(original.state());
      const expected = draws(500, () => original.double());
      const actual = draws(500, () => restored.double());

      expect(actual).toEqual(expected);
    });

    it('carries the cached normal spare across a save, so the next normal deviates match', () => {
      const original = RandomStream.fromSeed(99);
      original.normal();
      const saved = original.state();

      const restored = RandomStream.fromState(saved);
      const expected = [...draws(101, () => original.normal()), ...draws(10, () => original.double())];
      const actual = [...draws(101, () => restored.normal()), ...draws(10, () => restored.double())];

      expect(saved.spareNormal).not.toBeNull();
      expect(actual).toEqual(expected);
    });

    it('survives a JSON round trip of the state (checkpoint files)', () => {
      const original = RandomStream.fromSeed(5, 'checkpoint');
      original.normal();
      const json = JSON.stringify(original.state());

      const restored = RandomStream.fromState(JSON.parse(json));

      expect(draws(50, () => restored.normal())).toEqual(draws(50, () => original.normal()));
    });

    it('leaves a restored stream independent of the stream it was saved from', () => {
      const original = RandomStream.fromSeed(11);
      const saved = original.state();
      const restored = RandomStream.fromState(saved);

      for (let i = 0; i < 10; i++) original.double();
      const restoredFirst = restored.double();

      expect(restoredFirst).toBe(RandomStream.fromSeed(11).double());
      expect(saved).toEqual(RandomStream.fromSeed(11).state());
    });
  });

  describe('uniform helpers', () => {
    it('draws double() in [0, 1) with mean 1/2 and variance 1/12', () => {
      const stream = RandomStream.fromSeed(1);
      const n = 100_000;

      const values = draws(n, () => stream.double());
      const { mean: m, variance } = moments(values);

      expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...values)).toBeLessThan(1);
      expect(Math.abs(m - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
      // Var of the sample variance of U(0,1) is (1/80 − 1/144)/n.
      expect(Math.abs(variance - 1 / 12)).toBeLessThan(4 * Math.sqrt((1 / 80 - 1 / 144) / n));
    });

    it('draws int(lo, hi) covering both ends inclusive and nothing outside', () => {
      const stream = RandomStream.fromSeed(2);
      const counts = new Map<number, number>();

      for (let i = 0; i < 12_000; i++) {
        const v = stream.int(-2, 3);
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }

      expect([...counts.keys()].sort((x, y) => x - y)).toEqual([-2, -1, 0, 1, 2, 3]);
      // Each value expects 2000 draws; sd ≈ 41, so ±400 is nearly 10 sd.
      for (const count of counts.values()) expect(Math.abs(count - 2000)).toBeLessThan(400);
    });

    it('draws int(lo, lo) as lo every time', () => {
      const stream = RandomStream.fromSeed(3);

      expect(new Set(draws(100, () => stream.int(4, 4)))).toEqual(new Set([4]));
    });

    it('draws index(n) as integers in [0, n) reaching both 0 and n − 1', () => {
      const stream = RandomStream.fromSeed(4);
      const n = 7;

      const values = draws(7000, () => stream.index(n));

      expect(values.every((v) => Number.isInteger(v) && v >= 0 && v < n)).toBe(true);
      expect(new Set(values).size).toBe(n);
      expect(stream.index(1)).toBe(0);
    });

    it('draws bernoulli(p) true with frequency within 4 standard errors of p', () => {
      const stream = RandomStream.fromSeed(5);
      const n = 100_000;

      for (const p of [0.01, 0.3, 0.5, 0.9]) {
        let hits = 0;
        for (let i = 0; i < n; i++) if (stream.bernoulli(p)) hits++;

        expect(Math.abs(hits / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
      }
    });

    it('draws bernoulli(0) always false and bernoulli(1) always true', () => {
      const stream = RandomStream.fromSeed(6);

      const zeros = draws(1000, () => (stream.bernoulli(0) ? 1 : 0));
      const ones = draws(1000, () => (stream.bernoulli(1) ? 1 : 0));

      expect(zeros.every((v) => v === 0)).toBe(true);
      expect(ones.every((v) => v === 1)).toBe(true);
    });

    it('draws uniform(lo, hi) in [lo, hi) with mean (lo + hi)/2', () => {
      const stream = RandomStream.fromSeed(7);
      const [lo, hi] = [-3, 5];
      const n = 50_000;

      const values = draws(n, () => stream.uniform(lo, hi));

      expect(Math.min(...values)).toBeGreaterThanOrEqual(lo);
      expect(Math.max(...values)).toBeLessThan(hi);
      expect(Math.min(...values)).toBeLessThan(lo + 0.01);
      expect(Math.max(...values)).toBeGreaterThan(hi - 0.01);
      expect(Math.abs(mean(values) - (lo + hi) / 2)).toBeLessThan(4 * ((hi - lo) / Math.sqrt(12 * n)));
    });
  });

  describe('continuous distributions', () => {
    it('draws normal() with mean 0, variance 1, skew 0 and excess kurtosis 0 over 200k draws', () => {
      const stream = RandomStream.fromSeed(8);
      const n = 200_000;

      const m = moments(draws(n, () => stream.normal()));

      // 4 standard errors: sd of the sample mean 1/√n, variance √(2/n), skew √(6/n), kurtosis √(24/n).
      expect(Math.abs(m.mean)).toBeLessThan(4 * Math.sqrt(1 / n));
      expect(Math.abs(m.variance - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
      expect(Math.abs(m.skew)).toBeLessThan(4 * Math.sqrt(6 / n));
      expect(Math.abs(m.excessKurtosis)).toBeLessThan(4 * Math.sqrt(24 / n));
    });

    it('draws successive normal() values uncorrelated, including the two values of each polar pair', () => {
      const stream = RandomStream.fromSeed(15);
      const n = 100_000;

      const values = draws(n, () => stream.normal());
      let pairSum = 0;
      let lagSum = 0;
      for (let i = 0; i + 1 < n; i++) {
        lagSum += values[i] * values[i + 1];
        if (i % 2 === 0) pairSum += values[i] * values[i + 1];
      }

      // For independent N(0, 1) values the mean product has sd 1/√count.
      expect(Math.abs(lagSum / (n - 1))).toBeLessThan(4 / Math.sqrt(n - 1));
      expect(Math.abs(pairSum / (n / 2))).toBeLessThan(4 / Math.sqrt(n / 2));
    });

    it('scales normal(mean, sd) by sd and shifts it by mean', () => {
      const stream = RandomStream.fromSeed(9);
      const n = 100_000;

      const m = moments(draws(n, () => stream.normal(10, 3)));

      expect(Math.abs(m.mean - 10)).toBeLessThan(4 * (3 / Math.sqrt(n)));
      expect(Math.abs(m.variance - 9)).toBeLessThan(4 * 9 * Math.sqrt(2 / n));
    });

    it('draws exponential(rate) non-negative with mean 1/rate', () => {
      const stream = RandomStream.fromSeed(10);
      const n = 100_000;

      for (const rate of [0.5, 2]) {
        const values = draws(n, () => stream.exponential(rate));

        expect(values.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
        // The sd of an exponential equals its mean 1/rate.
        expect(Math.abs(mean(values) - 1 / rate)).toBeLessThan(4 * (1 / rate / Math.sqrt(n)));
      }
    });
  });

  describe('shuffle()', () => {
    it('returns a permutation of the items', () => {
      const stream = RandomStream.fromSeed(12);
      const items = Int32Array.from({ length: 100 }, (_, i) => i);

      stream.shuffle(items);

      expect([...items].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
      expect([...items]).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
    });

    it('shuffles only the first `length` entries when a length is given', () => {
      const stream = RandomStream.fromSeed(13);
      const items = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

      stream.shuffle(items, 5);

      expect(items.slice(5)).toEqual([5, 6, 7, 8, 9]);
      expect(items.slice(0, 5).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
    });

    it('makes all 24 orders of 4 items equally likely (chi-square, p = 0.001)', () => {
      const stream = RandomStream.fromSeed(14);
      const shuffles = 120_000;
      const counts = new Map<string, number>();
      const items = new Int32Array(4);

      for (let s = 0; s < shuffles; s++) {
        items.set([0, 1, 2, 3]);
        stream.shuffle(items);
        const key = items.join('');
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const expected = shuffles / 24;
      let statistic = 0;
      for (const count of counts.values()) statistic += (count - expected) ** 2 / expected;

      expect(counts.size).toBe(24);
      // Chi-square 0.999 quantile with 23 degrees of freedom (exact, scipy.stats.chi2.ppf(0.999, 23)).
      expect(statistic).toBeLessThan(49.728);
    });
  });

  describe('binomial()', () => {
    const cases: ReadonlyArray<{ n: number; p: number; branch: string; seed: number }> = [
      { n: 10, p: 0.3, branch: 'inversion', seed: 101 },
      { n: 200, p: 0.02, branch: 'inversion', seed: 102 },
      { n: 30, p: 0.33, branch: 'inversion, n·p just under 10', seed: 103 },
      { n: 50, p: 0.4, branch: 'BTRS', seed: 104 },
      { n: 1000, p: 0.3, branch: 'BTRS', seed: 105 },
      { n: 100, p: 0.9, branch: 'BTRS on 1 − p (p > 0.5)', seed: 106 },
      { n: 20, p: 0.8, branch: 'inversion on 1 − p (p > 0.5)', seed: 107 },
    ];

    for (const { n, p, branch, seed } of cases) {
      it(`matches the exact pmf, mean and variance of binomial(${n}, ${p}) (${branch})`, () => {
        const stream = RandomStream.fromSeed(seed, 'binomial');

        const samples = draws(100_000, () => stream.binomial(n, p));
        const pmf = binomialPmf(n, p);
        const fit = chiSquareGoodnessOfFit(samples, pmf);

        expect(samples.every((k) => Number.isInteger(k) && k >= 0 && k <= n)).toBe(true);
        expect(fit.df).toBeGreaterThanOrEqual(4);
        expect(fit.statistic).toBeLessThan(fit.critical);
        expectMomentsMatchPmf(samples, pmf);
      });
    }

    it('returns 0 when p = 0, n when p = 1, and 0 when n = 0', () => {
      const stream = RandomStream.fromSeed(108);

      expect(draws(100, () => stream.binomial(25, 0)).every((k) => k === 0)).toBe(true);
      expect(draws(100, () => stream.binomial(25, 1)).every((k) => k === 25)).toBe(true);
      expect(draws(100, () => stream.binomial(0, 0.5)).every((k) => k === 0)).toBe(true);
    });

    it('throws a RangeError for a negative or non-integer n or a p outside [0, 1]', () => {
      const stream = RandomStream.fromSeed(109);

      for (const [n, p] of [
        [-1, 0.5],
        [2.5, 0.5],
        [Number.NaN, 0.5],
        [10, -0.1],
        [10, 1.1],
        [10, Number.NaN],
      ] as const) {
        expect(() => stream.binomial(n, p)).toThrow(RangeError);
      }
    });
  });

  describe('poisson()', () => {
    const cases: ReadonlyArray<{ mean: number; branch: string; seed: number }> = [
      { mean: 0.5, branch: 'multiplication', seed: 201 },
      { mean: 4, branch: 'multiplication', seed: 202 },
      { mean: 9.9, branch: 'multiplication', seed: 203 },
      { mean: 10, branch: 'PTRS', seed: 204 },
      { mean: 15, branch: 'PTRS', seed: 205 },
      { mean: 300, branch: 'PTRS', seed: 206 },
    ];

    for (const { mean: lambda, branch, seed } of cases) {
      it(`matches the exact pmf, mean and variance of poisson(${lambda}) (${branch})`, () => {
        const stream = RandomStream.fromSeed(seed, 'poisson');

        const samples = draws(100_000, () => stream.poisson(lambda));
        const pmf = poissonPmfWithTail(lambda);
        const fit = chiSquareGoodnessOfFit(samples, pmf);

        expect(samples.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
        expect(fit.df).toBeGreaterThanOrEqual(2);
        expect(fit.statistic).toBeLessThan(fit.critical);
        expectMomentsMatchPmf(samples, pmf.slice(0, -1));
      });
    }

    it('returns 0 for mean 0', () => {
      const stream = RandomStream.fromSeed(207);

      expect(draws(100, () => stream.poisson(0)).every((k) => k === 0)).toBe(true);
    });

    it('throws a RangeError for a negative, NaN or infinite mean', () => {
      const stream = RandomStream.fromSeed(208);

      for (const bad of [-1, -1e-9, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(() => stream.poisson(bad)).toThrow(RangeError);
      }
    });
  });
});

describe('logGamma', () => {
  const cases: ReadonlyArray<[x: number, expected: number]> = [
    [0.5, 0.5 * Math.log(Math.PI)],
    [1, 0],
    [2, 0],
    [3, Math.log(2)],
    [10, Math.log(362_880)],
    [100, 359.1342053695754],
  ];

  for (const [x, expected] of cases) {
    it(`matches log Γ(${x}) = ${expected} to 1e-12 relative (absolute where the value is 0)`, () => {
      const actual = logGamma(x);

      expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
    });
  }

  it('satisfies log Γ(x + 1) = log Γ(x) + log x on both sides of the x < 7 shift', () => {
    for (const x of [0.25, 1.5, 3.7, 6.5, 6.9, 7, 7.5, 42.1]) {
      expect(logGamma(x + 1)).toBeCloseTo(logGamma(x) + Math.log(x), 12);
    }
  });
});

describe('deriveRunSeed', () => {
  const key = { masterSeed: 1, scenarioId: 'mali-2012', strategy: 'baseline', replicate: 0 };

  it('returns the same seed for the same key', () => {
    expect(deriveRunSeed({ ...key })).toBe(deriveRunSeed({ ...key }));
  });

  it('returns an integer in [0, 2^48) that is a valid seed', () => {
    for (let replicate = 0; replicate < 200; replicate++) {
      const seed = deriveRunSeed({ ...key, replicate });

      expect(Number.isInteger(seed)).toBe(true);
      expect(seed).toBeGreaterThanOrEqual(0);
      expect(seed).toBeLessThan(2 ** 48);
      expect(() => assertValidSeed(seed)).not.toThrow();
    }
  });

  it('changes when any one of masterSeed, scenarioId, strategy or replicate changes', () => {
    const base = deriveRunSeed(key);

    const variants = [
      deriveRunSeed({ ...key, masterSeed: 2 }),
      deriveRunSeed({ ...key, scenarioId: 'mali-2013' }),
      deriveRunSeed({ ...key, strategy: 'negotiation' }),
      deriveRunSeed({ ...key, replicate: 1 }),
    ];

    for (const variant of variants) expect(variant).not.toBe(base);
    expect(new Set(variants).size).toBe(variants.length);
  });

  it('spreads seeds over the whole range: 200 replicates reach [2^47, 2^48) and never repeat', () => {
    const seeds = Array.from({ length: 200 }, (_, replicate) => deriveRunSeed({ ...key, replicate }));

    expect(seeds.some((s) => s >= 2 ** 47)).toBe(true);
    expect(new Set(seeds).size).toBe(seeds.length);
  });
});

describe('assertValidSeed', () => {
  it('rejects -1, 1.5 and 2^53 with a RangeError', () => {
    for (const seed of [-1, 1.5, 2 ** 53]) {
      expect(() => assertValidSeed(seed)).toThrow(RangeError);
    }
  });

  it('accepts 0 and Number.MAX_SAFE_INTEGER', () => {
    expect(() => assertValidSeed(0)).not.toThrow();
    expect(() => assertValidSeed(Number.MAX_SAFE_INTEGER)).not.toThrow();
  });
});

describe('seed policy (issue 11: a run without a seed crashed with ERR_OUT_OF_RANGE)', () => {
  it('drawSeed reads 48 bits little-endian, so all-ones bytes give 2^48 − 1 and zeros give 0', () => {
    expect(drawSeed(() => new Uint8Array(6).fill(0xff))).toBe(2 ** 48 - 1);
    expect(drawSeed(() => new Uint8Array(6))).toBe(0);
    expect(drawSeed(() => Uint8Array.from([1, 0, 0, 0, 0, 1]))).toBe(1 + 2 ** 40);
  });

  it('drawSeed from the operating system gives valid, distinct seeds in [0, 2^48)', () => {
    const seeds = Array.from({ length: 50 }, () => drawSeed());

    for (const seed of seeds) {
      expect(() => assertValidSeed(seed)).not.toThrow();
      expect(seed).toBeLessThan(2 ** 48);
    }
    expect(new Set(seeds).size).toBe(seeds.length);
  });

  it('chooseSeed prefers --seed, then the scenario, and only then draws', () => {
    const entropy = (): Uint8Array => Uint8Array.from([7, 0, 0, 0, 0, 0]);

    expect(chooseSeed(3, 5, entropy)).toEqual({ seed: 3, source: '--seed' });
    expect(chooseSeed(0, 5, entropy)).toEqual({ seed: 0, source: '--seed' });
    expect(chooseSeed(undefined, 5, entropy)).toEqual({ seed: 5, source: 'scenario' });
    expect(chooseSeed(undefined, undefined, entropy)).toEqual({ seed: 7, source: 'drawn' });
  });
});
