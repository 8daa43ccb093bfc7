/**
 * Parameters of the analytic test model: the scenario schema of `model: analytic`. The model is
 * not a simulation of anything: its one outcome is a test function of global sensitivity analysis
 * whose Sobol' indices are known in closed form (Ishigami & Homma 1990; Sobol' G function,
 * Saltelli & Sobol' 1995), so `sahel-sim sensitivity` can be checked end to end — experiment
 * file, list sweep, worker pool, runs.csv, indices — against published numbers (docs/sensitivity.md).
 */
import * as z from 'zod';
import { commonFields, modelField, param } from '../../sim/scenario/fields.ts';

const ISHIGAMI = 'Ishigami & Homma (1990); Saltelli et al. (2008), Global Sensitivity Analysis: The Primer, §1.2.10';
const SOBOL_G = "Saltelli & Sobol' (1995); Saltelli et al. (2010), Comput. Phys. Commun. 181, 259–270, §5";

/** The test functions the model can evaluate. */
export const TEST_FUNCTIONS = ['ishigami', 'sobol-g'] as const;

const input = (i: number) =>
  param(z.number().default(0), {
    description: `Input ${i} of the test function (Ishigami: x1–x3 on [−π, π], the rest unused; G function: x1…x_d on [0, 1], d = length of sobolG.a).`,
    symbol: `x${i}`,
    unit: '1',
    source: 'the sample point (set by the sensitivity design)',
  });

export const analyticSchema = z.strictObject({
  ...commonFields,
  model: modelField('analytic'),
  function: param(z.enum(TEST_FUNCTIONS).default('ishigami'), {
    description: 'Which test function y = f(x) the model evaluates: ishigami (3 inputs) or sobol-g (one input per coefficient of sobolG.a).',
    unit: 'category',
    source: `${ISHIGAMI}; ${SOBOL_G}`,
  }),
  x1: input(1),
  x2: input(2),
  x3: input(3),
  x4: input(4),
  x5: input(5),
  x6: input(6),
  x7: input(7),
  x8: input(8),
  ishigami: z
    .strictObject({
      a: param(z.number().default(7), { description: 'a in y = sin x1 + a sin² x2 + b x3⁴ sin x1.', symbol: 'a', unit: '1', source: ISHIGAMI }),
      b: param(z.number().default(0.1), { description: 'b in y = sin x1 + a sin² x2 + b x3⁴ sin x1.', symbol: 'b', unit: '1', source: ISHIGAMI }),
    })
    .prefault({}),
  sobolG: z
    .strictObject({
      a: param(z.array(z.number().min(0)).min(1).max(8).default([0, 1, 4.5, 9, 99, 99, 99, 99]), {
        description: "a_i in y = Π (|4x_i − 2| + a_i)/(1 + a_i): the smaller a_i, the more x_i matters (a_i = 0: very important, 99: negligible). Its length d is the number of inputs.",
        symbol: 'a_i',
        unit: '1',
        source: SOBOL_G,
      }),
    })
    .prefault({}),
  noise: param(z.number().min(0).max(1e9).default(0), {
    description: 'Standard deviation of Gaussian noise added to y each round (0: y is exactly f(x)), to mimic a stochastic simulator.',
    unit: 'units of y',
    source: 'testing (not part of the test functions)',
  }),
});

export type AnalyticParams = z.output<typeof analyticSchema>;
