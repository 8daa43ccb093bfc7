/** The command line as a user runs it: `node bin/sahel-sim.js …` in the package folder, for tests of commands. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Runs `sahel-sim ARGS…` to the end (at most two minutes) and returns its exit status and output.
 * @example sahelSim('run', 'scenarios/epstein-civil-violence.yaml', '--rounds', '10').status → 0
 */
export function sahelSim(...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['bin/sahel-sim.js', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
}
