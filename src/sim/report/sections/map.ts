/**
 * Section 4, the map: the regions coloured by an outcome over a period — by default the model's
 * map metric (Mali: violent deaths), each region's series column `<metric>_<region>` summed over
 * the period, median over the baseline's replicates — drawn from the outlines the model's report
 * hook names (boundaries.ts). Models without a map, or batches without those columns, get none.
 */
import { quantile } from '../../batch/stats.ts';
import { loadBoundaries } from '../boundaries.ts';
import { formatNumber } from '../format.ts';
import type { ReportData, Section } from '../section.ts';
import { mapSpec, type RegionShape } from '../specs/map.ts';

/**
 * The column suffix of a scenario region, as the Mali model names its columns.
 * @example regionColumn('Koulikoro') → 'koulikoro'
 */
export function regionColumn(region: string): string {
  return region.replace(/[^a-zA-Z0-9]+/g, '_').toLowerCase();
}

/** Up to this many places, each is labelled with its name and value on the map. */
const LABELLED_PLACES = 20;

/** Series columns the map may read for a metric. */
export function isMapColumn(column: string, metric: string): boolean {
  return column.startsWith(`${metric}_`);
}

interface RegionSums {
  /** Per region: one value per baseline run. */
  readonly values: ReadonlyMap<string, readonly number[]>;
  /** What was summed, for titles and captions. */
  readonly period: string;
  readonly source: string;
}

/** Sums of each region's series column over the rounds whose end date is within [from, to]. */
function sumsFromSeries(data: ReportData, regions: readonly string[], metric: string, runIds: readonly number[], unit: string): RegionSums | string {
  const series = data.series!;
  const { from, to } = data.options;
  if ((from !== undefined || to !== undefined) && !series.dates) return 'the scenario has no calendar, so series.csv has no dates for --from and --to';
  const rounds: number[] = [];
  for (let r = 1; r < series.rounds; r++) {
    const date = series.dates?.[r] ?? '';
    if ((from === undefined || date >= from) && (to === undefined || date <= to)) rounds.push(r);
  }
  if (rounds.length === 0) return `no round ends between ${from ?? 'the start'} and ${to ?? 'the end'} (the runs cover ${series.dates?.[1] ?? '?'} to ${series.dates?.[series.rounds - 1] ?? '?'})`;
  const runIndex = new Map(series.runIds.map((runId, i) => [runId, i]));
  const values = new Map<string, number[]>();
  for (const region of regions) {
    const columns = series.values.get(`${metric}_${regionColumn(region)}`);
    if (!columns) continue;
    values.set(
      region,
      runIds.flatMap((runId) => {
        const run = runIndex.has(runId) ? columns[runIndex.get(runId)!] : null;
        return run ? [rounds.reduce((sum, r) => sum + (Number.isFinite(run[r]) ? run[r] : 0), 0)] : [];
      }),
    );
  }
  const first = series.dates ? series.dates[rounds[0] - 1] : `round ${rounds[0]}`;
  const last = series.dates ? series.dates[rounds[rounds.length - 1]] : `round ${rounds[rounds.length - 1]}`;
  return { values, period: `${first} to ${last}`, source: `series.csv columns ${metric}_<${unit}>, summed over the ${rounds.length} rounds of the period` };
}

/** Each region's run-level total (runs.csv `<metric>_<region>_total`): the whole run. */
function sumsFromRuns(data: ReportData, regions: readonly string[], metric: string, runIds: readonly number[], unit: string): RegionSums {
  const rowOf = new Map(data.runs.runIds.map((runId, i) => [runId, i]));
  const values = new Map<string, number[]>();
  for (const region of regions) {
    const column = data.runs.outcomes.get(`${metric}_${regionColumn(region)}_total`);
    if (column) values.set(region, runIds.flatMap((runId) => (rowOf.has(runId) ? [column[rowOf.get(runId)!]] : [])).filter(Number.isFinite));
  }
  return { values, period: 'the whole run', source: `runs.csv columns ${metric}_<${unit}>_total (series.csv does not keep ${metric}_<${unit}>)` };
}

export function mapSection(data: ReportData): Section {
  const map = data.options.model?.map;
  const metric = data.options.mapMetric ?? map?.metric ?? 'none';
  const unit = map?.unit ?? 'region';
  const title = metric === map?.metric && map.title !== undefined ? map.title : data.titleOf(metric);
  const section = {
    id: 'map',
    title: `${title} by ${unit}`,
    explanation: [
      `The model’s ${unit}s coloured by ${metric.replace(/_/g, ' ')} over the period, summed over the rounds of each baseline run; the colour${unit === 'region' ? ' and the number written in each region are' : ' is'} the median over replicates (darker is more). The table gives the median and the range that holds 90% of replicates.`,
      ...(map?.notes ?? []),
    ],
  };
  if (!map) return { ...section, title: 'Map', figures: [], notes: [`Not shown: model ${data.manifest.model} defines no map (ModelDefinition.report.map).`] };
  const boundaries = loadBoundaries(map.boundaries, unit);
  const regions = boundaries.outlines.map((outline) => outline.region);
  const baseline = data.arms.find((arm) => arm.strategy === 'baseline' && arm.point === 0);
  const inSeries = data.series !== null && regions.some((region) => data.series!.values.has(`${metric}_${regionColumn(region)}`));
  const inRuns = regions.some((region) => data.runs.outcomes.has(`${metric}_${regionColumn(region)}_total`));
  const periodAsked = data.options.from !== undefined || data.options.to !== undefined;
  if (!baseline || (!inSeries && !inRuns)) {
    return { ...section, figures: [], notes: [`Not shown: no column ${metric}_<${unit}> in series.csv nor ${metric}_<${unit}>_total in runs.csv for the ${unit}s of the map (${regions.join(', ')}): the batch does not count ${metric} by ${unit}.`] };
  }
  if (!inSeries && periodAsked) {
    return { ...section, figures: [], notes: [`Not shown: --from and --to need the per-round columns ${metric}_<${unit}> in series.csv; add them to the experiment’s outputs.series (or leave out --from and --to to map the whole run from runs.csv).`] };
  }
  const sums = inSeries ? sumsFromSeries(data, regions, metric, baseline.runIds, unit) : sumsFromRuns(data, regions, metric, baseline.runIds, unit);
  if (typeof sums === 'string') return { ...section, figures: [], notes: [`Not shown: ${sums}.`] };
  const statistic = (region: string, p: number): number => quantile([...(sums.values.get(region) ?? [])].sort((a, b) => a - b), p);
  const shapes: RegionShape[] = boundaries.outlines.map((outline) => {
    const value = statistic(outline.region, 0.5);
    return {
      type: 'Feature',
      properties: { region: outline.region, value: Number.isFinite(value) ? value : null },
      geometry: outline.polygons.length === 1 ? { type: 'Polygon', coordinates: outline.polygons[0] } : { type: 'MultiPolygon', coordinates: outline.polygons },
    };
  });
  // Fifty cercles leave no room for a name and a number each: the table gives them.
  const labels = boundaries.outlines.length > LABELLED_PLACES ? [] : boundaries.outlines.map((outline) => ({ longitude: outline.labelAt[0], latitude: outline.labelAt[1], text: `${outline.region}\n${formatNumber(statistic(outline.region, 0.5))}` }));
  const missing = regions.filter((region) => !sums.values.has(region));
  const replicates = Math.max(0, ...[...sums.values.values()].map((values) => values.length));
  return {
    ...section,
    figures: [
      {
        id: `${unit}-map`,
        title: `${title}, ${sums.period}: baseline, median of ${replicates} replicate${replicates === 1 ? '' : 's'}`,
        caption: `From ${sums.source}. Boundaries: ${boundaries.attribution || 'see data/boundaries/README.md'}.`,
        spec: mapSpec({ shapes, labels, legendTitle: title }),
        table: {
          header: [unit, 'median', '5th percentile', '95th percentile'],
          rows: regions.map((region) => [region, formatNumber(statistic(region, 0.5)), formatNumber(statistic(region, 0.05)), formatNumber(statistic(region, 0.95))]),
        },
      },
    ],
    notes: missing.length > 0 ? [`Grey ${unit}s have no ${metric} column in this batch: ${missing.join(', ')}.`] : [],
  };
}
