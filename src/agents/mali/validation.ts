/**
 * Validation of the Mali model against the observed record (docs/validation.md): from a batch's
 * baseline runs, the fit of each observed series over 2012–2017 (fit.csv), every simulated
 * year's band with the observation where there is one (yearly.csv), each region's share of
 * violent deaths (regional_share.csv), and the Flee mali2012 camp counts against refugees by
 * host country in 2012–2013 (camps.csv).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ScenarioError } from '../../sim/scenario/errors.ts';
import { displayPath } from '../../sim/scenario/load.ts';
import { quantile } from '../../sim/batch/stats.ts';
import { toCsv } from '../../sim/output/csv.ts';
import { writeFileAtomic } from '../../sim/output/files.ts';
import { readBatchSeries, type RunSeries } from '../../sim/validation/batch-series.ts';
import { distance, fitSeries, yearly, type SeriesFit } from '../../sim/validation/fit.ts';
import type { ModelValidation, ObservedValue } from '../../sim/model-hooks.ts';
import { campRefugeesByCountry, loadObservations, SERIES } from './observed.ts';

/** Years the model is calibrated and scored on; later years are the held-out test. */
export const CALIBRATION_WINDOW = { from: 2012, to: 2017 } as const;

/** Observed yearly values by series name. */
export function observedBySeries(): Map<string, Map<number, number>> {
  const result = new Map<string, Map<number, number>>();
  for (const observation of loadObservations()) {
    if (observation.date !== null) continue;
    let byYear = result.get(observation.series);
    if (!byYear) result.set(observation.series, (byYear = new Map()));
    byYear.set(observation.year, observation.value);
  }
  return result;
}

/** Fit of runs to the observations of the calibration window (also used by calibration). */
export function fitRuns(runs: readonly RunSeries[]): ReturnType<typeof fitSeries> {
  return fitSeries(SERIES, runs, observedBySeries(), CALIBRATION_WINDOW);
}

/** Each region's share of violent deaths by year: median across runs (`violent_deaths_<region>` columns). */
export function regionalShares(runs: readonly RunSeries[]): { region: string; year: number; share: number }[] {
  if (runs.length === 0) return [];
  const regions = [...runs[0].values.keys()].filter((name) => name.startsWith('violent_deaths_')).map((name) => name.slice('violent_deaths_'.length));
  const perRun = runs.map((run) => {
    const byRegion = new Map(regions.map((region) => [region, yearly(run.dates, run.values.get(`violent_deaths_${region}`) ?? [], 'flow')]));
    const years = [...(byRegion.get(regions[0])?.keys() ?? [])];
    return { byRegion, years };
  });
  const rows: { region: string; year: number; share: number }[] = [];
  for (const year of perRun[0].years) {
    for (const region of regions) {
      const shares = perRun
        .map(({ byRegion }) => {
          const total = regions.reduce((sum, other) => sum + (byRegion.get(other)?.get(year) ?? 0), 0);
          return total > 0 ? (byRegion.get(region)?.get(year) ?? 0) / total : Number.NaN;
        })
        .filter(Number.isFinite)
        .sort((a, b) => a - b);
      rows.push({ region, year, share: quantile(shares, 0.5) });
    }
  }
  return rows;
}

/** The Flee camp counts (corrected) of 2012–2013 against simulated refugees in each host country on the same dates. */
export function campComparison(runs: readonly RunSeries[]): { country: string; date: string; observed: number; median: number; p5: number; p95: number }[] {
  const camps = campRefugeesByCountry(loadObservations()).filter((row) => row.date <= '2013-12-31' && row.date >= '2012-01-01');
  return camps.map(({ country, date, refugees }) => {
    const values = runs
      .map((run) => {
        const round = run.dates.findIndex((day) => day >= date);
        return round < 0 ? Number.NaN : (run.values.get(`refugees_${country}`)?.[round] ?? Number.NaN);
      })
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    return { country, date, observed: refugees, median: quantile(values, 0.5), p5: quantile(values, 0.05), p95: quantile(values, 0.95) };
  });
}

/**
 * Scores a batch's baseline runs and writes fit.csv, yearly.csv, regional_share.csv and camps.csv
 * into the batch folder.
 * @returns the fits and the written file names
 */
export function validateBatch(folder: string, strategy = 'baseline'): { fits: SeriesFit[]; files: string[]; runs: number } {
  const source = displayPath(resolve(folder, 'series.csv'));
  if (!existsSync(join(folder, 'series.csv'))) {
    throw new ScenarioError([{ source, path: '', expected: '', found: '', message: 'no such file: fit needs a batch folder whose experiment keeps per-round series' }]);
  }
  const runs = readBatchSeries(folder, strategy);
  if (runs.length === 0) throw new ScenarioError([{ source, path: '', expected: '', found: '', message: `no runs of strategy "${strategy}"` }]);
  const missing = SERIES.map((series) => series.metric).filter((metric) => !runs[0].values.has(metric));
  if (missing.length > 0) {
    throw new ScenarioError([
      { source, path: '', expected: '', found: '', message: `lacks the series ${missing.join(', ')}; keep them in the experiment's outputs.series (as scenarios/experiments/validate.yaml does)` },
    ]);
  }
  const { fits, rows } = fitRuns(runs);
  writeFileAtomic(
    join(folder, 'fit.csv'),
    toCsv(
      ['series', 'window', 'years', 'log_rmse', 'log_bias', 'spearman', 'coverage_90'],
      fits.map((fit) => [fit.series, `${CALIBRATION_WINDOW.from}-${CALIBRATION_WINDOW.to}`, fit.years, fit.logRmse, fit.logBias, fit.spearman, fit.coverage]),
    ),
  );
  writeFileAtomic(
    join(folder, 'yearly.csv'),
    toCsv(
      ['series', 'year', 'sim_median', 'sim_p5', 'sim_p95', 'observed'],
      rows.map((row) => [row.series, row.year, row.median, row.p5, row.p95, row.observed]),
    ),
  );
  writeFileAtomic(join(folder, 'regional_share.csv'), toCsv(['region', 'year', 'sim_share_of_deaths'], regionalShares(runs).map((row) => [row.region, row.year, row.share])));
  writeFileAtomic(
    join(folder, 'camps.csv'),
    toCsv(
      ['country', 'date', 'observed_corrected', 'sim_median', 'sim_p5', 'sim_p95'],
      campComparison(runs).map((row) => [row.country, row.date, row.observed, row.median, row.p5, row.p95]),
    ),
  );
  return { fits, files: ['fit.csv', 'yearly.csv', 'regional_share.csv', 'camps.csv'], runs: runs.length };
}

/**
 * Calibration's scorer: the distance of each sweep point — the mean over series of the log-scale
 * error of its runs' yearly medians, 2012–2017 — in point order.
 */
export function scorePoints(runsByPoint: readonly (readonly RunSeries[])[]): number[] {
  return runsByPoint.map((runs) => (runs.length === 0 ? Number.POSITIVE_INFINITY : distance(fitRuns(runs).fits)));
}

/** The observed record as `sahel-sim observe` lists it: each value with its definition and model output. */
export function observedValues(): ObservedValue[] {
  const definitions = new Map(SERIES.map((series) => [series.name, series]));
  return loadObservations().map((observation) => {
    const definition = definitions.get(observation.series);
    return {
      ...observation,
      definition: definition?.definition ?? 'UNHCR registrations in one camp, corrected for the level-2 re-registration',
      modelOutput: definition?.metric ?? 'refugees_<host country> on that date',
    };
  });
}

/** The Mali model's validation hooks (ModelDefinition.validation). */
export const maliValidation: ModelValidation = { observations: observedValues, fit: validateBatch, score: scorePoints };
