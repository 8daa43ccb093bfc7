/**
 * The compact table a batch prints at the end: the headline outcomes by strategy (first sweep
 * point), each strategy's mean with its difference from the baseline; `*` marks a difference
 * whose 95% confidence interval excludes zero.
 */
import type { Assembled } from '../../sim/batch/assemble.ts';
import type { Plan } from '../../sim/batch/plan.ts';
import { describe, pairedDifference, welchDifference } from '../../sim/batch/stats.ts';
import { formatNumber } from '../../sim/report/format.ts';
import { textTable } from '../text-table.ts';

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
      if (s === 0) return formatNumber(centre);
      const base = assembled.values[0][0][k];
      const d = plan.commonRandomNumbers ? pairedDifference(Array.from(own), Array.from(base)) : welchDifference(Array.from(own), Array.from(base));
      const star = d.ciLow > 0 || d.ciHigh < 0 ? '*' : '';
      return `${formatNumber(centre)} (${d.difference >= 0 ? '+' : ''}${formatNumber(d.difference)}${star})`;
    }),
  ]);
  const note =
    plan.points.length > 1 ? `\n(first sweep point of ${plan.points.length}; every point is in summary.csv and comparison.csv)` : '';
  return [textTable(header, rows), `mean over replicates (difference from baseline; * = 95% CI excludes 0)${note}`].join('\n');
}
