/**
 * Bands across replicates: for each round, the median and the 5th and 95th percentiles (R's
 * type 7, as summary.csv) of the runs of one arm, so 90% of replicates lie within the band.
 */
import { quantile } from '../batch/stats.ts';

export interface Band {
  readonly median: Float64Array;
  readonly p5: Float64Array;
  readonly p95: Float64Array;
}

/**
 * Running sum of a per-round flow over rounds 1..R (round 0 is the initial state, before any
 * round has run); missing values add nothing.
 * @example cumulative(Float64Array.of(0, 2, NaN, 3)) → [0, 2, 2, 5]
 */
export function cumulative(values: Float64Array): Float64Array {
  const sums = new Float64Array(values.length);
  let total = 0;
  for (let r = 1; r < values.length; r++) {
    if (Number.isFinite(values[r])) total += values[r];
    sums[r] = total;
  }
  return sums;
}

/** The band of `runs` (each indexed by round); NaN at rounds where no run has a value. */
export function bandOverRuns(runs: readonly Float64Array[], rounds: number): Band {
  const band: Band = { median: new Float64Array(rounds), p5: new Float64Array(rounds), p95: new Float64Array(rounds) };
  const column: number[] = [];
  for (let r = 0; r < rounds; r++) {
    column.length = 0;
    for (const run of runs) if (Number.isFinite(run[r])) column.push(run[r]);
    column.sort((a, b) => a - b);
    band.median[r] = quantile(column, 0.5);
    band.p5[r] = quantile(column, 0.05);
    band.p95[r] = quantile(column, 0.95);
  }
  return band;
}
