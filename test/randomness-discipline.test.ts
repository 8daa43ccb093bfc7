import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('randomness discipline', () => {
  const files = sourceFiles(join(ROOT, 'src'));

  it('never calls Math.random anywhere in src/', () => {
    const offenders = files.filter((file) => /Math\s*\.\s*random/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(ROOT, file))).toEqual([]);
  });

  it('imports seedrandom in src/sim/random.ts only', () => {
    const importers = files.filter((file) => /from ['"]seedrandom['"]/.test(readFileSync(file, 'utf8')));
    expect(importers.map((file) => relative(ROOT, file))).toEqual(['src/sim/random.ts']);
  });

  it('reads the wall clock only for manifests and progress, never in model or engine rules', () => {
    const allowed = new Set(['src/sim/output/manifest.ts']);
    const offenders = files.filter(
      (file) => !allowed.has(relative(ROOT, file)) && /Date\.now\(\)|new Date\(\)|performance\.now\(\)/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((file) => relative(ROOT, file))).toEqual([]);
  });
});
