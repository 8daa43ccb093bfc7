/**
 * manifest.json: what produced a results folder, so a number in a paper can be traced to the
 * exact tool version, scenario, seed and command. The only place that reads the wall clock
 * (start and end times, for the record; they never enter the CSV files).
 */
import { execFileSync } from 'node:child_process';
import { PACKAGE_ROOT, TOOL_VERSION } from '../package-root.ts';

export { TOOL_VERSION } from '../package-root.ts';

/** The git commit of the tool's checkout, suffixed `-dirty` when it has uncommitted changes; null outside git. */
export function toolCommit(): string | null {
  try {
    // One git process for both facts (porcelain v2's `# branch.oid` header, then one line per
    // changed file): each process costs a one-round run about 10 ms.
    const status = execFileSync('git', ['status', '--porcelain=v2', '--branch', '--untracked-files=no'], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    const lines = status.split('\n').filter((line) => line !== '');
    const commit = /^# branch\.oid ([0-9a-f]+)$/m.exec(status)?.[1];
    if (commit === undefined) return null; // no commit yet
    return lines.every((line) => line.startsWith('#')) ? commit : `${commit}-dirty`;
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
