/**
 * `sahel-sim batch EXPERIMENT` and `sahel-sim merge DIR…`: their arguments, options and help.
 * The work is in actions/batch.ts, imported only when one of them runs, so the worker pool
 * (piscina), the progress bar and the report's chart libraries load only for a batch.
 */
import type { Command } from 'commander';
import { defaultWorkers } from '../sim/batch/pool-size.ts';
import type { BatchFlags } from './actions/batch.ts';
import { collectAssignment, parseCount } from './options.ts';

export function registerBatch(program: Command, argv: readonly string[]): { exitCode: () => number } {
  let exitCode = 0;
  program
    .command('batch')
    .description('run an experiment: every strategy, sweep point and replicate, in worker threads; write runs, series, summary and comparison CSV')
    .argument('<experiment>', 'experiment file (YAML or JSON), e.g. scenarios/experiments/compare-strategies.yaml')
    .option('--workers <n>', `worker threads (default: the number of cores, ${defaultWorkers()} here)`, parseCount)
    .option('--replicates <n>', 'replicates per strategy and sweep point (overrides the experiment)', parseCount)
    .option('--rounds <n>', 'rounds of every run (overrides the experiment and scenarios)', parseCount)
    .option('--set <path=value>', 'override a field of every run\'s scenario; repeatable', collectAssignment)
    .option('--out <dir>', 'output folder (default: results/<experiment id>-<UTC timestamp>)')
    .option('--shard <i/n>', 'run only shard i of n (also read from Slurm and Kubernetes Indexed Job variables); combine with merge')
    .option('--resume', 'finish an interrupted batch in --out')
    .option('--quiet', 'print nothing but errors and the final table')
    .option('--report', 'also write report.html, one self-contained page of charts (docs/report.md)')
    .addHelpText(
      'after',
      `
Examples:
  $ sahel-sim batch scenarios/experiments/compare-strategies.yaml
  $ sahel-sim batch scenarios/experiments/compare-strategies.yaml --replicates 2 --rounds 200 --workers 2
  $ sahel-sim batch scenarios/experiments/compare-strategies.yaml --out results/cmp --resume
  $ sahel-sim batch scenarios/experiments/compare-strategies.yaml --shard 1/4 --out results/cmp-1
  $ sahel-sim merge results/cmp-1 results/cmp-2 results/cmp-3 results/cmp-4 --out results/cmp

Ctrl-C stops after the runs in flight; --resume with the same --out finishes the batch.`,
    )
    .action(async (file: string, flags: BatchFlags) => {
      const { batch } = await import('./actions/batch.ts');
      exitCode = await batch(file, flags, argv);
    });

  program
    .command('merge')
    .description('combine the folders of a sharded batch into the files of the whole batch')
    .argument('<dirs...>', 'the shard folders')
    .option('--out <dir>', 'output folder (default: results/<experiment id>-<UTC timestamp>)')
    .addHelpText('after', '\nExample:\n  $ sahel-sim merge results/cmp-1 results/cmp-2 --out results/cmp')
    .action(async (dirs: string[]) => {
      const options = program.commands.find((command) => command.name() === 'merge')?.opts<{ out?: string }>() ?? {};
      const { merge } = await import('./actions/batch.ts');
      exitCode = merge(dirs, options, argv);
    });
  return { exitCode: () => exitCode };
}
