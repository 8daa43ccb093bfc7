/**
 * Approximate Bayesian Computation (docs/validation.md, Calibration): parameters are drawn from
 * uniform priors, each set is simulated and scored by its distance to the observations, and
 * the closest are kept as draws from the approximate posterior.
 *
 * Generation 1 is rejection ABC on a Latin hypercube of the priors (Pritchard et al. 1999): the
 * `accept` share with the smallest distances is kept, equally weighted. Each later generation is
 * population Monte Carlo ABC (Beaumont et al. 2009): candidates are drawn from the previous
 * generation by weight, moved by a Gaussian kernel with twice the weighted variance of each
 * parameter (reflected at the prior bounds), scored, and the best `accept` share kept, with
 * importance weights prior / Σ w_j K(θ | θ_j). The tolerance of each generation is the distance
 * of its last accepted particle, so it shrinks as generations go.
 *
 * Deterministic per seed: every draw comes from streams of `seed`.
 */
import { RandomStream } from '../random.ts';

export interface Prior {
  /** A scenario path, e.g. `fear.exposure`. */
  readonly name: string;
  readonly from: number;
  readonly to: number;
}

export interface Particle {
  readonly values: readonly number[];
  readonly distance: number;
  readonly weight: number;
}

export interface AbcOptions {
  readonly priors: readonly Prior[];
  /** Parameter sets simulated per generation. */
  readonly samples: number;
  /** Share of each generation kept, in (0, 1]. */
  readonly accept: number;
  /** 1: rejection only; more: population Monte Carlo. */
  readonly generations: number;
  readonly seed: number;
}

/** Scores parameter sets (one distance per set, in order); may run them in parallel. */
export type Evaluate = (generation: number, points: readonly (readonly number[])[]) => Promise<readonly number[]>;

function reflect(value: number, from: number, to: number): number {
  const width = to - from;
  if (width <= 0) return from;
  let x = (value - from) % (2 * width);
  if (x < 0) x += 2 * width;
  return from + (x > width ? 2 * width - x : x);
}

/** N points of a Latin hypercube over the priors: one point in each of N strata of every parameter. */
export function latinHypercube(rng: RandomStream, priors: readonly Prior[], samples: number): number[][] {
  const columns = priors.map((prior) => {
    const strata = Int32Array.from({ length: samples }, (_, k) => k);
    rng.shuffle(strata);
    return Array.from(strata, (stratum) => prior.from + ((prior.to - prior.from) * (stratum + rng.double())) / samples);
  });
  return Array.from({ length: samples }, (_, i) => columns.map((column) => column[i]));
}

function keepBest(points: readonly (readonly number[])[], distances: readonly number[], keep: number): { values: readonly number[]; distance: number }[] {
  return points
    .map((values, i) => ({ values, distance: distances[i], i }))
    .filter((particle) => Number.isFinite(particle.distance))
    .sort((a, b) => a.distance - b.distance || a.i - b.i)
    .slice(0, keep)
    .map(({ values, distance }) => ({ values, distance }));
}

/** Weighted variance of each parameter over a population. */
function weightedVariances(particles: readonly Particle[], dimensions: number): number[] {
  return Array.from({ length: dimensions }, (_, d) => {
    const mean = particles.reduce((sum, p) => sum + p.weight * p.values[d], 0);
    return particles.reduce((sum, p) => sum + p.weight * (p.values[d] - mean) ** 2, 0);
  });
}

/**
 * Runs ABC and returns every generation's accepted particles (weights sum to 1 in each).
 * @throws Error when a generation keeps no particle (every distance infinite)
 */
export async function abc(options: AbcOptions, evaluate: Evaluate): Promise<Particle[][]> {
  const { priors, samples, generations, seed } = options;
  const keep = Math.max(1, Math.round(options.accept * samples));
  const history: Particle[][] = [];
  for (let generation = 1; generation <= generations; generation++) {
    const rng = RandomStream.fromSeed(seed, `abc-generation-${generation}`);
    let points: number[][];
    let previous: Particle[] | null = null;
    let sigmas: number[] = [];
    if (generation === 1) {
      points = latinHypercube(rng, priors, samples);
    } else {
      previous = history[generation - 2];
      sigmas = weightedVariances(previous, priors.length).map((variance) => Math.sqrt(2 * variance));
      const cumulative = previous.reduce<number[]>((sums, p) => [...sums, (sums.at(-1) ?? 0) + p.weight], []);
      points = Array.from({ length: samples }, () => {
        const u = rng.double() * (cumulative.at(-1) ?? 1);
        const parent = previous![Math.min(previous!.length - 1, cumulative.findIndex((c) => c > u))];
        return priors.map((prior, d) => reflect(rng.normal(parent.values[d], sigmas[d]), prior.from, prior.to));
      });
    }
    const distances = await evaluate(generation, points);
    const best = keepBest(points, distances, keep);
    if (best.length === 0) throw new Error(`ABC generation ${generation}: no parameter set had a finite distance`);
    let weights: number[];
    if (!previous) {
      weights = best.map(() => 1);
    } else {
      const parents = previous;
      // Uniform priors: the weight is 1 / Σ_j w_j K(θ | θ_j), K a product of Gaussian densities.
      weights = best.map(({ values }) => {
        let mixture = 0;
        for (const parent of parents) {
          let density = parent.weight;
          for (let d = 0; d < priors.length; d++) {
            const s = sigmas[d] > 0 ? sigmas[d] : 1e-12;
            density *= Math.exp(-0.5 * ((values[d] - parent.values[d]) / s) ** 2) / s;
          }
          mixture += density;
        }
        return mixture > 0 ? 1 / mixture : 0;
      });
    }
    const total = weights.reduce((a, b) => a + b, 0);
    history.push(best.map((particle, k) => ({ ...particle, weight: total > 0 ? weights[k] / total : 1 / best.length })));
  }
  return history;
}

/** Weighted mean, standard deviation and quantiles of each parameter over a population. */
export function posteriorSummary(particles: readonly Particle[], priors: readonly Prior[]): { name: string; mean: number; sd: number; median: number; p5: number; p95: number }[] {
  return priors.map((prior, d) => {
    const mean = particles.reduce((sum, p) => sum + p.weight * p.values[d], 0);
    const sd = Math.sqrt(particles.reduce((sum, p) => sum + p.weight * (p.values[d] - mean) ** 2, 0));
    const sorted = particles.map((p) => ({ value: p.values[d], weight: p.weight })).sort((a, b) => a.value - b.value);
    const at = (q: number): number => {
      let cumulative = 0;
      for (const { value, weight } of sorted) {
        cumulative += weight;
        if (cumulative >= q) return value;
      }
      return sorted.at(-1)?.value ?? Number.NaN;
    };
    return { name: prior.name, mean, sd, median: at(0.5), p5: at(0.05), p95: at(0.95) };
  });
}
