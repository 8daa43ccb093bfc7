/**
 * Vega-Lite spec of deaths by security cluster: one horizontal bar per strategy, stacked by
 * cluster, each segment the mean over replicates of the run's total deaths in that cluster.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from './config.ts';

/** Seven colours apart from the strategy palette's (ColorBrewer Dark2 and one grey). */
const CLUSTER_COLOURS = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#666666'];

/** Mean deaths of one strategy in one cluster. */
export interface ClusterDeaths {
  readonly label: string;
  readonly cluster: string;
  /** Position of the cluster, for the stacking order. */
  readonly order: number;
  readonly deaths: number;
}

export interface ClusterChart {
  readonly bars: readonly ClusterDeaths[];
  /** Strategy labels, top to bottom. */
  readonly labels: readonly string[];
  /** Cluster names in order. */
  readonly clusters: readonly string[];
}

export function clusterSpec(chart: ClusterChart): TopLevelSpec {
  return {
    config: CHART_CONFIG,
    data: { values: chart.bars.map((bar) => ({ ...bar })) },
    width: 520,
    height: { step: 18 },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: [...chart.labels], title: null },
      x: { field: 'deaths', type: 'quantitative', stack: 'zero', title: 'deaths over the run (mean over replicates)' },
      color: {
        field: 'cluster',
        type: 'nominal',
        sort: [...chart.clusters],
        scale: { domain: [...chart.clusters], range: chart.clusters.map((_, k) => CLUSTER_COLOURS[k % CLUSTER_COLOURS.length]) },
        legend: { title: 'security cluster', orient: 'bottom', columns: 1, labelLimit: 0 },
      },
      order: { field: 'order', type: 'quantitative' },
    },
  };
}
