import { describe, expect, it } from 'vitest';
import { bandOverRuns, cumulative } from '../../../src/sim/report/bands.ts';

describe('bands across replicates', () => {
  it('a running total starts from round 1 and skips missing rounds', () => {
    // Arrange: round 0 is the initial state, round 2 missing
    const flow = Float64Array.of(5, 2, Number.NaN, 3);
    // Act
    const total = cumulative(flow);
    // Assert
    expect(Array.from(total)).toEqual([0, 2, 2, 5]);
  });

  it('the band is the median and the 5th and 95th percentiles (type 7) of the replicates at each round', () => {
    const runs = [Float64Array.of(0, 10), Float64Array.of(0, 20), Float64Array.of(0, 30), Float64Array.of(0, 40), Float64Array.of(0, 50)];
    const band = bandOverRuns(runs, 2);
    expect(band.median[1]).toBe(30);
    expect(band.p5[1]).toBeCloseTo(12, 10);
    expect(band.p95[1]).toBeCloseTo(48, 10);
  });

  it('a round no replicate has is NaN, not zero', () => {
    const band = bandOverRuns([Float64Array.of(1, Number.NaN)], 2);
    expect(band.median[0]).toBe(1);
    expect(band.median[1]).toBeNaN();
  });
});
