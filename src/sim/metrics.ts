/**
 * Observation (ODD Design concepts › Observation): models declare named metrics that only
 * read state; the engine writes them each round into one preallocated Float64Array (rows =
 * rounds 0..R, columns = metrics) and reduces the series to a one-row run summary.
 */

/** How a metric's series is reduced for the run summary. `mean`, `min`, `max` and `total`
 *  cover rounds 1..R (what the run produced), `initial` is round 0 and `final` round R. */
export type Reducer = 'initial' | 'final' | 'mean' | 'min' | 'max' | 'total';

export interface MetricDefinition<S> {
  /** snake_case column name in series.csv */
  readonly name: string;
  /**
   * What a reader calls it, for chart titles and axis labels: short, sentence case, no unit
   * (`Human protection index`, `Internally displaced people`).
   */
  readonly title: string;
  readonly doc: string;
  readonly unit: string;
  /** Summary columns `<name>_<reducer>` in summary.csv. */
  readonly summary: readonly Reducer[];
  read(state: S): number;
}

/** A run-level outcome computed from the whole series (e.g. the number of outbursts). */
export interface SummaryDefinition<P = unknown> {
  readonly name: string;
  /** As MetricDefinition.title. */
  readonly title: string;
  readonly doc: string;
  readonly unit: string;
  compute(series: MetricSeries, params: P): number;
}

/** One column of series.csv or of the run summary (summary.csv, runs.csv), as the batch manifest lists it. */
export interface ColumnDescription {
  readonly name: string;
  /** For titles and axis labels. */
  readonly title: string;
  readonly unit: string;
  readonly doc: string;
}

/** What a summary column `<metric>_<reducer>` holds, in words. */
export const REDUCER_MEANING: Readonly<Record<Reducer, string>> = {
  initial: 'value at round 0',
  final: 'value at the last round',
  mean: 'mean over rounds 1..R',
  min: 'minimum over rounds 1..R',
  max: 'maximum over rounds 1..R',
  total: 'sum over rounds 1..R',
};


/**
 * The summary columns, in the order of `summaryNames`: a metric's carry its title with the
 * reducer in brackets.
 * @example summaryColumns([hpi], [])[0] → { name: 'hpi_mean', title: 'Human protection index (mean)', unit: 'index', doc: 'mean over rounds 1..R of `hpi`' }
 */
export function summaryColumns<S, P>(metrics: readonly MetricDefinition<S>[], summaries: readonly SummaryDefinition<P>[]): ColumnDescription[] {
  const reduced: ColumnDescription[] = metrics.flatMap((metric) =>
    metric.summary.map((reducer) => ({
      name: `${metric.name}_${reducer}`,
      title: `${metric.title} (${reducer})`,
      unit: metric.unit,
      doc: `${REDUCER_MEANING[reducer]} of \`${metric.name}\``,
    })),
  );
  return reduced.concat(summaries.map(({ name, title, unit, doc }) => ({ name, title, unit, doc })));
}

/** A run's metrics, one row per round (0 = initial state), row-major. */
export class MetricSeries {
  readonly values: Float64Array;
  private readonly indexByName: ReadonlyMap<string, number>;

  constructor(
    readonly names: readonly string[],
    readonly rows: number,
    values?: Float64Array,
  ) {
    this.values = values ?? new Float64Array(rows * names.length);
    if (this.values.length !== rows * names.length) {
      throw new RangeError(`series of ${rows} rows × ${names.length} metrics needs ${rows * names.length} values, found ${this.values.length}`);
    }
    this.indexByName = new Map(names.map((name, i) => [name, i]));
  }

  indexOf(name: string): number {
    const index = this.indexByName.get(name);
    if (index === undefined) throw new Error(`no metric "${name}"; known: ${this.names.join(', ')}`);
    return index;
  }

  get(row: number, metric: number): number {
    return this.values[row * this.names.length + metric];
  }

  /** The series of one metric over rounds 0..R, as a new array. */
  column(name: string): Float64Array {
    const m = this.indexOf(name);
    const out = new Float64Array(this.rows);
    for (let r = 0; r < this.rows; r++) out[r] = this.values[r * this.names.length + m];
    return out;
  }
}

/** Writes each round's metrics into a MetricSeries without allocating. */
export class MetricRecorder<S> {
  readonly series: MetricSeries;

  constructor(
    private readonly metrics: readonly MetricDefinition<S>[],
    rounds: number,
  ) {
    this.series = new MetricSeries(
      metrics.map((metric) => metric.name),
      rounds + 1,
    );
  }

  record(row: number, state: S): void {
    const { metrics } = this;
    const base = row * metrics.length;
    const values = this.series.values;
    for (let m = 0; m < metrics.length; m++) values[base + m] = metrics[m].read(state);
  }
}

function reduce(series: MetricSeries, metric: number, reducer: Reducer): number {
  const last = series.rows - 1;
  if (reducer === 'initial') return series.get(0, metric);
  if (reducer === 'final') return series.get(last, metric);
  if (last === 0) return Number.NaN;
  // Neumaier's compensated sum: a constant series averages to exactly that constant.
  let total = 0;
  let compensation = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let r = 1; r <= last; r++) {
    const value = series.get(r, metric);
    const sum = total + value;
    compensation += Math.abs(total) >= Math.abs(value) ? total - sum + value : value - sum + total;
    total = sum;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  total += compensation;
  switch (reducer) {
    case 'mean':
      return total / last;
    case 'total':
      return total;
    case 'min':
      return min;
    case 'max':
      return max;
  }
}

/** Names of the summary columns, in output order. */
export function summaryNames<S, P>(metrics: readonly MetricDefinition<S>[], summaries: readonly SummaryDefinition<P>[]): string[] {
  const names = metrics.flatMap((metric) => metric.summary.map((reducer) => `${metric.name}_${reducer}`));
  return names.concat(summaries.map((summary) => summary.name));
}

/** The run summary, in the order of `summaryNames`. */
export function summarise<S, P>(
  series: MetricSeries,
  metrics: readonly MetricDefinition<S>[],
  summaries: readonly SummaryDefinition<P>[],
  params: P,
): Float64Array {
  const values: number[] = [];
  metrics.forEach((metric, m) => {
    for (const reducer of metric.summary) values.push(reduce(series, m, reducer));
  });
  for (const summary of summaries) values.push(summary.compute(series, params));
  return Float64Array.from(values);
}

/**
 * A long-format observation: for each group of a grouping (each region, each community) the
 * same measures every round. Written to groups.csv as one row per round × group × measure, so
 * the wide series stays readable however many regions a scenario has.
 */
export interface BreakdownDefinition<S> {
  /** What the groups are, e.g. `region`. */
  readonly by: string;
  readonly groups: readonly string[];
  readonly measures: readonly { readonly name: string; readonly doc: string; readonly unit: string }[];
  /** Writes measure m of group g into out[g · measures + m]. */
  read(state: S, out: Float64Array): void;
}

/** Records breakdowns each round into one preallocated array per breakdown. */
export class BreakdownRecorder<S> {
  readonly values: Float64Array[];

  constructor(
    readonly definitions: readonly BreakdownDefinition<S>[],
    rounds: number,
  ) {
    this.values = definitions.map((d) => new Float64Array((rounds + 1) * d.groups.length * d.measures.length));
  }

  record(row: number, state: S): void {
    this.definitions.forEach((definition, k) => {
      const width = definition.groups.length * definition.measures.length;
      definition.read(state, this.values[k].subarray(row * width, (row + 1) * width));
    });
  }
}

/** Every column a run writes after the identifying ones: series.csv's, then the run summary's. */
export interface ColumnDictionary {
  readonly series: readonly ColumnDescription[];
  readonly summary: readonly ColumnDescription[];
}

/** The column dictionary of a model's observation, in output order (what the batch manifest records as `columns`). */
export function describeColumns<S, P>(metrics: readonly MetricDefinition<S>[], summaries: readonly SummaryDefinition<P>[]): ColumnDictionary {
  return { series: metrics.map(({ name, title, unit, doc }) => ({ name, title, unit, doc })), summary: summaryColumns(metrics, summaries) };
}
