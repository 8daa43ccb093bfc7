/**
 * vitest globalSetup: rebuilds dist/ (scripts/build.mjs, about 0.5 s) before any test runs, so
 * the tests that spawn bin/sahel-sim.js run the code in src/ as it is now. A dist/ left stale
 * (sources edited during `vitest --watch`) is not run silently either: the command then runs
 * the sources through tsx and says so on stderr, which the CLI tests' empty-stderr checks show.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function buildDist(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/build.mjs', import.meta.url))], { stdio: ['ignore', 'ignore', 'inherit'] });
}
