/**
 * Section 3, deaths by security cluster: for models that count deaths by cluster (runs.csv
 * columns `deaths_cluster_<k>_total`, the Mali model's seven clusters), each strategy's mean
 * deaths over the run, stacked by cluster.
 */
import { formatNumber } from '../format.ts';
import type { ReportData, Section } from '../section.ts';
import { clusterSpec, type ClusterDeaths } from '../specs/clusters.ts';

const CLUSTER_COLUMN = /^deaths_cluster_(\d+)_total$/;

/** Mean of the finite values at `indices`; NaN when there are none. */
function meanAt(column: Float64Array, indices: readonly number[]): number {
  const values = indices.map((i) => column[i]).filter(Number.isFinite);
  return values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function clusterSection(data: ReportData): Section {
  const section = {
    id: 'clusters',
    title: 'Deaths by security cluster',
    explanation: [
      'Violent deaths over the whole run, split by the security cluster of the event that caused them (the kinds of violence of the Mali model: terrorist attacks on civilians, the fight over territory, attacks on the UN, and so on). Each bar is one strategy; each segment the mean over replicates of the run’s total in that cluster. Compare the lengths of the bars for the total, and the segments for which kind of violence a strategy changes.',
    ],
  };
  const columns = [...data.runs.outcomes.keys()]
    .map((name) => ({ name, cluster: Number(CLUSTER_COLUMN.exec(name)?.[1] ?? Number.NaN) }))
    .filter((column) => Number.isInteger(column.cluster))
    .sort((a, b) => a.cluster - b.cluster);
  if (columns.length === 0) {
    return { ...section, figures: [], notes: [`Not shown: runs.csv has no deaths_cluster_<k>_total columns (model ${data.manifest.model} does not count deaths by security cluster).`] };
  }
  const names = data.options.model?.clusterNames ?? [];
  const clusters = columns.map((column) => (names[column.cluster - 1] ? `${column.cluster}. ${names[column.cluster - 1]}` : `cluster ${column.cluster}`));
  const rowOf = new Map(data.runs.runIds.map((runId, i) => [runId, i]));
  const bars: ClusterDeaths[] = [];
  const tableRows: string[][] = [];
  for (const arm of data.arms) {
    const rows = arm.runIds.flatMap((runId) => (rowOf.has(runId) ? [rowOf.get(runId)!] : []));
    const means = columns.map((column) => meanAt(data.runs.outcomes.get(column.name)!, rows));
    means.forEach((deaths, k) => {
      if (Number.isFinite(deaths)) bars.push({ label: arm.label, cluster: clusters[k], order: k, deaths });
    });
    tableRows.push([arm.label, ...means.map(formatNumber), formatNumber(means.filter(Number.isFinite).reduce((sum, value) => sum + value, 0))]);
  }
  return {
    ...section,
    figures: [
      {
        id: 'cluster-deaths',
        title: 'Deaths over the run by security cluster (mean over replicates)',
        caption: `From runs.csv columns deaths_cluster_${columns[0].cluster}_total … deaths_cluster_${columns[columns.length - 1].cluster}_total.`,
        spec: clusterSpec({ bars, labels: data.arms.map((arm) => arm.label), clusters }),
        table: { header: ['strategy', ...columns.map((column) => `cluster ${column.cluster}`), 'total'], rows: tableRows },
      },
    ],
    notes: [],
  };
}
