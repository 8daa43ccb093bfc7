/**
 * The file each batch worker thread starts from, so that workers run the same code as the
 * thread that starts them. Worker threads do not inherit the main thread's loader: from the
 * TypeScript sources (tsx, vitest) they start at worker-entry.mjs, which registers tsx and
 * imports worker.ts; from the bundle in dist/ (scripts/build.mjs) at dist/sim/batch/worker.js,
 * plain JavaScript that needs no loader.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../package-root.ts';

export function workerFile(): string {
  // A .ts URL means this module was loaded from src/; bundled, it lives in a dist/ chunk.
  return import.meta.url.endsWith('.ts') ? fileURLToPath(new URL('./worker-entry.mjs', import.meta.url)) : join(PACKAGE_ROOT, 'dist/sim/batch/worker.js');
}
