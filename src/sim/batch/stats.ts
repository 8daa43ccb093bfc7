/**
 * Statistics of a batch: descriptive statistics of each outcome across replicates, and the
 * difference of each strategy from the baseline with a 95% confidence interval — paired by
 * replicate under common random numbers, Welch's unequal-variance interval otherwise.
 * Quantiles are R's default (type 7); intervals use Student's t.
 */
import { logGamma } from '../random.ts';

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}

/** Sample standard deviation (n − 1); NaN below two values. */
export function sd(values: readonly number[]): number {
  if (values.length < 2) return Number.NaN;
  const centre = mean(values);
  let squares = 0;
  for (const value of values) squares += (value - centre) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/** Quantile p of sorted values by linear interpolation (Hyndman & Fan type 7, R's default). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const high = Math.min(sorted.length - 1, low + 1);
  return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
}

/** Continued fraction of the regularised incomplete beta function (modified Lentz). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(x, a, b)) / a : 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom (df may be fractional, as Welch's). */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The t with P(T ≤ t) = p, by bisection to machine precision. @example studentTQuantile(0.975, 9) ≈ 2.262157 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return Number.NaN;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let low = 0;
  let high = 1;
  while (studentTCdf(high, df) < p) high *= 2;
  for (let k = 0; k < 200 && high - low > 1e-13 * high; k++) {
    const middle = (low + high) / 2;
    if (studentTCdf(middle, df) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

export interface Description {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly median: number;
  readonly p5: number;
  readonly p95: number;
  /** 95% confidence interval of the mean (Student's t); NaN below two values. */
  readonly ciLow: number;
  readonly ciHigh: number;
}

export function describe(values: readonly number[]): Description {
  const sorted = [...values].sort((a, b) => a - b);
  const n = values.length;
  const centre = mean(values);
  const spread = sd(values);
  const half = n >= 2 ? (studentTQuantile(0.975, n - 1) * spread) / Math.sqrt(n) : Number.NaN;
  return {
    n,
    mean: centre,
    sd: spread,
    median: quantile(sorted, 0.5),
    p5: quantile(sorted, 0.05),
    p95: quantile(sorted, 0.95),
    ciLow: centre - half,
    ciHigh: centre + half,
  };
}

export interface Difference {
  /** Pairs (paired) or the smaller group (Welch). */
  readonly n: number;
  readonly difference: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly method: 'paired' | 'welch';
}

/** Mean of strategy − baseline over replicates where both have a value, with a 95% t interval. */
export function pairedDifference(strategy: readonly number[], baseline: readonly number[]): Difference {
  const differences: number[] = [];
  for (let r = 0; r < Math.min(strategy.length, baseline.length); r++) {
    if (Number.isFinite(strategy[r]) && Number.isFinite(baseline[r])) differences.push(strategy[r] - baseline[r]);
  }
  const d = describe(differences);
  return { n: d.n, difference: d.mean, ciLow: d.ciLow, ciHigh: d.ciHigh, method: 'paired' };
}

/** Welch's interval for the difference of two means with unequal variances. */
export function welchDifference(strategy: readonly number[], baseline: readonly number[]): Difference {
  const a = strategy.filter(Number.isFinite);
  const b = baseline.filter(Number.isFinite);
  const difference = mean(a) - mean(b);
  const va = sd(a) ** 2 / a.length;
  const vb = sd(b) ** 2 / b.length;
  const se = Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const half = se > 0 ? studentTQuantile(0.975, df) * se : 0;
  const valid = a.length >= 2 && b.length >= 2;
  return {
    n: Math.min(a.length, b.length),
    difference,
    ciLow: valid ? difference - half : Number.NaN,
    ciHigh: valid ? difference + half : Number.NaN,
    method: 'welch',
  };
}
