/**
 * `sahel-sim sensitivity` as a user runs it (src/cli/sensitivity-command.ts): each test spawns
 * `node bin/sahel-sim.js` in the package folder.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from '../../support/scratch.ts';
import { sahelSim } from '../../support/cli.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const ISHIGAMI = 'scenarios/experiments/sensitivity-ishigami.yaml';

describe('sahel-sim sensitivity', () => {
  it('runs a Morris screening, prints the parameters ranked by μ* and writes sensitivity.csv beside the batch files', () => {
    // Arrange
    const out = join(scratchFolder('sensitivity-cli'), 'out');

    // Act
    const result = sahelSim('sensitivity', ISHIGAMI, '--method', 'morris', '--trajectories', '6', '--workers', '2', '--out', out, '--quiet');

    // Assert
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('y_final: ranked by μ* (6 of 6 trajectories)');
    expect(lines[1]).toMatch(/^rank\s+parameter\s+μ\*\s+95% CI\s+μ\s+95% CI\s+σ\s+95% CI$/);
    expect(lines.slice(2, 5).map((line) => line.trim().split(/\s+/)[1]).sort()).toEqual(['x1', 'x2', 'x3']);
    for (const name of ['sensitivity.csv', 'runs.csv', 'summary.csv', 'manifest.json', 'sensitivity-design.yaml']) expect(existsSync(join(out, name)), name).toBe(true);
    expect(readFileSync(join(out, 'sensitivity.csv'), 'utf8').split('\n')).toHaveLength(1 + 9 + 1);
  });

  it('rejects an unknown method as bad input (exit code 2)', () => {
    const result = sahelSim('sensitivity', ISHIGAMI, '--method', 'sideways');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('expected morris or sobol, found "sideways"');
  });

  it('reports problems of the sensitivity section like a scenario error, exit code 2, and writes nothing', () => {
    // Arrange
    const folder = scratchFolder('sensitivity-cli');
    const file = join(folder, 'typo.yaml');
    writeFileSync(file, `scenario: ${join(ROOT, 'scenarios/analytic/ishigami.yaml')}\nsensitivity:\n  parameters: { x1: { from: 0, to: 1 } }\n  outcomes: [y_final]\n  levles: 6\n`);

    // Act
    const result = sahelSim('sensitivity', file, '--out', join(folder, 'out'));

    // Assert
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('sensitivity.levles: unknown key (did you mean "levels"?)');
    expect(result.stderr).toContain('nothing was run or written');
    expect(existsSync(join(folder, 'out'))).toBe(false);
  });
});
