import { describe, expect, it } from 'vitest';
import { abc, latinHypercube, posteriorSummary, type Evaluate } from '../../../src/sim/calibration/abc.ts';
import { RandomStream } from '../../../src/sim/random.ts';

// A toy model with a known posterior: 20 observations from N(θ, 1), θ unknown with a flat prior
// on [−5, 5]. The posterior of θ is N(x̄, 1/20) (truncated far in the tails): sd 1/√20 = 0.2236.
const N = 20;
const data = (() => {
  const rng = RandomStream.fromSeed(99, 'toy-data');
  return Array.from({ length: N }, () => rng.normal(1.3, 1));
})();
const observedMean = data.reduce((a, b) => a + b, 0) / N;

/** Simulates N draws at each θ (its own stream) and scores |x̄_sim − x̄_obs|. */
const evaluate: Evaluate = async (generation, points) =>
  points.map((point, i) => {
    const rng = RandomStream.fromSeed(1000 * generation + i, 'toy-simulation');
    let sum = 0;
    for (let k = 0; k < N; k++) sum += rng.normal(point[0], 1);
    return Math.abs(sum / N - observedMean);
  });

const priors = [{ name: 'theta', from: -5, to: 5 }];

describe('approximate Bayesian computation', () => {
  it('recovers the known posterior of a normal mean by rejection (one generation)', async () => {
    const [accepted] = await abc({ priors, samples: 4000, accept: 0.02, generations: 1, seed: 1 }, evaluate);
    const [theta] = posteriorSummary(accepted, priors);
    expect(accepted).toHaveLength(80);
    expect(Math.abs(theta.mean - observedMean)).toBeLessThan(0.06);
    // Rejection with a finite tolerance widens the posterior a little: allow 0.2236 −10% / +30%.
    expect(theta.sd).toBeGreaterThan(0.2236 * 0.9);
    expect(theta.sd).toBeLessThan(0.2236 * 1.3);
  });

  it('recovers it more tightly with population Monte Carlo (three generations), weights summing to 1', async () => {
    const generations = await abc({ priors, samples: 1000, accept: 0.1, generations: 3, seed: 2 }, evaluate);
    const last = generations[2];
    const [theta] = posteriorSummary(last, priors);
    expect(last.reduce((sum, p) => sum + p.weight, 0)).toBeCloseTo(1, 10);
    expect(last.at(-1)!.distance).toBeLessThan(generations[0].at(-1)!.distance); // the tolerance shrinks
    expect(Math.abs(theta.mean - observedMean)).toBeLessThan(0.05);
    expect(theta.sd).toBeGreaterThan(0.2236 * 0.8);
    expect(theta.sd).toBeLessThan(0.2236 * 1.2);
    expect(theta.p5).toBeLessThan(observedMean);
    expect(theta.p95).toBeGreaterThan(observedMean);
  });

  it('is deterministic per seed and keeps particles inside the priors', async () => {
    const first = await abc({ priors, samples: 200, accept: 0.2, generations: 2, seed: 5 }, evaluate);
    const second = await abc({ priors, samples: 200, accept: 0.2, generations: 2, seed: 5 }, evaluate);
    expect(second).toEqual(first);
    for (const particle of first.flat()) expect(particle.values[0] >= -5 && particle.values[0] <= 5).toBe(true);
  });

  it('draws a Latin hypercube with one point in each stratum of every prior', () => {
    const points = latinHypercube(RandomStream.fromSeed(3), [{ name: 'a', from: 0, to: 1 }, { name: 'b', from: 10, to: 20 }], 8);
    expect(points.map((p) => Math.floor(p[0] * 8)).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(points.map((p) => Math.floor(((p[1] - 10) / 10) * 8)).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
