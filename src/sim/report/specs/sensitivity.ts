/**
 * Vega-Lite spec of a sensitivity analysis for one outcome, as a tornado: one row per parameter,
 * most influential at the top. Morris: a bar of μ* with its 95% interval and a diamond at σ (same
 * unit as the outcome). Sobol': the total-order ST and first-order S1 side by side, each with its
 * interval, on the 0–1 scale of variance shares.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from './config.ts';

/** One index of one parameter. */
export interface IndexBar {
  readonly parameter: string;
  /** Legend name of the index, e.g. 'μ*' or 'ST (total order)'. */
  readonly index: string;
  readonly value: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
}

export interface TornadoChart {
  readonly method: 'morris' | 'sobol';
  /** The outcome's title, for the axis. */
  readonly outcome: string;
  /** Parameters, most influential first. */
  readonly parameters: readonly string[];
  readonly bars: readonly IndexBar[];
  /** Legend names of the barred indices, in drawing order (Morris: μ*; Sobol': ST then S1). */
  readonly barred: readonly string[];
  /** Morris σ per parameter, drawn as a diamond on the bars' axis; empty for Sobol'. */
  readonly spread: readonly IndexBar[];
}

const INDEX_COLOURS = ['#2166ac', '#92c5de'];

export function tornadoSpec(chart: TornadoChart): TopLevelSpec {
  const y = { field: 'parameter', type: 'nominal' as const, sort: [...chart.parameters], title: null, axis: { labelLimit: 320 } };
  const yOffset = { field: 'index', type: 'nominal' as const, sort: [...chart.barred] };
  const colour = {
    field: 'index',
    type: 'nominal' as const,
    scale: { domain: [...chart.barred], range: INDEX_COLOURS.slice(0, chart.barred.length) },
    legend: { title: null, orient: 'bottom' as const },
  };
  const x = {
    field: 'value',
    type: 'quantitative' as const,
    title: chart.method === 'morris' ? `${chart.outcome}: change per full range of the parameter` : `share of the variance of ${chart.outcome}`,
    ...(chart.method === 'sobol' ? { scale: { domain: [0, 1], clamp: true } } : {}),
  };
  return {
    config: CHART_CONFIG,
    width: 460,
    // A fixed height rather than a step: a step would conflict between the layers with and
    // without the yOffset channel (Vega-Lite warns).
    height: chart.parameters.length * (chart.barred.length > 1 ? 26 : 18),
    layer: [
      { data: { values: chart.bars.map((bar) => ({ ...bar })) }, mark: { type: 'bar' }, encoding: { y, yOffset, x, color: colour } },
      {
        data: { values: chart.bars.filter((bar) => bar.ciLow !== null).map((bar) => ({ ...bar })) },
        mark: { type: 'rule', color: '#222222' },
        encoding: { y, yOffset, x: { field: 'ciLow', type: 'quantitative' }, x2: { field: 'ciHigh' } },
      },
      ...(chart.spread.length > 0
        ? [
            {
              data: { values: chart.spread.map((bar) => ({ ...bar })) },
              mark: { type: 'point' as const, shape: 'diamond', filled: true, size: 60, color: '#d6604d' },
              encoding: { y, x: { field: 'value', type: 'quantitative' as const } },
            },
          ]
        : []),
    ],
  };
}
