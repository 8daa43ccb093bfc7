/**
 * Vega-Lite spec of a per-round metric through time: one small panel per strategy, each with
 * the baseline's band behind the strategy's, the line the median across replicates and the
 * band the 5th to 95th percentile (90% of replicates).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Palette } from '../palette.ts';
import { CHART_CONFIG, strategyScale } from './config.ts';

/** One strategy's band at one round, in one panel. */
export interface BandPoint {
  /** Panel title: the strategy compared (and its sweep point). */
  readonly panel: string;
  /** Whose band: the panel's strategy, or the baseline drawn behind it. */
  readonly strategy: string;
  /** ISO date of the end of the round, or the round number. */
  readonly x: string | number;
  readonly median: number | null;
  readonly p5: number | null;
  readonly p95: number | null;
}

export interface TimeSeriesChart {
  readonly points: readonly BandPoint[];
  /** Panels in display order. */
  readonly panels: readonly string[];
  /** True when x holds dates. */
  readonly temporal: boolean;
  /** d3 time format of the date axis: '%Y' for long runs, '%b %Y' for runs of a year or two. */
  readonly dateFormat?: string;
  readonly palette: Palette;
}

export function timeSeriesSpec(chart: TimeSeriesChart): TopLevelSpec {
  const x = chart.temporal
    ? { field: 'x', type: 'temporal' as const, scale: { type: 'utc' as const }, axis: { title: null, format: chart.dateFormat ?? '%Y', tickCount: chart.dateFormat === '%b %Y' ? 3 : 6 } }
    : { field: 'x', type: 'quantitative' as const, axis: { title: 'round', tickCount: 6 } };
  const color = { field: 'strategy', type: 'nominal' as const, scale: strategyScale(chart.palette), legend: null };
  return {
    config: CHART_CONFIG,
    data: { values: chart.points.map((point) => ({ ...point })) },
    facet: { field: 'panel', type: 'nominal', sort: [...chart.panels], title: null },
    columns: Math.min(5, chart.panels.length),
    spec: {
      // No y title: the heading above names the metric, and Vega (without a canvas to measure
      // text) would reserve room around a long rotated title.
      width: 180,
      height: 110,
      layer: [
        { mark: { type: 'area', opacity: 0.22 }, encoding: { x, y: { field: 'p5', type: 'quantitative', title: null }, y2: { field: 'p95' }, color } },
        { mark: { type: 'line', strokeWidth: 1.4 }, encoding: { x, y: { field: 'median', type: 'quantitative' }, color } },
      ],
    },
  };
}
