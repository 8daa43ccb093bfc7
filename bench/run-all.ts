/**
 * `npm run bench`: runs every benchmark (in this process, or in a child of its own where a figure
 * needs one), prints one JSON line per figure, and appends them to bench/results.csv with the
 * date, commit, Node version and CPU model, so figures from different days and machines can be
 * told apart. Timings never enter `npm test`. `npm run bench -- epstein random` runs only the
 * suites named (names as in SUITES below).
 */
import { appendFileSync, existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toCsv } from '../src/sim/output/csv.ts';
import { timestamp, toolCommit } from '../src/sim/output/manifest.ts';
import { benchBatch } from './batch.bench.ts';
import { benchCiviliansInChild } from './civilians.bench.ts';
import { benchEpstein } from './epstein.bench.ts';
import { benchMali } from './mali.bench.ts';
import { benchPeakRss } from './peak-rss.bench.ts';
import { benchRandom } from './random.bench.ts';
import type { BenchRecord } from './record.ts';

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results.csv');
const COLUMNS = ['date', 'commit', 'node', 'cpu', 'benchmark', 'case', 'value', 'unit', 'ratio', 'ratio_to'];

const context = { date: timestamp(), commit: toolCommit() ?? '', node: process.version, cpu: cpus()[0]?.model.trim() ?? '' };
/** In order; the civilian phases and peak RSS run in child processes of their own (see their files). */
const SUITES: ReadonlyArray<readonly [string, () => BenchRecord[] | Promise<BenchRecord[]>]> = [
  ['random', benchRandom],
  ['epstein', () => benchEpstein()],
  ['civilians', benchCiviliansInChild],
  ['peak RSS', benchPeakRss],
  ['mali', () => benchMali()],
  ['batch', benchBatch],
];

const only = process.argv.slice(2);
const unknown = only.filter((name) => !SUITES.some(([suite]) => suite === name));
if (unknown.length > 0) {
  console.error(`unknown suite ${unknown.join(', ')}; suites: ${SUITES.map(([name]) => name).join(', ')}`);
  process.exit(2);
}
const chosen = only.length === 0 ? SUITES : SUITES.filter(([name]) => only.includes(name));

const records: BenchRecord[] = [];
function report(record: BenchRecord): void {
  console.log(JSON.stringify(record));
  records.push(record);
}

const started = performance.now();
for (const [name, suite] of chosen) {
  // This machine is shared: the load before each suite (this process counts as about 1) tells a
  // quiet run from one where a neighbour's work stretched the timings.
  report({ benchmark: 'machine', case: `load average (1 min) before ${name}`, value: Number(loadavg()[0].toFixed(2)), unit: 'processes' });
  const suiteStarted = performance.now();
  for (const record of await suite()) report(record);
  // On stderr: how the 10-minute budget of `npm run bench` is spent, without entering the figures.
  console.error(`${name}: ${((performance.now() - suiteStarted) / 1000).toFixed(0)} s`);
}
console.error(`all: ${((performance.now() - started) / 1000).toFixed(0)} s`);
const rows = records.map((r) => [context.date, context.commit, context.node, context.cpu, r.benchmark, r.case, r.value, r.unit, r.ratio, r.ratioTo]);
const csv = toCsv(COLUMNS, rows);
appendFileSync(RESULTS, existsSync(RESULTS) ? csv.slice(csv.indexOf('\n') + 1) : csv);
console.log(`appended ${records.length} figures to ${RESULTS}`);
