/**
 * The methods of global sensitivity analysis sahel-sim offers: Morris screening and Sobol'
 * variance decomposition. Its own module, so the command line can check `--method` without
 * loading the settings' schema (zod).
 */
export const METHODS = ['morris', 'sobol'] as const;
export type Method = (typeof METHODS)[number];
