/**
 * The `sahel-sim` command as a user runs it: each test spawns `node bin/sahel-sim.js` in the
 * package folder. Spawns take 1–3 s each, so the runs are short (--rounds 10) and the first run
 * is shared by the tests that only read its files.
 */
import type { SpawnSyncReturns } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { scratchFolder } from '../support/scratch.ts';
import { sahelSim } from '../support/cli.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCENARIO = 'scenarios/epstein-civil-violence.yaml';
const ROUNDS = 10;

/** The run's output, or a failure showing what the command printed. */
function expectSuccess(result: SpawnSyncReturns<string>): void {
  expect(result.error).toBeUndefined();
  expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
}

interface Manifest {
  tool: string;
  version: string;
  node: string;
  seed: number;
  seedSource: string;
  command: string[];
  scenario: { file: string; files: string[]; resolved: Record<string, unknown> };
  outputs: string[];
}

let scratch: string;
/** Output of `run SCENARIO --seed 7 --rounds 10`, shared by the tests that only read it. */
let first: string;

beforeAll(() => {
  scratch = scratchFolder('cli');
  first = join(scratch, 'first');
  expectSuccess(sahelSim('run', SCENARIO, '--seed', '7', '--rounds', String(ROUNDS), '--out', first, '--quiet'));
});

const read = (folder: string, file: string): string => readFileSync(join(folder, file), 'utf8');

/** series.csv without its scenario and seed columns: only what the model produced. */
function modelColumns(folder: string): string[][] {
  const rows = parse(read(folder, 'series.csv')) as string[][];
  return rows.map((row) => row.slice(2));
}

describe('cli: sahel-sim run', () => {
  it('writes series.csv with one row per time point, summary.csv with one row, and manifest.json into --out', () => {
    // Act
    const series = parse(read(first, 'series.csv'), { columns: true }) as Record<string, string>[];
    const summary = parse(read(first, 'summary.csv'), { columns: true }) as Record<string, string>[];

    // Assert
    expect(readdirSync(first).sort()).toEqual(['manifest.json', 'series.csv', 'summary.csv']);
    expect(series).toHaveLength(ROUNDS + 1);
    expect(summary).toHaveLength(1);
    expect(summary[0]['rounds']).toBe(String(ROUNDS));
  });

  it('manifest.json records the tool version, node, seed, command and resolved scenario', () => {
    // Arrange
    const packageVersion = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

    // Act
    const manifest = JSON.parse(read(first, 'manifest.json')) as Manifest;

    // Assert
    expect(manifest.tool).toBe('sahel-sim');
    expect(manifest.version).toBe(packageVersion);
    expect(manifest.node).toBe(process.version);
    expect(manifest.seed).toBe(7);
    expect(manifest.seedSource).toBe('--seed');
    expect(manifest.command).toEqual(['sahel-sim', 'run', SCENARIO, '--seed', '7', '--rounds', String(ROUNDS), '--out', first, '--quiet']);
    expect(manifest.scenario.file).toBe(SCENARIO);
    expect(manifest.scenario.resolved).toMatchObject({
      id: 'epstein-civil-violence',
      model: 'epstein-civil-violence',
      rounds: ROUNDS,
      grid: { width: expect.any(Number), height: expect.any(Number) },
      outburstShare: expect.any(Number),
    });
    expect(manifest.outputs).toEqual(['series.csv', 'summary.csv']);
  });

  it('read back with csv-parse, numeric columns parse as numbers and there is no date column without a calendar', () => {
    // Act
    const series = parse(read(first, 'series.csv'), { columns: true, cast: true }) as Record<string, unknown>[];

    // Assert
    const columns = Object.keys(series[0]);
    expect(columns.slice(0, 3)).toEqual(['scenario', 'seed', 'round']);
    expect(columns).not.toContain('date');
    series.forEach((row, r) => {
      expect(row['scenario']).toBe('epstein-civil-violence');
      expect(row['seed']).toBe(7);
      expect(row['round']).toBe(r);
      for (const column of columns.slice(3)) {
        expect(typeof row[column], `${column} at round ${r}`).toBe('number');
        expect(Number.isFinite(row[column])).toBe(true);
      }
    });
  });

  it('same scenario and seed give byte-identical series.csv and summary.csv across two processes', () => {
    // Arrange
    const second = join(scratch, 'second');

    // Act
    expectSuccess(sahelSim('run', SCENARIO, '--seed', '7', '--rounds', String(ROUNDS), '--out', second, '--quiet'));

    // Assert
    expect(readFileSync(join(second, 'series.csv')).equals(readFileSync(join(first, 'series.csv')))).toBe(true);
    expect(readFileSync(join(second, 'summary.csv')).equals(readFileSync(join(first, 'summary.csv')))).toBe(true);
  });

  it('a different seed gives a different series, beyond the seed column', () => {
    // Arrange
    const other = join(scratch, 'seed-8');

    // Act
    expectSuccess(sahelSim('run', SCENARIO, '--seed', '8', '--rounds', String(ROUNDS), '--out', other, '--quiet'));

    // Assert
    expect(modelColumns(other)).not.toEqual(modelColumns(first));
  });

  it('--set legitimacy=0.6 changes the run and is recorded in the manifest\'s resolved scenario', () => {
    // Arrange
    const lower = join(scratch, 'legitimacy-0.6');

    // Act
    expectSuccess(sahelSim('run', SCENARIO, '--seed', '7', '--rounds', String(ROUNDS), '--set', 'legitimacy=0.6', '--out', lower, '--quiet'));

    // Assert
    const manifest = JSON.parse(read(lower, 'manifest.json')) as Manifest;
    expect(manifest.scenario.resolved['legitimacy']).toBe(0.6);
    const active = (folder: string): number[] =>
      (parse(read(folder, 'series.csv'), { columns: true }) as Record<string, string>[]).map((row) => Number(row['active']));
    expect(active(lower)).not.toEqual(active(first));
    expect(read(lower, 'summary.csv')).not.toBe(read(first, 'summary.csv'));
  });

  it('a scenario with an unknown key exits with code 2, says where on stderr, and creates no output folder', () => {
    // Arrange
    const fixture = 'test/fixtures/scenario/unknown-key.yaml';
    const out = join(scratch, 'never-written');

    // Act
    const result = sahelSim('run', fixture, '--out', out);

    // Assert
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')).toEqual([
      `error: ${fixture}: grid.widht: unknown key (did you mean "width"?)`,
      '1 problem found; nothing was run or written.',
      '',
    ]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('an unknown option exits with code 2 and writes nothing', () => {
    // Arrange
    const out = join(scratch, 'bogus');

    // Act
    const result = sahelSim('run', SCENARIO, '--bogus', '--out', out);

    // Assert
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option '--bogus'");
    expect(existsSync(out)).toBe(false);
  });

  it('issue 11: a scenario with no seed and no --seed runs with a drawn seed, printed and recorded, that repeats the run', () => {
    // Arrange: ishigami.yaml sets no seed.
    const drawn = join(scratch, 'drawn');
    const repeated = join(scratch, 'repeated');

    // Act
    const result = sahelSim('run', 'scenarios/analytic/ishigami.yaml', '--set', 'noise=1', '--out', drawn);
    const seed = Number(/seed (\d+) \(drawn; pass --seed to repeat\)/.exec(result.stdout)?.[1]);
    const again = sahelSim('run', 'scenarios/analytic/ishigami.yaml', '--set', 'noise=1', '--seed', String(seed), '--out', repeated);

    // Assert
    expectSuccess(result);
    expectSuccess(again);
    const manifest = JSON.parse(read(drawn, 'manifest.json')) as Manifest;
    expect(manifest.seedSource).toBe('drawn');
    expect(manifest.seed).toBe(seed);
    expect(read(repeated, 'summary.csv')).toBe(read(drawn, 'summary.csv'));
  });

  it('run --help exits with code 0 and shows examples', () => {
    // Act
    const result = sahelSim('run', '--help');

    // Assert
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: sahel-sim run [options] <scenario>');
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).toContain('--seed <n>');
  });
});

describe('cli: sahel-sim check', () => {
  it('check --print prints the resolved scenario as YAML with defaults filled in', () => {
    // Arrange
    const fixture = 'test/fixtures/scenario/minimal-epstein.yaml';

    // Act
    const result = sahelSim('check', fixture, '--print', '--set', 'citizens.vision=3');

    // Assert
    expect(result.status).toBe(0);
    expect(YAML.parse(result.stdout)).toEqual({
      id: 'minimal-epstein',
      rounds: 5,
      model: 'epstein-civil-violence',
      grid: { width: 40, height: 40, torus: true, neighbourhood: 'von-neumann' },
      citizens: { density: 0.7, vision: 3 },
      cops: { density: 0.074, vision: 7 },
      legitimacy: 0.82,
      maxJailTerm: 30,
      arrestProbabilityConstant: 2.3,
      activeThreshold: 0.1,
      movement: true,
      rules: { rounding: 'floor', turn: 'move-then-act', jail: 'off-grid', placement: 'exact-counts' },
      outburstShare: 0.05,
    });
  });
});
