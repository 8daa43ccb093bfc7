/**
 * What `sahel-sim observe`, `fit RESULTS_DIR` and `calibrate EXPERIMENT` do
 * (validation-command.ts declares them): a model's observed record as one tidy table, how well a
 * batch meets it, and ABC calibration to it (docs/validation.md). The record and the scoring
 * are the model's validation hooks (ModelDefinition.validation).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CATALOG, MODELS } from '../../agents/registry.ts';
import { loadExperiment } from '../../sim/batch/experiment.ts';
import { defaultWorkers } from '../../sim/batch/run-batch.ts';
import { calibrate } from '../../sim/calibration/calibrate.ts';
import type { ModelValidation } from '../../sim/model-hooks.ts';
import { folderTimestamp } from '../../sim/output/manifest.ts';
import { toCsv } from '../../sim/output/csv.ts';
import { writeFileAtomic } from '../../sim/output/files.ts';
import { formatNumber as short } from '../../sim/report/format.ts';
import { modelReportOptions, readManifest, writeReport } from '../../sim/report/index.ts';
import { ScenarioError } from '../../sim/scenario/errors.ts';
import { displayPath } from '../../sim/scenario/load.ts';
import { textTable } from '../text-table.ts';
import { stopOnSignal } from './progress.ts';

/**
 * The validation hooks of a model: the one named, else the only model that has any.
 * @throws ScenarioError naming the models that have an observed record
 */
function validationOf(modelId: string | undefined, source: string): ModelValidation {
  const withRecord = [...MODELS.values()].filter((model) => model.validation);
  const model = modelId === undefined ? (withRecord.length === 1 ? withRecord[0] : undefined) : MODELS.get(modelId);
  if (model?.validation) return model.validation;
  const names = withRecord.map((candidate) => JSON.stringify(candidate.id)).join(', ');
  const message = modelId === undefined ? `name the model with --model: one of ${names}` : `model ${JSON.stringify(modelId)} has no observed record; models with one: ${names}`;
  throw new ScenarioError([{ source, path: '', expected: '', found: '', message }]);
}

/** Prints (or writes with --out) the observed record as one tidy CSV table. */
export function observe(options: { model?: string; out?: string }): void {
  const rows = validationOf(options.model, '--model')
    .observations()
    .map((row) => [row.series, row.year, row.date, row.region, row.value, row.source, row.definition, row.modelOutput]);
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
  const modelId = readManifest(folder).model;
  const { fits, files, runs } = validationOf(modelId, folder).fit(folder, options.strategy);
  const header = ['series', 'years', 'log_rmse', 'log_bias', 'spearman', 'coverage_90'];
  const table = fits.map((fit) => [fit.series, String(fit.years), short(fit.logRmse), short(fit.logBias), short(fit.spearman), short(fit.coverage)]);
  console.log(textTable(header, table));
  console.log(`${runs} runs of ${options.strategy}, 2012–2017; wrote ${files.map((name) => displayPath(resolve(folder, name))).join(', ')}`);
  // The report's observed panel reads yearly.csv: a report drawn before the fit lacks it.
  if (options.report || existsSync(join(folder, 'report.html'))) {
    const report = await writeReport(folder, modelReportOptions(MODELS.get(modelId)));
    console.log(`wrote ${displayPath(resolve(report.file))} (${report.charts.length} charts, with the observed points)`);
  }
}

/** Runs (or resumes) an ABC calibration and prints the posterior; returns the exit code. */
export async function calibrateCommand(file: string, options: { workers?: number; out?: string; quiet?: boolean }, argv: readonly string[]): Promise<number> {
  const loaded = loadExperiment(file);
  const out = options.out ?? join('results', `${loaded.experiment.id}-${folderTimestamp()}`);
  const stop = stopOnSignal();
  let last = 0n;
  try {
    const result = await calibrate({
      loaded,
      catalog: CATALOG,
      out,
      workers: options.workers ?? defaultWorkers(),
      command: ['sahel-sim', ...argv],
      stopRequested: stop.requested,
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
    console.log(textTable(['parameter', 'median', '90% interval'], rows));
    const final = result.generations.at(-1) ?? [];
    console.log(`tolerance ${short(final.at(-1)?.distance ?? Number.NaN)} (mean log10 error); wrote ${displayPath(resolve(out, 'posterior.csv'))}, posterior-summary.csv and ${displayPath(result.overlay)}`);
  } finally {
    stop.release();
  }
  return 0;
}
