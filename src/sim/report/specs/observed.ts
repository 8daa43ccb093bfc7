/**
 * Vega-Lite spec of simulated against observed years (yearly.csv): per series, the simulated
 * median line and 90% band by year in the baseline's colour, and the observed values as black
 * diamonds. The page's explanation is the key: a Vega legend of layers with fixed colours
 * would need a made-up colour field.
 */
import type { TopLevelSpec } from 'vega-lite';
import { BASELINE_COLOUR, OBSERVED_COLOUR } from '../palette.ts';
import { CHART_CONFIG } from './config.ts';

export interface ObservedYear {
  readonly series: string;
  readonly year: number;
  readonly median: number | null;
  readonly p5: number | null;
  readonly p95: number | null;
  readonly observed: number | null;
}

export interface ObservedChart {
  readonly years: readonly ObservedYear[];
  readonly series: readonly string[];
}

export function observedSpec(chart: ObservedChart): TopLevelSpec {
  // Slanted: twelve four-digit years do not fit under a 230-pixel panel side by side.
  const x = { field: 'year', type: 'ordinal' as const, title: null, axis: { labelAngle: -45 } };
  return {
    config: CHART_CONFIG,
    data: { values: chart.years.map((year) => ({ ...year })) },
    facet: { field: 'series', type: 'nominal', sort: [...chart.series], title: null },
    columns: Math.min(3, chart.series.length),
    spec: {
      width: 230,
      height: 130,
      layer: [
        { mark: { type: 'area', opacity: 0.22, color: BASELINE_COLOUR }, encoding: { x, y: { field: 'p5', type: 'quantitative', title: null }, y2: { field: 'p95' } } },
        { mark: { type: 'line', point: { color: BASELINE_COLOUR }, strokeWidth: 1.4, color: BASELINE_COLOUR }, encoding: { x, y: { field: 'median', type: 'quantitative' } } },
        {
          transform: [{ filter: 'isValid(datum.observed)' }],
          mark: { type: 'point', filled: true, size: 60, shape: 'diamond', color: OBSERVED_COLOUR },
          encoding: { x, y: { field: 'observed', type: 'quantitative' } },
        },
      ],
    },
    resolve: { scale: { y: 'independent' } },
  };
}
