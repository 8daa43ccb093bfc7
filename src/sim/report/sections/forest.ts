/**
 * Section 2, effects against the baseline: a forest plot of comparison.csv for the headline
 * outcomes — each strategy's difference from the baseline with its 95% confidence interval.
 */
import { formatNumber } from '../format.ts';
import type { ReportData, Section } from '../section.ts';
import { forestSpec, type Effect } from '../specs/forest.ts';

export function forestSection(data: ReportData): Section {
  const paired = data.manifest.experiment.commonRandomNumbers;
  const section = {
    id: 'effects',
    title: 'Effects against the baseline',
    explanation: [
      `Each panel is one headline outcome; each row a strategy. The dot is the strategy’s mean difference from the baseline (strategy − baseline, in the outcome’s own unit), the bar its 95% confidence interval, and the dashed line zero: no effect. ${
        paired
          ? 'Runs share their seeds across strategies (common random numbers), so differences are paired replicate by replicate, which removes most of the chance variation between runs.'
          : 'Runs have independent seeds, so intervals are Welch’s (unequal variances).'
      }`,
      'A filled dot means the interval excludes zero: with this many replicates the batch tells the strategy’s effect apart from chance. A hollow dot with a bar across zero means it does not — which is not evidence of no effect; more replicates narrow the bars. Each panel has its own scale.',
    ],
  };
  const labelOf = new Map(data.arms.map((arm) => [`${arm.strategy}\u0001${arm.point}`, arm.label]));
  const compared = data.headline.filter((outcome) => data.comparison.some((row) => row.outcome === outcome));
  // An outcome no strategy moves in any replicate (a zero interval everywhere) would be a panel
  // with no scale: it is named in a note instead.
  const unmoved = compared.filter((outcome) =>
    data.comparison.filter((row) => row.outcome === outcome).every((row) => row.difference === 0 && row.ciLow === 0 && row.ciHigh === 0),
  );
  const outcomes = compared.filter((outcome) => !unmoved.includes(outcome));
  const unmovedNote = unmoved.length > 0 ? [`Identical to the baseline in every replicate of every strategy, so not drawn: ${unmoved.join(', ')}.`] : [];
  const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);
  const effects: Effect[] = data.comparison
    .filter((row) => outcomes.includes(row.outcome))
    .map((row) => ({
      outcome: data.titleOf(row.outcome),
      label: labelOf.get(`${row.strategy}\u0001${row.point}`) ?? row.strategy,
      strategy: row.strategy,
      difference: finite(row.difference),
      ciLow: finite(row.ciLow),
      ciHigh: finite(row.ciHigh),
      excludesZero: row.excludesZero === true,
    }));
  if (effects.length === 0) {
    const reason =
      data.comparison.length === 0
        ? 'the experiment has no strategy besides the baseline (comparison.csv is empty)'
        : compared.length === 0
          ? `comparison.csv has none of the headline outcomes (${data.headline.join(', ')})`
          : 'no strategy differs from the baseline in any headline outcome';
    return { ...section, figures: [], notes: [`Not shown: ${reason}.`, ...unmovedNote] };
  }
  const labels = data.arms.filter((arm) => arm.strategy !== 'baseline').map((arm) => arm.label);
  const table = {
    header: ['outcome', 'strategy', 'n', 'baseline mean', 'strategy mean', 'difference', '95% CI', 'relative change'],
    rows: compared
      .flatMap((outcome) => data.comparison.filter((row) => row.outcome === outcome))
      .map((row) => [
        row.outcome,
        labelOf.get(`${row.strategy}\u0001${row.point}`) ?? row.strategy,
        formatNumber(row.n),
        formatNumber(row.baselineMean),
        formatNumber(row.strategyMean),
        `${formatNumber(row.difference)}${row.excludesZero ? ' *' : ''}`,
        `${formatNumber(row.ciLow)} to ${formatNumber(row.ciHigh)}`,
        Number.isFinite(row.relativeChange) ? `${formatNumber(100 * row.relativeChange)}%` : '—',
      ]),
  };
  return {
    ...section,
    figures: [
      {
        id: 'forest',
        title: 'Difference from the baseline, with 95% confidence intervals',
        caption: 'From comparison.csv. The table below gives the numbers (* = the 95% interval excludes zero).',
        spec: forestSpec({ effects, outcomes: outcomes.map(data.titleOf), labels, palette: data.palette }),
        table,
      },
    ],
    notes: unmovedNote,
  };
}
