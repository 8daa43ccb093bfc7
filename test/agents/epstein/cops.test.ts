import { describe, expect, it } from 'vitest';
import { actAsCop } from '../../../src/agents/epstein/cops.ts';
import { STATUS } from '../../../src/agents/epstein/state.ts';
import { RandomStream } from '../../../src/sim/random.ts';
import { EMPTY } from '../../../src/sim/space/grid.ts';
import { epsteinParams, handMadeWorld } from '../../support/epstein.ts';

describe('actAsCop (rule C)', () => {
  const params = epsteinParams({ grid: { width: 20, height: 20, torus: false }, cops: { vision: 3 }, movement: false, maxJailTerm: 30 });

  it('arrests an active citizen in vision: off the grid, quiet, jailed for 0..J_max rounds', () => {
    const state = handMadeWorld(params, [{ x: 5, y: 5, hardship: 1, riskAversion: 0, active: true }], [{ x: 6, y: 6 }]);
    const copIndex = 1;
    const formerCell = state.agents.columns.cell[0];

    actAsCop(RandomStream.fromSeed(2), state, params, copIndex);

    const { status, cell, active, jailTerm } = state.agents.columns;
    expect(status[0]).toBe(STATUS.jailed);
    expect(cell[0]).toBe(EMPTY);
    expect(active[0]).toBe(0);
    expect(state.cells.occupant[formerCell]).toBe(EMPTY);
    expect(jailTerm[0]).toBeGreaterThanOrEqual(0);
    expect(jailTerm[0]).toBeLessThanOrEqual(30);
    expect(state.arrests).toBe(1);
  });

  it('leaves quiet citizens and actives beyond its vision alone', () => {
    const state = handMadeWorld(
      params,
      [
        { x: 5, y: 5, hardship: 1, riskAversion: 0, active: false },
        { x: 15, y: 15, hardship: 1, riskAversion: 0, active: true },
      ],
      [{ x: 6, y: 6 }],
    );
    actAsCop(RandomStream.fromSeed(2), state, params, 2);
    expect(state.agents.columns.status[0]).toBe(STATUS.free);
    expect(state.agents.columns.status[1]).toBe(STATUS.free);
    expect(state.arrests).toBe(0);
  });

  it('arrests one of several actives, each with a fair chance', () => {
    const counts = [0, 0, 0];
    for (let seed = 0; seed < 600; seed++) {
      const state = handMadeWorld(
        params,
        [
          { x: 4, y: 5, hardship: 1, riskAversion: 0, active: true },
          { x: 6, y: 5, hardship: 1, riskAversion: 0, active: true },
          { x: 5, y: 7, hardship: 1, riskAversion: 0, active: true },
        ],
        [{ x: 5, y: 5 }],
      );
      actAsCop(RandomStream.fromSeed(seed), state, params, 3);
      const arrested = [0, 1, 2].filter((i) => state.agents.columns.status[i] === STATUS.jailed);
      expect(arrested).toHaveLength(1);
      counts[arrested[0]]++;
    }
    // Expected 200 each; 4 standard deviations of a binomial(600, 1/3) is about 46.
    for (const count of counts) expect(Math.abs(count - 200)).toBeLessThan(46);
  });
});
