/**
 * manifest.json: what produced a results folder, so a number in a paper can be traced to the
 * exact tool version, scenario, seed and command. The only place that reads the wall clock
 * (start and end times, for the record; they never enter the CSV files).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const TOOL_VERSION: string = (JSON.parse(readFileSync(resolve(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The git commit of the tool's checkout, suffixed `-dirty` when it has uncommitted changes; null outside git. */
export function toolCommit(): string | null {
  try {
    const run = (args: string[]): string => execFileSync('git', args, { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const commit = run(['rev-parse', 'HEAD']);
    return run(['status', '--porcelain', '--untracked-files=no']) === '' ? commit : `${commit}-dirty`;
  } catch {
    return null;
  }
}

/** Wall-clock time for the manifest record only. */
export function timestamp(): string {
  return new Date().toISOString();
}

/** A folder-name-safe UTC timestamp, e.g. 20261127T101500Z, for default output folders. */
export function folderTimestamp(): string {
  return timestamp().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

export interface ManifestBase {
  readonly tool: 'sahel-sim';
  readonly version: string;
  readonly commit: string | null;
  readonly node: string;
  readonly command: readonly string[];
  readonly started: string;
}

export function manifestBase(command: readonly string[], started: string): ManifestBase {
  return { tool: 'sahel-sim', version: TOOL_VERSION, commit: toolCommit(), node: process.version, command, started };
}
