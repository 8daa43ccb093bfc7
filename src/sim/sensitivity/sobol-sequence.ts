/**
 * Sobol' low-discrepancy sequence (Sobol' 1967) in up to 40 dimensions, with Joe & Kuo's
 * (2008) direction numbers `new-joe-kuo-6.21201` and Antonov & Saleev's Gray-code ordering,
 * optionally randomised by a digital shift drawn from a RandomStream. Saltelli et al. (2010)
 * build the A and B matrices of their sampling scheme from one such sequence (saltelli-design.ts).
 */
import type { RandomStream } from '../random.ts';

/**
 * Joe & Kuo (2008), `new-joe-kuo-6.21201`, dimensions 2 to 40: `s a m_1 … m_s` (degree of the
 * primitive polynomial, its coefficients as an integer, initial direction numbers).
 * Dimension 1 is van der Corput's sequence and needs none.
 * Source: https://web.maths.unsw.edu.au/~fkuo/sobol/ (the same table as SciPy's `qmc.Sobol`).
 */
const JOE_KUO: readonly (readonly number[])[] = [
  [1, 0, 1],
  [2, 1, 1, 3],
  [3, 1, 1, 3, 1],
  [3, 2, 1, 1, 1],
  [4, 1, 1, 1, 3, 3],
  [4, 4, 1, 3, 5, 13],
  [5, 2, 1, 1, 5, 5, 17],
  [5, 4, 1, 1, 5, 5, 5],
  [5, 7, 1, 1, 7, 11, 19],
  [5, 11, 1, 1, 5, 1, 1],
  [5, 13, 1, 1, 1, 3, 11],
  [5, 14, 1, 3, 5, 5, 31],
  [6, 1, 1, 3, 3, 9, 7, 49],
  [6, 13, 1, 1, 1, 15, 21, 21],
  [6, 16, 1, 3, 1, 13, 27, 49],
  [6, 19, 1, 1, 1, 15, 7, 5],
  [6, 22, 1, 3, 1, 15, 13, 25],
  [6, 25, 1, 1, 5, 5, 19, 61],
  [7, 1, 1, 3, 7, 11, 23, 15, 103],
  [7, 4, 1, 3, 7, 13, 13, 15, 69],
  [7, 7, 1, 1, 3, 13, 7, 35, 63],
  [7, 8, 1, 3, 5, 9, 1, 25, 53],
  [7, 14, 1, 3, 1, 13, 9, 35, 107],
  [7, 19, 1, 3, 1, 5, 27, 61, 31],
  [7, 21, 1, 1, 5, 11, 19, 41, 61],
  [7, 28, 1, 3, 5, 3, 3, 13, 69],
  [7, 31, 1, 1, 7, 13, 1, 19, 1],
  [7, 32, 1, 3, 7, 5, 13, 19, 59],
  [7, 37, 1, 1, 3, 9, 25, 29, 41],
  [7, 41, 1, 3, 5, 13, 23, 1, 55],
  [7, 42, 1, 3, 7, 3, 13, 59, 17],
  [7, 50, 1, 3, 1, 3, 5, 53, 69],
  [7, 55, 1, 1, 5, 5, 23, 33, 13],
  [7, 56, 1, 1, 7, 7, 1, 61, 123],
  [7, 59, 1, 1, 7, 9, 13, 61, 49],
  [7, 62, 1, 3, 3, 5, 3, 55, 33],
  [8, 14, 1, 3, 1, 15, 31, 13, 49, 245],
  [8, 21, 1, 3, 5, 15, 31, 59, 63, 97],
  [8, 22, 1, 3, 1, 11, 11, 11, 77, 249],
];

/** Dimensions available: 40, so Saltelli's scheme (2k dimensions) handles up to 20 parameters. */
export const SOBOL_MAX_DIMENSIONS = JOE_KUO.length + 1;

/** Bits per coordinate: points are multiples of 2^−32, and at most 2^32 of them exist. */
const BITS = 32;
const SCALE = 2 ** BITS;

/** Direction numbers v_1 … v_32 of one dimension (1-based), scaled by 2^32. */
function directionNumbers(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS + 1);
  if (dimension === 1) {
    for (let k = 1; k <= BITS; k++) v[k] = 2 ** (BITS - k);
    return v;
  }
  const [s, a, ...m] = JOE_KUO[dimension - 2];
  for (let k = 1; k <= Math.min(s, BITS); k++) v[k] = m[k - 1] * 2 ** (BITS - k);
  for (let k = s + 1; k <= BITS; k++) {
    // Bratley & Fox (1988) recurrence: v_k = v_{k−s} ⊕ (v_{k−s} >> s) ⊕ ⊕_{l<s} c_l v_{k−l}.
    let value = v[k - s] ^ (v[k - s] >>> s);
    for (let l = 1; l < s; l++) if ((a >>> (s - 1 - l)) & 1) value ^= v[k - l];
    v[k] = value;
  }
  return v;
}

/**
 * The first `count` points of the Sobol' sequence in `dimensions` dimensions, row-major
 * (point i, coordinate d at i·dimensions + d), each coordinate in [0, 1) (included, excluded).
 * With `rng`, every coordinate is XOR-ed with 32 random bits drawn once per dimension (a random
 * digital shift, Owen's simplest scrambling): each shifted sequence keeps the stratification of
 * the original, and different seeds give independent randomised replicates; point 0 is then no
 * longer the origin, so nothing needs to be skipped.
 * Balance: the first 2^m points put exactly one point in each interval [j/2^m, (j+1)/2^m) of
 * every coordinate, so `count` should be a power of 2.
 * @throws RangeError when dimensions is not in [1, SOBOL_MAX_DIMENSIONS] or count not in [0, 2^32]
 * @example sobolPoints(4, 2) = [0, 0, 0.5, 0.5, 0.75, 0.25, 0.25, 0.75]
 */
export function sobolPoints(count: number, dimensions: number, rng?: RandomStream): Float64Array {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(`Sobol' points need 1 to ${SOBOL_MAX_DIMENSIONS} dimensions, found ${dimensions}`);
  }
  if (!Number.isInteger(count) || count < 0 || count > SCALE) throw new RangeError(`Sobol' points: count must be an integer in [0, 2^32], found ${count}`);
  const points = new Float64Array(count * dimensions);
  for (let d = 0; d < dimensions; d++) {
    const v = directionNumbers(d + 1);
    const shift = rng ? Math.floor(rng.double() * SCALE) : 0;
    let x = 0;
    for (let i = 0; i < count; i++) {
      points[i * dimensions + d] = ((x ^ shift) >>> 0) / SCALE;
      // Gray-code order (Antonov & Saleev 1979): the next point flips the direction number of
      // the lowest zero bit of i.
      let c = 1;
      for (let value = i; value & 1; value >>>= 1) c++;
      if (c <= BITS) x = (x ^ v[c]) >>> 0;
    }
  }
  return points;
}
