/**
 * sahel-sim's own package: the folder it is installed in (holding its package.json, data/ and
 * scenarios/) and its version. The folder is found by walking up from this module rather than
 * by a fixed `../..`, because the module runs from two places at different depths: from src/
 * (tsx, vitest) and bundled into dist/ (`npm run build`, scripts/build.mjs). Kept free of heavy
 * imports: `sahel-sim --version` and `--help` load it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The nearest folder at or above `start` that holds a package.json.
 * @throws Error when there is none up to the file system's root
 */
export function findPackageRoot(start: string): string {
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) throw new Error(`no package.json at or above ${start}`);
  }
}

/** Absolute path of sahel-sim's package folder. */
export const PACKAGE_ROOT: string = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** sahel-sim's version, from its package.json. */
export const TOOL_VERSION: string = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
