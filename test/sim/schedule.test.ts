import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import { Clock, Simulation, runScenario, type Calendar, type ModelDefinition, type ScenarioBase } from '../../src/sim/schedule.ts';
import { decimalYear, Varying } from '../../src/sim/varying.ts';

const CALENDAR: Calendar = { start: '2012-01-01', roundDays: 7 };

describe('schedule: Clock', () => {
  it('dates time points 0..R roundDays apart from the calendar start, with their decimal years', () => {
    // Arrange / Act
    const clock = new Clock(3, CALENDAR);

    // Assert
    expect(clock.dates).toEqual(['2012-01-01', '2012-01-08', '2012-01-15', '2012-01-22']);
    expect([0, 1, 2, 3].map((r) => clock.yearAt(r))).toEqual(['2012-01-01', '2012-01-08', '2012-01-15', '2012-01-22'].map(decimalYear));
    expect(clock.round).toBe(0);
    expect(clock.year).toBe(2012);
    expect(clock.yearsPerRound).toBe(7 / 365.25);
  });

  it('crosses year boundaries by calendar days', () => {
    const clock = new Clock(2, { start: '2012-12-25', roundDays: 7 });
    expect(clock.dates).toEqual(['2012-12-25', '2013-01-01', '2013-01-08']);
    expect(clock.yearAt(1)).toBe(2013);
  });

  it('while round r runs, the year is that of time point r − 1 (the start of the round)', () => {
    // Arrange
    const clock = new Clock(4, CALENDAR);

    // Act / Assert
    clock.enterRound(0);
    expect([clock.round, clock.year]).toEqual([0, clock.yearAt(0)]);
    clock.enterRound(1);
    expect([clock.round, clock.year]).toEqual([1, clock.yearAt(0)]);
    clock.enterRound(4);
    expect([clock.round, clock.year]).toEqual([4, clock.yearAt(3)]);
  });

  it('without a calendar there are no dates and the year is NaN', () => {
    const clock = new Clock(3, undefined);
    clock.enterRound(2);
    expect(clock.dates).toBeNull();
    expect(clock.year).toBeNaN();
    expect(clock.yearAt(1)).toBeNaN();
    expect(clock.yearsPerRound).toBeNaN();
  });
});

// ---------------------------------------------------------------------------------------------
// A toy model: a few walkers on a line. `walk` moves them in a shuffled order by a normal step
// plus a time-varying drift; `tally` sums positions. Both append their name to a log, and the
// state keeps what the phases saw of the clock and the parameters, so metrics can expose it.
// ---------------------------------------------------------------------------------------------

interface ToyParams extends ScenarioBase {
  readonly walkers: number;
  readonly drift: Varying;
  readonly calendarYear: Varying;
}

interface ToyState {
  x: Float64Array;
  order: Int32Array;
  log: string[];
  total: number;
  driftSeen: number;
  yearSeen: number;
  roundSeen: number;
}

const toyModel: ModelDefinition<ToyParams, ToyState> = {
  id: 'toy',
  title: 'Random walkers',
  // The schema is not used by Simulation.
  schema: z.any() as unknown as z.ZodType<ToyParams>,
  init(rng, params, clock) {
    const x = new Float64Array(params.walkers);
    for (let i = 0; i < x.length; i++) x[i] = rng.uniform(-1, 1);
    return {
      x,
      order: Int32Array.from({ length: params.walkers }, (_, i) => i),
      log: ['init'],
      total: 0,
      driftSeen: params.drift.value,
      yearSeen: params.calendarYear.value,
      roundSeen: clock.round,
    };
  },
  phases: [
    {
      name: 'walk',
      order: 'shuffled',
      doc: 'Each walker steps by a standard normal plus the drift, in a new random order.',
      run(rng, state, params, clock) {
        rng.shuffle(state.order);
        for (const i of state.order) state.x[i] += rng.normal() + params.drift.value;
        state.log.push('walk');
        state.driftSeen = params.drift.value;
        state.yearSeen = params.calendarYear.value;
        state.roundSeen = clock.round;
      },
    },
    {
      name: 'tally',
      order: 'aggregate',
      doc: 'Sums the positions.',
      run(_rng, state) {
        state.total = state.x.reduce((a, b) => a + b, 0);
        state.log.push('tally');
      },
    },
  ],
  metrics: [
    { name: 'mean_x', title: 'Mean position', doc: 'mean position', unit: 'm', summary: ['initial', 'final', 'mean'], read: (s) => s.x.reduce((a, b) => a + b, 0) / s.x.length },
    { name: 'log_length', title: 'Phases run', doc: 'phases run so far', unit: '1', summary: ['final'], read: (s) => s.log.length },
    { name: 'drift_seen', title: 'Drift seen', doc: 'drift read by the last phase', unit: 'm', summary: [], read: (s) => s.driftSeen },
    { name: 'year_seen', title: 'Year seen', doc: 'year read by the last phase', unit: 'yr', summary: [], read: (s) => s.yearSeen },
    { name: 'round_seen', title: 'Round seen', doc: 'round read by the last phase', unit: '1', summary: [], read: (s) => s.roundSeen },
  ],
  summaries: [{ name: 'walkers', title: 'Walkers', doc: 'number of walkers', unit: 'agents', compute: (_series, params) => params.walkers }],
};

const ROUNDS = 20;

function toyParams(): ToyParams {
  return {
    id: 'toy',
    model: 'toy',
    rounds: ROUNDS,
    calendar: CALENDAR,
    walkers: 5,
    drift: new Varying('round / 10'),
    calendarYear: new Varying('year'),
  };
}

const PARAMS = toyParams();

describe('schedule: Simulation', () => {
  it('runs the phases in their declared order every round, after initialisation', () => {
    // Arrange
    const sim = new Simulation(toyModel, PARAMS, 1);

    // Act
    sim.runUntil(3);

    // Assert
    expect(sim.round).toBe(3);
    expect(sim.state.log).toEqual(['init', 'walk', 'tally', 'walk', 'tally', 'walk', 'tally']);
  });

  it('records the metrics at round 0 (initial state) and after every round', () => {
    // Act
    const { series } = runScenario(toyModel, PARAMS, 1);

    // Assert
    expect(series.rows).toBe(ROUNDS + 1);
    expect(Array.from(series.column('log_length'))).toEqual(Array.from({ length: ROUNDS + 1 }, (_, r) => 1 + 2 * r));
    expect(Array.from(series.column('round_seen'))).toEqual(Array.from({ length: ROUNDS + 1 }, (_, r) => r));
  });

  it('updates time-varying parameters before the phases of each round (and before init)', () => {
    // Act
    const sim = new Simulation(toyModel, PARAMS, 1).runUntil();
    const { series } = sim.result();

    // Assert: drift = round / 10 as seen by round r's phases; year is that of point r − 1
    expect(Array.from(series.column('drift_seen'))).toEqual(Array.from({ length: ROUNDS + 1 }, (_, r) => r / 10));
    expect(Array.from(series.column('year_seen'))).toEqual(
      Array.from({ length: ROUNDS + 1 }, (_, r) => sim.clock.yearAt(Math.max(0, r - 1))),
    );
  });

  it('each run owns its parameters: the caller\'s Varying keeps its value', () => {
    // Arrange
    const params = toyParams();
    const a = new Simulation(toyModel, params, 1);
    const b = new Simulation(toyModel, params, 2);

    // Act: interleave the runs at different rounds
    a.runUntil(7);
    b.step();

    // Assert
    expect(params.drift.value).toBeNaN();
    expect(a.params.drift.value).toBe(0.7);
    expect(b.params.drift.value).toBe(0.1);
    expect(a.state.driftSeen).toBe(0.7);
  });

  it('same seed gives identical series and summary', () => {
    const first = runScenario(toyModel, PARAMS, 20120117);
    const second = runScenario(toyModel, PARAMS, 20120117);
    expect(Array.from(second.series.values)).toEqual(Array.from(first.series.values));
    expect(Array.from(second.summary)).toEqual(Array.from(first.summary));
    expect(second.seed).toBe(20120117);
  });

  it('a different seed gives a different series', () => {
    const first = runScenario(toyModel, PARAMS, 1);
    const second = runScenario(toyModel, PARAMS, 2);
    const a = first.series.column('mean_x');
    const b = second.series.column('mean_x');
    for (let r = 0; r <= ROUNDS; r++) expect(b[r], `round ${r}`).not.toBe(a[r]);
  });

  it('a run resumed from a snapshot at any round ends exactly like the uninterrupted run', () => {
    // Arrange
    const seed = 77;
    const reference = runScenario(toyModel, PARAMS, seed);
    for (const k of [0, 1, 9, ROUNDS - 1, ROUNDS]) {
      const original = new Simulation(toyModel, PARAMS, seed).runUntil(k);

      // Act
      const snapshot = original.snapshot();
      const resumed = new Simulation(toyModel, PARAMS, seed, snapshot).runUntil();

      // Assert
      expect(resumed.round).toBe(ROUNDS);
      expect(Array.from(resumed.result().series.values), `snapshot at ${k}`).toEqual(Array.from(reference.series.values));
      expect(Array.from(resumed.result().summary)).toEqual(Array.from(reference.summary));
    }
  });

  it('a snapshot is a deep copy: running or mutating the original afterwards does not change it', () => {
    // Arrange
    const seed = 78;
    const reference = runScenario(toyModel, PARAMS, seed);
    const original = new Simulation(toyModel, PARAMS, seed).runUntil(8);
    const snapshot = original.snapshot();

    // Act: move the original on, then scribble over its state and its series
    original.runUntil(14);
    original.state.x.fill(1e9);
    original.state.log.push('scribble');
    original.runUntil().result().series.values.fill(-1);

    // Assert: two resumptions from the one snapshot both reproduce the reference
    expect(snapshot.round).toBe(8);
    expect(snapshot.state.log.length).toBe(1 + 2 * 8);
    for (let attempt = 0; attempt < 2; attempt++) {
      const resumed = new Simulation(toyModel, PARAMS, seed, snapshot).runUntil();
      expect(Array.from(resumed.result().series.values), `attempt ${attempt}`).toEqual(Array.from(reference.series.values));
    }
  });

  it('a snapshot cannot be resumed under another seed', () => {
    const snapshot = new Simulation(toyModel, PARAMS, 5).runUntil(2).snapshot();
    expect(() => new Simulation(toyModel, PARAMS, 6, snapshot)).toThrow('snapshot was taken with seed 5, not 6');
  });

  it('result() before the last round throws; step() after it throws', () => {
    // Arrange
    const sim = new Simulation(toyModel, PARAMS, 3).runUntil(ROUNDS - 1);

    // Act / Assert
    expect(sim.done).toBe(false);
    expect(() => sim.result()).toThrow(`the run is at round ${ROUNDS - 1} of ${ROUNDS}`);
    sim.step();
    expect(sim.done).toBe(true);
    expect(() => sim.step()).toThrow(`the run has already completed its ${ROUNDS} rounds`);
    expect(sim.result().series.rows).toBe(ROUNDS + 1);
  });

  it('runScenario gives the series and the summary under its names', () => {
    // Act
    const result = runScenario(toyModel, PARAMS, 9);
    const manual = new Simulation(toyModel, PARAMS, 9).runUntil().result();

    // Assert
    expect(Array.from(result.series.values)).toEqual(Array.from(manual.series.values));
    expect(result.summaryNames).toEqual(['mean_x_initial', 'mean_x_final', 'mean_x_mean', 'log_length_final', 'walkers']);
    const meanX = result.series.column('mean_x');
    expect(result.summary[0]).toBe(meanX[0]);
    expect(result.summary[1]).toBe(meanX[ROUNDS]);
    expect(result.summary[3]).toBe(1 + 2 * ROUNDS);
    expect(result.summary[4]).toBe(5);
  });

  it('without a calendar, a Varying of round still works and the clock has no year', () => {
    // Arrange
    const params: ToyParams = { ...toyParams(), calendar: undefined, calendarYear: new Varying(0) };

    // Act
    const { series } = runScenario(toyModel, params, 4);

    // Assert
    expect(series.column('drift_seen')[ROUNDS]).toBe(2);
    expect(Array.from(series.column('year_seen'))).toEqual(new Array(ROUNDS + 1).fill(0));
  });
});
