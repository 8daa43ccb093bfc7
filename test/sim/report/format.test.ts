import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src/sim/report/format.ts';

describe('report/format: formatNumber, shared by the report and the commands', () => {
  it('gives three significant digits below 100, whole numbers from 100 on, and a dash for what is not a number', () => {
    expect([0.012345, 1.23456, 61.25, 123.4, 1234.56, 320_123, -0.5, 0].map(formatNumber)).toEqual(['0.0123', '1.23', '61.3', '123', '1235', '320123', '-0.5', '0']);
    expect([Number.NaN, Number.POSITIVE_INFINITY].map(formatNumber)).toEqual(['—', '—']);
  });
});
