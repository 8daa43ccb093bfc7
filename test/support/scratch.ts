/**
 * Scratch folders for tests: each a fresh folder in the system's temporary folder, removed once
 * every test of the file that asked for it has run (even when one failed), so tests never share
 * or leave files behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

// Registered when a test file imports this module, so it belongs to that file (vitest loads the
// module afresh for every test file).
afterAll(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/**
 * A new empty folder, `sahel-sim-<name>-XXXXXX` in the temporary folder; callable at the top of a
 * file, in hooks and in tests. With `keep`, it stays after the tests, for a person to look at
 * what they left there (the report test's screenshots).
 * @example scratchFolder('plan') → '/tmp/sahel-sim-plan-a1B2c3'
 */
export function scratchFolder(name = 'test', options: { keep?: boolean } = {}): string {
  const folder = mkdtempSync(join(tmpdir(), `sahel-sim-${name}-`));
  if (options.keep !== true) made.push(folder);
  return folder;
}
