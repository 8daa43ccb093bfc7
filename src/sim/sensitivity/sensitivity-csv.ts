/**
 * sensitivity.csv: the indices of a sensitivity analysis in tidy form, one row per method,
 * outcome, parameter and index — `method, outcome, parameter, index, value, ci_low, ci_high` —
 * in the order of the experiment's outcomes and parameters (docs/sensitivity.md, for reports).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cellNumber, readCsvRecords, toCsv, type Cell } from '../output/csv.ts';
import { writeFileAtomic } from '../output/files.ts';
import type { IndexEstimate, OutcomeIndices } from './indices.ts';
import type { Method } from './settings.ts';

export const SENSITIVITY_FILE = 'sensitivity.csv';

export const SENSITIVITY_COLUMNS = ['method', 'outcome', 'parameter', 'index', 'value', 'ci_low', 'ci_high'] as const;

export interface SensitivityRow {
  readonly method: Method;
  /** Summary column of runs.csv, e.g. hpi_mean. */
  readonly outcome: string;
  /** Scenario path, e.g. fear.exposure. */
  readonly parameter: string;
  readonly index: IndexEstimate['index'];
  readonly value: number;
  readonly ciLow: number;
  readonly ciHigh: number;
}

/** Rows for every outcome's estimates, outcome by outcome, parameters in experiment order. */
export function sensitivityRows(method: Method, outcomes: readonly string[], parameters: readonly string[], results: readonly OutcomeIndices[]): SensitivityRow[] {
  return outcomes.flatMap((outcome, o) =>
    results[o].estimates.map((estimate) => ({
      method,
      outcome,
      parameter: parameters[estimate.parameter],
      index: estimate.index,
      value: estimate.value,
      ciLow: estimate.ciLow,
      ciHigh: estimate.ciHigh,
    })),
  );
}

/** Writes sensitivity.csv into `folder` atomically; non-finite values become empty cells. */
export function writeSensitivityCsv(folder: string, rows: readonly SensitivityRow[]): string {
  const file = join(folder, SENSITIVITY_FILE);
  const cells: Cell[][] = rows.map((row) => [row.method, row.outcome, row.parameter, row.index, row.value, row.ciLow, row.ciHigh]);
  writeFileAtomic(file, toCsv(SENSITIVITY_COLUMNS, cells));
  return file;
}

/** sensitivity.csv of a results folder read back (for the report); null when the folder has none. */
export function readSensitivityCsv(folder: string): SensitivityRow[] | null {
  const file = join(folder, SENSITIVITY_FILE);
  if (!existsSync(file)) return null;
  return readCsvRecords(file).map((record) => ({
    method: record['method'] as Method,
    outcome: record['outcome'] ?? '',
    parameter: record['parameter'] ?? '',
    index: record['index'] as SensitivityRow['index'],
    value: cellNumber(record['value']),
    ciLow: cellNumber(record['ci_low']),
    ciHigh: cellNumber(record['ci_high']),
  }));
}
