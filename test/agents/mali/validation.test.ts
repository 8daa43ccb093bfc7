import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { campRefugeesByCountry, loadObservations, SERIES } from '../../../src/agents/mali/observed.ts';
import { validateBatch } from '../../../src/agents/mali/validation.ts';
import { CATALOG } from '../../../src/agents/registry.ts';
import { loadExperiment } from '../../../src/sim/batch/experiment.ts';
import { runBatch } from '../../../src/sim/batch/run-batch.ts';
import { scratchFolder } from '../../support/scratch.ts';
import { sahelSim } from '../../support/cli.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('observed record', () => {
  const observations = loadObservations();

  it('holds no observed outcome after 2017: later years are the held-out test', () => {
    expect(Math.max(...observations.map((observation) => observation.year))).toBe(2017);
  });

  it('has every series of the validation for each year 2012–2017 (MINUSMA from 2013)', () => {
    for (const series of SERIES) {
      const years = observations.filter((o) => o.series === series.name && o.year >= 2012).map((o) => o.year);
      expect(years, series.name).toEqual(series.name === 'minusma_malicious_deaths' ? [2013, 2014, 2015, 2016, 2017] : [2012, 2013, 2014, 2015, 2016, 2017]);
    }
    const ucdp2013 = (name: string) => observations.find((o) => o.series === name && o.year === 2013)?.value;
    expect([ucdp2013('ucdp_one_sided'), ucdp2013('ucdp_non_state'), ucdp2013('ucdp_state_based'), ucdp2013('ucdp_total')]).toEqual([26, 28, 805, 859]);
  });

  it("applies the camps' registration corrections, so Mbera shows no artificial drop at the end of 2012", () => {
    const mauritania = campRefugeesByCountry(observations).filter((row) => row.country === 'mauritania' && row.date <= '2013-01-31');
    for (let k = 1; k < mauritania.length; k++) expect(mauritania[k].refugees).toBeGreaterThanOrEqual(mauritania[k - 1].refugees * 0.9);
    // Last level-1 count 103,731 (2012-08-19) rescaled by 54,028/103,731 is the first level-2 count.
    expect(mauritania.find((row) => row.date === '2012-08-19')?.refugees).toBe(54028);
  });
});

describe('sahel-sim fit on a batch of the baseline', () => {
  let folder = '';
  beforeAll(async () => {
    const file = join(scratchFolder('fit'), 'validate.yaml');
    const text = readFileSync(join(ROOT, 'scenarios/experiments/validate.yaml'), 'utf8')
      .replace('../calibrated/mali-2012-2017.yaml', join(ROOT, 'scenarios/mali-2012.yaml'))
      .replace('replicates: 20', 'replicates: 3\nrounds: 160');
    writeFileSync(file, text);
    folder = join(file, '..', 'out');
    await runBatch({ loaded: loadExperiment(file), overrides: {}, catalog: CATALOG, out: folder, workers: 2, shard: null, resume: false, command: ['test'] });
  });

  it('writes fit.csv with one row per series and its log error, bias, rank correlation and coverage', () => {
    validateBatch(folder);
    const fit = parse(readFileSync(join(folder, 'fit.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(fit.map((row) => row['series'])).toEqual(SERIES.map((series) => series.name));
    expect(Object.keys(fit[0])).toEqual(['series', 'window', 'years', 'log_rmse', 'log_bias', 'spearman', 'coverage_90']);
    // 160 weekly rounds end in early 2015: 2012–2014 are complete years (2013–2014 for MINUSMA).
    expect(fit.find((row) => row['series'] === 'ucdp_total')?.['years']).toBe('3');
    for (const row of fit) expect(Number(row['log_rmse'])).toBeGreaterThanOrEqual(0);
  });

  it('writes yearly.csv with the named series for every simulated year, observed where known', () => {
    const yearly = parse(readFileSync(join(folder, 'yearly.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(Object.keys(yearly[0])).toEqual(['series', 'year', 'sim_median', 'sim_p5', 'sim_p95', 'observed']);
    for (const name of ['ucdp_one_sided', 'ucdp_non_state', 'ucdp_state_based', 'ucdp_total', 'minusma_malicious_deaths', 'idps_end_year', 'refugees_end_year', 'refugees_mauritania', 'refugees_niger', 'refugees_burkina_faso']) {
      expect(yearly.filter((row) => row['series'] === name).map((row) => row['year'])).toEqual(['2012', '2013', '2014']);
    }
    expect(yearly.find((row) => row['series'] === 'ucdp_total' && row['year'] === '2013')?.['observed']).toBe('859');
    const band = yearly.find((row) => row['series'] === 'refugees_end_year' && row['year'] === '2013')!;
    expect(Number(band['sim_p5'])).toBeLessThanOrEqual(Number(band['sim_median']));
    expect(Number(band['sim_median'])).toBeLessThanOrEqual(Number(band['sim_p95']));
  });

  it('writes every region\'s share of violent deaths by year, the shares of a year summing to about 1', () => {
    const shares = parse(readFileSync(join(folder, 'regional_share.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(Object.keys(shares[0])).toEqual(['region', 'year', 'sim_share_of_deaths']);
    expect(new Set(shares.map((row) => row['region'])).size).toBe(10);
    const total2013 = shares.filter((row) => row['year'] === '2013').reduce((sum, row) => sum + Number(row['sim_share_of_deaths']), 0);
    expect(total2013).toBeGreaterThan(0.7); // medians of shares need not sum to exactly 1
    expect(total2013).toBeLessThan(1.3);
  });

  it('fit --report draws the report with the observed years, and a later fit redraws it', () => {
    const fit = (...flags: string[]) => sahelSim('fit', folder, ...flags);
    const report = join(folder, 'report.html');
    expect(existsSync(report)).toBe(false);
    expect(fit().status).toBe(0);
    expect(existsSync(report)).toBe(false); // no report asked for, none there: none written

    const first = fit('--report');
    expect({ status: first.status, stderr: first.stderr }).toEqual({ status: 0, stderr: '' });
    expect(readFileSync(report, 'utf8')).toContain('id="observed-years"');

    writeFileSync(report, 'stale');
    expect(fit().stdout).toContain('with the observed points');
    expect(readFileSync(report, 'utf8')).toContain('id="observed-years"');
  });

  it('compares the corrected Flee camp counts with simulated refugees by host country in 2012–2013', () => {
    const camps = parse(readFileSync(join(folder, 'camps.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(new Set(camps.map((row) => row['country']))).toEqual(new Set(['burkina_faso', 'mauritania', 'niger']));
    expect(camps.every((row) => row['date']! >= '2012-01-01' && row['date']! <= '2013-12-31')).toBe(true);
  });
});
