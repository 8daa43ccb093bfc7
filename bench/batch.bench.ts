/**
 * Batch scaling: the speed-up of 2 worker threads over 1 on the default experiment (one replicate
 * of every strategy; target ≥ 1.8× on 2 cores), its throughput in runs per minute, and the batch
 * machinery's overhead per run measured on tiny runs (worker start-up, message passing, job
 * files, assembly), all in one process.
 *
 * Run: node --import tsx bench/batch.bench.ts   (prints one JSON line per record)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CATALOG, MODELS } from '../src/agents/registry.ts';
import { loadExperiment, type ExperimentOverrides } from '../src/sim/batch/experiment.ts';
import { runBatch } from '../src/sim/batch/run-batch.ts';
import { loadScenario } from '../src/sim/scenario/index.ts';
import { runScenario } from '../src/sim/schedule.ts';
import type { BenchRecord } from './record.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function timeBatch(file: string, workers: number, overrides: ExperimentOverrides = {}): Promise<{ seconds: number; runs: number }> {
  const out = join(mkdtempSync(join(tmpdir(), 'sahel-sim-bench-')), 'out');
  const start = performance.now();
  const outcome = await runBatch({ loaded: loadExperiment(file, overrides), overrides, catalog: CATALOG, out, workers, shard: null, resume: false, command: ['bench'] });
  const seconds = (performance.now() - start) / 1000;
  rmSync(out, { recursive: true, force: true });
  return { seconds, runs: outcome.plan.runs.length };
}

function experiment(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sahel-sim-bench-')), 'experiment.yaml');
  writeFileSync(file, text.replaceAll('ROOT', ROOT));
  return file;
}

export async function benchBatch(): Promise<BenchRecord[]> {
  // Speed-up and throughput: the default experiment with one replicate of every strategy
  // (11 runs of 2012–2023), on 1 worker, then on 2.
  const main = join(ROOT, 'scenarios/experiments/compare-strategies.yaml');
  const one = await timeBatch(main, 1, { replicates: 1 });
  const two = await timeBatch(main, 2, { replicates: 1 });

  // Pool overhead per run: tiny runs through the pool against the same runs in this thread.
  const tiny = experiment(`scenario: ROOT/scenarios/epstein-civil-violence.yaml\nreplicates: 200\nrounds: 2\nset: { grid: { width: 10, height: 10 } }\noutputs: { series: none }\ncommonRandomNumbers: false\n`);
  const pooled = await timeBatch(tiny, 1);
  const { model, params } = loadScenario(join(ROOT, 'scenarios/epstein-civil-violence.yaml'), MODELS, { rounds: 2, set: ['grid.width=10', 'grid.height=10'] });
  const start = performance.now();
  for (let seed = 0; seed < pooled.runs; seed++) runScenario(model, params, seed);
  const inThread = (performance.now() - start) / 1000;

  return [
    { benchmark: 'batch', case: `default experiment, 1 replicate (${one.runs} runs), 1 worker`, value: Number(one.seconds.toFixed(2)), unit: 's' },
    { benchmark: 'batch', case: `default experiment, 1 replicate (${two.runs} runs), 2 workers`, value: Number(two.seconds.toFixed(2)), unit: 's' },
    { benchmark: 'batch', case: 'speed-up of 2 workers over 1', value: Number((one.seconds / two.seconds).toFixed(2)), unit: '×', ratio: Number((one.seconds / two.seconds).toFixed(3)), ratioTo: '1 worker' },
    { benchmark: 'batch', case: 'default experiment throughput, 2 workers', value: Number(((two.runs * 60) / two.seconds).toFixed(2)), unit: 'runs/min' },
    {
      benchmark: 'batch',
      case: 'pool overhead per tiny run (batch of 200 through 1 worker, minus the same runs in-thread)',
      value: Number((((pooled.seconds - inThread) * 1000) / pooled.runs).toFixed(2)),
      unit: 'ms/run',
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const record of await benchBatch()) console.log(JSON.stringify(record));
}
