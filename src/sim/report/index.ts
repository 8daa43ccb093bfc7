/**
 * `writeReport(RESULTS_DIR)`: the report of a finished batch as one self-contained HTML file,
 * RESULTS_DIR/report.html (docs/report.md). Reads the batch's files back (load.ts), builds the
 * sections (sections/), draws each chart to SVG with Vega (render.ts) and writes the page
 * (page.ts) atomically.
 */
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../output/files.ts';
import type { ModelDefinition, ScenarioBase } from '../schedule.ts';
import { TOOL_VERSION } from '../output/manifest.ts';
import { ScenarioError, type ScenarioIssue } from '../scenario/errors.ts';
import { displayPath } from '../scenario/load.ts';
import { readSensitivityCsv } from '../sensitivity/sensitivity-csv.ts';
import { armsOf } from './arms.ts';
import { readComparison, readRuns, readSeries, readYearly } from './load.ts';
import { columnTitles, provenanceRows, readManifest, type BatchManifest } from './manifest.ts';
import { pageHtml, type RenderedSection } from './page.ts';
import { strategyPalette } from './palette.ts';
import { renderSvg } from './render.ts';
import type { ReportData, ReportOptions, Section } from './section.ts';
import { clusterSection } from './sections/clusters.ts';
import { forestSection } from './sections/forest.ts';
import { isMapColumn, mapSection } from './sections/map.ts';
import { observedSection } from './sections/observed.ts';
import { sensitivitySection } from './sections/sensitivity.ts';
import { seriesFor, timeSeriesSection } from './sections/time-series.ts';

export type { ReportOptions } from './section.ts';
export { readManifest } from './manifest.ts';

export interface ReportResult {
  /** The page written. */
  readonly file: string;
  /** Ids of the charts drawn, in page order. */
  readonly charts: readonly string[];
  /** Why charts were left out (a batch of a model without clusters or regions, no yearly.csv…). */
  readonly notes: readonly string[];
  /** Warnings of Vega-Lite and Vega while drawing, by chart id; none expected. */
  readonly warnings: readonly string[];
}

/** How many comparison outcomes to chart when neither the options nor the experiment name any. */
const FALLBACK_OUTCOMES = 6;

/**
 * Checks --from and --to before any work.
 * @throws ScenarioError when a date is not an ISO date (YYYY-MM-DD) or from is after to
 */
function checkOptions(options: ReportOptions): void {
  const issues: ScenarioIssue[] = [];
  const isDate = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
  for (const [flag, value] of [['--from', options.from], ['--to', options.to]] as const) {
    if (value !== undefined && !isDate(value)) issues.push({ source: flag, path: '', expected: 'an ISO date YYYY-MM-DD', found: JSON.stringify(value) });
  }
  if (issues.length === 0 && options.from !== undefined && options.to !== undefined && options.from > options.to) {
    issues.push({ source: '--from, --to', path: '', expected: '', found: '', message: `--from must not be after --to, found ${options.from} and ${options.to}` });
  }
  if (issues.length > 0) throw new ScenarioError(issues);
}

/** The outcomes to chart: asked for, else the experiment's, else the model's, else the first of comparison.csv. */
function headlineOf(manifest: BatchManifest, options: ReportOptions, compared: readonly string[], outcomes: readonly string[]): string[] {
  if (options.headline && options.headline.length > 0) return [...options.headline];
  const experiment = manifest.experiment.resolved.outputs?.headline ?? [];
  if (experiment.length > 0) return [...experiment];
  if (options.modelHeadline && options.modelHeadline.length > 0) return [...options.modelHeadline];
  const pool = compared.length > 0 ? compared : outcomes;
  return [...new Set(pool)].slice(0, FALLBACK_OUTCOMES);
}

/**
 * The sections of a batch of strategies — time series, effects, clusters, map, and the observed
 * record when fitted — and its number of rounds when series.csv tells it.
 */
async function batchSections(resultsDir: string, manifest: BatchManifest, options: ReportOptions): Promise<{ sections: Section[]; rounds?: number }> {
  const comparison = readComparison(resultsDir, manifest);
  const runs = await readRuns(resultsDir, manifest);
  const headline = headlineOf(manifest, options, comparison.map((row) => row.outcome), [...runs.outcomes.keys()]);
  const mapMetric = options.mapMetric ?? options.model?.map?.metric;
  const series = await readSeries(resultsDir, (metric) => seriesFor(headline, [metric], options.seriesMetrics).choices.length > 0 || (mapMetric !== undefined && isMapColumn(metric, mapMetric)));
  const data: ReportData = {
    folder: resultsDir,
    manifest,
    arms: armsOf(manifest),
    palette: strategyPalette(manifest.experiment.strategies.map((strategy) => strategy.name)),
    headline,
    runs,
    series,
    comparison,
    yearly: readYearly(resultsDir),
    options,
    titleOf: columnTitles(manifest),
  };
  const sections = [timeSeriesSection(data), forestSection(data), clusterSection(data), mapSection(data), observedSection(data)].filter(
    (section): section is Section => section !== null,
  );
  return series ? { sections, rounds: series.rounds - 1 } : { sections };
}

/**
 * Writes the report of the batch in `resultsDir` to `resultsDir/report.html` (or `options.out`).
 * @throws ScenarioError when the folder is not a finished batch or an option is invalid
 * @example await writeReport('results/cmp', { headline: ['civilian_deaths_total'] }) → { file: 'results/cmp/report.html', charts: [...], notes: [...] }
 */
/** What a report takes from the model's definition: its headline outcomes and its report hooks. */
export function modelReportOptions(model: Pick<ModelDefinition<ScenarioBase, unknown>, 'headline' | 'report'> | undefined): Pick<ReportOptions, 'modelHeadline' | 'model'> {
  return { ...(model?.headline ? { modelHeadline: model.headline } : {}), ...(model?.report ? { model: model.report } : {}) };
}

export async function writeReport(resultsDir: string, options: ReportOptions = {}): Promise<ReportResult> {
  checkOptions(options);
  const manifest = readManifest(resultsDir);
  const sensitivity = readSensitivityCsv(resultsDir);
  // The runs of a sensitivity analysis are design points, not strategies: its folder gets the
  // sensitivity charts alone.
  const { sections, rounds = manifest.experiment.resolved.rounds } = sensitivity
    ? { sections: [sensitivitySection(sensitivity, columnTitles(manifest))] }
    : await batchSections(resultsDir, manifest, options);
  const rendered: RenderedSection[] = [];
  const warnings: string[] = [];
  for (const section of sections) {
    const svgs: string[] = [];
    for (const figure of section.figures) {
      const chart = await renderSvg(figure.spec, figure.id);
      svgs.push(chart.svg);
      if (options.svgDir) writeFileAtomic(join(options.svgDir, `${figure.id}.svg`), `${chart.svg}\n`);
      warnings.push(...chart.warnings.map((warning) => `${figure.id}: ${warning}`));
    }
    rendered.push({ section, svgs });
  }
  const { resolved } = manifest.experiment;
  const replicates = Math.max(0, ...manifest.runs.map((run) => run.replicate));
  const file = options.out ?? join(resultsDir, 'report.html');
  writeFileAtomic(
    file,
    pageHtml({
      title: resolved.title ?? `Experiment ${resolved.id}`,
      subtitle: `${
        sensitivity
          ? `Sensitivity analysis of experiment ${resolved.id}: model ${manifest.model}, scenario ${manifest.scenario}; ${manifest.points.length} design points × ${replicates} replicate${replicates === 1 ? '' : 's'}`
          : `Batch report of experiment ${resolved.id}: model ${manifest.model}, scenario ${manifest.scenario}; ${manifest.experiment.strategies.length} strategies × ${manifest.points.length} sweep point${manifest.points.length === 1 ? '' : 's'} × ${replicates} replicates`
      }${rounds === undefined ? '' : `, ${rounds} rounds`}.${resolved.description ? ` ${resolved.description}` : ''}`,
      provenance: provenanceRows(manifest),
      sections: rendered,
      generated: `Written by sahel-sim ${TOOL_VERSION} (sahel-sim report) from the batch folder ${displayPath(resolve(resultsDir))}. Charts drawn with Vega-Lite and Vega; see docs/report.md for how to read them.`,
    }),
  );
  return {
    file,
    charts: sections.flatMap((section) => section.figures.map((figure) => figure.id)),
    notes: sections.flatMap((section) => section.notes.map((note) => `${section.title}: ${note}`)),
    warnings,
  };
}
