/** One line of benchmark output: a measured value, optionally relative to a reference case. */
export interface BenchRecord {
  /** Benchmark suite, e.g. 'random'. */
  benchmark: string;
  /** What was measured within the suite, e.g. 'seedrandom.tychei.double'. */
  case: string;
  value: number;
  unit: string;
  /** value divided by the reference case's value, measured in the same process. */
  ratio?: number;
  /** Name of the reference case that `ratio` divides by. */
  ratioTo?: string;
}

/** The median of timed repetitions (the middle one; mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
