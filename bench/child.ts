/**
 * Runs one benchmark file in a child Node process and collects the JSON lines it prints. Used
 * where a figure needs its own process: node flags `npm run bench` does not pass (--expose-gc
 * for heap accounting), or a process-wide figure (peak RSS) that the other benchmarks in this
 * process would pollute.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchRecord } from './record.ts';

/** The benchmark file `name` (in bench/) run as `node <nodeFlags> --import tsx bench/<name> <args>`. */
export function runBenchChild(name: string, nodeFlags: readonly string[] = [], args: readonly string[] = []): BenchRecord[] {
  const file = fileURLToPath(new URL(name, import.meta.url));
  // stderr passes through, so a failing child's error is seen; only stdout is parsed.
  const stdout = execFileSync(process.execPath, [...nodeFlags, '--import', 'tsx', file, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as BenchRecord);
}
