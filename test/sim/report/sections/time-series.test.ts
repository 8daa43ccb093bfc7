import { describe, expect, it } from 'vitest';
import { seriesFor } from '../../../../src/sim/report/sections/time-series.ts';

describe('which series the time charts draw', () => {
  it('each headline outcome maps to the per-round metric behind it; totals are drawn as running totals', () => {
    const { choices, missing } = seriesFor(['civilian_deaths_total', 'hpi_mean', 'hpi_min', 'outbursts', 'arrests_total'], ['civilian_deaths', 'hpi', 'active']);
    expect(choices).toEqual([
      { metric: 'civilian_deaths', cumulative: true },
      { metric: 'hpi', cumulative: false },
    ]);
    expect(missing).toEqual(['outbursts', 'arrests_total']);
  });

  it('metrics asked for are drawn as they are each round', () => {
    expect(seriesFor(['civilian_deaths_total'], ['civilian_deaths', 'hpi'], ['hpi', 'nope'])).toEqual({ choices: [{ metric: 'hpi', cumulative: false }], missing: ['nope'] });
  });
});
