import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shortestDistances } from '../../../src/sim/space/network.ts';

describe('road network (space/network.ts shortestDistances)', () => {
  it('finds the shortest way round, both ways, and Infinity where no road leads', () => {
    // 0 —10— 1 —10— 2, and a long direct road 0 —50— 2; node 3 cut off.
    const d = shortestDistances(4, [[0, 1, 10], [1, 2, 10], [0, 2, 50]]);
    expect(d[0 * 4 + 2]).toBe(20);
    expect(d[2 * 4 + 0]).toBe(20);
    expect(d[1 * 4 + 1]).toBe(0);
    expect(d[0 * 4 + 3]).toBe(Number.POSITIVE_INFINITY);
  });

  it('keeps the shorter of two roads between the same places', () => {
    expect(shortestDistances(2, [[0, 1, 30], [1, 0, 12]])[1]).toBe(12);
  });

  it('is symmetric and satisfies the triangle inequality on random networks', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(7), fc.nat(7), fc.integer({ min: 1, max: 500 })), { maxLength: 20 }), (links) => {
        const n = 8;
        const d = shortestDistances(n, links);
        for (let p = 0; p < n; p++) {
          for (let q = 0; q < n; q++) {
            expect(d[p * n + q]).toBe(d[q * n + p]);
            for (let k = 0; k < n; k++) expect(d[p * n + q]).toBeLessThanOrEqual(d[p * n + k] + d[k * n + q]);
          }
        }
        for (const [a, b, length] of links) expect(d[a * n + b]).toBeLessThanOrEqual(length);
      }),
      { seed: 3, numRuns: 100 },
    );
  });

  it('rejects a link to a node that does not exist', () => {
    expect(() => shortestDistances(2, [[0, 2, 1]])).toThrow('link [0, 2] names a node outside 0..1');
  });
});
