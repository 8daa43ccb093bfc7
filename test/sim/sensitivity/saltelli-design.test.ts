import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../../src/sim/random.ts';
import { saltelliDesign, saltelliIndex } from '../../../src/sim/sensitivity/saltelli-design.ts';

describe('saltelli-design', () => {
  for (const sampler of ['sobol', 'random'] as const) {
    it(`builds N(k + 2) points in which A_B^(i) is A with column i from B (${sampler})`, () => {
      // Arrange
      const k = 4;
      const n = 64;

      // Act
      const design = saltelliDesign(RandomStream.fromSeed(11, 'design'), k, n, sampler);
      const row = (index: number): number[] => Array.from(design.points.subarray(index * k, (index + 1) * k));

      // Assert
      expect(design.points.length).toBe(n * (k + 2) * k);
      for (let j = 0; j < n; j++) {
        const a = row(saltelliIndex.a(k, j));
        const b = row(saltelliIndex.b(k, j));
        for (let i = 0; i < k; i++) expect(row(saltelliIndex.ab(k, j, i))).toEqual(a.map((value, c) => (c === i ? b[c] : value)));
      }
      for (const value of design.points) expect(value >= 0 && value < 1).toBe(true);
    });
  }

  it('draws A and B as the two halves of one Sobol\' sequence: each column stratified over the N rows', () => {
    // Arrange
    const k = 3;
    const n = 256;

    // Act
    const design = saltelliDesign(RandomStream.fromSeed(5, 'design'), k, n, 'sobol');

    // Assert
    for (const index of [saltelliIndex.a, saltelliIndex.b]) {
      for (let c = 0; c < k; c++) {
        const cells = new Set(Array.from({ length: n }, (_, j) => Math.floor(design.points[index(k, j) * k + c] * n)));
        expect(cells.size).toBe(n);
      }
    }
  });
});
