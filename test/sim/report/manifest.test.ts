import { describe, expect, it } from 'vitest';
import { columnTitles, type BatchManifest } from '../../../src/sim/report/manifest.ts';

/** Only what columnTitles reads; the rest of a manifest does not matter here. */
function manifestWith(columns: BatchManifest['columns']): BatchManifest {
  return { columns } as BatchManifest;
}

describe('report/manifest: columnTitles', () => {
  it('names a column by the title the manifest records for it, series and summary alike', () => {
    // Arrange
    const titleOf = columnTitles(
      manifestWith({
        series: [{ name: 'hpi', title: 'Human protection index', unit: 'index', doc: '' }],
        summary: [{ name: 'hpi_mean', title: 'Human protection index (mean)', unit: 'index', doc: '' }],
      }),
    );

    // Act and assert
    expect([titleOf('hpi'), titleOf('hpi_mean')]).toEqual(['Human protection index', 'Human protection index (mean)']);
  });

  it('falls back to the name in words for a column without a title, and for a folder whose manifest lists no columns', () => {
    const untitled = columnTitles(manifestWith({ series: [], summary: [{ name: 'outbursts', unit: 'outbursts', doc: '' }] }));
    const old = columnTitles(manifestWith(undefined));
    expect([untitled('outbursts'), old('civilian_deaths_total')]).toEqual(['Outbursts', 'Civilian deaths total']);
  });
});
