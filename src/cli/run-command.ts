/**
 * `sahel-sim run SCENARIO`: its arguments, options and help. The work is in actions/run.ts,
 * imported only when the command runs, so `--help` and the other commands do not load it.
 */
import type { Command } from 'commander';
import type { RunOptions } from './actions/run.ts';
import { collectAssignment, parseCount, parseSeed } from './options.ts';

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
    .action(async (scenarioFile: string, options: RunOptions) => {
      const { run } = await import('./actions/run.ts');
      run(scenarioFile, options, argv);
    });
}
