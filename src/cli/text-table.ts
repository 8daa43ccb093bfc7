/**
 * The plain-text tables the commands print (a batch's headline outcomes, the sensitivity
 * ranking, the fit and the calibrated posterior): columns two spaces apart, each as wide as its
 * widest cell, names left-aligned and numbers right-aligned so their digits line up.
 */

/**
 * The header and rows as lines of text, without a final newline.
 * @param leftAligned indices of the columns of names (the others are right-aligned); default the first
 * @example textTable(['strategy', 'deaths'], [['baseline', '12'], ['aid', '9.5']]) → 'strategy  deaths\nbaseline      12\naid          9.5'
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], leftAligned: readonly number[] = [0]): string {
  const widths = header.map((title, c) => Math.max(title.length, ...rows.map((row) => row[c].length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, c) => (leftAligned.includes(c) ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
