/**
 * Section 1, outcomes through time: for each headline outcome, the per-round metric behind it
 * (series.csv), as bands across replicates for each strategy against the baseline's. Outcomes
 * that sum a flow (`<metric>_total`) are drawn cumulated, so the curve ends at the outcome.
 */
import { bandOverRuns, cumulative } from '../bands.ts';
import type { Arm } from '../arms.ts';
import type { Figure, ReportData, Section } from '../section.ts';
import { timeSeriesSpec, type BandPoint } from '../specs/time-series.ts';

/** Summary suffixes of run-level outcomes (docs/outputs.md): `<metric>_<reducer>`. */
const REDUCER = /_(total|mean|max|min|final|initial)$/;

export interface SeriesChoice {
  readonly metric: string;
  readonly cumulative: boolean;
}

/**
 * The per-round metrics to draw: those behind the headline outcomes (each once), or the ones
 * asked for; and the headline outcomes that have none in series.csv.
 * @example seriesFor(['civilian_deaths_total', 'hpi_mean', 'outbursts'], ['civilian_deaths', 'hpi'])
 *   → { choices: [{ metric: 'civilian_deaths', cumulative: true }, { metric: 'hpi', cumulative: false }], missing: ['outbursts'] }
 */
export function seriesFor(headline: readonly string[], available: readonly string[], asked?: readonly string[]): { choices: SeriesChoice[]; missing: string[] } {
  if (asked) {
    return { choices: asked.filter((metric) => available.includes(metric)).map((metric) => ({ metric, cumulative: false })), missing: asked.filter((metric) => !available.includes(metric)) };
  }
  const choices: SeriesChoice[] = [];
  const missing: string[] = [];
  for (const outcome of headline) {
    const match = REDUCER.exec(outcome);
    const metric = match ? outcome.slice(0, match.index) : outcome;
    if (!match || !available.includes(metric)) {
      missing.push(outcome);
      continue;
    }
    const choice = { metric, cumulative: match[1] === 'total' };
    if (!choices.some((other) => other.metric === choice.metric && other.cumulative === choice.cumulative)) choices.push(choice);
  }
  return { choices, missing };
}

/** Bands of one metric for every arm, baseline behind each strategy at the same sweep point. */
function bandPoints(data: ReportData, choice: SeriesChoice, panels: readonly Arm[]): BandPoint[] {
  const series = data.series!;
  const runIndex = new Map(series.runIds.map((runId, i) => [runId, i]));
  const values = series.values.get(choice.metric) ?? [];
  const points: BandPoint[] = [];
  const bandOf = (arm: Arm): ReturnType<typeof bandOverRuns> => {
    const runs = arm.runIds.flatMap((runId) => (runIndex.has(runId) ? [values[runIndex.get(runId)!]] : []));
    return bandOverRuns(choice.cumulative ? runs.map(cumulative) : runs, series.rounds);
  };
  const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);
  for (const panel of panels) {
    const baseline = data.arms.find((arm) => arm.point === panel.point && arm.strategy === 'baseline');
    const drawn = baseline && baseline !== panel ? [baseline, panel] : [panel];
    for (const arm of drawn) {
      const band = bandOf(arm);
      for (let r = 0; r < series.rounds; r++) {
        points.push({
          panel: panel.label,
          strategy: arm.strategy,
          x: series.dates ? series.dates[r] : r,
          median: finite(band.median[r]),
          p5: finite(band.p5[r]),
          p95: finite(band.p95[r]),
        });
      }
    }
  }
  return points;
}

/** Years on the date axis when the runs span more than three years; months and years otherwise. */
function dateFormat(dates: readonly string[] | null): string {
  if (!dates || dates.length === 0) return '%Y';
  const years = Number(dates[dates.length - 1].slice(0, 4)) - Number(dates[0].slice(0, 4));
  return years > 3 ? '%Y' : '%b %Y';
}

export function timeSeriesSection(data: ReportData): Section {
  const section = {
    id: 'through-time',
    title: 'Outcomes through time',
    explanation: [
      'Each chart follows one per-round metric through the run. There is one small panel per strategy: the coloured line is the median across replicates and the shaded band holds 90% of them (5th to 95th percentile); the grey line and band behind it are the baseline, so every panel reads as “this strategy against doing nothing different”.',
      'Metrics behind an outcome that sums a flow over the run (names ending in _total, such as civilian deaths) are drawn as running totals, so each curve ends at that outcome; the others are drawn as they are each round. Where bands overlap, chance alone could explain the difference at that date.',
    ],
  };
  if (!data.series) return { ...section, figures: [], notes: ['Not shown: the batch kept no per-round series (outputs.series: none), so there is no series.csv.'] };
  const { choices, missing } = seriesFor(data.headline, data.series.metrics, data.options.seriesMetrics);
  const strategies = data.arms.filter((arm) => arm.strategy !== 'baseline');
  const panels = strategies.length > 0 ? strategies : data.arms;
  const figures: Figure[] = choices.map((choice, i) => ({
    id: `series-${i + 1}`,
    title: `${data.titleOf(choice.metric)}${choice.cumulative ? ', running total' : ''}`,
    caption: `series.csv column ${choice.metric}${choice.cumulative ? `, summed from round 1 (its final value is the outcome ${choice.metric}_total)` : ''}; median and 90% band over ${Math.max(...data.arms.map((arm) => arm.runIds.length))} replicates.`,
    spec: timeSeriesSpec({
      points: bandPoints(data, choice, panels),
      panels: panels.map((arm) => arm.label),
      temporal: data.series!.dates !== null,
      dateFormat: dateFormat(data.series!.dates),
      palette: data.palette,
    }),
  }));
  const notes =
    missing.length > 0
      ? [`No per-round series in series.csv for: ${missing.join(', ')} (not a per-round metric, or not kept by outputs.series).`]
      : [];
  return { ...section, figures, notes };
}
