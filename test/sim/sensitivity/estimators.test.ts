import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../../src/sim/random.ts';
import { percentileIntervals } from '../../../src/sim/sensitivity/bootstrap.ts';
import { morrisIndices } from '../../../src/sim/sensitivity/morris.ts';
import { morrisDesign } from '../../../src/sim/sensitivity/morris-design.ts';
import { saltelliDesign } from '../../../src/sim/sensitivity/saltelli-design.ts';
import { sobolIndices } from '../../../src/sim/sensitivity/sobol-indices.ts';

/** The outcome at every design point of a function of the unit coordinates. */
function evaluate(points: Float64Array, k: number, f: (x: Float64Array) => number): Float64Array {
  return Float64Array.from({ length: points.length / k }, (_, p) => f(points.subarray(p * k, (p + 1) * k)));
}

const value = (estimates: readonly { parameter: number; index: string; value: number }[], parameter: number, index: string): number =>
  estimates.find((estimate) => estimate.parameter === parameter && estimate.index === index)?.value ?? Number.NaN;

describe('morris (elementary effects)', () => {
  it('gives μ = μ* = c_i and σ = 0 for a linear function y = Σ c_i x_i (effects per whole range)', () => {
    // Arrange
    const c = [3, -2, 0.5, 0];
    const design = morrisDesign(RandomStream.fromSeed(1, 'design'), c.length, 12, 4);
    const y = evaluate(design.points, c.length, (x) => c.reduce((sum, ci, i) => sum + ci * x[i], 0));

    // Act
    const { estimates, used } = morrisIndices(RandomStream.fromSeed(1, 'bootstrap'), design, y, 100);

    // Assert
    expect(used).toBe(12);
    c.forEach((ci, i) => {
      expect(value(estimates, i, 'mu')).toBeCloseTo(ci, 10);
      expect(value(estimates, i, 'mu_star')).toBeCloseTo(Math.abs(ci), 10);
      expect(value(estimates, i, 'sigma')).toBeCloseTo(0, 10);
    });
  });

  it('leaves out the trajectories with a failed run (NaN outcome)', () => {
    // Arrange
    const design = morrisDesign(RandomStream.fromSeed(2, 'design'), 2, 5, 4);
    const y = evaluate(design.points, 2, (x) => x[0] + x[1]);
    y[4] = Number.NaN; // trajectory 1 (points 3–5)

    // Act
    const { estimates, used, planned } = morrisIndices(RandomStream.fromSeed(2, 'bootstrap'), design, y, 0);

    // Assert
    expect({ used, planned }).toEqual({ used: 4, planned: 5 });
    expect(value(estimates, 0, 'mu')).toBeCloseTo(1, 12);
  });
});

describe('sobol-indices', () => {
  it('gives S1 = ST = c_i²/Σc² for an additive linear function (no interactions)', () => {
    // Arrange: Var(c_i x_i) = c_i²/12 for x_i ~ U(0, 1)
    const c = [4, 2, 1];
    const total = c.reduce((sum, ci) => sum + ci * ci, 0);
    const design = saltelliDesign(RandomStream.fromSeed(3, 'design'), c.length, 1024, 'sobol');
    const y = evaluate(design.points, c.length, (x) => c.reduce((sum, ci, i) => sum + ci * x[i], 0));

    // Act
    const { estimates } = sobolIndices(RandomStream.fromSeed(3, 'bootstrap'), design, y, 0);

    // Assert: Jansen's ST is exact for additive functions up to the sample's variance
    c.forEach((ci, i) => {
      expect(Math.abs(value(estimates, i, 'S1') - (ci * ci) / total)).toBeLessThan(0.02);
      expect(Math.abs(value(estimates, i, 'ST') - (ci * ci) / total)).toBeLessThan(0.02);
    });
  });

  it('gives NaN, not a division by zero, for an outcome that does not vary', () => {
    const design = saltelliDesign(RandomStream.fromSeed(4, 'design'), 2, 16, 'random');
    const { estimates } = sobolIndices(RandomStream.fromSeed(4, 'bootstrap'), design, new Float64Array(16 * 4).fill(5), 10);
    for (const estimate of estimates) expect(estimate.value).toBeNaN();
  });
});

describe('bootstrap', () => {
  it('brackets the mean of a sample with a percentile interval, the same from the same seed', () => {
    // Arrange
    const data = Float64Array.from({ length: 200 }, (_, u) => (u % 10) / 10);
    const mean = (sample: Int32Array): Float64Array => Float64Array.of(Array.from(sample, (u) => data[u]).reduce((a, b) => a + b, 0) / sample.length);

    // Act
    const first = percentileIntervals(RandomStream.fromSeed(9), data.length, 500, mean);
    const again = percentileIntervals(RandomStream.fromSeed(9), data.length, 500, mean);

    // Assert: the mean is 0.45 with standard error 0.287/√200 ≈ 0.020
    expect(first.low[0]).toBeLessThan(0.45);
    expect(first.high[0]).toBeGreaterThan(0.45);
    expect(first.high[0] - first.low[0]).toBeGreaterThan(0.05);
    expect(first.high[0] - first.low[0]).toBeLessThan(0.11);
    expect(again).toEqual(first);
  });

  it('gives no interval (NaN) with zero resamples', () => {
    const intervals = percentileIntervals(RandomStream.fromSeed(1), 10, 0, () => Float64Array.of(1, 2));
    expect(Array.from(intervals.low)).toEqual([Number.NaN, Number.NaN]);
  });
});
