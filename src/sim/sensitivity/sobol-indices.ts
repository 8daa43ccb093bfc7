/**
 * First- and total-order Sobol' indices from a Saltelli design (saltelli-design.ts): S1 with
 * the estimator of Saltelli et al. (2010, Table 2 (b)) and ST with Jansen's (1999; Saltelli et
 * al. 2010, Table 2 (f)), with bootstrap intervals over the rows of the matrices.
 */
import type { RandomStream } from '../random.ts';
import { allUnits, percentileIntervals } from './bootstrap.ts';
import type { IndexEstimate, OutcomeIndices, SobolIndex } from './indices.ts';
import { saltelliIndex, type SaltelliDesign } from './saltelli-design.ts';

/** The outcome at A_j, B_j and A_B^(i)_j, for the rows j kept. */
export interface SaltelliOutputs {
  readonly fA: Float64Array;
  readonly fB: Float64Array;
  /** fAB[i][j]: the outcome at A_B^(i)_j. */
  readonly fAB: readonly Float64Array[];
}

/**
 * S1_i and ST_i over the rows of `sample` (indices, repeats allowed): [S1_1…S1_k, ST_1…ST_k].
 *   V     = Var(f(A) ∪ f(B))                                  (population variance of the 2n values)
 *   S1_i  = (1/n) Σ_j f(B)_j (f(A_B^(i))_j − f(A)_j) / V       Saltelli et al. (2010), (b)
 *   ST_i  = (1/2n) Σ_j (f(A)_j − f(A_B^(i))_j)² / V            Jansen (1999), Saltelli et al. (2010), (f)
 * NaN when V = 0 (the outcome does not vary).
 */
export function sobolStatistics(outputs: SaltelliOutputs, sample: Int32Array): Float64Array {
  const { fA, fB, fAB } = outputs;
  const k = fAB.length;
  const n = sample.length;
  let sum = 0;
  for (const j of sample) sum += fA[j] + fB[j];
  const mean = sum / (2 * n);
  let squares = 0;
  for (const j of sample) squares += (fA[j] - mean) ** 2 + (fB[j] - mean) ** 2;
  const variance = squares / (2 * n);
  const out = new Float64Array(2 * k);
  for (let i = 0; i < k; i++) {
    let first = 0;
    let total = 0;
    for (const j of sample) {
      first += fB[j] * (fAB[i][j] - fA[j]);
      total += (fA[j] - fAB[i][j]) ** 2;
    }
    out[i] = variance > 0 ? first / n / variance : Number.NaN;
    out[k + i] = variance > 0 ? total / (2 * n) / variance : Number.NaN;
  }
  return out;
}

/**
 * Splits the outcome at each design point into f(A), f(B) and f(A_B^(i)), keeping the rows whose
 * k + 2 runs all succeeded, and centres every value on the mean of f(A) ∪ f(B). Centring leaves
 * the estimators' expectations unchanged but removes the term f0·mean(f(A_B^(i)) − f(A)) that
 * otherwise inflates the variance of S1 when the outcome's mean is large against its spread
 * (as SALib does, by standardising).
 */
export function saltelliOutputs(design: SaltelliDesign, y: Float64Array): { outputs: SaltelliOutputs; used: number } {
  const { parameters: k, samples: n } = design;
  if (y.length !== n * (k + 2)) throw new RangeError(`expected ${n * (k + 2)} outcome values (N(k + 2)), found ${y.length}`);
  const rows: number[] = [];
  for (let j = 0; j < n; j++) if (y.subarray(saltelliIndex.a(k, j), saltelliIndex.b(k, j) + 1).every(Number.isFinite)) rows.push(j);
  let sum = 0;
  for (const j of rows) sum += y[saltelliIndex.a(k, j)] + y[saltelliIndex.b(k, j)];
  const centre = rows.length > 0 ? sum / (2 * rows.length) : 0;
  const pick = (index: (j: number) => number): Float64Array => Float64Array.from(rows, (j) => y[index(j)] - centre);
  return {
    outputs: {
      fA: pick((j) => saltelliIndex.a(k, j)),
      fB: pick((j) => saltelliIndex.b(k, j)),
      fAB: Array.from({ length: k }, (_, i) => pick((j) => saltelliIndex.ab(k, j, i))),
    },
    used: rows.length,
  };
}

const SOBOL_INDICES: readonly SobolIndex[] = ['S1', 'ST'];

/** S1 and ST of every parameter for one outcome, with percentile bootstrap 95% intervals over rows. */
export function sobolIndices(rng: RandomStream, design: SaltelliDesign, y: Float64Array, resamples: number): OutcomeIndices {
  const k = design.parameters;
  const { outputs, used } = saltelliOutputs(design, y);
  const statistic = (sample: Int32Array): Float64Array => sobolStatistics(outputs, sample);
  const values = used > 0 ? statistic(allUnits(used)) : new Float64Array(2 * k).fill(Number.NaN);
  const intervals = used > 0 ? percentileIntervals(rng, used, resamples, statistic) : { low: values, high: values };
  const estimates: IndexEstimate[] = [];
  for (let i = 0; i < k; i++) {
    SOBOL_INDICES.forEach((index, m) => {
      const c = m * k + i;
      estimates.push({ parameter: i, index, value: values[c], ciLow: intervals.low[c], ciHigh: intervals.high[c] });
    });
  }
  return { estimates, used, planned: design.samples };
}
