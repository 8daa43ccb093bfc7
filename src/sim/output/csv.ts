/**
 * Tidy CSV for R and pandas: snake_case headers, one observation per row, `.` decimals, no
 * thousands separators, ISO dates, empty cells for missing values (NA in R, NaN in pandas).
 * Quoting is left to csv-stringify, so text with commas, quotes or newlines round-trips.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | boolean | null | undefined;

/** Numbers in their shortest exact form (JavaScript's), non-finite ones as empty cells. */
export function castNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

/** A whole CSV document: header line, then rows. */
export function toCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return stringify(rows as Cell[][], {
    header: true,
    columns: [...columns],
    cast: { number: castNumber, boolean: (value) => (value ? 'true' : 'false') },
    record_delimiter: '\n',
    // csv-stringify quotes \n but not a lone \r, which R and pandas would take as a line end.
    quoted_match: /\r/,
  });
}

/** CSV lines of `rows` without a header, for files written in pieces. */
export function csvRows(rows: readonly (readonly Cell[])[]): string {
  if (rows.length === 0) return '';
  return stringify(rows as Cell[][], {
    header: false,
    cast: { number: castNumber, boolean: (value) => (value ? 'true' : 'false') },
    record_delimiter: '\n',
    quoted_match: /\r/,
  });
}

/** The header line of a CSV file written in pieces. */
export function csvHeader(columns: readonly string[]): string {
  return csvRows([columns]);
}

/** A whole CSV file read back: one record per row, keyed by the header's column names. */
export function readCsvRecords(file: string): Record<string, string>[] {
  return parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

/** A cell read back as a number: empty cells (and absent ones) are missing values, NaN. */
export function cellNumber(cell: string | undefined): number {
  return cell === undefined || cell === '' ? Number.NaN : Number(cell);
}
