/** The analytic test model's functions (src/agents/analytic/test-functions.ts), at points worked by hand. */
import { describe, expect, it } from 'vitest';
import { ishigami, sobolG } from '../../../src/agents/analytic/test-functions.ts';

describe('analytic test functions', () => {
  it('Ishigami: y = sin x1 + a sin² x2 + b x3⁴ sin x1', () => {
    expect(ishigami(Math.PI / 2, Math.PI / 2, 0, 7, 0.1)).toBeCloseTo(8, 12);
    expect(ishigami(Math.PI / 2, 0, 2, 7, 0.1)).toBeCloseTo(1 + 0.1 * 16, 12);
    expect(ishigami(0, Math.PI / 2, 3, 7, 0.1)).toBeCloseTo(7, 12);
  });

  it("Sobol' G: y = Π (|4x_i − 2| + a_i)/(1 + a_i), with one input per coefficient", () => {
    expect(sobolG([0, 1], [0, 1])).toBe(3); // (2 + 0)/1 · (2 + 1)/2
    expect(sobolG([0.5, 0.9], [0, 1])).toBe(0); // a_1 = 0 and x_1 = ½ zero the product
    expect(sobolG([0.25, 0.25, 0.7], [99, 99])).toBeCloseTo(1, 12); // |4·¼ − 2| = 1; the third input is unused
  });
});
