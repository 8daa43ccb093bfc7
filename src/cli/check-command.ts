/**
 * `sahel-sim check SCENARIO`: its arguments, options and help. The work is in actions/check.ts,
 * imported only when the command runs.
 */
import type { Command } from 'commander';
import type { CheckOptions } from './actions/check.ts';
import { collectAssignment, parseCount } from './options.ts';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('validate a scenario file and what it extends; print the resolved scenario on request')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--rounds <n>', 'number of rounds (overrides the scenario)', parseCount)
    .option('--set <path=value>', 'override a scenario field; repeatable', collectAssignment)
    .option('--print', 'print the resolved scenario (defaults filled in) as YAML')
    .option('--json', 'with --print, print JSON instead of YAML')
    .addHelpText(
      'after',
      `
Examples:
  $ sahel-sim check scenarios/epstein-civil-violence.yaml
  $ sahel-sim check scenarios/epstein-civil-violence.yaml --set citizens.density=0.8 --print`,
    )
    .action(async (scenarioFile: string, options: CheckOptions) => {
      const { check } = await import('./actions/check.ts');
      check(scenarioFile, options);
    });
}
