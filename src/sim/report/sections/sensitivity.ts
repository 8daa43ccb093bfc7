/**
 * The sensitivity section, for the results folder of `sahel-sim sensitivity` (sensitivity.csv):
 * per outcome, a tornado of the parameters ranked by influence, with the numbers in a table.
 * In such a folder it is the report's only section: its runs are design points, not strategies.
 */
import { INDEX_NAMES } from '../../sensitivity/indices.ts';
import { rankParameters, RANKING_INDEX } from '../../sensitivity/ranking.ts';
import type { SensitivityRow } from '../../sensitivity/sensitivity-csv.ts';
import { formatNumber } from '../format.ts';
import type { Figure, Section } from '../section.ts';
import { tornadoSpec, type IndexBar } from '../specs/sensitivity.ts';

/** Legend and table names of the indices. */
const LABELS: Record<SensitivityRow['index'], string> = { mu_star: 'μ*', mu: 'μ', sigma: 'σ', ST: 'ST (total order)', S1: 'S1 (first order)' };

const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

function bar(row: SensitivityRow): IndexBar {
  return { parameter: row.parameter, index: LABELS[row.index], value: finite(row.value), ciLow: finite(row.ciLow), ciHigh: finite(row.ciHigh) };
}

function interval(row: SensitivityRow | undefined): string {
  return row && Number.isFinite(row.ciLow) ? `${formatNumber(row.ciLow)} to ${formatNumber(row.ciHigh)}` : '—';
}

function outcomeFigure(rows: readonly SensitivityRow[], outcome: string, titleOf: (column: string) => string): Figure {
  const method = rows[0].method;
  const ranked = rankParameters(rows, outcome);
  const barred = method === 'morris' ? (['mu_star'] as const) : (['ST', 'S1'] as const);
  const tabled = method === 'morris' ? (['mu_star', 'mu', 'sigma'] as const) : (['ST', 'S1'] as const);
  const pick = (index: SensitivityRow['index']): SensitivityRow[] => ranked.flatMap((entry) => (entry.indices[index] ? [entry.indices[index]] : []));
  return {
    id: `sensitivity-${outcome}`,
    title: `${titleOf(outcome)}: parameters ranked by ${LABELS[RANKING_INDEX[method]]}`,
    caption: `From sensitivity.csv (${method === 'morris' ? 'Morris elementary effects' : 'Sobol’ indices'}); bars are estimates, black lines their bootstrap 95% intervals${method === 'morris' ? ', red diamonds σ' : ''}.`,
    spec: tornadoSpec({
      method,
      outcome: titleOf(outcome),
      parameters: ranked.map((entry) => entry.parameter),
      barred: barred.map((index) => LABELS[index]),
      bars: barred.flatMap((index) => pick(index).map(bar)),
      spread: method === 'morris' ? pick('sigma').map(bar) : [],
    }),
    table: {
      header: ['rank', 'parameter', ...tabled.flatMap((index) => [LABELS[index], '95% CI'])],
      rows: ranked.map((entry) => [
        String(entry.rank),
        entry.parameter,
        ...tabled.flatMap((index) => [formatNumber(entry.indices[index]?.value ?? Number.NaN), interval(entry.indices[index])]),
      ]),
    },
  };
}

/** The sensitivity section; `titleOf` names each outcome in titles and axes (manifest.ts, columnTitles). */
export function sensitivitySection(rows: readonly SensitivityRow[], titleOf: (column: string) => string): Section {
  const method = rows[0]?.method ?? 'morris';
  const outcomes = [...new Set(rows.map((row) => row.outcome))];
  return {
    id: 'sensitivity',
    title: method === 'morris' ? 'Sensitivity: Morris elementary effects' : 'Sensitivity: Sobol’ indices',
    explanation: [
      method === 'morris'
        ? 'Each chart is one outcome; each row a parameter, the most influential at the top. The bar is μ*, the mean absolute change of the outcome when the parameter moves across its whole range with the others held at random points of theirs, so parameters with different units compare on one scale. The red diamond is σ, the spread of those changes: σ close to or above μ* means the parameter acts through interactions or non-linearly; a short bar with a small σ, a parameter that can be fixed anywhere in its range. Compare μ* within one outcome only.'
        : 'Each chart is one outcome; each row a parameter, the most influential at the top. ST (dark) is the share of the outcome’s variance that would remain unexplained if every other parameter were known — the parameter with all its interactions; S1 (light) the share it explains alone. ST near 0: the parameter can be fixed anywhere in its range. ST well above S1: it acts through interactions. The shares are on one 0–1 scale across outcomes.',
      `${Object.values(INDEX_NAMES[method]).join('; ')}. Intervals: bootstrap percentile 95% (docs/sensitivity.md).`,
    ],
    figures: outcomes.map((outcome) => outcomeFigure(rows, outcome, titleOf)),
    notes: outcomes.length === 0 ? ['Not shown: sensitivity.csv has no rows.'] : [],
  };
}
