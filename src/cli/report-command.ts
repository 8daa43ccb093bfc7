/**
 * `sahel-sim report RESULTS_DIR`: one self-contained HTML page of charts of a finished batch
 * (docs/report.md); what is particular to the batch's model comes from its definition.
 */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { MODELS } from '../agents/registry.ts';
import { modelReportOptions, readManifest, writeReport } from '../sim/report/index.ts';
import { displayPath } from '../sim/scenario/load.ts';

interface ReportFlags {
  headline?: string[];
  series?: string[];
  mapMetric?: string;
  from?: string;
  to?: string;
  out?: string;
  svg?: string;
  quiet?: boolean;
}

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
    .option('--map-metric <metric>', 'metric of the map: series columns <metric>_<region> (default: violent_deaths)')
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
      const manifest = readManifest(folder);
      const result = await writeReport(folder, {
        ...modelReportOptions(MODELS.get(manifest.model)),
        ...(flags.headline ? { headline: flags.headline } : {}),
        ...(flags.series ? { seriesMetrics: flags.series } : {}),
        ...(flags.mapMetric ? { mapMetric: flags.mapMetric } : {}),
        ...(flags.from ? { from: flags.from } : {}),
        ...(flags.to ? { to: flags.to } : {}),
        ...(flags.out ? { out: flags.out } : {}),
        ...(flags.svg ? { svgDir: flags.svg } : {}),
      });
      if (flags.quiet) return;
      for (const note of result.notes) console.error(`note: ${note}`);
      for (const warning of result.warnings) console.error(`warning: ${warning}`);
      console.log(`wrote ${displayPath(result.file)} (${result.charts.length} chart${result.charts.length === 1 ? '' : 's'})`);
    });
}
