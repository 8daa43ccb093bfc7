/**
 * What the command line does with a bug of ours: the stack traces (of the error and of every
 * cause) go to a log file, so the terminal shows one clear line and where the details are.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folderTimestamp, TOOL_VERSION } from '../sim/output/manifest.ts';

function traces(error: unknown): string[] {
  const lines: string[] = [];
  for (let current: unknown = error; current !== undefined; current = current instanceof Error ? current.cause : undefined) {
    lines.push(current instanceof Error ? (current.stack ?? `${current.name}: ${current.message}`) : String(current));
    if (!(current instanceof Error)) break;
  }
  return lines;
}

/**
 * Writes the report of an internal error and returns the log's path.
 * @param folder where the log goes (the system's temporary folder unless a test says otherwise)
 */
export function writeCrashLog(error: unknown, argv: readonly string[], folder = tmpdir()): string {
  const path = join(folder, `sahel-sim-error-${folderTimestamp()}-${process.pid}.log`);
  const header = [`sahel-sim ${TOOL_VERSION}, node ${process.version}, ${process.platform}`, `command: sahel-sim ${argv.join(' ')}`, ''];
  writeFileSync(path, [...header, ...traces(error).flatMap((trace, k) => (k === 0 ? [trace] : ['', 'caused by:', trace])), ''].join('\n'));
  return path;
}
