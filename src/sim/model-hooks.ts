/**
 * What a model may offer the commands besides its rules: the model-specific parts of the batch
 * report, and the observed record it is validated and calibrated against. Every hook is
 * optional: a model without them runs, batches and gets a report all the same (without the
 * cluster chart, the map or the observed panel), and `observe`, `fit` and `calibrate` say that
 * it has no observed record. The command line reads these from the model definition, so it
 * never needs to know a model's internals.
 */
import type { RunSeries } from './validation/batch-series.ts';
import type { SeriesFit } from './validation/fit.ts';

/** The model-specific parts of the batch report (docs/report.md). */
export interface ModelReport {
  /** Names of the security clusters 1, 2, … (columns `deaths_cluster_<k>_total`), for the cluster chart. */
  readonly clusterNames?: readonly string[];
  /** The map of the model's places. */
  readonly map?: ModelMap;
}

export interface ModelMap {
  /** GeoJSON FeatureCollection whose features name a place of the scenario in `properties[unit]` (report/boundaries.ts). */
  readonly boundaries: string;
  /** What the features are, and the property naming each (default `region`). */
  readonly unit?: string;
  /** The metric mapped when `--map-metric` is not given: series columns `<metric>_<place>`. */
  readonly metric: string;
  /** Its title on the map (default: the words of its name). */
  readonly title?: string;
  /** What a reader of the map must know of the outlines (boundary changes, regions drawn over others). */
  readonly notes: readonly string[];
}

/** One observed value, in the tidy schema `sahel-sim observe` writes. */
export interface ObservedValue {
  readonly series: string;
  readonly year: number;
  /** ISO date of a dated observation; null for a yearly one. */
  readonly date: string | null;
  readonly region: string | null;
  readonly value: number;
  readonly source: string;
  /** What the series counts, in words. */
  readonly definition: string;
  /** The model output it is compared with. */
  readonly modelOutput: string;
}

/** The observed record a model is scored and calibrated against (docs/validation.md). */
export interface ModelValidation {
  /** Every observed value, one row each. */
  observations(): readonly ObservedValue[];
  /** Scores the runs of one strategy of a batch folder, writes the fit's files there, and returns the fit of each series. */
  fit(folder: string, strategy: string): { readonly fits: readonly SeriesFit[]; readonly files: readonly string[]; readonly runs: number };
  /** Calibration's distance of each sweep point, given its baseline runs: smaller is closer to the record. */
  score(runsByPoint: readonly (readonly RunSeries[])[]): number[];
}
