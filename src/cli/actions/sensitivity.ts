/**
 * What `sahel-sim sensitivity EXPERIMENT` does (sensitivity-command.ts declares it): global
 * sensitivity analysis of a scenario's outcomes to ranges of its parameters, run through the
 * batch engine (worker threads, progress, clean interruption, resume); prints the parameters
 * ranked by influence and writes sensitivity.csv (docs/sensitivity.md).
 */
import { join, resolve } from 'node:path';
import { CATALOG } from '../../agents/registry.ts';
import { formatNumber } from '../../sim/report/format.ts';
import { textTable } from '../text-table.ts';
import type { ExperimentOverrides } from '../../sim/batch/experiment.ts';
import { defaultWorkers, rerunCommand } from '../../sim/batch/run-batch.ts';
import { folderTimestamp } from '../../sim/output/manifest.ts';
import { writeReport } from '../../sim/report/index.ts';
import { displayPath } from '../../sim/scenario/load.ts';
import { INDEX_NAMES } from '../../sim/sensitivity/indices.ts';
import { rankParameters, RANKING_INDEX } from '../../sim/sensitivity/ranking.ts';
import { runSensitivity, type SensitivityAnalysis, type SensitivityOutcome } from '../../sim/sensitivity/run-sensitivity.ts';
import { readSensitivityExperiment, type Method, type SensitivityOverrides } from '../../sim/sensitivity/settings.ts';
import { progressReporter, stopOnSignal } from './progress.ts';

export interface SensitivityFlags {
  method?: Method;
  samples?: number;
  trajectories?: number;
  workers?: number;
  replicates?: number;
  rounds?: number;
  set?: string[];
  out?: string;
  resume?: boolean;
  quiet?: boolean;
  report?: boolean;
}

function interval(low: number, high: number): string {
  return Number.isFinite(low) ? `[${formatNumber(low)}, ${formatNumber(high)}]` : '';
}

/** Parameters of each outcome, most influential first, with the method's indices and their 95% intervals. */
export function rankedTable(analysis: SensitivityAnalysis): string {
  const { method } = analysis;
  const columns = method === 'morris' ? (['mu_star', 'mu', 'sigma'] as const) : (['ST', 'S1'] as const);
  const symbols: Record<string, string> = { mu_star: 'μ*', mu: 'μ', sigma: 'σ', ST: 'ST', S1: 'S1' };
  const blocks = analysis.outcomes.map((outcome, o) => {
    const { used, planned } = analysis.results[o];
    const units = method === 'morris' ? 'trajectories' : 'rows';
    const title = `${outcome}: ranked by ${symbols[RANKING_INDEX[method]]} (${used} of ${planned} ${units}${used < planned ? ' complete; the rest had failed runs' : ''})`;
    const header = ['rank', 'parameter', ...columns.flatMap((name) => [symbols[name], '95% CI'])];
    const rows = rankParameters(analysis.rows, outcome).map((entry) => [
      String(entry.rank),
      entry.parameter,
      ...columns.flatMap((name) => {
        const row = entry.indices[name];
        return row ? [formatNumber(row.value), interval(row.ciLow, row.ciHigh)] : ['—', ''];
      }),
    ]);
    return [title, textTable(header, rows, [1])].join('\n');
  });
  const legend = Object.values(INDEX_NAMES[method]).join('; ');
  return [...blocks, `${legend}. 95% CI: bootstrap percentile interval.`].join('\n\n');
}

/** Runs (or resumes) the analysis, prints the ranking and writes sensitivity.csv; returns the exit code. */
export async function sensitivity(file: string, flags: SensitivityFlags, argv: readonly string[]): Promise<number> {
  const overrides: ExperimentOverrides = {
    ...(flags.replicates === undefined ? {} : { replicates: flags.replicates }),
    ...(flags.rounds === undefined ? {} : { rounds: flags.rounds }),
    ...(flags.set ? { set: flags.set } : {}),
  };
  const choices: SensitivityOverrides = {
    ...(flags.method ? { method: flags.method } : {}),
    ...(flags.samples === undefined ? {} : { samples: flags.samples }),
    ...(flags.trajectories === undefined ? {} : { trajectories: flags.trajectories }),
  };
  const { id, settings } = readSensitivityExperiment(file, choices);
  const out = flags.out ?? join('results', `${id}-${settings.method}-${folderTimestamp()}`);
  const workers = flags.workers ?? defaultWorkers();
  const stop = stopOnSignal();
  const progress = progressReporter(flags.quiet === true);
  const since = process.hrtime.bigint();
  let outcome: SensitivityOutcome;
  try {
    outcome = await runSensitivity({
      file,
      settings: choices,
      overrides,
      catalog: CATALOG,
      out,
      workers,
      resume: flags.resume === true,
      command: ['sahel-sim', ...argv],
      progress: progress.update,
      stopRequested: stop.requested,
      started: ({ design, loaded, points }) => {
        if (flags.quiet) return;
        const runs = points * loaded.experiment.replicates;
        process.stderr.write(
          `${id}: ${design.description}; ${points} points × ${loaded.experiment.replicates} replicate${loaded.experiment.replicates === 1 ? '' : 's'} = ${runs} runs, ${workers} worker${workers === 1 ? '' : 's'} → ${displayPath(resolve(out))}\n`,
        );
      },
    });
  } finally {
    progress.stop();
    stop.release();
  }
  const { batch, analysis } = outcome;
  if (!analysis) {
    const again = ['sahel-sim', 'sensitivity', displayPath(resolve(file)), ...argv.slice(2).filter((arg) => arg !== '--resume'), ...(flags.out ? [] : ['--out', out]), '--resume'];
    console.error(`interrupted: ${batch.jobsDone} of ${batch.jobsTotal} jobs done and saved. Finish with:\n  ${again.join(' ')}`);
    return 130;
  }
  const minutes = Number(process.hrtime.bigint() - since) / 6e10;
  console.log(rankedTable(analysis));
  console.log(`wrote ${displayPath(analysis.file)} (and the batch's runs.csv, summary.csv, manifest.json, sensitivity-design.yaml) in ${minutes.toFixed(1)} min`);
  if (flags.report !== false) {
    const report = await writeReport(out);
    console.log(`wrote ${displayPath(resolve(report.file))} (${report.charts.length} chart${report.charts.length === 1 ? '' : 's'})`);
  }
  const failures = batch.assembled?.failures ?? [];
  if (failures.length > 0) {
    console.error(
      `${failures.length} run${failures.length === 1 ? '' : 's'} failed (failures.csv); the indices leave out their trajectories or rows. Re-run one alone, e.g.:\n  ${rerunCommand(batch.plan, outcome.prepared.loaded, failures[0].runId)}`,
    );
    return 1;
  }
  return 0;
}
