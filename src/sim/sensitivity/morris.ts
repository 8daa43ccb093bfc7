/**
 * Morris's elementary-effects screening (Morris 1991), with Campolongo et al.'s (2007) μ*:
 * from the outcome at every point of a Morris design (morris-design.ts), the elementary effect
 * of each parameter on each trajectory, then per parameter μ (mean effect), μ* (mean absolute
 * effect, the ranking measure) and σ (standard deviation: interactions and non-linearity),
 * with bootstrap intervals over trajectories.
 */
import type { RandomStream } from '../random.ts';
import { allUnits, percentileIntervals } from './bootstrap.ts';
import type { IndexEstimate, MorrisIndex, OutcomeIndices } from './indices.ts';
import type { MorrisDesign } from './morris-design.ts';

/**
 * Elementary effects EE_i = (y(x^(j)) − y(x^(j−1))) / (d·Δ) for the step j of each trajectory that
 * moves parameter i by d·Δ (d = ±1), in units of the outcome per whole range of the parameter
 * (the design lives on [0, 1]^k). Returned r × k, row-major by trajectory, column = parameter;
 * NaN where a run of the step failed.
 * @param y the outcome at each point of the design, in design order
 */
export function elementaryEffects(design: MorrisDesign, y: Float64Array): Float64Array {
  const { parameters: k, trajectories: r, delta } = design;
  if (y.length !== r * (k + 1)) throw new RangeError(`expected ${r * (k + 1)} outcome values (r(k + 1)), found ${y.length}`);
  const effects = new Float64Array(r * k);
  for (let t = 0; t < r; t++) {
    for (let j = 1; j <= k; j++) {
      const point = t * (k + 1) + j;
      const step = t * k + j - 1;
      effects[t * k + design.moved[step]] = (y[point] - y[point - 1]) / (design.direction[step] * delta);
    }
  }
  return effects;
}

/**
 * μ_i, μ*_i and σ_i over the trajectories of `sample` (indices into the rows of `effects`,
 * repeats allowed): [μ_1…μ_k, μ*_1…μ*_k, σ_1…σ_k]. σ uses n − 1 (as SALib); NaN below two trajectories.
 */
export function morrisStatistics(effects: Float64Array, parameters: number, sample: Int32Array): Float64Array {
  const k = parameters;
  const n = sample.length;
  const out = new Float64Array(3 * k);
  for (let i = 0; i < k; i++) {
    let sum = 0;
    let sumAbs = 0;
    for (const t of sample) {
      const effect = effects[t * k + i];
      sum += effect;
      sumAbs += Math.abs(effect);
    }
    const mu = sum / n;
    let squares = 0;
    for (const t of sample) squares += (effects[t * k + i] - mu) ** 2;
    out[i] = mu;
    out[k + i] = sumAbs / n;
    out[2 * k + i] = n > 1 ? Math.sqrt(squares / (n - 1)) : Number.NaN;
  }
  return out;
}

const MORRIS_INDICES: readonly MorrisIndex[] = ['mu', 'mu_star', 'sigma'];

/**
 * μ, μ* and σ of every parameter for one outcome, with percentile bootstrap 95% intervals over
 * trajectories. Trajectories with a failed run are left out (listwise); `used` says how many remain.
 */
export function morrisIndices(rng: RandomStream, design: MorrisDesign, y: Float64Array, resamples: number): OutcomeIndices {
  const { parameters: k, trajectories: r } = design;
  const all = elementaryEffects(design, y);
  const complete: number[] = [];
  for (let t = 0; t < r; t++) if (all.subarray(t * k, (t + 1) * k).every(Number.isFinite)) complete.push(t);
  const effects = new Float64Array(complete.length * k);
  complete.forEach((t, row) => effects.set(all.subarray(t * k, (t + 1) * k), row * k));
  const statistic = (sample: Int32Array): Float64Array => morrisStatistics(effects, k, sample);
  const values = complete.length > 0 ? statistic(allUnits(complete.length)) : new Float64Array(3 * k).fill(Number.NaN);
  const intervals = complete.length > 0 ? percentileIntervals(rng, complete.length, resamples, statistic) : { low: values, high: values };
  const estimates: IndexEstimate[] = [];
  for (let i = 0; i < k; i++) {
    MORRIS_INDICES.forEach((index, m) => {
      const c = m * k + i;
      estimates.push({ parameter: i, index, value: values[c], ciLow: intervals.low[c], ciHigh: intervals.high[c] });
    });
  }
  return { estimates, used: complete.length, planned: r };
}
