#!/usr/bin/env node
// Entry point of the `sahel-sim` command: runs the bundle in dist/, which `npm ci` builds
// (the `prepare` script, scripts/build.mjs), so nothing is compiled at start.
//
// When dist/ is missing, or a file in src/ is newer than the last build (sources edited without
// `npm run build`), it runs the sources through tsx instead — about a second slower to start,
// never stale — and says so in one line on stderr. It does not rebuild by itself: several
// commands started at once (shards, scripts) would write dist/ under each other's feet.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The newest file or folder below `dir` as [path, mtime in ms]: a hand walk, several times faster here than readdirSync's `recursive`. */
function newest(dir) {
  let found = [dir, 0];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    const candidate = entry.isDirectory() ? newest(path) : [path, statSync(path).mtimeMs];
    if (candidate[1] > found[1]) found = candidate;
  }
  // A folder's own time changes when a file is added, removed or renamed in it.
  const own = statSync(dir).mtimeMs;
  return own > found[1] ? [dir, own] : found;
}

/** Why dist/ cannot be trusted, or null when it was built after the last change to src/. */
function staleness() {
  let built;
  try {
    built = statSync(join(ROOT, 'dist/.built')).mtimeMs;
  } catch {
    return 'dist/ is missing';
  }
  let changed;
  try {
    changed = newest(join(ROOT, 'src'));
  } catch {
    return null; // no sources beside the bundle: nothing it could be older than
  }
  return changed[1] > built ? `${relative(ROOT, changed[0])} is newer than dist/` : null;
}

// Output piped into a command that stops reading (head, less) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const stale = staleness();
let main;
if (stale === null) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  process.stderr.write(`sahel-sim: ${stale}; running the sources through tsx (npm run build makes the command start fast again)\n`);
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
