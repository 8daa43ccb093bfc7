/**
 * The whole Mali baseline (scenarios/mali-2012.yaml: 2012–2023, weekly rounds, ~203,000
 * civilian agents) on one core: seconds per run, civilian agent-rounds per second, and the share
 * of time each phase takes (measured by wrapping the phases; the wrapper's own cost is noise).
 *
 * Run: node --import tsx bench/mali.bench.ts   (prints one JSON line per record)
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MODELS } from '../src/agents/registry.ts';
import { loadScenario } from '../src/sim/scenario/index.ts';
import { Simulation, type ModelDefinition, type ScenarioBase } from '../src/sim/schedule.ts';
import { median, type BenchRecord } from './record.ts';

const BASELINE = join(fileURLToPath(new URL('..', import.meta.url)), 'scenarios/mali-2012.yaml');

/** The model with every phase's run timed into `spent` (milliseconds by phase name). */
function timedModel<P extends ScenarioBase, S>(model: ModelDefinition<P, S>, spent: Map<string, number>): ModelDefinition<P, S> {
  return {
    ...model,
    phases: model.phases.map((phase) => ({
      ...phase,
      run(rng, state, params, clock) {
        const start = performance.now();
        phase.run(rng, state, params, clock);
        spent.set(phase.name, (spent.get(phase.name) ?? 0) + performance.now() - start);
      },
    })),
  };
}

export function benchMali(repetitions = 3, set: string[] = []): BenchRecord[] {
  const { model, params } = loadScenario(BASELINE, MODELS, { set });
  const seconds: number[] = [];
  const spent = new Map<string, number>();
  let agents = 0;
  for (let r = 0; r < repetitions; r++) {
    const started = performance.now();
    const simulation = new Simulation(timedModel(model, spent), params, 100 + r);
    simulation.runUntil();
    seconds.push((performance.now() - started) / 1000);
    agents = (simulation.state as { civilians: { size: number } }).civilians.size;
  }
  const run = median(seconds);
  const label = set.length > 0 ? ` (${set.join(', ')})` : '';
  const total = [...spent.values()].reduce((a, b) => a + b, 0);
  return [
    { benchmark: 'mali', case: `baseline 2012–2023, ${agents} agents, ${params.rounds} rounds${label}`, value: Number(run.toFixed(2)), unit: 's/run' },
    {
      benchmark: 'mali',
      case: `civilian agent-rounds per second${label}`,
      value: Math.round((agents * params.rounds) / run),
      unit: 'agent-rounds/s',
    },
    ...[...spent].map(([phase, ms]) => ({
      benchmark: 'mali',
      case: `phase ${phase}${label}`,
      value: Number(((100 * ms) / total).toFixed(1)),
      unit: '% of run time',
    })),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const record of benchMali()) console.log(JSON.stringify(record));
}
