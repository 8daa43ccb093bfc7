/**
 * `sahel-sim observe`, `sahel-sim fit RESULTS_DIR` and `sahel-sim calibrate EXPERIMENT`: their
 * arguments, options and help. The work is in actions/validation.ts, imported only when one of
 * them runs.
 */
import type { Command } from 'commander';
import { defaultWorkers } from '../sim/batch/pool-size.ts';
import { parseCount } from './options.ts';

export function registerValidation(program: Command, argv: readonly string[]): { exitCode: () => number } {
  let exitCode = 0;
  program
    .command('observe')
    .description('the observed outcomes of 2012–2017 as one tidy table (series, year, date, region, value, source, definition, model output)')
    .option('--model <id>', 'the model whose observed record to list (default: the only model that has one)')
    .option('--out <file>', 'write the table to this CSV file instead of the terminal')
    .addHelpText('after', '\nExamples:\n  $ sahel-sim observe\n  $ sahel-sim observe --model mali --out results/observed.csv')
    .action(async (options: { model?: string; out?: string }) => {
      const { observe } = await import('./actions/validation.ts');
      observe(options);
    });

  program
    .command('fit')
    .description('score a batch of the Mali baseline against the observed record: fit.csv, yearly.csv, regional_share.csv, camps.csv')
    .argument('<results-dir>', 'a batch folder (its series.csv must keep the series listed in docs/validation.md)')
    .option('--strategy <name>', 'the strategy whose runs are scored', 'baseline')
    .option('--report', 'also write report.html with the observed points (a report already in the folder is always redrawn)')
    .addHelpText('after', '\nExample:\n  $ sahel-sim batch scenarios/experiments/validate.yaml --out results/validate\n  $ sahel-sim fit results/validate --report')
    .action(async (folder: string, options: { strategy: string; report?: boolean }) => {
      const { fit } = await import('./actions/validation.ts');
      await fit(folder, options);
    });

  program
    .command('calibrate')
    .description('calibrate parameters to the 2012–2017 observations with ABC (rejection, then population Monte Carlo); writes posterior.csv and a calibrated overlay')
    .argument('<experiment>', 'an experiment file with a calibration section, e.g. scenarios/experiments/calibrate.yaml')
    .option('--workers <n>', `worker threads (default: the number of cores, ${defaultWorkers()} here)`, parseCount)
    .option('--out <dir>', 'output folder (default: results/<experiment id>-<UTC timestamp>)')
    .option('--quiet', 'print nothing but errors and the posterior')
    .addHelpText(
      'after',
      '\nExamples:\n  $ sahel-sim calibrate scenarios/experiments/calibrate.yaml --out results/calibrate\n  $ sahel-sim calibrate scenarios/experiments/calibrate.yaml --out results/calibrate   # again: resumes\n\nCtrl-C stops after the runs in flight; the same command finishes the calibration.',
    )
    .action(async (file: string, options: { workers?: number; out?: string; quiet?: boolean }) => {
      const { calibrateCommand } = await import('./actions/validation.ts');
      exitCode = await calibrateCommand(file, options, argv);
    });
  return { exitCode: () => exitCode };
}
