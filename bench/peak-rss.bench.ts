/**
 * Peak resident memory of a Mali run with about 5 million civilian agents (peoplePerAgent 3:
 * 5.4 million groups of three people), measured in a process of its own so that nothing else
 * has touched its memory: the whole process's peak RSS, and that peak less the RSS before the
 * world was built (Node, tsx, the sources and the scenario), per civilian.
 *
 * The run is the whole 2012–2023 scenario (its series and breakdowns are allocated for all 626
 * rounds) stopped after a quarter year: peak RSS went from 490 MB after round 1 to 493 MB after
 * round 52, so running the rest (over four minutes here) would add time, not memory.
 *
 * Run: node --import tsx bench/peak-rss.bench.ts   (prints one JSON line per record)
 */
import { pathToFileURL } from 'node:url';
import { Simulation } from '../src/sim/schedule.ts';
import { baselineAt } from './baseline.ts';
import { runBenchChild } from './child.ts';
import type { BenchRecord } from './record.ts';

/** 16.2 million people in 2012 over 3 people per agent: the integer scale nearest 5 million agents. */
const PEOPLE_PER_AGENT = 3;
const ROUNDS = 13;
const MB = 1024 * 1024;

function measurePeakRss(): BenchRecord[] {
  const { model, params } = baselineAt(PEOPLE_PER_AGENT);
  const rssBefore = process.memoryUsage().rss;
  const simulation = new Simulation(model, params, 5);
  simulation.runUntil(ROUNDS);
  // ru_maxrss is in kilobytes on Linux.
  const peak = process.resourceUsage().maxRSS * 1024;
  const civilians = (simulation.state as { civilians: { size: number } }).civilians.size;
  const label = `${civilians} agents (peoplePerAgent ${PEOPLE_PER_AGENT}), ${ROUNDS} rounds`;
  return [
    { benchmark: 'memory', case: `peak RSS, ${label}`, value: Math.round(peak / MB), unit: 'MB' },
    { benchmark: 'memory', case: `RSS before the world is built (Node, tsx, sources, scenario)`, value: Math.round(rssBefore / MB), unit: 'MB' },
    { benchmark: 'memory', case: `peak RSS per civilian, ${label}`, value: Number((peak / civilians).toFixed(1)), unit: 'B/agent' },
    { benchmark: 'memory', case: `peak RSS less RSS before the world, per civilian, ${label}`, value: Number(((peak - rssBefore) / civilians).toFixed(1)), unit: 'B/agent' },
  ];
}

/** Measured in a child process: peak RSS is process-wide and this process has run other benchmarks. */
export function benchPeakRss(): BenchRecord[] {
  return runBenchChild('peak-rss.bench.ts');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const record of measurePeakRss()) console.log(JSON.stringify(record));
}
