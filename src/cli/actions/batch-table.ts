/**
 * The compact table a batch prints at the end: the headline outcomes by strategy (first sweep
 * point), each strategy's mean with its difference from the baseline; `*` marks a difference
 * whose 95% confidence interval excludes zero.
 */
import type { Assembled } from '../../sim/batch/assemble.ts';
import type { Plan } from '../../sim/batch/plan.ts';
import { describe, pairedDifference, welchDifference } from '../../sim/batch/stats.ts';

function short(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const magnitude = Math.abs(value);
  return magnitude >= 1000 ? Math.round(value).toString() : Number(value.toPrecision(3)).toString();
}

export function headlineTable(plan: Plan, assembled: Assembled, headline: readonly string[]): string {
  const outcomes = headline.filter((name) => assembled.summaryNames.includes(name));
  const finite = (values: Float64Array): number[] => Array.from(values).filter(Number.isFinite);
  const header = ['strategy', ...outcomes];
  const rows = plan.strategies.map((strategy, s) => [
    strategy.name,
    ...outcomes.map((outcome) => {
      const k = assembled.summaryNames.indexOf(outcome);
      const own = assembled.values[0][s][k];
      const centre = describe(finite(own)).mean;
      if (s === 0) return short(centre);
      const base = assembled.values[0][0][k];
      const d = plan.commonRandomNumbers ? pairedDifference(Array.from(own), Array.from(base)) : welchDifference(Array.from(own), Array.from(base));
      const star = d.ciLow > 0 || d.ciHigh < 0 ? '*' : '';
      return `${short(centre)} (${d.difference >= 0 ? '+' : ''}${short(d.difference)}${star})`;
    }),
  ]);
  const widths = header.map((_, c) => Math.max(header[c].length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]): string => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const note =
    plan.points.length > 1 ? `\n(first sweep point of ${plan.points.length}; every point is in summary.csv and comparison.csv)` : '';
  return [line(header), ...rows.map(line), `mean over replicates (difference from baseline; * = 95% CI excludes 0)${note}`].join('\n');
}
