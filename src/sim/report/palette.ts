/**
 * Strategy colours, the same in every chart of a report: the baseline in dark grey, the other
 * strategies in the order of the experiment file through Tableau's 10 colours (then 10 lighter
 * ones), so a strategy keeps its colour from the time series to the forest plot.
 */

/** Dark grey: the baseline is the reference every other colour is read against. */
export const BASELINE_COLOUR = '#4d4d4d';

/**
 * Tableau 10 (its grey swapped for cyan, too close to the baseline's), then Tableau 20's lighter
 * companions (their grey swapped for olive), for strategies after the baseline.
 */
const STRATEGY_COLOURS = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#17becf',
  '#a0cbe8', '#ffbe7d', '#ff9d9a', '#8cd17d', '#f1ce63', '#86bcb6', '#d4a6c8', '#fabfd2', '#d7b5a6', '#b6992d',
];

/** Observed values (yearly.csv), drawn in black so they stand apart from every strategy. */
export const OBSERVED_COLOUR = '#000000';

export interface Palette {
  /** Strategy names in experiment order, baseline first. */
  readonly domain: readonly string[];
  /** Colours, one per name in `domain`. */
  readonly range: readonly string[];
}

/**
 * The colour of each strategy, baseline first; colours repeat after 20 strategies.
 * @example strategyPalette(['baseline', 'negotiation']) → { domain: ['baseline', 'negotiation'], range: ['#4d4d4d', '#4e79a7'] }
 */
export function strategyPalette(strategies: readonly string[]): Palette {
  const range = strategies.map((name, i) =>
    name === 'baseline' ? BASELINE_COLOUR : STRATEGY_COLOURS[(strategies[0] === 'baseline' ? i - 1 : i) % STRATEGY_COLOURS.length],
  );
  return { domain: [...strategies], range };
}
