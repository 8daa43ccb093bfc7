/**
 * Resolution independence (issue 13 §3): a civilian agent stands for peoplePerAgent people and
 * every count of people is drawn person by person, so the baseline's outcomes do not move with
 * the resolution. The shrunk baseline, 2012–2017, at 240, 120 and 60 people per agent (about
 * 68,000, 135,000 and 270,000 agents), three seeds each: for each outcome, the mean at each
 * resolution lies within three standard errors of the mean at the finest (plus 5% of it, so an
 * outcome with almost no spread is not held to an exact match).
 */
import { describe, expect, it } from 'vitest';
import type { MetricSeries } from '../../../src/sim/metrics.ts';
import { runBaseline, total } from '../../support/mali.ts';

const ROUNDS = 313; // 1 January 2012 to the end of 2017
const RESOLUTIONS = [240, 120, 60] as const;
const SEEDS = [1, 2, 3] as const;

const OUTCOMES: Readonly<Record<string, (series: MetricSeries) => number>> = {
  'civilian deaths': (s) => total(s, 'civilian_deaths'),
  'Malian soldiers killed': (s) => total(s, 'fama_deaths'),
  'peacekeepers killed': (s) => total(s, 'peacekeeper_deaths'),
  'fighters killed': (s) => total(s, 'fighter_deaths'),
  'recruits to AQIM/JNIM': (s) => total(s, 'recruits_aqim_jnim'),
  'largest number of IDPs': (s) => Math.max(...s.column('idps')),
  'largest number of refugees': (s) => Math.max(...s.column('refugees')),
  'AQIM/JNIM fighters at the end of 2017': (s) => s.column('fighters_aqim_jnim')[ROUNDS],
};

function summary(values: readonly number[]): { mean: number; variance: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

describe('resolution independence (people drawn person by person)', () => {
  it('yearly deaths by type, displacement, recruits and fighters agree at 240, 120 and 60 people per agent within their replicate spread', { timeout: 240_000 }, () => {
    const outcomes = RESOLUTIONS.map((ppa) => SEEDS.map((seed) => runBaseline([`peoplePerAgent=${ppa}`], ROUNDS, seed).series));
    const finest = outcomes.length - 1;
    for (const [name, read] of Object.entries(OUTCOMES)) {
      const stats = outcomes.map((runs) => summary(runs.map(read)));
      expect(stats[finest].mean, name).toBeGreaterThan(0);
      for (let k = 0; k < finest; k++) {
        const se = Math.sqrt((stats[k].variance + stats[finest].variance) / SEEDS.length);
        const gap = Math.abs(stats[k].mean - stats[finest].mean);
        expect(gap, `${name} at ${RESOLUTIONS[k]} against ${RESOLUTIONS[finest]} people per agent: means ${stats[k].mean.toFixed(0)} and ${stats[finest].mean.toFixed(0)}`).toBeLessThan(3 * se + 0.05 * stats[finest].mean);
      }
    }
  });
});
