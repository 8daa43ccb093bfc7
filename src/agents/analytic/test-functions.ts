/**
 * The test functions of global sensitivity analysis that the analytic model evaluates: pure
 * functions of the inputs, with the published definitions. Their Sobol' indices are known in
 * closed form; docs/sensitivity.md gives them and the values `sahel-sim sensitivity` measures.
 */

/**
 * Ishigami function y = sin x1 + a·sin² x2 + b·x3⁴·sin x1 (Ishigami & Homma 1990), inputs
 * uniform on [−π, π]. With a = 7, b = 0.1: S1 = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437).
 * @example ishigami(Math.PI / 2, Math.PI / 2, 0, 7, 0.1) = 8
 */
export function ishigami(x1: number, x2: number, x3: number, a: number, b: number): number {
  return Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
}

/**
 * Sobol' G function y = Π_i (|4x_i − 2| + a_i)/(1 + a_i) (Saltelli & Sobol' 1995), inputs
 * uniform on [0, 1]; one input per coefficient a_i ≥ 0. E[y] = 1 and the partial variance of
 * input i is V_i = 1/(3(1 + a_i)²).
 * @example sobolG([0.5, 0.5], [0, 1]) = 0 (the first factor is |2 − 2|/1)
 */
export function sobolG(x: ArrayLike<number>, a: readonly number[]): number {
  let y = 1;
  for (let i = 0; i < a.length; i++) y *= (Math.abs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
  return y;
}
