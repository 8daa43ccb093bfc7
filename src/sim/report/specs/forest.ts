/**
 * Vega-Lite spec of the forest plot: each strategy's difference from the baseline (comparison.csv)
 * as a dot with its 95% confidence interval, one panel per headline outcome (each on its own
 * scale), a dashed line at zero, the dot filled when the interval excludes zero.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Palette } from '../palette.ts';
import { CHART_CONFIG, strategyScale } from './config.ts';

/** One strategy's effect on one outcome. */
export interface Effect {
  /** Panel title: the outcome's title (docs/outputs.md), one panel per outcome. */
  readonly outcome: string;
  /** Row label: the strategy (and its sweep point). */
  readonly label: string;
  readonly strategy: string;
  readonly difference: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly excludesZero: boolean;
}

export interface ForestChart {
  readonly effects: readonly Effect[];
  /** The outcomes' titles, in panel order. */
  readonly outcomes: readonly string[];
  readonly labels: readonly string[];
  readonly palette: Palette;
}

export function forestSpec(chart: ForestChart): TopLevelSpec {
  const y = { field: 'label', type: 'nominal' as const, sort: [...chart.labels], title: null, axis: { labelLimit: 320 } };
  const color = { field: 'strategy', type: 'nominal' as const, scale: strategyScale(chart.palette), legend: null };
  const difference = { field: 'difference', type: 'quantitative' as const, title: 'strategy − baseline', scale: { zero: true } };
  return {
    config: CHART_CONFIG,
    data: { values: chart.effects.map((effect) => ({ ...effect })) },
    facet: { field: 'outcome', type: 'nominal', sort: [...chart.outcomes], title: null },
    columns: 2,
    spec: {
      width: 250,
      height: { step: 15 },
      layer: [
        { mark: { type: 'rule', color: '#888888', strokeDash: [4, 3] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
        { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, x: { field: 'ciLow', type: 'quantitative' }, x2: { field: 'ciHigh' }, color } },
        {
          mark: { type: 'point', filled: true, size: 50, strokeWidth: 1.5 },
          encoding: {
            y,
            x: difference,
            color,
            stroke: color,
            // Filled when the interval excludes zero, hollow otherwise.
            fillOpacity: { condition: { test: 'datum.excludesZero', value: 1 }, value: 0 },
          },
        },
      ],
    },
    resolve: { scale: { x: 'independent' } },
  };
}
