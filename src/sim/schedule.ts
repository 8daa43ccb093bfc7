/**
 * Rounds, phases and time (ODD Overview › Process overview and scheduling). The engine owns
 * the clock: a run is rounds 1..R; before each round it updates time-varying parameters, then
 * runs the model's phases in their declared order, then records the metrics. Round 0 is the
 * initial state. Models never advance time themselves. The engine knows nothing about Mali.
 */
import type { z } from 'zod';
import {
  BreakdownRecorder,
  MetricRecorder,
  summarise,
  summaryNames,
  type BreakdownDefinition,
  type MetricDefinition,
  type MetricSeries,
  type SummaryDefinition,
} from './metrics.ts';
import type { ModelReport, ModelValidation } from './model-hooks.ts';
import { RandomStream, type StreamState } from './random.ts';
import { cloneParams, decimalYear, findVarying, type TimeScope, type Varying } from './varying.ts';

export interface Calendar {
  /** Date of round 0, YYYY-MM-DD. */
  readonly start: string;
  /** Simulated days per round. */
  readonly roundDays: number;
}

/** The parameters every scenario has, whatever its model. */
export interface ScenarioBase {
  readonly id: string;
  readonly model: string;
  readonly rounds: number;
  readonly seed?: number | undefined;
  readonly calendar?: Calendar | undefined;
  /** Testing only: the run throws at `failAtRound` (batch failure handling). */
  readonly testing?: { readonly failAtRound: number | null } | undefined;
}

/**
 * Simulated time. Time point r (r = 0..R) is the end of round r; round r runs from point r−1
 * to point r. While round r runs, `round` is r and `year` is the decimal year of point r−1.
 */
export class Clock implements TimeScope {
  round = 0;
  year: number;
  /** ISO date of each time point 0..R, or null without a calendar. */
  readonly dates: readonly string[] | null;
  private readonly years: Float64Array;

  constructor(
    readonly rounds: number,
    readonly calendar: Calendar | undefined,
  ) {
    this.years = new Float64Array(rounds + 1).fill(Number.NaN);
    if (calendar) {
      const start = Date.parse(`${calendar.start}T00:00:00Z`);
      const dates: string[] = [];
      for (let r = 0; r <= rounds; r++) {
        dates.push(new Date(start + r * calendar.roundDays * 86_400_000).toISOString().slice(0, 10));
        this.years[r] = decimalYear(dates[r]);
      }
      this.dates = dates;
    } else {
      this.dates = null;
    }
    this.year = this.years[0];
  }

  /** Decimal year of time point r (NaN without a calendar). */
  yearAt(point: number): number {
    return this.years[point];
  }

  /** Sets the clock for running round r (or for initialisation when r = 0). */
  enterRound(round: number): void {
    this.round = round;
    this.year = this.years[Math.max(0, round - 1)];
  }

  /** Simulated years per round (NaN without a calendar). */
  get yearsPerRound(): number {
    return this.calendar ? this.calendar.roundDays / 365.25 : Number.NaN;
  }
}

/** How agents are ordered inside a phase; written into the ODD schedule table. */
export type ActivationOrder = 'shuffled' | 'fixed' | 'aggregate';

/** One step of a round. `run` takes the run's stream first, like every rule. */
export interface Phase<P, S> {
  readonly name: string;
  /** shuffled: a new random order each round; fixed: id order; aggregate: no per-agent loop. */
  readonly order: ActivationOrder;
  /** One or two sentences for the ODD schedule: what happens and why the order is what it is. */
  readonly doc: string;
  run(rng: RandomStream, state: S, params: P, clock: Clock): void;
}

/** A model: its scenario schema, initial state, phases in order, and what is observed. */
export interface ModelDefinition<P extends ScenarioBase, S> {
  /** The value of the scenario field `model` that selects this model. */
  readonly id: string;
  readonly title: string;
  /** The scenario schema (common fields and the model's parameters). */
  readonly schema: z.ZodType<P>;
  init(rng: RandomStream, params: P, clock: Clock): S;
  readonly phases: readonly Phase<P, S>[];
  /** Called once before metrics are read each round, to tally in one pass what several metrics read. */
  observe?(state: S, params: P): void;
  /** Per-round metrics; a function when the columns depend on the scenario (one per region, group…). */
  readonly metrics: readonly MetricDefinition<S>[] | ((params: P) => readonly MetricDefinition<S>[]);
  readonly summaries: readonly SummaryDefinition<P>[] | ((params: P) => readonly SummaryDefinition<P>[]);
  /** Long-format observations (groups.csv), if any. */
  readonly breakdowns?: (params: P) => readonly BreakdownDefinition<S>[];
  /** Summary outcomes a batch prints in its closing table. */
  readonly headline?: readonly string[];
  /** The model-specific parts of the batch report (cluster names, a map), if any. */
  readonly report?: ModelReport;
  /** The observed record the model is scored and calibrated against, if any. */
  readonly validation?: ModelValidation;
}

/** What a model observes for one scenario: its metrics, summaries and breakdowns resolved. */
export interface Observation<P, S> {
  readonly metrics: readonly MetricDefinition<S>[];
  readonly summaries: readonly SummaryDefinition<P>[];
  readonly breakdowns: readonly BreakdownDefinition<S>[];
}

export function observationOf<P extends ScenarioBase, S>(model: ModelDefinition<P, S>, params: P): Observation<P, S> {
  return {
    metrics: typeof model.metrics === 'function' ? model.metrics(params) : model.metrics,
    summaries: typeof model.summaries === 'function' ? model.summaries(params) : model.summaries,
    breakdowns: model.breakdowns?.(params) ?? [],
  };
}

export interface RunResult {
  readonly seed: number;
  readonly series: MetricSeries;
  readonly summaryNames: readonly string[];
  readonly summary: Float64Array;
  /** Each breakdown's values, rows 0..R × groups × measures. */
  readonly breakdowns: readonly { readonly definition: BreakdownDefinition<unknown>; readonly values: Float64Array }[];
}

/** A run's whole state between two rounds: enough to continue it exactly (checkpoints, forks). */
export interface Snapshot<S> {
  readonly seed: number;
  readonly round: number;
  readonly state: S;
  readonly stream: StreamState;
  readonly seriesValues: Float64Array;
  readonly breakdownValues: readonly Float64Array[];
}

/** One run of a model on one scenario and seed. */
export class Simulation<P extends ScenarioBase, S> {
  readonly clock: Clock;
  readonly params: P;
  readonly observation: Observation<P, S>;
  private readonly varying: readonly Varying[];
  private readonly recorder: MetricRecorder<S>;
  private readonly breakdownRecorder: BreakdownRecorder<S>;
  private rng: RandomStream;
  private modelState: S;

  /** Builds the initial state (round 0) and records its metrics. */
  constructor(
    readonly model: ModelDefinition<P, S>,
    params: P,
    readonly seed: number,
    resume?: Snapshot<S>,
  ) {
    // Each run owns its copy, so runs sharing a scenario never see each other's current values.
    this.params = cloneParams(params);
    this.varying = findVarying(this.params).map((found) => found.varying);
    this.clock = new Clock(this.params.rounds, this.params.calendar);
    this.observation = observationOf(model, this.params);
    this.recorder = new MetricRecorder(this.observation.metrics, this.params.rounds);
    this.breakdownRecorder = new BreakdownRecorder(this.observation.breakdowns, this.params.rounds);
    if (resume) {
      if (resume.seed !== seed) throw new Error(`snapshot was taken with seed ${resume.seed}, not ${seed}`);
      this.rng = RandomStream.fromState(resume.stream);
      this.modelState = structuredClone(resume.state);
      this.recorder.series.values.set(resume.seriesValues.subarray(0, (resume.round + 1) * this.observation.metrics.length));
      resume.breakdownValues.forEach((values, k) => this.breakdownRecorder.values[k].set(values));
      this.clock.enterRound(resume.round);
      this.updateVarying();
      return;
    }
    this.rng = RandomStream.fromSeed(seed);
    this.updateVarying();
    this.modelState = model.init(this.rng, this.params, this.clock);
    this.observe(0);
  }

  get round(): number {
    return this.clock.round;
  }

  get state(): S {
    return this.modelState;
  }

  get done(): boolean {
    return this.clock.round >= this.params.rounds;
  }

  /** Runs the next round: parameters, phases in order, metrics. */
  step(): void {
    if (this.done) throw new Error(`the run has already completed its ${this.params.rounds} rounds`);
    this.clock.enterRound(this.clock.round + 1);
    if (this.params.testing?.failAtRound === this.clock.round) {
      throw new Error(`testing.failAtRound: this run was set to fail at round ${this.clock.round}`);
    }
    this.updateVarying();
    const { model, rng, modelState, params, clock } = this;
    for (const phase of model.phases) phase.run(rng, modelState, params, clock);
    this.observe(clock.round);
  }

  /** Runs rounds until `round` has been completed (default: the last). */
  runUntil(round = this.params.rounds): this {
    while (this.clock.round < round) this.step();
    return this;
  }

  /** Copies everything needed to continue this run later from this round. */
  snapshot(): Snapshot<S> {
    return {
      seed: this.seed,
      round: this.clock.round,
      state: structuredClone(this.modelState),
      stream: this.rng.state(),
      seriesValues: this.recorder.series.values.slice(0, (this.clock.round + 1) * this.observation.metrics.length),
      breakdownValues: this.breakdownRecorder.values.map((values, k) => {
        const definition = this.observation.breakdowns[k];
        return values.slice(0, (this.clock.round + 1) * definition.groups.length * definition.measures.length);
      }),
    };
  }

  /** The series and summary; valid once the run is done. */
  result(): RunResult {
    if (!this.done) throw new Error(`the run is at round ${this.clock.round} of ${this.params.rounds}`);
    const { metrics, summaries, breakdowns } = this.observation;
    const series = this.recorder.series;
    return {
      seed: this.seed,
      series,
      summaryNames: summaryNames(metrics, summaries),
      summary: summarise(series, metrics, summaries, this.params),
      breakdowns: breakdowns.map((definition, k) => ({
        definition: definition as BreakdownDefinition<unknown>,
        values: this.breakdownRecorder.values[k],
      })),
    };
  }

  private updateVarying(): void {
    for (const varying of this.varying) varying.update(this.clock);
  }

  private observe(row: number): void {
    this.model.observe?.(this.modelState, this.params);
    this.recorder.record(row, this.modelState);
    this.breakdownRecorder.record(row, this.modelState);
  }
}

/** Runs a whole scenario with one seed. */
export function runScenario<P extends ScenarioBase, S>(model: ModelDefinition<P, S>, params: P, seed: number): RunResult {
  return new Simulation(model, params, seed).runUntil().result();
}
