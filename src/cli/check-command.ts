/**
 * `sahel-sim check SCENARIO`: validate a scenario (and what it extends) without running it.
 */
import type { Command } from 'commander';
import YAML from 'yaml';
import { MODELS } from '../agents/registry.ts';
import { loadScenario } from '../sim/scenario/index.ts';
import { collectAssignment, parseCount } from './options.ts';

interface CheckOptions {
  rounds?: number;
  set?: string[];
  print?: boolean;
  json?: boolean;
}

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
    .action((scenarioFile: string, options: CheckOptions) => {
      const scenario = loadScenario(scenarioFile, MODELS, {
        ...(options.set ? { set: options.set } : {}),
        ...(options.rounds !== undefined ? { rounds: options.rounds } : {}),
      });
      // Through JSON, so time-varying values print as their expressions.
      const resolved: unknown = JSON.parse(JSON.stringify(scenario.params));
      if (options.print) {
        process.stdout.write(options.json ? `${JSON.stringify(resolved, null, 2)}\n` : YAML.stringify(resolved));
        return;
      }
      console.log(
        `ok: ${scenario.merged.entry} (model ${scenario.model.id}, ${scenario.params.rounds} rounds; files: ${scenario.merged.files.join(' → ')})`,
      );
    });
}
