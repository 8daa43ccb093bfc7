import { describe, expect, it } from 'vitest';
import { textTable } from '../../src/cli/text-table.ts';

describe('cli/text-table', () => {
  it('pads every column to its widest cell, names left and numbers right, two spaces apart', () => {
    // Arrange
    const header = ['strategy', 'hpi_mean', 'idps_max'];
    const rows = [
      ['baseline', '61.2', '320000'],
      ['negotiation', '64 (+2.8*)', '290000'],
    ];

    // Act
    const lines = textTable(header, rows).split('\n');

    // Assert
    expect(lines).toEqual(['strategy       hpi_mean  idps_max', 'baseline           61.2    320000', 'negotiation  64 (+2.8*)    290000']);
  });

  it('left-aligns the columns it is told to, e.g. the parameter after the rank', () => {
    const lines = textTable(['rank', 'parameter', 'μ*'], [['1', 'x1', '7.71'], ['10', 'legitimacy', '0.5']], [1]).split('\n');
    expect(lines).toEqual(['rank  parameter     μ*', '   1  x1          7.71', '  10  legitimacy   0.5']);
  });
});
