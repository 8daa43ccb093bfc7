/**
 * The sampling plan of Morris's elementary-effects method (Morris 1991): r random trajectories
 * through a p-level grid of the unit hypercube [0, 1]^k, each of k + 1 points, consecutive
 * points differing in one parameter by ±Δ, Δ = p/(2(p − 1)). Every parameter moves exactly
 * once per trajectory, in a random order, so each trajectory yields one elementary effect per
 * parameter (morris.ts). Points are on the unit cube; design-file.ts maps them onto the ranges.
 */
import type { RandomStream } from '../random.ts';

export interface MorrisDesign {
  /** k: number of parameters. */
  readonly parameters: number;
  /** r: number of trajectories. */
  readonly trajectories: number;
  /** p: grid levels per parameter. */
  readonly levels: number;
  /** Δ = p/(2(p − 1)): the step, as a share of each parameter's range. */
  readonly delta: number;
  /** r·(k + 1) points on [0, 1]^k, row-major: point j of trajectory t is row t·(k + 1) + j. */
  readonly points: Float64Array;
  /** Parameter moved by step j (1…k) of trajectory t, at t·k + j − 1. */
  readonly moved: Int32Array;
  /** Direction of that step: +1 (up by Δ) or −1 (down by Δ). */
  readonly direction: Int8Array;
}

/** Morris's step Δ = p/(2(p − 1)) for p levels. @example morrisDelta(4) = 2/3 */
export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

/**
 * Draws r trajectories (Morris 1991, the randomised orientation B* = (J x* + (Δ/2)[(2B − J)D* + J])P*):
 * for each, a base point x* with every coordinate uniform on the grid levels {0, 1/(p − 1), …, 1 − Δ}
 * (the p/2 levels from which a step of Δ stays in [0, 1]), a random direction d_i = ±1 per parameter
 * and a random order P*. Parameter i starts at x*_i (d_i = +1) or x*_i + Δ (d_i = −1) and moves once
 * by d_i·Δ, so with p even every grid level is sampled with equal probability.
 * @throws RangeError when p is odd or below 2, or k, r are below 1
 */
export function morrisDesign(rng: RandomStream, parameters: number, trajectories: number, levels: number): MorrisDesign {
  if (!(Number.isInteger(levels) && levels >= 2 && levels % 2 === 0)) throw new RangeError(`Morris levels p must be even and ≥ 2, found ${levels}`);
  if (!(Number.isInteger(parameters) && parameters >= 1 && Number.isInteger(trajectories) && trajectories >= 1)) {
    throw new RangeError(`a Morris design needs k ≥ 1 parameters and r ≥ 1 trajectories, found k = ${parameters}, r = ${trajectories}`);
  }
  const k = parameters;
  const delta = morrisDelta(levels);
  const baseLevels = levels / 2;
  const points = new Float64Array(trajectories * (k + 1) * k);
  const moved = new Int32Array(trajectories * k);
  const direction = new Int8Array(trajectories * k);
  // Scratch, reused across trajectories.
  const order = new Int32Array(k);
  const current = new Float64Array(k);
  const after = new Float64Array(k);
  const signs = new Int8Array(k);
  for (let t = 0; t < trajectories; t++) {
    for (let i = 0; i < k; i++) {
      const base = rng.index(baseLevels) / (levels - 1);
      const up = rng.bernoulli(0.5);
      signs[i] = up ? 1 : -1;
      // Both ends computed from the grid, not by adding and subtracting Δ, so values stay exact levels.
      current[i] = up ? base : base + delta;
      after[i] = up ? base + delta : base;
    }
    for (let i = 0; i < k; i++) order[i] = i;
    rng.shuffle(order);
    const first = t * (k + 1);
    points.set(current, first * k);
    for (let j = 1; j <= k; j++) {
      const i = order[j - 1];
      current[i] = after[i];
      moved[t * k + j - 1] = i;
      direction[t * k + j - 1] = signs[i];
      points.set(current, (first + j) * k);
    }
  }
  return { parameters: k, trajectories, levels, delta, points, moved, direction };
}
