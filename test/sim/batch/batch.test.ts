import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../../src/agents/registry.ts';
import { loadExperiment } from '../../../src/sim/batch/experiment.ts';
import { runBatch } from '../../../src/sim/batch/run-batch.ts';
import { scratchFolder } from '../../support/scratch.ts';
import { sahelSim } from '../../support/cli.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIXTURES = join(ROOT, 'test/fixtures/experiments');
const CLI = join(ROOT, 'bin/sahel-sim.js');
const COMPARED = ['runs.csv', 'series.csv', 'summary.csv', 'comparison.csv', 'failures.csv'];

const scratch = (name: string): string => join(scratchFolder(name), 'out');

async function batch(file: string, out: string, workers: number, shard: { index: number; count: number } | null = null): Promise<void> {
  await runBatch({ loaded: loadExperiment(file), overrides: {}, catalog: CATALOG, out, workers, shard, resume: false, command: ['test'] });
}

function files(out: string): Record<string, string> {
  return Object.fromEntries(COMPARED.filter((name) => existsSync(join(out, name))).map((name) => [name, readFileSync(join(out, name), 'utf8')]));
}

/** Starts a batch, waits until at least one job is saved, then sends `signal`; resolves with the exit code. */
function interrupt(file: string, out: string, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, 'batch', file, '--out', out, '--workers', '2'], { cwd: ROOT, stdio: 'ignore' });
    const timer = setInterval(() => {
      const saved = existsSync(join(out, 'runs')) ? readdirSync(join(out, 'runs')).filter((name) => name.endsWith('.bin')).length : 0;
      if (saved >= 1) {
        clearInterval(timer);
        child.kill(signal);
      }
    }, 50);
    child.on('exit', (code, received) => {
      clearInterval(timer);
      done(code ?? (received === 'SIGKILL' ? 137 : null));
    });
    child.on('error', fail);
  });
}

describe('batch output is the same bytes however it is run', () => {
  const small = join(FIXTURES, 'epstein-small.yaml');
  let reference: Record<string, string>;
  beforeAll(async () => {
    const out = scratch('reference');
    await batch(small, out, 2);
    reference = files(out);
  });

  it('writes runs, series, summary, comparison and failures, with every run of the plan', () => {
    expect(Object.keys(reference).sort()).toEqual([...COMPARED].sort());
    expect(reference['runs.csv'].trim().split('\n')).toHaveLength(1 + 18);
    expect(reference['comparison.csv']).toMatch(/^strategy,cops_density,outcome,n,baseline_mean,strategy_mean,difference,ci_low,ci_high,relative_change,excludes_zero,method\n/);
  });

  it('gives byte-identical runs.csv, summary.csv and comparison.csv with 1 worker and with 2', async () => {
    const out = scratch('one-worker');
    await batch(small, out, 1);
    expect(files(out)).toEqual(reference);
  });

  it('gives byte-identical files for the whole batch and its two shards merged', async () => {
    const first = scratch('shard-1');
    const second = scratch('shard-2');
    await batch(small, first, 1, { index: 1, count: 2 });
    await batch(small, second, 2, { index: 2, count: 2 });
    expect(existsSync(join(first, 'runs.csv'))).toBe(false); // a shard alone writes no batch files
    const merged = scratch('merged');
    const result = sahelSim('merge', first, second, '--out', merged);
    expect(result.status, result.stderr).toBe(0);
    expect(files(merged)).toEqual(reference);
  });

  it('refuses to merge folders of different batches, or an incomplete set of shards', async () => {
    const other = scratch('other');
    await batch(join(FIXTURES, 'epstein-failing.yaml'), other, 1);
    const shard = scratch('lone-shard');
    await batch(small, shard, 1, { index: 1, count: 2 });
    const mismatched = sahelSim('merge', shard, other, '--out', scratch('no'));
    expect(mismatched.status).toBe(2);
    expect(mismatched.stderr).toMatch(/belongs to another batch/);
    const incomplete = sahelSim('merge', shard, '--out', scratch('no'));
    expect(incomplete.status).toBe(2);
    expect(incomplete.stderr).toMatch(/jobs are in none of these folders/);
  });
});

describe('interrupted batches', () => {
  const long = join(FIXTURES, 'epstein-long.yaml');
  let reference: Record<string, string>;
  beforeAll(async () => {
    const out = scratch('long-reference');
    await batch(long, out, 2);
    reference = files(out);
  });

  it('stop cleanly on SIGINT after the runs in flight, and --resume gives the files of an uninterrupted batch', async () => {
    const out = scratch('sigint');
    const code = await interrupt(long, out, 'SIGINT');
    expect(code).toBe(130);
    expect(existsSync(join(out, 'runs.csv'))).toBe(false);
    const resumed = sahelSim('batch', long, '--out', out, '--resume', '--quiet');
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(files(out)).toEqual(reference);
  });

  it('lose only the runs in flight when killed with kill -9, and --resume gives the files of an uninterrupted batch', async () => {
    const out = scratch('sigkill');
    await interrupt(long, out, 'SIGKILL');
    const saved = readdirSync(join(out, 'runs')).filter((name) => name.endsWith('.bin')).length;
    expect(saved).toBeGreaterThanOrEqual(1);
    expect(saved).toBeLessThan(8);
    const resumed = sahelSim('batch', long, '--out', out, '--resume', '--quiet');
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(files(out)).toEqual(reference);
  });

  it('refuse --resume where there is no batch, and a new batch where one already is', () => {
    const empty = scratch('empty');
    const nothing = sahelSim('batch', long, '--out', empty, '--resume');
    expect(nothing.status).toBe(2);
    expect(nothing.stderr).toMatch(/holds no batch to resume/);
    const taken = scratch('taken');
    const first = sahelSim('batch', join(FIXTURES, 'epstein-failing.yaml'), '--out', taken, '--quiet');
    expect(first.status).toBe(1);
    const second = sahelSim('batch', join(FIXTURES, 'epstein-failing.yaml'), '--out', taken);
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(/already holds a batch; add --resume/);
  });
});

describe('failed runs', () => {
  it('are isolated: the other runs complete, failures.csv names each with its seed and a command to re-run it alone, and the exit code is 1', () => {
    const out = scratch('failing');
    const result = sahelSim('batch', join(FIXTURES, 'epstein-failing.yaml'), '--out', out, '--quiet');
    expect(result.status).toBe(1);
    const failures = readFileSync(join(out, 'failures.csv'), 'utf8').trim().split('\n');
    expect(failures[0]).toBe('run_id,strategy,replicate,seed,error,rerun');
    expect(failures).toHaveLength(3);
    expect(failures[1]).toMatch(/^3,failing,1,\d+,testing\.failAtRound: this run was set to fail at round 20,sahel-sim run .*--overlay .*failing\.yaml .*--seed \d+$/);
    expect(readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n')).toHaveLength(3); // both baseline runs
    expect(result.stderr).toMatch(/2 runs failed .* Re-run one alone, e\.g\. run 3:\n {2}sahel-sim run /s);
    const seed = failures[1].split(',')[3];
    const again = sahelSim('run', 'scenarios/epstein-civil-violence.yaml', '--overlay', join(FIXTURES, 'failing.yaml'), '--rounds', '40', '--seed', seed, '--out', scratch('rerun'));
    expect(again.stderr).toMatch(/set to fail at round 20/);
  });
});
