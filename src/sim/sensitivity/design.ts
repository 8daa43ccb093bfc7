/**
 * The design of a sensitivity analysis, whichever the method: its points on the unit hypercube,
 * drawn deterministically from the design seed, a one-line description, and the estimator that
 * turns the outcome at those points into indices (Morris: morris-design.ts and morris.ts;
 * Sobol': saltelli-design.ts and sobol-indices.ts).
 */
import { RandomStream } from '../random.ts';
import type { OutcomeIndices } from './indices.ts';
import { morrisIndices } from './morris.ts';
import { morrisDesign } from './morris-design.ts';
import { saltelliDesign } from './saltelli-design.ts';
import type { Method, SensitivitySettings } from './settings.ts';
import { sobolIndices } from './sobol-indices.ts';

export interface SensitivityDesign {
  readonly method: Method;
  /** Points on [0, 1]^k, row-major, in the order they are run. */
  readonly unit: Float64Array;
  /** e.g. "morris: r = 10 trajectories of k + 1 = 9 points, p = 4 levels, Δ = 0.667". */
  readonly description: string;
  /** Indices of every parameter for one outcome, from its value at each point (NaN: failed runs). */
  analyse(rng: RandomStream, y: Float64Array, resamples: number): OutcomeIndices;
}

/** The design the settings call for; the same settings and seed give the same points. */
export function buildDesign(settings: SensitivitySettings): SensitivityDesign {
  const k = Object.keys(settings.parameters).length;
  const rng = RandomStream.fromSeed(settings.seed, `sensitivity-design/${settings.method}`);
  if (settings.method === 'morris') {
    const design = morrisDesign(rng, k, settings.trajectories, settings.levels);
    return {
      method: 'morris',
      unit: design.points,
      description: `morris: r = ${design.trajectories} trajectories of k + 1 = ${k + 1} points, p = ${design.levels} levels, Δ = ${Number(design.delta.toFixed(4))}`,
      analyse: (stream, y, resamples) => morrisIndices(stream, design, y, resamples),
    };
  }
  const design = saltelliDesign(rng, k, settings.samples, settings.sampler);
  return {
    method: 'sobol',
    unit: design.points,
    description: `sobol: N = ${design.samples} rows × (k + 2) = ${k + 2} matrices (A, B, A_B^(1…${k})), ${settings.sampler === 'sobol' ? "Sobol' sequence with a random digital shift" : 'pseudo-random uniforms'}`,
    analyse: (stream, y, resamples) => sobolIndices(stream, design, y, resamples),
  };
}
