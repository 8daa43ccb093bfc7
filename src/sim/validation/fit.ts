/**
 * How well a batch meets observed data (docs/validation.md): simulated yearly values of each
 * series across replicates (median and 90% band), and per series three distances to the
 * observed years — the log-scale error of yearly totals, the rank correlation over years, and
 * the coverage of observed points by the simulated 90% band.
 */
import { quantile } from '../batch/stats.ts';

export interface YearlySeries {
  readonly name: string;
  readonly kind: 'flow' | 'stock';
  readonly metric: string;
}

/**
 * A run's metric by calendar year: `flow` sums the rounds ending in the year, `stock` takes the
 * last round ending in it. Years whose last round ends before 24 December are left out as
 * incomplete (a weekly run's last round of a year ends between 25 and 31 December).
 */
export function yearly(dates: readonly string[], values: ArrayLike<number>, kind: 'flow' | 'stock'): Map<number, number> {
  const byYear = new Map<number, number>();
  const lastDate = new Map<number, string>();
  for (let r = 1; r < dates.length; r++) {
    const year = Number(dates[r].slice(0, 4));
    byYear.set(year, kind === 'flow' ? (byYear.get(year) ?? 0) + values[r] : values[r]);
    lastDate.set(year, dates[r]);
  }
  for (const [year, date] of lastDate) if (date.slice(5) < '12-24') byYear.delete(year);
  return byYear;
}

/** Spearman's rank correlation (average ranks for ties); NaN below 3 pairs or with a constant side. */
export function spearman(x: readonly number[], y: readonly number[]): number {
  if (x.length < 3 || x.length !== y.length) return Number.NaN;
  const ranks = (values: readonly number[]): number[] => {
    const order = values.map((value, i) => ({ value, i })).sort((a, b) => a.value - b.value);
    const result = new Array<number>(values.length);
    for (let k = 0; k < order.length; ) {
      let end = k;
      while (end + 1 < order.length && order[end + 1].value === order[k].value) end++;
      for (let m = k; m <= end; m++) result[order[m].i] = (k + end) / 2 + 1;
      k = end + 1;
    }
    return result;
  };
  const rx = ranks(x);
  const ry = ranks(y);
  const mean = (rx.length + 1) / 2;
  let covariance = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < rx.length; i++) {
    covariance += (rx[i] - mean) * (ry[i] - mean);
    vx += (rx[i] - mean) ** 2;
    vy += (ry[i] - mean) ** 2;
  }
  return vx > 0 && vy > 0 ? covariance / Math.sqrt(vx * vy) : Number.NaN;
}

/** log10((simulated + 1)/(observed + 1)): 0 is a perfect fit, 1 a tenfold excess, −1 a tenth. */
export function logRatio(simulated: number, observed: number): number {
  return Math.log10((simulated + 1) / (observed + 1));
}

export interface SeriesFit {
  readonly series: string;
  /** Observed years compared (within the window). */
  readonly years: number;
  /** Root mean square of logRatio(simulated median, observed) over those years. */
  readonly logRmse: number;
  /** Mean logRatio: > 0 the model overshoots, < 0 it undershoots. */
  readonly logBias: number;
  readonly spearman: number;
  /** Share of observed years inside the simulated 90% band (5th–95th percentile across replicates). */
  readonly coverage: number;
}

export interface YearlyRow {
  readonly series: string;
  readonly year: number;
  readonly median: number;
  readonly p5: number;
  readonly p95: number;
  readonly observed: number | null;
}

/**
 * The yearly band of each series and its fit to the observations of years `from`..`to`.
 * @param runs each run's metric values by series name, with the run's dates
 */
export function fitSeries(
  series: readonly YearlySeries[],
  runs: readonly { readonly dates: readonly string[]; readonly values: ReadonlyMap<string, ArrayLike<number>> }[],
  observed: ReadonlyMap<string, ReadonlyMap<number, number>>,
  window: { readonly from: number; readonly to: number },
): { fits: SeriesFit[]; rows: YearlyRow[] } {
  const fits: SeriesFit[] = [];
  const rows: YearlyRow[] = [];
  for (const definition of series) {
    const perRun = runs.map((run) => {
      const values = run.values.get(definition.metric);
      if (!values) throw new Error(`the results have no "${definition.metric}" series (for ${definition.name})`);
      return yearly(run.dates, values, definition.kind);
    });
    const years = [...new Set(perRun.flatMap((byYear) => [...byYear.keys()]))].sort((a, b) => a - b);
    const seen = observed.get(definition.name);
    const sim: number[] = [];
    const obs: number[] = [];
    let covered = 0;
    for (const year of years) {
      const values = perRun.map((byYear) => byYear.get(year)).filter((value): value is number => value !== undefined).sort((a, b) => a - b);
      const row: YearlyRow = {
        series: definition.name,
        year,
        median: quantile(values, 0.5),
        p5: quantile(values, 0.05),
        p95: quantile(values, 0.95),
        observed: seen?.get(year) ?? null,
      };
      rows.push(row);
      if (row.observed === null || year < window.from || year > window.to) continue;
      sim.push(row.median);
      obs.push(row.observed);
      if (row.observed >= row.p5 && row.observed <= row.p95) covered++;
    }
    const ratios = sim.map((value, k) => logRatio(value, obs[k]));
    fits.push({
      series: definition.name,
      years: obs.length,
      logRmse: ratios.length > 0 ? Math.sqrt(ratios.reduce((sum, r) => sum + r * r, 0) / ratios.length) : Number.NaN,
      logBias: ratios.length > 0 ? ratios.reduce((sum, r) => sum + r, 0) / ratios.length : Number.NaN,
      spearman: spearman(sim, obs),
      coverage: obs.length > 0 ? covered / obs.length : Number.NaN,
    });
  }
  return { fits, rows };
}

/** One number for a parameter set: the mean over series of the log-scale error (calibration's distance). */
export function distance(fits: readonly SeriesFit[]): number {
  const usable = fits.filter((fit) => Number.isFinite(fit.logRmse));
  return usable.length > 0 ? usable.reduce((sum, fit) => sum + fit.logRmse, 0) / usable.length : Number.POSITIVE_INFINITY;
}
