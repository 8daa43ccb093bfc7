import { describe, expect, it } from 'vitest';
import { actAsCitizen, decidesToRebel, estimateArrestProbability, grievance, serveSentences } from '../../../src/agents/epstein/citizens.ts';
import { initEpstein, KIND, PLANE, removeFromGrid, showAt, SIGHT, STATUS } from '../../../src/agents/epstein/state.ts';
import { countInSight } from '../../../src/agents/epstein/vision.ts';
import { RandomStream } from '../../../src/sim/random.ts';
import { EMPTY } from '../../../src/sim/space/grid.ts';
import { epsteinParams, handMadeWorld } from '../../support/epstein.ts';

describe('grievance', () => {
  it('is hardship times illegitimacy, G = H(1 − L)', () => {
    expect(grievance(0.5, 0.8)).toBeCloseTo(0.1, 15);
    expect(grievance(1, 0)).toBe(1);
    expect(grievance(0.9, 1)).toBe(0);
  });
});

describe('estimateArrestProbability', () => {
  it('floors the cop-to-active ratio, so it is zero while cops are fewer than actives plus one', () => {
    expect(estimateArrestProbability(2, 2, 2.3)).toBe(0); // ⌊2/3⌋ = 0
    expect(estimateArrestProbability(0, 0, 2.3)).toBe(0);
  });

  it('is 1 − exp(−k) when cops equal actives plus one, about 0.9 for k = 2.3', () => {
    expect(estimateArrestProbability(3, 2, 2.3)).toBeCloseTo(1 - Math.exp(-2.3), 15);
    expect(estimateArrestProbability(3, 2, 2.3)).toBeCloseTo(0.8997, 4);
  });

  it('grows with the number of cops per active', () => {
    expect(estimateArrestProbability(4, 1, 2.3)).toBeCloseTo(1 - Math.exp(-4.6), 15); // ⌊4/2⌋ = 2
    expect(estimateArrestProbability(4, 1, 2.3)).toBeGreaterThan(estimateArrestProbability(3, 1, 2.3));
  });
});

describe('decidesToRebel (rule A)', () => {
  it('rebels only when grievance minus net risk strictly exceeds the threshold', () => {
    expect(decidesToRebel(0.3, 0.5, 0.2, 0.1)).toBe(true); // 0.3 − 0.1 = 0.2 > 0.1
    expect(decidesToRebel(0.2, 1, 0.1, 0.1)).toBe(false); // 0.2 − 0.1 = 0.1, not > 0.1
    expect(decidesToRebel(0.5, 1, 0.9, 0.1)).toBe(false);
  });
});

describe('actAsCitizen', () => {
  const still = { movement: false, legitimacy: 0.5 };

  it('turns a high-grievance citizen with no cops in sight active', () => {
    const params = epsteinParams({ grid: { width: 20, height: 20 }, ...still });
    const state = handMadeWorld(params, [{ x: 5, y: 5, hardship: 0.9, riskAversion: 0.9 }], []);
    actAsCitizen(RandomStream.fromSeed(1), state, params, 0);
    expect(state.agents.columns.active[0]).toBe(1);
  });

  it('keeps the same citizen quiet when cops in vision outnumber would-be actives', () => {
    const params = epsteinParams({ grid: { width: 20, height: 20 }, ...still });
    const state = handMadeWorld(params, [{ x: 5, y: 5, hardship: 0.9, riskAversion: 0.9 }], [{ x: 6, y: 5 }, { x: 5, y: 7 }]);
    actAsCitizen(RandomStream.fromSeed(1), state, params, 0);
    expect(state.agents.columns.active[0]).toBe(0); // G = 0.45, N = 0.9·(1 − e^−4.6) ≈ 0.89
  });

  it('ignores cops beyond its vision', () => {
    const params = epsteinParams({ grid: { width: 30, height: 30, torus: false }, citizens: { vision: 2 }, ...still });
    const state = handMadeWorld(params, [{ x: 5, y: 5, hardship: 0.9, riskAversion: 0.9 }], [{ x: 8, y: 5 }]);
    actAsCitizen(RandomStream.fromSeed(1), state, params, 0);
    expect(state.agents.columns.active[0]).toBe(1);
  });

  it('moves to an empty cell within vision when movement is on', () => {
    const params = epsteinParams({ grid: { width: 20, height: 20, torus: false }, citizens: { vision: 1 }, movement: true, legitimacy: 0.9 });
    const state = handMadeWorld(params, [{ x: 5, y: 5, hardship: 0.1, riskAversion: 0.5 }], []);
    const before = state.agents.columns.cell[0];
    actAsCitizen(RandomStream.fromSeed(3), state, params, 0);
    const after = state.agents.columns.cell[0];
    const dx = Math.abs((after % 20) - (before % 20));
    const dy = Math.abs(Math.floor(after / 20) - Math.floor(before / 20));
    expect(dx + dy).toBe(1);
    expect(state.cells.occupant[after]).toBe(0);
    expect(state.cells.occupant[before]).toBe(EMPTY);
  });

  it('a jailed citizen neither moves nor changes state until released', () => {
    const params = epsteinParams({ grid: { width: 20, height: 20 }, movement: true, legitimacy: 0 });
    const state = handMadeWorld(params, [{ x: 5, y: 5, hardship: 1, riskAversion: 0 }], []);
    const { status, cell, active } = state.agents.columns;
    removeFromGrid(state, 0);
    status[0] = STATUS.jailed;
    actAsCitizen(RandomStream.fromSeed(1), state, params, 0);
    expect([status[0], cell[0], active[0]]).toEqual([STATUS.jailed, EMPTY, 0]);
  });
});

describe('serveSentences', () => {
  it('counts a term down one round at a time and releases the citizen quiet onto an empty cell', () => {
    const params = epsteinParams({ grid: { width: 10, height: 10 } });
    const state = handMadeWorld(params, [{ x: 1, y: 1, hardship: 1, riskAversion: 0 }], []);
    const { status, cell, jailTerm, active } = state.agents.columns;
    removeFromGrid(state, 0);
    status[0] = STATUS.jailed;
    jailTerm[0] = 2;
    const rng = RandomStream.fromSeed(5);

    serveSentences(rng, state);
    serveSentences(rng, state);
    expect(status[0]).toBe(STATUS.jailed);
    expect(jailTerm[0]).toBe(0);

    serveSentences(rng, state);
    expect(status[0]).toBe(STATUS.free);
    expect(active[0]).toBe(0);
    expect(cell[0]).toBeGreaterThanOrEqual(0);
    expect(state.cells.occupant[cell[0]]).toBe(0);
    expect(state.sight[cell[0]]).toBe(SIGHT.quiet);
  });
});

describe('rule A without counting what need not be counted', () => {
  it('decides as the full rule G − R·P > T would, from counts of every cop and active in sight (property)', () => {
    // The citizen's turn skips or cuts short the counting for most citizens (citizens.ts); on
    // random crowded worlds its decision must be the one the full counts give, for every rounding.
    const rng = RandomStream.fromSeed(77);
    let active = 0;
    let quiet = 0;
    for (const rounding of ['floor', 'half-even', 'none'] as const) {
      for (let world = 0; world < 40; world++) {
        const legitimacy = rng.uniform(0, 0.9);
        const params = epsteinParams({
          grid: { width: 24, height: 20 },
          citizens: { density: 0.55, vision: 1 + rng.index(6) },
          cops: { density: rng.uniform(0.02, 0.2) },
          legitimacy,
          movement: false,
          rules: { rounding },
        });
        const state = initEpstein(RandomStream.fromSeed(world), params);
        const { kind, active: isActive, cell, hardship, riskAversion } = state.agents.columns;
        for (let i = 0; i < state.agents.size; i++) {
          if (kind[i] === KIND.citizen && rng.bernoulli(0.3)) {
            isActive[i] = 1;
            showAt(state, cell[i], SIGHT.active);
          }
        }
        for (let i = 0; i < state.agents.size; i++) {
          if (kind[i] !== KIND.citizen) continue;
          const cops = countInSight(state, PLANE.cop, cell[i], state.citizenVision);
          const actives = countInSight(state, PLANE.active, cell[i], state.citizenVision);
          const p = estimateArrestProbability(cops, actives, params.arrestProbabilityConstant, rounding);
          const expected = decidesToRebel(grievance(hardship[i], legitimacy), riskAversion[i], p, params.activeThreshold) ? 1 : 0;
          actAsCitizen(rng, state, params, i);
          expect(isActive[i], `${rounding}, world ${world}, citizen ${i}`).toBe(expected);
          if (expected) active++;
          else quiet++;
        }
      }
    }
    expect(Math.min(active, quiet)).toBeGreaterThan(1000);
  });
});
