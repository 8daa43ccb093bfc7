/**
 * `npm run bench`: runs every benchmark in this one process, prints one JSON line per figure,
 * and appends them to bench/results.csv with the date, commit, Node version and CPU model, so
 * figures from different days and machines can be told apart. Timings never enter `npm test`.
 */
import { appendFileSync, existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toCsv } from '../src/sim/output/csv.ts';
import { timestamp, toolCommit } from '../src/sim/output/manifest.ts';
import { benchBatch } from './batch.bench.ts';
import { benchEpstein } from './epstein.bench.ts';
import { benchMali } from './mali.bench.ts';
import { benchRandom } from './random.bench.ts';
import type { BenchRecord } from './record.ts';

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results.csv');
const COLUMNS = ['date', 'commit', 'node', 'cpu', 'benchmark', 'case', 'value', 'unit', 'ratio', 'ratio_to'];

const context = { date: timestamp(), commit: toolCommit() ?? '', node: process.version, cpu: cpus()[0]?.model.trim() ?? '' };
const records: BenchRecord[] = [];
for (const suite of [benchRandom, async () => benchEpstein(), async () => benchMali(), benchBatch]) {
  for (const record of await suite()) {
    console.log(JSON.stringify(record));
    records.push(record);
  }
}
const rows = records.map((r) => [context.date, context.commit, context.node, context.cpu, r.benchmark, r.case, r.value, r.unit, r.ratio, r.ratioTo]);
const csv = toCsv(COLUMNS, rows);
appendFileSync(RESULTS, existsSync(RESULTS) ? csv.slice(csv.indexOf('\n') + 1) : csv);
console.log(`appended ${records.length} figures to ${RESULTS}`);
