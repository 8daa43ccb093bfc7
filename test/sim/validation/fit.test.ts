import { describe, expect, it } from 'vitest';
import { distance, fitSeries, logRatio, spearman, yearly } from '../../../src/sim/validation/fit.ts';

/** Weekly dates from 2012-01-01 for `rounds` rounds (round 0 first). */
function weeks(rounds: number): string[] {
  return Array.from({ length: rounds + 1 }, (_, r) => new Date(Date.UTC(2012, 0, 1) + r * 7 * 86_400_000).toISOString().slice(0, 10));
}

describe('yearly values of a run', () => {
  it('sums flows over the rounds ending in each year and takes stocks at the year\'s last round, leaving out an incomplete last year', () => {
    const dates = weeks(60); // to 2013-02-24
    const ones = new Float64Array(61).fill(1);
    const counter = Float64Array.from({ length: 61 }, (_, r) => r);
    const flows = yearly(dates, ones, 'flow');
    expect([...flows]).toEqual([[2012, 52]]); // rounds 1..52 end in 2012; 2013 is incomplete
    expect(yearly(dates, counter, 'stock').get(2012)).toBe(52); // round 52 ends on 2012-12-30
  });
});

describe('fit statistics', () => {
  it("gives Spearman's rank correlation, with average ranks for ties", () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBe(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
    // ranks x: 1,2,3,4 (deviations −1.5,−0.5,0.5,1.5); y (2,2,1,3): 2.5,2.5,1,4 (deviations 0,0,−1.5,1.5):
    // ρ = Σ dx·dy / √(Σdx²·Σdy²) = 1.5/√(5·4.5) = 0.3162
    expect(spearman([1, 2, 3, 4], [2, 2, 1, 3])).toBeCloseTo(1.5 / Math.sqrt(5 * 4.5), 12);
    expect(spearman([1, 2], [1, 2])).toBeNaN();
  });

  it('measures error on a log scale: 0 for a perfect fit, 1 for tenfold too many', () => {
    expect(logRatio(99, 99)).toBe(0);
    expect(logRatio(999, 99)).toBeCloseTo(1, 12);
    expect(logRatio(0, 0)).toBe(0);
  });

  it('scores log error, bias, rank correlation and coverage of the 90% band against observed years in the window only', () => {
    const dates = weeks(3 * 52 + 1); // 2012, 2013, 2014 complete
    const runs = [1, 2, 3].map((scale) => ({
      dates,
      values: new Map([['deaths', Float64Array.from({ length: dates.length }, (_, r) => (r === 0 ? 0 : scale))]]),
    }));
    // Yearly flows: 52·scale (2012, 2014) or 53·scale ... per run; median across runs is scale 2.
    const observed = new Map([['deaths', new Map([[2012, 104], [2013, 1000], [2014, 10]])]]);
    const { fits, rows } = fitSeries([{ name: 'deaths', kind: 'flow', metric: 'deaths' }], runs, observed, { from: 2012, to: 2013 });
    const [fit] = fits;
    expect(fit.years).toBe(2); // 2014 is outside the window
    const y2012 = rows.find((row) => row.year === 2012)!;
    expect([y2012.p5 <= 104, y2012.p95 >= 104]).toEqual([true, true]);
    expect(fit.coverage).toBe(0.5); // 2012 inside the band, 2013 far above it
    const r2013 = logRatio(rows.find((row) => row.year === 2013)!.median, 1000);
    expect(fit.logRmse).toBeCloseTo(Math.sqrt((logRatio(y2012.median, 104) ** 2 + r2013 ** 2) / 2), 12);
    expect(rows.find((row) => row.year === 2014)?.observed).toBe(10);
    expect(distance(fits)).toBe(fit.logRmse);
  });
});
