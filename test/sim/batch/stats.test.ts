import { describe, expect, it } from 'vitest';
import { describe as summarise, mean, pairedDifference, quantile, sd, studentTCdf, studentTQuantile, welchDifference } from '../../../src/sim/batch/stats.ts';

// Reference values are independent of this code: Student's t quantiles from published tables
// (e.g. NIST/SEMATECH e-Handbook, Table 1.3.6.7.2), and the data set's statistics by hand.
describe('batch statistics', () => {
  it("reproduces Student's t table quantiles t(0.975, df) to 6 significant digits", () => {
    const table: [number, number][] = [
      [1, 12.706],
      [2, 4.303],
      [4, 2.776],
      [9, 2.262],
      [29, 2.045],
      [100, 1.984],
    ];
    for (const [df, t] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 3);
    expect(studentTQuantile(0.975, 4)).toBeCloseTo(2.776445, 6);
    expect(studentTQuantile(0.95, 10)).toBeCloseTo(1.812461, 6);
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-2.262157, 6);
  });

  it('has a t distribution function that is 0.5 at 0 and symmetric', () => {
    expect(studentTCdf(0, 7)).toBeCloseTo(0.5, 12);
    expect(studentTCdf(1.5, 7) + studentTCdf(-1.5, 7)).toBeCloseTo(1, 12);
    expect(studentTCdf(studentTQuantile(0.9, 3.5), 3.5)).toBeCloseTo(0.9, 10);
  });

  it('describes the data set 2, 4, 4, 4, 5, 5, 7, 9 as computed by hand', () => {
    // mean 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32; sd = √(32/7);
    // type-7 quantiles: h = 7p, so p5 = 2 + 0.35·2 = 2.7, median = 4.5, p95 = 7 + 0.65·2 = 8.3;
    // CI = 5 ± t(0.975, 7) · sd/√8 with t(0.975, 7) = 2.364624.
    const d = summarise([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(d.n).toBe(8);
    expect(d.mean).toBe(5);
    expect(d.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(d.median).toBe(4.5);
    expect(d.p5).toBeCloseTo(2.7, 12);
    expect(d.p95).toBeCloseTo(8.3, 12);
    const half = (2.364624 * Math.sqrt(32 / 7)) / Math.sqrt(8);
    expect(d.ciLow).toBeCloseTo(5 - half, 5);
    expect(d.ciHigh).toBeCloseTo(5 + half, 5);
  });

  it('returns NaN where a statistic is undefined (no values, one value)', () => {
    expect(mean([])).toBeNaN();
    expect(sd([3])).toBeNaN();
    expect(quantile([], 0.5)).toBeNaN();
    expect(summarise([3]).ciLow).toBeNaN();
  });

  it('pairs differences by replicate and skips replicates where either run failed', () => {
    // differences 1, 3, (failed), 2: mean 2, sd 1, CI 2 ± t(0.975, 2)·1/√3 = 2 ± 4.302653/√3
    const d = pairedDifference([11, 23, Number.NaN, 32], [10, 20, 30, 30]);
    expect(d.n).toBe(3);
    expect(d.difference).toBeCloseTo(2, 12);
    expect(d.ciHigh - d.difference).toBeCloseTo(4.302653 / Math.sqrt(3), 5);
    expect(d.method).toBe('paired');
  });

  it("gives Welch's interval with the Welch–Satterthwaite degrees of freedom", () => {
    // a: mean 20, var 10 (n 5); b: mean 15, var 2.5 (n 5): se² = 2 + 0.5 = 2.5,
    // df = 2.5² / (2²/4 + 0.5²/4) = 6.25 / 1.0625 = 5.882353.
    const a = [16, 18, 20, 22, 24];
    const b = [13, 14, 15, 16, 17];
    const d = welchDifference(a, b);
    expect(d.difference).toBe(5);
    const half = studentTQuantile(0.975, 6.25 / 1.0625) * Math.sqrt(2.5);
    expect(d.ciLow).toBeCloseTo(5 - half, 10);
    // t(0.975, 5.88) lies between the table's t(6) = 2.447 and t(5) = 2.571.
    expect(half / Math.sqrt(2.5)).toBeGreaterThan(2.447);
    expect(half / Math.sqrt(2.5)).toBeLessThan(2.571);
    expect(d.method).toBe('welch');
  });
});
