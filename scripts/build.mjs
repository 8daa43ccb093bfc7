/**
 * `npm run build` (and `prepare`, which `npm ci` and `npm install` run): bundles the TypeScript
 * sources into dist/ with esbuild, so the `sahel-sim` command starts without compiling anything.
 * Plain JavaScript because it runs at install, before anything could compile it.
 *
 * Three entry points share chunks (code splitting): dist/cli/main.js, the command line;
 * dist/sim/batch/worker.js, where batch worker threads start (src/sim/batch/worker-file.ts); and
 * dist/agents/registry.js, the model registry those workers import by URL (src/agents/registry.ts).
 * Each command's module is a chunk of its own, loaded when that command runs (src/cli/main.ts).
 *
 * Why a bundle rather than tsc's file-for-file output (`rewriteRelativeImportExtensions`): Node
 * reads, resolves and compiles one file per module, and zod alone is 95 of them. In the same
 * interleaved runs here (20 each), the one-round Epstein run took 272 ms (242 ms CPU) bundled
 * against 394 ms (389 ms CPU) from tsc's output, `--help` 124 against 145 ms; and esbuild
 * builds in about half a second where tsc takes 11 s. Type checking stays with `tsc --noEmit`.
 *
 * Left outside the bundle, loaded from node_modules when used: piscina (it starts its worker
 * threads from a file of its own package), mathjs (loaded through its CommonJS build on the
 * first time-varying expression, src/sim/varying.ts) and vega / vega-lite (only `report` and
 * `--report` draw charts; bundling them would only lengthen the build).
 */
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist');
/** Written last; its modification time is when the build started (bin/sahel-sim.js compares it with src/). */
export const STAMP = join(DIST, '.built');

/** Rebuilds dist/ from src/. */
export async function buildDist() {
  const started = new Date();
  // Chunk names carry content hashes: remove the last build's, so none is left behind.
  rmSync(DIST, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/cli/main.ts', 'src/sim/batch/worker.ts', 'src/agents/registry.ts'],
    outbase: 'src',
    outdir: 'dist',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['piscina', 'mathjs', 'vega', 'vega-lite'],
    // CommonJS packages bundled into ESM (yaml, commander, csv-*, cli-progress, seedrandom)
    // call require() for Node's built-in modules; ESM has no require, so give each chunk one.
    banner: { js: "import { createRequire as __sahelSimCreateRequire } from 'node:module'; const require = __sahelSimCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  writeFileSync(STAMP, 'dist/ was built from src/ by scripts/build.mjs at the time this file is dated.\n');
  utimesSync(STAMP, started, started);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const since = performance.now();
  await buildDist();
  console.log(`sahel-sim: built dist/ in ${((performance.now() - since) / 1000).toFixed(1)} s`);
}
