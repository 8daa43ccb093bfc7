/**
 * The analytic test model: each round it evaluates a test function of global sensitivity
 * analysis at the scenario's inputs (x1…x8), plus optional Gaussian noise, and records it as
 * the metric `y`. One round gives the run-level outcome `y_final` = f(x). It exists so that the
 * sensitivity analysis can be checked through the same path as any model (docs/sensitivity.md).
 */
import type { ModelDefinition } from '../../sim/schedule.ts';
import type { RandomStream } from '../../sim/random.ts';
import { analyticSchema, type AnalyticParams } from './params.ts';
import { ishigami, sobolG } from './test-functions.ts';

export interface AnalyticState {
  /** y: the test function's value at the inputs (plus noise), as last evaluated. */
  y: number;
}

/**
 * y = f(x) + ε, ε ~ N(0, noise²): the chosen test function at the scenario's inputs.
 * The noise is drawn only when noise > 0, so a noiseless run draws nothing from the stream.
 */
export function evaluate(rng: RandomStream, params: AnalyticParams): number {
  const { x1, x2, x3, x4, x5, x6, x7, x8 } = params;
  const value =
    params.function === 'ishigami' ? ishigami(x1, x2, x3, params.ishigami.a, params.ishigami.b) : sobolG([x1, x2, x3, x4, x5, x6, x7, x8], params.sobolG.a);
  return params.noise > 0 ? value + rng.normal(0, params.noise) : value;
}

export const analyticModel: ModelDefinition<AnalyticParams, AnalyticState> = {
  id: 'analytic',
  title: 'Analytic test functions for sensitivity analysis (Ishigami, Sobol\' G)',
  schema: analyticSchema,
  init: (rng, params) => ({ y: evaluate(rng, params) }),
  phases: [
    {
      name: 'evaluate',
      order: 'aggregate',
      doc: 'Evaluates the test function at the scenario\'s inputs (plus noise, if any). No agents: the model is a function, run through the engine so that sensitivity analysis is tested on the same path as every model.',
      run(rng, state, params) {
        state.y = evaluate(rng, params);
      },
    },
  ],
  metrics: [{ name: 'y', title: 'Output y', doc: 'y = f(x) (+ noise): the test function at the scenario\'s inputs.', unit: '1', summary: ['final'], read: (state) => state.y }],
  summaries: [],
  headline: ['y_final'],
};
