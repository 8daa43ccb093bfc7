import { describe, it, expect } from 'vitest';
import {
  MetricRecorder,
  MetricSeries,
  summarise,
  summaryColumns,
  summaryNames,
  type MetricDefinition,
  type SummaryDefinition,
} from '../../src/sim/metrics.ts';

interface ToyState {
  active: number;
  jailed: number;
}

const ALL_REDUCERS = ['initial', 'final', 'mean', 'min', 'max', 'total'] as const;

const ACTIVE: MetricDefinition<ToyState> = {
  name: 'active',
  title: 'Active citizens',
  doc: 'citizens in open rebellion',
  unit: 'agents',
  summary: ALL_REDUCERS,
  read: (state) => state.active,
};
const JAILED: MetricDefinition<ToyState> = {
  name: 'jailed',
  title: 'Jailed citizens',
  doc: 'citizens in jail',
  unit: 'agents',
  summary: ['max', 'final'],
  read: (state) => state.jailed,
};

/** A series built by hand: one row per round, columns in `names` order. */
function seriesOf(names: string[], rows: number[][]): MetricSeries {
  return new MetricSeries(names, rows.length, Float64Array.from(rows.flat()));
}

describe('metrics: MetricRecorder', () => {
  it('writes each metric of each round into row-major cells of a series with rounds + 1 rows', () => {
    // Arrange
    const recorder = new MetricRecorder([ACTIVE, JAILED], 2);
    const state: ToyState = { active: 5, jailed: 0 };

    // Act
    recorder.record(0, state);
    state.active = 3;
    state.jailed = 2;
    recorder.record(1, state);
    state.active = 1;
    state.jailed = 4;
    recorder.record(2, state);

    // Assert
    const { series } = recorder;
    expect(series.names).toEqual(['active', 'jailed']);
    expect(series.rows).toBe(3);
    expect(Array.from(series.values)).toEqual([5, 0, 3, 2, 1, 4]);
    expect(series.get(1, 1)).toBe(2);
    expect(Array.from(series.column('jailed'))).toEqual([0, 2, 4]);
  });

  it('re-recording a row overwrites it and leaves other rows alone', () => {
    const recorder = new MetricRecorder([ACTIVE], 1);
    recorder.record(0, { active: 1, jailed: 0 });
    recorder.record(1, { active: 2, jailed: 0 });
    recorder.record(1, { active: 9, jailed: 0 });
    expect(Array.from(recorder.series.values)).toEqual([1, 9]);
  });
});

describe('metrics: MetricSeries', () => {
  it('column returns a copy of one metric over rounds 0..R', () => {
    // Arrange
    const series = seriesOf(['a', 'b'], [
      [1, 10],
      [2, 20],
      [3, 30],
    ]);

    // Act
    const column = series.column('b');
    column[0] = -1;

    // Assert
    expect(Array.from(series.column('b'))).toEqual([10, 20, 30]);
    expect(Array.from(series.column('a'))).toEqual([1, 2, 3]);
  });

  it('indexOf an unknown metric throws, listing the known ones', () => {
    const series = seriesOf(['active', 'jailed'], [[0, 0]]);
    expect(series.indexOf('jailed')).toBe(1);
    expect(() => series.indexOf('arrests')).toThrow('no metric "arrests"; known: active, jailed');
    expect(() => series.column('arrests')).toThrow('no metric "arrests"');
  });

  it('values of the wrong length are rejected with a RangeError', () => {
    expect(() => new MetricSeries(['a', 'b'], 3, new Float64Array(5))).toThrow(RangeError);
    expect(new MetricSeries(['a', 'b'], 3).values.length).toBe(6);
  });
});

describe('metrics: summarise', () => {
  // Round 0 holds the extremes on purpose: mean, min, max and total must skip it.
  const SERIES = seriesOf(['active', 'jailed'], [
    [-100, 100],
    [1, 3],
    [5, 7],
    [-2, 2],
    [4, 6],
  ]);

  it('initial is round 0, final round R, and mean/min/max/total cover rounds 1..R only', () => {
    // Act
    const summary = summarise(SERIES, [ACTIVE, JAILED], [], null);

    // Assert: active over rounds 1..4 is 1, 5, −2, 4 (sum 8); jailed is 3, 7, 2, 6
    expect(Array.from(summary)).toEqual([-100, 4, 2, -2, 5, 8, 7, 6]);
  });

  it('summary columns are <metric>_<reducer> in declaration order, then the run-level summaries', () => {
    // Arrange
    const outbursts: SummaryDefinition<{ threshold: number }> = {
      name: 'outbursts',
      title: 'Outbursts',
      doc: 'rounds with more active citizens than the threshold',
      unit: 'rounds',
      compute: (series, params) => Array.from(series.column('active')).slice(1).filter((v) => v > params.threshold).length,
    };

    // Act
    const namesOut = summaryNames([ACTIVE, JAILED], [outbursts]);
    const values = summarise(SERIES, [ACTIVE, JAILED], [outbursts], { threshold: 3 });

    // Assert
    expect(namesOut).toEqual([
      'active_initial',
      'active_final',
      'active_mean',
      'active_min',
      'active_max',
      'active_total',
      'jailed_max',
      'jailed_final',
      'outbursts',
    ]);
    expect(values.length).toBe(namesOut.length);
    expect(values[namesOut.indexOf('outbursts')]).toBe(2); // rounds 2 (5) and 4 (4)
    expect(values[namesOut.indexOf('jailed_final')]).toBe(6);
  });

  it('the mean of a constant 0.82 series over 500 rounds is exactly 0.82 (compensated sum)', () => {
    // Arrange: a naive running sum of 500 × 0.82 drifts to a mean of 0.8199999999999943.
    const rounds = 500;
    const series = new MetricSeries(['share'], rounds + 1, new Float64Array(rounds + 1).fill(0.82));
    const share: MetricDefinition<unknown> = { name: 'share', title: 'Share', doc: '', unit: '1', summary: ['mean', 'total'], read: () => 0 };

    // Act
    const [mean, total] = summarise(series, [share], [], null);

    // Assert
    expect(mean).toBe(0.82);
    expect(total).toBe(410);
  });

  it('the total survives cancellation of large values (Neumaier, not plain Kahan)', () => {
    // Rounds 1..4 = 1, 1e100, 1, −1e100: a plain sum gives 0; the exact total is 2.
    const series = seriesOf(['x'], [[0], [1], [1e100], [1], [-1e100]]);
    const x: MetricDefinition<unknown> = { name: 'x', title: 'X', doc: '', unit: '', summary: ['total', 'mean'], read: () => 0 };
    expect(Array.from(summarise(series, [x], [], null))).toEqual([2, 0.5]);
  });

  it('a run of zero rounds has initial and final from round 0 and NaN for the reducers over rounds 1..R', () => {
    const series = seriesOf(['active', 'jailed'], [[7, 1]]);
    const summary = summarise(series, [ACTIVE], [], null);
    expect(summary[0]).toBe(7);
    expect(summary[1]).toBe(7);
    for (const value of summary.slice(2)) expect(value).toBeNaN();
  });
});

describe('metrics: summaryColumns', () => {
  it('gives each summary column its metric\'s title with the reducer in brackets, then the model\'s own outcomes', () => {
    // Arrange
    const outbursts = { name: 'outbursts', title: 'Outbursts', doc: 'Number of outbursts.', unit: 'outbursts', compute: () => 0 };

    // Act
    const columns = summaryColumns([JAILED], [outbursts]);

    // Assert
    expect(columns).toEqual([
      { name: 'jailed_max', title: 'Jailed citizens (max)', unit: 'agents', doc: 'maximum over rounds 1..R of `jailed`' },
      { name: 'jailed_final', title: 'Jailed citizens (final)', unit: 'agents', doc: 'value at the last round of `jailed`' },
      { name: 'outbursts', title: 'Outbursts', unit: 'outbursts', doc: 'Number of outbursts.' },
    ]);
    expect(columns.map((column) => column.name)).toEqual(summaryNames([JAILED], [outbursts]));
  });
});
