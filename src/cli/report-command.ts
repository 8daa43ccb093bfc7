/**
 * `sahel-sim report RESULTS_DIR`: its arguments, options and help. The work is in
 * actions/report.ts, imported only when the command runs, so the chart libraries (vega,
 * vega-lite) load only to draw a report.
 */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { ReportFlags } from './actions/report.ts';

/** A comma-separated list of column names. */
function parseNames(text: string): string[] {
  const names = text.split(',').map((name) => name.trim()).filter((name) => name.length > 0);
  if (names.length === 0 || names.some((name) => !/^[a-z0-9_]+$/.test(name))) {
    throw new InvalidArgumentError(`expected comma-separated column names (snake_case), e.g. civilian_deaths_total,hpi_mean, found "${text}"`);
  }
  return names;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write RESULTS_DIR/report.html: one self-contained page (no network) charting a finished batch — outcomes through time, effects against the baseline, deaths by security cluster, a map of Mali, the manifest; for the folder of `sahel-sim sensitivity`, the parameters ranked by influence')
    .argument('<results-dir>', 'folder of a finished batch (with manifest.json, runs.csv, series.csv, comparison.csv)')
    .option('--headline <outcomes>', 'run-level outcomes to chart, comma-separated (default: the experiment\'s headline, else the model\'s)', parseNames)
    .option('--series <metrics>', 'per-round metrics to draw through time, comma-separated (default: those behind the headline outcomes)', parseNames)
    .option('--map-metric <metric>', 'metric of the map: series columns <metric>_<place> (default: the model’s; Mali: cercle_violent_deaths)')
    .option('--from <date>', 'first date of the map\'s period, YYYY-MM-DD (default: the start of the runs)')
    .option('--to <date>', 'last date of the map\'s period, YYYY-MM-DD (default: the end of the runs)')
    .option('--out <file>', 'where to write the page (default: RESULTS_DIR/report.html)')
    .option('--svg <dir>', 'also write each chart to <dir>/<chart id>.svg, for papers and slides')
    .option('--quiet', 'print nothing but errors')
    .addHelpText(
      'after',
      `
Examples:
  $ sahel-sim report results/compare-strategies-20261127T101500Z
  $ sahel-sim report results/cmp --from 2013-01-01 --to 2015-12-31
  $ sahel-sim report results/cmp --headline civilian_deaths_total,idps_max --out cmp.html
  $ sahel-sim report results/cmp --svg figures             # and each chart as figures/<id>.svg
  $ sahel-sim batch scenarios/experiments/compare-strategies.yaml --report   # at the end of a batch`,
    )
    .action(async (folder: string, flags: ReportFlags) => {
      const { report } = await import('./actions/report.ts');
      await report(folder, flags);
    });
}
