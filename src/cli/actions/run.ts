/**
 * What `sahel-sim run SCENARIO` does (run-command.ts declares it): one run of one scenario with one seed, written to a results folder.
 */
import { join } from 'node:path';
import { MODELS } from '../../agents/registry.ts';
import { displayPath } from '../../sim/scenario/load.ts';
import { loadScenario } from '../../sim/scenario/index.ts';
import { folderTimestamp, manifestBase, timestamp } from '../../sim/output/manifest.ts';
import { writeRunFiles } from '../../sim/output/run-files.ts';
import { chooseSeed } from '../../sim/random.ts';
import { Simulation } from '../../sim/schedule.ts';

export interface RunOptions {
  overlay?: string[];
  seed?: number;
  rounds?: number;
  set?: string[];
  out?: string;
  quiet?: boolean;
}

/** Runs the scenario and writes its results folder (the options as parsed by run-command.ts). */
export function run(scenarioFile: string, options: RunOptions, argv: readonly string[]): void {
  const started = timestamp();
  const scenario = loadScenario(scenarioFile, MODELS, {
    ...(options.overlay ? { overlays: options.overlay } : {}),
    ...(options.set ? { set: options.set } : {}),
    ...(options.rounds !== undefined ? { rounds: options.rounds } : {}),
  });
  const { params } = scenario;
  const { seed, source: seedSource } = chooseSeed(options.seed, params.seed);
  const log = (line: string): void => {
    if (!options.quiet) console.log(line);
  };
  log(`${params.id}: ${params.rounds} rounds of ${scenario.model.id}, seed ${seed}${seedSource === 'drawn' ? ' (drawn; pass --seed to repeat)' : ''}`);

  const simulation = new Simulation(scenario.model, params, seed);
  simulation.runUntil();
  const result = simulation.result();
  const folder = options.out ?? join('results', `${scenario.merged.entryName}-${folderTimestamp()}`);
  const files = writeRunFiles(folder, result, { scenario: params.id, seed }, simulation.clock.dates, (outputs) => ({
    ...manifestBase(['sahel-sim', ...argv], started),
    finished: timestamp(),
    seed,
    seedSource,
    scenario: { file: scenario.merged.entry, files: scenario.merged.files, resolved: params },
    outputs,
  }));
  log(`wrote ${files.map(displayPath).join(', ')}`);
  const shown = result.summaryNames.slice(0, 8).map((name, i) => `${name}=${Number(result.summary[i].toPrecision(6))}`);
  log(`summary: ${shown.join(' ')}${result.summaryNames.length > 8 ? ' …' : ''}`);
}
