/**
 * The layers of the code (docs/engine.md, Layers): the engine (src/sim) imports no model and no
 * command line, models import no command line, and nothing imports itself back through a cycle.
 * The rules live in .dependency-cruiser.json, so `npx depcruise src --config .dependency-cruiser.json`
 * shows the same report on the command line.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
let result: ICruiseResult;

beforeAll(async () => {
  const config = JSON.parse(readFileSync(resolve(ROOT, '.dependency-cruiser.json'), 'utf8')) as IConfiguration & { $schema?: string };
  const { options = {}, $schema: _schema, ...ruleSet } = config;
  const previous = process.cwd();
  process.chdir(ROOT);
  try {
    const reported = await cruise(['src'], { ...options, validate: true, ruleSet });
    result = reported.output as ICruiseResult;
  } finally {
    process.chdir(previous);
  }
}, 60_000);

describe('layers', () => {
  it('cruises the whole of src, with the imports between its layers', () => {
    const sources = result.modules.filter((module) => module.source.startsWith('src/'));
    expect(sources.length).toBeGreaterThan(100);
    const main = result.modules.find((module) => module.source === 'src/cli/main.ts');
    expect(main?.dependencies.some((dependency) => dependency.resolved.startsWith('src/cli/'))).toBe(true);
    const registry = result.modules.find((module) => module.source === 'src/agents/registry.ts');
    expect(registry?.dependencies.map((dependency) => dependency.resolved)).toContain('src/agents/mali/model.ts');
  });

  it('breaks none of the rules: engine ← models ← command line, no cycles, every import resolves', () => {
    const violations = result.summary.violations.map((violation) =>
      `${violation.rule.name}: ${violation.from} → ${violation.to}${violation.cycle ? ` (cycle: ${violation.cycle.map((step) => step.name).join(' → ')})` : ''}`,
    );
    expect(violations).toEqual([]);
  });
});
