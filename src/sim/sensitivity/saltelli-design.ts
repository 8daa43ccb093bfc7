/**
 * The sampling plan of Saltelli et al. (2010) for first- and total-order Sobol' indices: two
 * independent N × k matrices A and B on the unit hypercube, and for each parameter i the matrix
 * A_B^(i), which is A with its column i taken from B: N·(k + 2) points in all. A and B are the
 * two halves of a 2k-dimensional Sobol' sequence (randomised by a digital shift) or plain
 * pseudo-random uniforms. Points are on [0, 1]^k; design-file.ts maps them onto the ranges.
 */
import type { RandomStream } from '../random.ts';
import { sobolPoints } from './sobol-sequence.ts';

export type Sampler = 'sobol' | 'random';

export interface SaltelliDesign {
  /** k: number of parameters. */
  readonly parameters: number;
  /** N: rows of A and B. */
  readonly samples: number;
  /**
   * N·(k + 2) points on [0, 1]^k, row-major, grouped by row j of the matrices so that a partly
   * finished batch holds whole groups: point j·(k + 2) is A_j, j·(k + 2) + 1 + i is A_B^(i)_j
   * (i = 0…k − 1), and j·(k + 2) + k + 1 is B_j (the order of SALib's `saltelli.sample`).
   */
  readonly points: Float64Array;
}

/** Index of A_j, A_B^(i)_j and B_j among the design's points. */
export const saltelliIndex = {
  a: (k: number, j: number): number => j * (k + 2),
  ab: (k: number, j: number, i: number): number => j * (k + 2) + 1 + i,
  b: (k: number, j: number): number => j * (k + 2) + k + 1,
};

/**
 * Draws A and B (N × k each) and assembles the N·(k + 2) points.
 * @throws RangeError when k or N is below 1, or (sobol) 2k exceeds the sequence's dimensions
 */
export function saltelliDesign(rng: RandomStream, parameters: number, samples: number, sampler: Sampler): SaltelliDesign {
  if (!(Number.isInteger(parameters) && parameters >= 1 && Number.isInteger(samples) && samples >= 1)) {
    throw new RangeError(`a Saltelli design needs k ≥ 1 parameters and N ≥ 1 rows, found k = ${parameters}, N = ${samples}`);
  }
  const k = parameters;
  // Row j of the 2k-dimensional base sample: A_j in coordinates 0…k − 1, B_j in k…2k − 1.
  const base =
    sampler === 'sobol'
      ? sobolPoints(samples, 2 * k, rng)
      : Float64Array.from({ length: samples * 2 * k }, () => rng.double());
  const points = new Float64Array(samples * (k + 2) * k);
  for (let j = 0; j < samples; j++) {
    const a = base.subarray(j * 2 * k, j * 2 * k + k);
    const b = base.subarray(j * 2 * k + k, (j + 1) * 2 * k);
    points.set(a, saltelliIndex.a(k, j) * k);
    for (let i = 0; i < k; i++) {
      const row = saltelliIndex.ab(k, j, i) * k;
      points.set(a, row);
      points[row + i] = b[i];
    }
    points.set(b, saltelliIndex.b(k, j) * k);
  }
  return { parameters: k, samples, points };
}
