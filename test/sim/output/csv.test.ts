import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epsteinModel } from '../../../src/agents/epstein/model.ts';
import { epsteinSchema } from '../../../src/agents/epstein/params.ts';
import { toCsv, type Cell } from '../../../src/sim/output/csv.ts';
import { partialName, writeFileAtomic } from '../../../src/sim/output/files.ts';
import { groupsCsv, seriesCsv, summaryCsv } from '../../../src/sim/output/run-files.ts';
import { MetricSeries } from '../../../src/sim/metrics.ts';
import { runScenario, type RunResult } from '../../../src/sim/schedule.ts';
import { scratchFolder } from '../../support/scratch.ts';

/** Reads CSV text as csv-parse does by default (what R and pandas users will meet). */
function readCsv(text: string): string[][] {
  return parse(text) as string[][];
}

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

describe('output/csv: toCsv', () => {
  it('text with commas, quotes, newlines and non-ASCII characters round-trips through csv-parse', () => {
    // Arrange
    const texts = ['Gao, Kidal', 'say "hi"', 'line 1\nline 2', 'crlf\r\nx', 'Ségou – Tombouctou ✓ 🙂', ' padded ', '"', ',', '#not a comment', ''];

    // Act
    const csv = toCsv(['text', 'n'], texts.map((text, i) => [text, i]));

    // Assert
    expect(readCsv(csv)).toEqual([['text', 'n'], ...texts.map((text, i) => [text, String(i)])]);
  });

  it('any text round-trips through csv-parse (property, fixed seed)', () => {
    // Arrange: strings rich in the characters CSV must escape, and arbitrary Unicode
    const tricky = fc.string({ unit: fc.constantFrom(',', '"', '\n', '\r', ' ', 'a', 'é', '🙂', '\t') });
    const text = fc.oneof(tricky, fc.string({ unit: 'binary' }));
    const rows = fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 5 });

    // Act & Assert
    fc.assert(
      fc.property(rows, (cells) => {
        const parsed = readCsv(toCsv(['a', 'b'], cells));
        expect(parsed).toEqual([['a', 'b'], ...cells.map(([a, b]) => [a, b])]);
      }),
      { seed: 20020514, numRuns: 300 },
    );
  });

  it('numbers are written in their shortest exact form, with . decimals and no thousands separators', () => {
    // Arrange
    const values = [0, 1120, 0.82, 0.1 + 0.2, -2.5, 1e21, 5e-324, 1234567.5];

    // Act
    const [, cells] = readCsv(toCsv(values.map((_, i) => `c${i}`), [values]));

    // Assert
    expect(cells).toEqual(['0', '1120', '0.82', '0.30000000000000004', '-2.5', '1e+21', '5e-324', '1234567.5']);
  });

  it('every finite number reads back as exactly the same number (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        // Act
        const [, [cell]] = readCsv(toCsv(['x'], [[value]]));

        // Assert
        expect(Number(cell)).toBe(value === 0 ? 0 : value);
        expect(cell).toBe(String(value));
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('NaN, Infinity, -Infinity, null and undefined become empty cells', () => {
    // Arrange
    const row: Cell[] = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, null, undefined, 1];

    // Act
    const csv = toCsv(['a', 'b', 'c', 'd', 'e', 'f'], [row]);

    // Assert
    expect(csv).toBe('a,b,c,d,e,f\n,,,,,1\n');
  });

  it('booleans are written as true and false', () => {
    // Act
    const csv = toCsv(['torus', 'movement'], [[true, false]]);

    // Assert
    expect(csv).toBe('torus,movement\ntrue,false\n');
  });

  it('writes a header even with no rows, and ends every line with \\n', () => {
    // Act
    const empty = toCsv(['a', 'b'], []);
    const two = toCsv(['a'], [[1], [2]]);

    // Assert
    expect(empty).toBe('a,b\n');
    expect(two).toBe('a\n1\n2\n');
  });
});

describe('output/files: writeFileAtomic', () => {
  const tempFolder = (): string => scratchFolder('files');

  it('writes the content, creating missing folders, and leaves no partial file behind', () => {
    // Arrange
    const folder = tempFolder();
    const file = join(folder, 'deep', 'er', 'series.csv');

    // Act
    writeFileAtomic(file, 'a,b\n1,2\n');

    // Assert
    expect(readFileSync(file, 'utf8')).toBe('a,b\n1,2\n');
    expect(readdirSync(dirname(file))).toEqual(['series.csv']);
  });

  it('writes bytes as given', () => {
    // Arrange
    const file = join(tempFolder(), 'bytes.bin');
    const bytes = Uint8Array.from([0, 255, 10, 13, 44]);

    // Act
    writeFileAtomic(file, bytes);

    // Assert
    expect([...readFileSync(file)]).toEqual([...bytes]);
  });

  it('replaces an existing file by renaming a new one over it, so a reader of the old file never sees a mix', () => {
    // Arrange
    const folder = tempFolder();
    const file = join(folder, 'summary.csv');
    writeFileSync(file, 'old content\n');
    const oldInode = statSync(file).ino;
    const reader = openSync(file, 'r');

    try {
      // Act
      writeFileAtomic(file, 'new content, longer than the old one\n');

      // Assert: the reader still holds the complete old file; the name now holds the complete new one
      const buffer = Buffer.alloc(64);
      const read = readSync(reader, buffer, 0, buffer.length, 0);
      expect(buffer.subarray(0, read).toString('utf8')).toBe('old content\n');
      expect(readFileSync(file, 'utf8')).toBe('new content, longer than the old one\n');
      expect(statSync(file).ino).not.toBe(oldInode);
      expect(readdirSync(folder)).toEqual(['summary.csv']);
    } finally {
      closeSync(reader);
    }
  });

  it('the partial file is a hidden name in the same folder, so the rename stays on one filesystem', () => {
    // Arrange
    const file = join('/some/results', 'series.csv');

    // Act
    const partial = partialName(file);

    // Assert
    expect(dirname(partial)).toBe('/some/results');
    expect(basename(partial)).toMatch(/^\.series\.csv\.partial-\d+$/);
  });

  it('when the rename fails, the error propagates and no partial file is left', () => {
    // Arrange: a folder sits where the file should go, so the rename cannot replace it
    const folder = tempFolder();
    const file = join(folder, 'manifest.json');
    mkdirSync(file);

    // Act
    const attempt = (): void => writeFileAtomic(file, '{}\n');

    // Assert
    expect(attempt).toThrow();
    expect(existsSync(partialName(file))).toBe(false);
    expect(readdirSync(folder)).toEqual(['manifest.json']);
    expect(statSync(file).isDirectory()).toBe(true);
  });
});

describe('output/run-files: seriesCsv and summaryCsv', () => {
  const rounds = 6;
  const params = epsteinSchema.parse({ id: 'csv-test', model: 'epstein-civil-violence', rounds, grid: { width: 15, height: 15 } });
  const result = runScenario(epsteinModel, params, 11);

  it('series.csv has snake_case headers and one row per time point 0..R', () => {
    // Act
    const csv = seriesCsv(result, { scenario: 'csv-test', seed: 11 }, null);

    // Assert
    const [header, ...rows] = readCsv(csv);
    expect(header.slice(0, 3)).toEqual(['scenario', 'seed', 'round']);
    expect(header).not.toContain('date');
    for (const column of header) expect(column).toMatch(SNAKE_CASE);
    expect(rows).toHaveLength(rounds + 1);
    expect(rows.map((row) => row[2])).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    for (const row of rows) {
      expect(row.slice(0, 2)).toEqual(['csv-test', '11']);
      expect(row).toHaveLength(header.length);
    }
  });

  it('series.csv holds the run\'s metric values, each cell reading back as the number recorded', () => {
    // Act
    const records = parse(seriesCsv(result, { scenario: 'csv-test', seed: 11 }, null), { columns: true }) as Record<string, string>[];

    // Assert
    result.series.names.forEach((name, m) => {
      expect(records.map((record) => Number(record[name]))).toEqual(Array.from({ length: rounds + 1 }, (_, r) => result.series.get(r, m)));
    });
  });

  it('summary.csv has snake_case headers and exactly one row with the run\'s summary', () => {
    // Act
    const csv = summaryCsv(result, { scenario: 'csv-test', seed: 11 });

    // Assert
    const [header, ...rows] = readCsv(csv);
    expect(header).toEqual(['scenario', 'seed', 'rounds', ...result.summaryNames]);
    for (const column of header) expect(column).toMatch(SNAKE_CASE);
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(0, 3)).toEqual(['csv-test', '11', String(rounds)]);
    expect(rows[0].slice(3).map(Number)).toEqual([...result.summary]);
  });

  it('with a calendar, series.csv has an ISO date column after round, and missing values are empty', () => {
    // Arrange: a hand-made result of 3 time points, with one missing value
    const series = new MetricSeries(['displaced', 'violence_share'], 3, Float64Array.from([10, 0.5, 12, Number.NaN, 15, 0.25]));
    const handMade: RunResult = { seed: 5, series, summaryNames: ['displaced_max'], breakdowns: [], summary: Float64Array.from([15]) };
    const dates = ['2012-01-01', '2012-01-08', '2012-01-15'];

    // Act
    const rows = readCsv(seriesCsv(handMade, { scenario: 'mali-2012', seed: 5 }, dates));

    // Assert
    expect(rows).toEqual([
      ['scenario', 'seed', 'round', 'date', 'displaced', 'violence_share'],
      ['mali-2012', '5', '0', '2012-01-01', '10', '0.5'],
      ['mali-2012', '5', '1', '2012-01-08', '12', ''],
      ['mali-2012', '5', '2', '2012-01-15', '15', '0.25'],
    ]);
  });

  it('summary.csv counts rounds, not time points', () => {
    // Arrange
    const series = new MetricSeries(['a'], 4);
    const handMade: RunResult = { seed: 1, series, summaryNames: [], summary: new Float64Array(0), breakdowns: [] };

    // Act
    const rows = readCsv(summaryCsv(handMade, { scenario: 's', seed: 1 }));

    // Assert
    expect(rows).toEqual([['scenario', 'seed', 'rounds'], ['s', '1', '3']]);
  });
});

describe('output/run-files: groupsCsv', () => {
  // Two breakdowns with awkward names (a comma, quotes), 3 time points, one missing value.
  const series = new MetricSeries(['a'], 3);
  const cercles = { by: 'cercle', groups: ['Gao', 'Tin, "Essako"'], measures: [{ name: 'residents', unit: 'people', doc: '' }, { name: 'deaths', unit: 'people', doc: '' }], read: () => undefined };
  const communities = { by: 'community', groups: ['fulani'], measures: [{ name: 'residents', unit: 'people', doc: '' }], read: () => undefined };
  const breakdowns = [
    { definition: cercles, values: Float64Array.from({ length: 3 * 4 }, (_, k) => (k === 5 ? Number.NaN : k * 1.5)) },
    { definition: communities, values: Float64Array.from([7, 8, 9]) },
  ];
  const handMade: RunResult = { seed: 3, series, summaryNames: [], summary: new Float64Array(0), breakdowns };
  const dates = ['2012-01-01', '2012-01-08', '2012-01-15'];

  it('writes one row per round × grouping × group × measure, byte for byte what stringifying each row gives', () => {
    const rows: Cell[][] = [];
    for (let r = 0; r < 3; r++) {
      cercles.groups.forEach((group, g) => cercles.measures.forEach((measure, m) => rows.push(['mali, 2012', 3, r, dates[r], 'cercle', group, measure.name, breakdowns[0].values[r * 4 + g * 2 + m]])));
      rows.push(['mali, 2012', 3, r, dates[r], 'community', 'fulani', 'residents', breakdowns[1].values[r]]);
    }
    const csv = groupsCsv(handMade, { scenario: 'mali, 2012', seed: 3 }, dates);
    expect(csv).toBe(toCsv(['scenario', 'seed', 'round', 'date', 'by', 'group', 'measure', 'value'], rows));
    const parsed = readCsv(csv);
    expect(parsed).toHaveLength(1 + 3 * 5);
    expect(parsed[3]).toEqual(['mali, 2012', '3', '0', '2012-01-01', 'cercle', 'Tin, "Essako"', 'residents', '3']);
    expect(parsed[7].slice(5)).toEqual(['Gao', 'deaths', '']); // the missing value of round 1
  });
});
