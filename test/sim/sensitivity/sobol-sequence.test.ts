import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../../src/sim/random.ts';
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from '../../../src/sim/sensitivity/sobol-sequence.ts';

/** Whether the first 2^m values of coordinate d fall one in each interval [j/2^m, (j+1)/2^m). */
function stratified(points: Float64Array, dimensions: number, d: number, m: number): boolean {
  const cells = 2 ** m;
  const seen = new Uint8Array(cells);
  for (let i = 0; i < cells; i++) seen[Math.floor(points[i * dimensions + d] * cells)]++;
  return seen.every((count) => count === 1);
}

describe('sobol-sequence', () => {
  it("gives SciPy's unscrambled points in the first three dimensions (Joe & Kuo 2008)", () => {
    // Act
    const points = sobolPoints(8, 3);

    // Assert: scipy.stats.qmc.Sobol(3, scramble=False).random(8)
    expect(Array.from(points)).toEqual([
      0, 0, 0, 0.5, 0.5, 0.5, 0.75, 0.25, 0.25, 0.25, 0.75, 0.75, 0.375, 0.375, 0.625, 0.875, 0.875, 0.125, 0.625, 0.125, 0.875, 0.125, 0.625, 0.375,
    ]);
  });

  it('puts exactly one of the first 2^m points in each of 2^m equal intervals, in every dimension', () => {
    // Arrange
    const points = sobolPoints(1024, SOBOL_MAX_DIMENSIONS);

    // Assert
    for (let d = 0; d < SOBOL_MAX_DIMENSIONS; d++) {
      for (let m = 1; m <= 10; m++) expect(stratified(points, SOBOL_MAX_DIMENSIONS, d, m), `dimension ${d + 1}, m = ${m}`).toBe(true);
    }
  });

  it('keeps that stratification under a random digital shift, and the shift depends on the seed only', () => {
    // Act
    const shifted = sobolPoints(512, 6, RandomStream.fromSeed(7, 'design'));
    const again = sobolPoints(512, 6, RandomStream.fromSeed(7, 'design'));
    const other = sobolPoints(512, 6, RandomStream.fromSeed(8, 'design'));

    // Assert
    for (let d = 0; d < 6; d++) for (let m = 1; m <= 9; m++) expect(stratified(shifted, 6, d, m)).toBe(true);
    expect(Array.from(again)).toEqual(Array.from(shifted));
    expect(Array.from(other)).not.toEqual(Array.from(shifted));
    expect(Array.from(shifted.subarray(0, 6))).not.toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('refuses more dimensions than its direction numbers cover', () => {
    expect(() => sobolPoints(4, SOBOL_MAX_DIMENSIONS + 1)).toThrow(RangeError);
  });
});
