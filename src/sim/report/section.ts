/**
 * What the report is made of: sections (a heading, a short explanation of how to read what
 * follows, figures, notes), each figure a Vega-Lite spec with an optional table of the numbers
 * behind it; and the batch data and options every section builder reads.
 */
import type { ModelReport } from '../model-hooks.ts';
import type { TopLevelSpec } from 'vega-lite';
import type { Arm } from './arms.ts';
import type { ComparisonRow, RunsTable, SeriesTable, YearlyRow } from './load.ts';
import type { BatchManifest } from './manifest.ts';
import type { Palette } from './palette.ts';

export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface Figure {
  readonly id: string;
  readonly title: string;
  readonly spec: TopLevelSpec;
  /** Printed under the chart: units, sources, attribution. */
  readonly caption?: string;
  readonly table?: Table;
}

export interface Section {
  /** Anchor in the page. */
  readonly id: string;
  readonly title: string;
  /** Paragraphs on what the charts show and how to read them. */
  readonly explanation: readonly string[];
  /** Empty when the section does not apply to this batch; `notes` then say why. */
  readonly figures: readonly Figure[];
  readonly notes: readonly string[];
}

/** Options of a report (the `sahel-sim report` flags). */
export interface ReportOptions {
  /**
   * Run-level outcomes (runs.csv columns) for the time series and the forest plot; default: the
   * experiment's `outputs.headline`, else `modelHeadline`, else the first six outcomes of comparison.csv.
   */
  readonly headline?: readonly string[];
  /** The model's headline outcomes (ModelDefinition.headline), used when neither `headline` nor the experiment names any. */
  readonly modelHeadline?: readonly string[];
  /** Per-round metrics (series.csv columns) to draw through time instead of those behind the headline outcomes. */
  readonly seriesMetrics?: readonly string[];
  /** The map's metric: series columns `<metric>_<region>`, or runs.csv columns `<metric>_<region>_total`; default `violent_deaths`. */
  readonly mapMetric?: string;
  /** First date (ISO, included) of the map's period; default: the first round. */
  readonly from?: string;
  /** Last date (ISO, included) of the map's period; default: the last round. */
  readonly to?: string;
  /** The model's report hooks (ModelDefinition.report): cluster names, the map. */
  readonly model?: ModelReport;
  /** Where to write the page; default: RESULTS_DIR/report.html. */
  readonly out?: string;
  /** A folder to write each chart into as well, as `<chart id>.svg` (for papers and docs). */
  readonly svgDir?: string;
}

/** A batch folder read back, with what every section builder needs. */
export interface ReportData {
  readonly folder: string;
  readonly manifest: BatchManifest;
  readonly arms: readonly Arm[];
  readonly palette: Palette;
  readonly headline: readonly string[];
  readonly runs: RunsTable;
  readonly series: SeriesTable | null;
  readonly comparison: readonly ComparisonRow[];
  readonly yearly: readonly YearlyRow[] | null;
  readonly options: ReportOptions;
  /** What titles and axis labels call a column (manifest.ts, columnTitles). */
  readonly titleOf: (column: string) => string;
}
