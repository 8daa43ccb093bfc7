/**
 * `sahel-sim run SCENARIO`: one run of one scenario with one seed, written to a results folder.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { MODELS } from '../agents/registry.ts';
import { displayPath } from '../sim/scenario/load.ts';
import { loadScenario } from '../sim/scenario/index.ts';
import { folderTimestamp, manifestBase, timestamp } from '../sim/output/manifest.ts';
import { writeRunFiles } from '../sim/output/run-files.ts';
import { chooseSeed } from '../sim/random.ts';
import { Simulation } from '../sim/schedule.ts';
import { collectAssignment, parseCount, parseSeed } from './options.ts';

interface RunOptions {
  overlay?: string[];
  seed?: number;
  rounds?: number;
  set?: string[];
  out?: string;
  quiet?: boolean;
}

export function registerRun(program: Command, argv: readonly string[]): void {
  program
    .command('run')
    .description('run one scenario once and write series.csv, summary.csv and manifest.json')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--overlay <file>', 'a strategy overlay merged after the scenario (repeatable; they combine)', (file: string, previous: string[] = []) => [...previous, file])
    .option('--seed <n>', 'seed of the run (default: the scenario\'s seed, else one is drawn and printed)', parseSeed)
    .option('--rounds <n>', 'number of rounds (overrides the scenario)', parseCount)
    .option('--set <path=value>', 'override a scenario field; repeatable', collectAssignment)
    .option('--out <dir>', 'output folder (default: results/<scenario file name>-<UTC timestamp>)')
    .option('--quiet', 'print nothing but errors')
    .addHelpText(
      'after',
      `
Examples:
  $ sahel-sim run scenarios/epstein-civil-violence.yaml
  $ sahel-sim run scenarios/epstein-civil-violence.yaml --seed 7 --rounds 1000 --out results/epstein-seed7
  $ sahel-sim run scenarios/epstein-civil-violence.yaml --set legitimacy=0.7 --set grid.width=100 --set grid.height=100
  $ sahel-sim run scenarios/epstein-civil-violence.yaml --set 'legitimacy="round < 200 ? 0.82 : 0.6"'
  $ sahel-sim run scenarios/mali-2012.yaml --overlay scenarios/strategies/negotiation.yaml --seed 42`,
    )
    .action((scenarioFile: string, options: RunOptions) => {
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
    });
}
