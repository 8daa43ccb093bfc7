/**
 * What `sahel-sim observe`, `fit RESULTS_DIR` and `calibrate EXPERIMENT` do
 * (validation-command.ts declares them): the observed record as one tidy table, how well a batch
 * of the Mali baseline meets it, and ABC calibration to it (docs/validation.md).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadObservations, SERIES } from '../../agents/mali/observed.ts';
import { scoreBatch, validateBatch } from '../../agents/mali/validation.ts';
import { MODELS } from '../../agents/registry.ts';
import { loadExperiment } from '../../sim/batch/experiment.ts';
import { defaultWorkers } from '../../sim/batch/run-batch.ts';
import { calibrate } from '../../sim/calibration/calibrate.ts';
import { folderTimestamp } from '../../sim/output/manifest.ts';
import { toCsv } from '../../sim/output/csv.ts';
import { writeFileAtomic } from '../../sim/output/files.ts';
import { readManifest, writeReport } from '../../sim/report/index.ts';
import { displayPath } from '../../sim/scenario/load.ts';
import { modelReportOptions } from './report.ts';

const short = (value: number): string => (Number.isFinite(value) ? Number(value.toPrecision(3)).toString() : '—');

/** Prints (or writes with --out) the observed record as one tidy CSV table. */
export function observe(options: { out?: string }): void {
  const definitions = new Map(SERIES.map((series) => [series.name, series]));
  const rows = loadObservations().map((observation) => {
    const definition = definitions.get(observation.series);
    return [
      observation.series,
      observation.year,
      observation.date,
      observation.region,
      observation.value,
      observation.source,
      definition?.definition ?? 'UNHCR registrations in one camp, corrected for the level-2 re-registration',
      definition?.metric ?? 'refugees_<host country> on that date',
    ];
  });
  const csv = toCsv(['series', 'year', 'date', 'region', 'value', 'source', 'definition', 'model_output'], rows);
  if (options.out) {
    writeFileAtomic(options.out, csv);
    console.log(`wrote ${rows.length} observations to ${displayPath(resolve(options.out))}`);
  } else {
    process.stdout.write(csv);
  }
}

/** Scores the folder's runs of one strategy against the observed record and writes the fit tables. */
export async function fit(folder: string, options: { strategy: string; report?: boolean }): Promise<void> {
  const { fits, files, runs } = validateBatch(folder, options.strategy);
  const header = ['series', 'years', 'log_rmse', 'log_bias', 'spearman', 'coverage_90'];
  const table = fits.map((fit) => [fit.series, String(fit.years), short(fit.logRmse), short(fit.logBias), short(fit.spearman), short(fit.coverage)]);
  const widths = header.map((_, c) => Math.max(header[c].length, ...table.map((row) => row[c].length)));
  const line = (cells: string[]): string => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log([line(header), ...table.map(line)].join('\n'));
  console.log(`${runs} runs of ${options.strategy}, 2012–2017; wrote ${files.map((name) => displayPath(resolve(folder, name))).join(', ')}`);
  // The report's observed panel reads yearly.csv: a report drawn before the fit lacks it.
  if (options.report || existsSync(join(folder, 'report.html'))) {
    const report = await writeReport(folder, modelReportOptions(readManifest(folder).model));
    console.log(`wrote ${displayPath(resolve(report.file))} (${report.charts.length} charts, with the observed points)`);
  }
}

/** Runs (or resumes) an ABC calibration and prints the posterior; returns the exit code. */
export async function calibrateCommand(file: string, options: { workers?: number; out?: string; quiet?: boolean }, argv: readonly string[]): Promise<number> {
  const loaded = loadExperiment(file);
  const out = options.out ?? join('results', `${loaded.experiment.id}-${folderTimestamp()}`);
  let stop = false;
  const onSignal = (): void => {
    stop = true;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let last = 0n;
  try {
    const result = await calibrate({
      loaded,
      models: MODELS,
      out,
      workers: options.workers ?? defaultWorkers(),
      score: scoreBatch,
      command: ['sahel-sim', ...argv],
      stopRequested: () => stop,
      progress: (generation, done, total) => {
        const now = process.hrtime.bigint();
        if (options.quiet || (done < total && now - last < 5_000_000_000n)) return;
        last = now;
        process.stderr.write(`generation ${generation}: ${done}/${total} runs\n`);
      },
    });
    if (result.interrupted) {
      console.error(`interrupted; finish with the same command: sahel-sim calibrate ${file} --out ${out}`);
      return 130;
    }
    const rows = result.summary.map((row) => [row.name, short(row.median), `[${short(row.p5)}, ${short(row.p95)}]`]);
    const widths = [0, 1, 2].map((c) => Math.max(...rows.map((row) => row[c].length), ['parameter', 'median', '90% interval'][c].length));
    const line = (cells: string[]): string => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
    console.log([line(['parameter', 'median', '90% interval']), ...rows.map(line)].join('\n'));
    const final = result.generations.at(-1) ?? [];
    console.log(`tolerance ${short(final.at(-1)?.distance ?? Number.NaN)} (mean log10 error); wrote ${displayPath(resolve(out, 'posterior.csv'))}, posterior-summary.csv and ${displayPath(result.overlay)}`);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return 0;
}
