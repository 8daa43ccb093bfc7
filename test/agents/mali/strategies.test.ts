import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODELS } from '../../../src/agents/registry.ts';
import { loadScenario } from '../../../src/sim/scenario/index.ts';
import { runScenario } from '../../../src/sim/schedule.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const BASE = join(ROOT, 'scenarios/mali-2012.yaml');
const STRATEGIES = join(ROOT, 'scenarios/strategies');
const overlays = readdirSync(STRATEGIES).filter((name) => name.endsWith('.yaml'));

/** Leaf paths (dotted) whose values differ between two resolved scenarios. */
function changedPaths(a: unknown, b: unknown, prefix = ''): string[] {
  const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((key) => changedPaths(a[key], b[key], prefix ? `${prefix}.${key}` : key));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [prefix];
}

const resolved = (file: string) => JSON.parse(JSON.stringify(loadScenario(file, MODELS).params)) as Record<string, unknown>;

describe('strategy overlays', () => {
  it('there is one overlay per lever of the model brief', () => {
    for (const lever of [
      'humanitarian-access',
      'negotiation',
      'financing-disruption',
      'regional-cooperation',
      'local-engagement',
      'ct-surge',
      'poc-first',
      'accountability',
      'no-barkhane',
      'no-minusma',
    ]) {
      expect(overlays).toContain(`${lever}.yaml`);
    }
  });

  const base = resolved(BASE);
  for (const overlay of overlays) {
    it(`${overlay} changes exactly the parameters it declares, and each of them`, () => {
      const scenario = resolved(join(STRATEGIES, overlay));
      const declared = (scenario['strategy'] as { changes: string[] }).changes;
      const changed = changedPaths(base, scenario).filter((path) => !path.startsWith('strategy'));
      const undeclared = changed.filter((path) => !declared.some((d) => path === d || path.startsWith(`${d}.`)));
      expect(undeclared, 'changed but not declared').toEqual([]);
      const untouched = declared.filter((d) => !changed.some((path) => path === d || path.startsWith(`${d}.`)));
      expect(untouched, 'declared but not changed').toEqual([]);
    });
  }

  it('combined overlays keep the changes of both (each file merged once)', () => {
    const combined = resolved(join(STRATEGIES, 'negotiation+humanitarian-access.yaml'));
    const negotiation = resolved(join(STRATEGIES, 'negotiation.yaml'));
    const aid = resolved(join(STRATEGIES, 'humanitarian-access.yaml'));
    expect(combined['negotiation']).toEqual(negotiation['negotiation']);
    expect(combined['aid']).toEqual(aid['aid']);
  });
});

describe('each strategy moves the outcome its overlay names, against the baseline on the same seeds', () => {
  // A short batch: 2 seeds, a smaller population (255 people per agent) and 2012 to early 2015,
  // by which time every lever has acted. The baseline runs once per seed.
  const shrink = { set: ['peoplePerAgent=255'], rounds: 170 };
  const seeds = [1, 2];
  const summaries = (file: string): Map<string, number>[] => {
    const { model, params } = loadScenario(file, MODELS, shrink);
    return seeds.map((seed) => {
      const result = runScenario(model, params, seed);
      return new Map(result.summaryNames.map((name, i) => [name, result.summary[i]]));
    });
  };
  const mean = (runs: Map<string, number>[], column: string): number => {
    const values = runs.map((run) => run.get(column));
    if (values.some((value) => value === undefined)) throw new Error(`no summary column ${column}`);
    return (values as number[]).reduce((a, b) => a + b, 0) / values.length;
  };
  let baseline: Map<string, number>[] | undefined;
  for (const overlay of overlays) {
    const file = join(STRATEGIES, overlay);
    const expectation = (loadScenario(file, MODELS).params as { strategy?: { expect?: { outcome: string; direction: 'up' | 'down' } } }).strategy?.expect;
    if (!expectation) continue;
    it(`${overlay}: ${expectation.outcome} goes ${expectation.direction}`, () => {
      baseline ??= summaries(BASE);
      const before = mean(baseline, expectation.outcome);
      const after = mean(summaries(file), expectation.outcome);
      if (expectation.direction === 'up') expect(after).toBeGreaterThan(before);
      else expect(after).toBeLessThan(before);
    });
  }
});
