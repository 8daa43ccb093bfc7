/**
 * What a sensitivity analysis estimates: one value per method, outcome, parameter and index,
 * with a bootstrap 95% interval. The `index` names are those of sensitivity.csv.
 */

/** The indices of each method, in output order, each with its one-line meaning (docs/sensitivity.md). */
export const INDEX_NAMES = {
  morris: {
    mu: 'μ: mean elementary effect (signed; effects of opposite signs cancel)',
    mu_star: 'μ*: mean absolute elementary effect, the ranking measure (Campolongo et al. 2007)',
    sigma: 'σ: standard deviation of the elementary effects (interactions and non-linearity)',
  },
  sobol: {
    S1: 'S1: first-order index, the share of the variance due to the parameter alone (Saltelli et al. 2010)',
    ST: 'ST: total-order index, the share due to the parameter with all its interactions (Jansen 1999)',
  },
} as const;

export type MorrisIndex = keyof (typeof INDEX_NAMES)['morris'];
export type SobolIndex = keyof (typeof INDEX_NAMES)['sobol'];

export interface IndexEstimate {
  /** Position of the parameter in the experiment's `sensitivity.parameters`. */
  readonly parameter: number;
  readonly index: MorrisIndex | SobolIndex;
  readonly value: number;
  /** Bootstrap 95% percentile interval; NaN without bootstrap. */
  readonly ciLow: number;
  readonly ciHigh: number;
}

/** The estimates for one outcome, and how many trajectories (Morris) or rows (Sobol') they use. */
export interface OutcomeIndices {
  readonly estimates: readonly IndexEstimate[];
  /** Trajectories or matrix rows with every run successful: the ones the estimates use. */
  readonly used: number;
  /** Trajectories or rows of the design. */
  readonly planned: number;
}
