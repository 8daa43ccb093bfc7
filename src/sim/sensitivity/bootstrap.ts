/**
 * Percentile bootstrap intervals (Efron & Tibshirani 1993, §13.3) for statistics computed from
 * independent units — Morris trajectories, rows of Saltelli's matrices: resample the units with
 * replacement, recompute every statistic, and take the (1 − level)/2 and (1 + level)/2 quantiles
 * of the recomputed values. Resamples are drawn from a RandomStream, so intervals are
 * reproducible from the seed.
 */
import { quantile } from '../batch/stats.ts';
import type { RandomStream } from '../random.ts';

export interface Intervals {
  readonly low: Float64Array;
  readonly high: Float64Array;
}

/** The identity sample 0…n − 1: the statistics of the data as observed. */
export function allUnits(units: number): Int32Array {
  return Int32Array.from({ length: units }, (_, u) => u);
}

/**
 * Intervals for each component of `statistic`, from `resamples` bootstrap samples of `units` units.
 * `statistic` receives the units of a sample (indices, repeats allowed) and returns the same number
 * of components every time; non-finite values of a resample (e.g. zero variance) are left out.
 * With resamples = 0 every bound is NaN.
 * @param level coverage in (0, 1) (excluded), 0.95 by default
 * @example percentileIntervals(rng, 200, 500, meanOf) brackets the mean of 200 values by about ±2 standard errors
 */
export function percentileIntervals(
  rng: RandomStream,
  units: number,
  resamples: number,
  statistic: (sample: Int32Array) => Float64Array,
  level = 0.95,
): Intervals {
  const width = statistic(allUnits(units)).length;
  const low = new Float64Array(width).fill(Number.NaN);
  const high = new Float64Array(width).fill(Number.NaN);
  if (resamples === 0 || units === 0) return { low, high };
  const draws: number[][] = Array.from({ length: width }, () => []);
  const sample = new Int32Array(units);
  for (let b = 0; b < resamples; b++) {
    for (let u = 0; u < units; u++) sample[u] = rng.index(units);
    const values = statistic(sample);
    for (let c = 0; c < width; c++) if (Number.isFinite(values[c])) draws[c].push(values[c]);
  }
  for (let c = 0; c < width; c++) {
    const sorted = draws[c].sort((x, y) => x - y);
    low[c] = quantile(sorted, (1 - level) / 2);
    high[c] = quantile(sorted, (1 + level) / 2);
  }
  return { low, high };
}
