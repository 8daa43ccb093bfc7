/**
 * Properties every model must have, shared by all models (in the style of pure-rand's
 * RandomGenerator.properties.ts): reproducibility from the seed, sensitivity to it, exact
 * continuation from a snapshot, and a title for every metric that tells it from the others.
 */
import { expect, it } from 'vitest';
import { describeColumns } from '../../src/sim/metrics.ts';
import { seriesCsv, summaryCsv } from '../../src/sim/output/run-files.ts';
import { observationOf, Simulation, type ModelDefinition, type ScenarioBase } from '../../src/sim/schedule.ts';

function runCsv<P extends ScenarioBase, S>(model: ModelDefinition<P, S>, params: P, seed: number): string {
  const simulation = new Simulation(model, params, seed).runUntil();
  const result = simulation.result();
  const identity = { scenario: params.id, seed };
  return seriesCsv(result, identity, simulation.clock.dates) + summaryCsv(result, identity);
}

export function sameSeedSameBytes<P extends ScenarioBase, S>(model: ModelDefinition<P, S>, params: P): void {
  it('same scenario and seed give byte-identical series and summary CSV', () => {
    expect(runCsv(model, params, 42)).toBe(runCsv(model, params, 42));
  });
}

export function differentSeedDifferentOutput<P extends ScenarioBase, S>(model: ModelDefinition<P, S>, params: P): void {
  it('a different seed gives a different series', () => {
    const a = runCsv(model, params, 1).replace(/^.*?,1,/gm, '');
    const b = runCsv(model, params, 2).replace(/^.*?,2,/gm, '');
    expect(a).not.toBe(b);
  });
}

export function snapshotContinuesExactly<P extends ScenarioBase, S>(model: ModelDefinition<P, S>, params: P): void {
  it('a run resumed from a snapshot taken midway ends exactly as the uninterrupted run', () => {
    const whole = new Simulation(model, params, 7).runUntil().result();
    const first = new Simulation(model, params, 7).runUntil(Math.floor(params.rounds / 2));
    const snapshot = first.snapshot();
    first.runUntil(); // the original run going on must not disturb the snapshot
    const resumed = new Simulation(model, params, 7, snapshot).runUntil().result();
    expect(Array.from(resumed.series.values)).toEqual(Array.from(whole.series.values));
    expect(Array.from(resumed.summary)).toEqual(Array.from(whole.summary));
  });
}

export function everyMetricHasItsOwnTitle<P extends ScenarioBase, S>(model: ModelDefinition<P, S>, params: P): void {
  it('every metric has a title, and no two columns share one (the report\'s panels are keyed by title)', () => {
    const { metrics, summaries } = observationOf(model, params);
    const { series, summary } = describeColumns(metrics, summaries);
    for (const metric of metrics) expect(metric.title.trim(), metric.name).not.toBe('');
    const titles = [...series, ...summary].flatMap((column) => (column.title === undefined ? [] : [column.title]));
    expect(titles.filter((title, k) => titles.indexOf(title) !== k)).toEqual([]);
  });
}
