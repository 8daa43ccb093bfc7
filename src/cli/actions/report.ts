/**
 * What `sahel-sim report RESULTS_DIR` does (report-command.ts declares it): one self-contained
 * HTML page of charts of a finished batch (docs/report.md); what is particular to the batch's
 * model comes from its definition.
 */
import { MODELS } from '../../agents/registry.ts';
import { modelReportOptions, readManifest, writeReport } from '../../sim/report/index.ts';
import { displayPath } from '../../sim/scenario/load.ts';

export interface ReportFlags {
  headline?: string[];
  series?: string[];
  mapMetric?: string;
  from?: string;
  to?: string;
  out?: string;
  svg?: string;
  quiet?: boolean;
}

/** Draws the folder's report.html (and the charts as SVG with --svg). */
export async function report(folder: string, flags: ReportFlags): Promise<void> {
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
}
