import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../../src/sim/random.ts';
import { morrisDelta, morrisDesign } from '../../../src/sim/sensitivity/morris-design.ts';

describe('morris-design', () => {
  const k = 5;
  const r = 400;
  const p = 4;
  const design = morrisDesign(RandomStream.fromSeed(3, 'design'), k, r, p);
  const point = (t: number, j: number): Float64Array => design.points.subarray((t * (k + 1) + j) * k, (t * (k + 1) + j + 1) * k);

  it('steps Δ = p/(2(p − 1)): 2/3 for four levels', () => {
    expect(morrisDelta(4)).toBeCloseTo(2 / 3, 15);
    expect(design.delta).toBe(morrisDelta(p));
  });

  it('moves every parameter exactly once per trajectory, by ±Δ, and nothing else', () => {
    for (let t = 0; t < r; t++) {
      const moved = new Set<number>();
      for (let j = 1; j <= k; j++) {
        const before = point(t, j - 1);
        const after = point(t, j);
        const changed = Array.from(after, (_, i) => i).filter((i) => after[i] !== before[i]);
        const i = design.moved[t * k + j - 1];
        expect(changed).toEqual([i]);
        expect(after[i] - before[i]).toBeCloseTo(design.direction[t * k + j - 1] * design.delta, 12);
        moved.add(i);
      }
      expect(moved.size).toBe(k);
    }
  });

  it('keeps every coordinate on the p grid levels of [0, 1], each level about equally often', () => {
    // Arrange
    const counts = new Array<number>(p).fill(0);

    // Act
    for (const value of design.points) {
      const level = Math.round(value * (p - 1));
      expect(Math.abs(value - level / (p - 1))).toBeLessThan(1e-12);
      counts[level]++;
    }

    // Assert: with p even, Morris's design samples the levels uniformly
    const share = counts.map((count) => count / design.points.length);
    for (const value of share) expect(Math.abs(value - 1 / p)).toBeLessThan(0.02);
  });

  it('draws the same trajectories from the same seed and others from another', () => {
    const again = morrisDesign(RandomStream.fromSeed(3, 'design'), k, r, p);
    const other = morrisDesign(RandomStream.fromSeed(4, 'design'), k, r, p);
    expect(Array.from(again.points)).toEqual(Array.from(design.points));
    expect(Array.from(other.points)).not.toEqual(Array.from(design.points));
  });

  it('refuses an odd number of levels', () => {
    expect(() => morrisDesign(RandomStream.fromSeed(1), 2, 3, 5)).toThrow(RangeError);
  });
});
