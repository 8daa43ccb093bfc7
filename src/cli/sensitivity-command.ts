/**
 * `sahel-sim sensitivity EXPERIMENT --method morris|sobol`: its arguments, options and help.
 * The work is in actions/sensitivity.ts, imported only when the command runs.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { defaultWorkers } from '../sim/batch/pool-size.ts';
import { METHODS, type Method } from '../sim/sensitivity/methods.ts';
import type { SensitivityFlags } from './actions/sensitivity.ts';
import { collectAssignment, parseCount } from './options.ts';

function parseMethod(text: string): Method {
  if (!(METHODS as readonly string[]).includes(text)) throw new InvalidArgumentError(`expected ${METHODS.join(' or ')}, found "${text}"`);
  return text as Method;
}

export function registerSensitivity(program: Command, argv: readonly string[]): { exitCode: () => number } {
  let exitCode = 0;
  program
    .command('sensitivity')
    .description('global sensitivity analysis: Morris elementary effects or Sobol\' indices of outcomes to parameter ranges; writes sensitivity.csv and prints the ranking')
    .argument('<experiment>', 'experiment file with a sensitivity section, e.g. scenarios/experiments/sensitivity-mali.yaml')
    .option('--method <method>', 'morris (screening) or sobol (variance decomposition); overrides the file', parseMethod)
    .option('--samples <n>', 'Sobol\': N, rows of the A and B matrices (overrides the file)', parseCount)
    .option('--trajectories <n>', 'Morris: r, number of trajectories (overrides the file)', parseCount)
    .option('--workers <n>', `worker threads (default: the number of cores, ${defaultWorkers()} here)`, parseCount)
    .option('--replicates <n>', 'replicates per design point (overrides the experiment)', parseCount)
    .option('--rounds <n>', 'rounds of every run (overrides the experiment and scenario)', parseCount)
    .option('--set <path=value>', 'override a field of every run\'s scenario; repeatable', collectAssignment)
    .option('--out <dir>', 'output folder (default: results/<experiment id>-<method>-<UTC timestamp>)')
    .option('--resume', 'finish an interrupted analysis in --out')
    .option('--quiet', 'print nothing but errors and the final table')
    .option('--no-report', 'do not write report.html (the ranked charts of sensitivity.csv, docs/report.md)')
    .addHelpText(
      'after',
      `
Examples:
  $ sahel-sim sensitivity scenarios/experiments/sensitivity-mali.yaml --workers 2
  $ sahel-sim sensitivity scenarios/experiments/sensitivity-ishigami.yaml --method sobol --out results/ishigami
  $ sahel-sim sensitivity scenarios/experiments/sensitivity-mali.yaml --out results/smali --resume

Ctrl-C stops after the runs in flight; --resume with the same --out (and the same flags) finishes the analysis.`,
    )
    .action(async (file: string, flags: SensitivityFlags) => {
      const { sensitivity } = await import('./actions/sensitivity.ts');
      exitCode = await sensitivity(file, flags, argv);
    });
  return { exitCode: () => exitCode };
}
