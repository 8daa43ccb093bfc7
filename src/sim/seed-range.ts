/**
 * The range of a run's seed, [0, MAX_SEED]. Apart from random.ts, which makes the streams, so
 * that the command line can check `--seed` without loading seedrandom and node:crypto (they
 * would cost `sahel-sim --help` about 15 ms).
 */

/** Largest seed accepted: seeds stay exact in R, pandas and JSON. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;
