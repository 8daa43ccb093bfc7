/**
 * Ranks parameters by influence on an outcome: by μ* for Morris (Campolongo et al. 2007) and by
 * the total-order index ST for Sobol' (Saltelli et al. 2008, factor fixing), largest first.
 */
import type { SensitivityRow } from './sensitivity-csv.ts';
import type { Method } from './settings.ts';

/** The index a method ranks by. */
export const RANKING_INDEX = { morris: 'mu_star', sobol: 'ST' } as const satisfies Record<Method, SensitivityRow['index']>;

export interface RankedParameter {
  readonly rank: number;
  readonly parameter: string;
  /** Every index of the parameter for this outcome, by name. */
  readonly indices: Readonly<Record<string, SensitivityRow>>;
  /** The ranking index's value (NaN ranks last). */
  readonly score: number;
}

/** Parameters of one outcome, most influential first; ties keep the experiment's order. */
export function rankParameters(rows: readonly SensitivityRow[], outcome: string): RankedParameter[] {
  const mine = rows.filter((row) => row.outcome === outcome);
  if (mine.length === 0) return [];
  const by = RANKING_INDEX[mine[0].method];
  const parameters = [...new Set(mine.map((row) => row.parameter))];
  const entries = parameters.map((parameter) => {
    const indices = Object.fromEntries(mine.filter((row) => row.parameter === parameter).map((row) => [row.index, row]));
    const score = indices[by]?.value ?? Number.NaN;
    return { parameter, indices, score };
  });
  const key = (score: number): number => (Number.isFinite(score) ? score : Number.NEGATIVE_INFINITY);
  return entries
    .map((entry, order) => ({ entry, order }))
    .sort((x, y) => key(y.entry.score) - key(x.entry.score) || x.order - y.order)
    .map(({ entry }, k) => ({ rank: k + 1, ...entry }));
}
