/**
 * Numbers and names as the report and the commands' tables print them: the same in every locale
 * (no thousands separators, as in the CSV files), and column names turned into words for titles.
 */

/**
 * A number for a label or table: whole numbers from 100 on, three significant digits below.
 * @example formatNumber(1234.56) → '1235'; formatNumber(0.012345) → '0.0123'; formatNumber(NaN) → '—'
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (Math.abs(value) >= 100) return String(Math.round(value));
  return String(Number(value.toPrecision(3)));
}

/**
 * A snake_case column name as words.
 * @example columnWords('civilian_deaths') → 'Civilian deaths'
 */
export function columnWords(column: string): string {
  const words = column.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
