/**
 * How the `sahel-sim` command starts (bin/sahel-sim.js, scripts/build.mjs, src/cli/main.ts):
 * from the bundle in dist/, loading only what the command asked for; from the sources, saying
 * so, when dist/ is missing or older than src/. Start-up times are measured in
 * bench/startup.bench.ts, never here.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sahelSim(root: string, ...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(root, 'bin/sahel-sim.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The files of dist/ that loading `entry` reads before any command runs (its static imports, transitively). */
function staticallyLoaded(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    // Static imports only: `import("./x.js")` is a command's module, loaded when it runs.
    for (const match of text.matchAll(/^(?:import|export)\s[^;]*?["'](\.{1,2}\/[^"']+)["']/gm)) visit(resolve(dirname(file), match[1]));
  };
  visit(entry);
  return [...seen];
}

describe('cli: how sahel-sim starts', () => {
  it('--help lists every command with its description and version prints the package version', () => {
    // Act
    const help = sahelSim(ROOT, '--help');
    const version = sahelSim(ROOT, '--version');

    // Assert
    expect({ status: help.status, stderr: help.stderr }).toEqual({ status: 0, stderr: '' });
    for (const command of ['run', 'check', 'batch', 'merge', 'sensitivity', 'observe', 'fit', 'calibrate', 'report']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('global sensitivity analysis: Morris elementary effects or Sobol\' indices');
    expect(version.stdout.trim()).toBe(packageVersion());
  });

  it('a command\'s own options show in its --help although its module is not loaded for it', () => {
    // Act
    const result = sahelSim(ROOT, 'report', '--help');

    // Assert
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--svg <dir>');
    expect(result.stdout).toContain('--map-metric <metric>');
  });

  it('the bundle\'s entry loads only the command definitions and small leaf modules before a command runs', () => {
    // Arrange: esbuild marks each bundled module with a `// node_modules/…` or `// src/…` comment.
    const text = staticallyLoaded(join(ROOT, 'dist/cli/main.js'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const sources = [...text.matchAll(/^\/\/ (src\/\S+)$/gm)].map((match) => match[1]).sort();

    // Assert: whatever joins this list is loaded by every command, --help included.
    expect(sources).toEqual([
      'src/cli/batch-command.ts',
      'src/cli/check-command.ts',
      'src/cli/main.ts',
      'src/cli/options.ts',
      'src/cli/report-command.ts',
      'src/cli/run-command.ts',
      'src/cli/sensitivity-command.ts',
      'src/cli/validation-command.ts',
      'src/sim/batch/pool-size.ts',
      'src/sim/package-root.ts',
      'src/sim/scenario/errors.ts',
      'src/sim/seed-range.ts',
      'src/sim/sensitivity/methods.ts',
    ]);
    expect(text).toContain('// node_modules/commander/');
    for (const library of ['zod', 'yaml', 'csv-parse', 'csv-stringify', 'cli-progress', 'seedrandom']) expect(text).not.toContain(`// node_modules/${library}/`);
    for (const external of ['piscina', 'vega', 'vega-lite', 'mathjs']) expect(text).not.toMatch(new RegExp(`from ["']${external}["']`));
  });

  describe('with dist/ missing or stale', () => {
    // A copy of the package, so its src/ and dist/ can be aged and removed without touching ours.
    // The tests run in order: current, then a source aged past the build, then no dist/ at all.
    let copy: string;
    const version = packageVersion();
    beforeAll(() => {
      copy = mkdtempSync(join(tmpdir(), 'sahel-sim-start-'));
      for (const part of ['package.json', 'bin', 'src', 'dist']) cpSync(join(ROOT, part), join(copy, part), { recursive: true, preserveTimestamps: true });
      symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
      // Copying touched the folders of src/; date the copy's build after that, as a build after a clone is.
      const now = new Date();
      utimesSync(join(copy, 'dist/.built'), now, now);
    });
    afterAll(() => rmSync(copy, { recursive: true, force: true }));

    it('runs the bundle, silently, when dist/ was built after the last change to src/', () => {
      // Act
      const result = sahelSim(copy, '--version');

      // Assert
      expect({ status: result.status, stdout: result.stdout.trim(), stderr: result.stderr }).toEqual({ status: 0, stdout: version, stderr: '' });
    });

    it('runs the sources through tsx and names the newer file when a file in src/ changed after the build', () => {
      // Arrange
      const later = new Date(Date.now() + 60_000);
      utimesSync(join(copy, 'src/cli/options.ts'), later, later);

      // Act
      const result = sahelSim(copy, '--version');

      // Assert
      expect(result.status).toBe(0);
      expect(result.stdout.trim()).toBe(version);
      expect(result.stderr).toBe('sahel-sim: src/cli/options.ts is newer than dist/; running the sources through tsx (npm run build makes the command start fast again)\n');
    });

    it('runs the sources through tsx, saying so, when dist/ is missing', () => {
      // Arrange
      rmSync(join(copy, 'dist'), { recursive: true });

      // Act
      const result = sahelSim(copy, '--version');

      // Assert
      expect(existsSync(join(copy, 'dist'))).toBe(false);
      expect(result.status).toBe(0);
      expect(result.stdout.trim()).toBe(version);
      expect(result.stderr).toMatch(/^sahel-sim: dist\/ is missing; running the sources through tsx/);
    });
  });
});
