/**
 * Start-up of the `sahel-sim` command as a user meets it: whole-process wall time of
 * `sahel-sim --help` (target ≤ 150 ms) and of a one-round Epstein run (target ≤ 300 ms), from
 * spawn to exit, median of 10 after one untimed start (file cache). Bare `node -e ""` is timed
 * alongside as the floor no command can go below. Rebuilds dist/ first (scripts/build.mjs), so
 * the figures are of the code in src/ as the command runs it after `npm ci`.
 *
 * Run: node --import tsx bench/startup.bench.ts   (prints one JSON line per record)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, type BenchRecord } from './record.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REPETITIONS = 10;

interface Case {
  readonly name: string;
  readonly args: (repetition: number) => string[];
  /** Upper bound of the median, ms (issue 11); none for the floor. */
  readonly target?: number;
}

/** Median wall time in ms of `node <args>` started from the package folder. */
function timeStarts(args: (repetition: number) => string[]): number {
  const times: number[] = [];
  for (let r = 0; r <= REPETITIONS; r++) {
    const start = performance.now();
    const child = spawnSync(process.execPath, args(r), { cwd: ROOT, encoding: 'utf8' });
    const ms = performance.now() - start;
    if (child.status !== 0) throw new Error(`node ${args(r).join(' ')} exited with ${child.status}: ${child.stderr}`);
    // Anything on stderr would be the note that the sources ran through tsx: not what is measured.
    if (child.stderr !== '') throw new Error(`node ${args(r).join(' ')} wrote to stderr: ${child.stderr}`);
    if (r > 0) times.push(ms);
  }
  return median(times);
}

export function benchStartup(): BenchRecord[] {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  const out = mkdtempSync(join(tmpdir(), 'sahel-sim-bench-'));
  const cases: readonly Case[] = [
    { name: 'node -e "" (the floor)', args: () => ['-e', ''] },
    { name: 'sahel-sim --help', args: () => ['bin/sahel-sim.js', '--help'], target: 150 },
    {
      name: 'sahel-sim run scenarios/epstein-civil-violence.yaml --rounds 1',
      args: (r) => ['bin/sahel-sim.js', 'run', 'scenarios/epstein-civil-violence.yaml', '--rounds', '1', '--out', join(out, `run-${r}`)],
      target: 300,
    },
  ];
  try {
    return cases.map(({ name, args, target }) => {
      const ms = timeStarts(args);
      if (target !== undefined) console.error(`startup: ${name}: ${ms.toFixed(0)} ms (target ≤ ${target} ms: ${ms <= target ? 'met' : 'not met'})`);
      return {
        benchmark: 'startup',
        case: `${name}, whole process, median of ${REPETITIONS}${target === undefined ? '' : ` (target ≤ ${target} ms)`}`,
        value: Number(ms.toFixed(1)),
        unit: 'ms',
      };
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const record of benchStartup()) console.log(JSON.stringify(record));
}
