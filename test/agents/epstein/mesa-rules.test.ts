/**
 * The rules switches of the Epstein model (rules.*) that reproduce Mesa 3.3.1's example
 * (docs/odd-epstein.md §9): each test would fail if the Mesa rule it names were implemented
 * otherwise, and a statistical docking check sets whole runs against Mesa's reported outcome.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actAsCitizen, copsPerActive, estimateArrestProbability, roundHalfEven } from '../../../src/agents/epstein/citizens.ts';
import { actAsCop } from '../../../src/agents/epstein/cops.ts';
import { epsteinModel } from '../../../src/agents/epstein/model.ts';
import type { EpsteinParams } from '../../../src/agents/epstein/params.ts';
import { initEpstein, KIND, PLANE, showAt, SIGHT, STATUS, type EpsteinState } from '../../../src/agents/epstein/state.ts';
import { countInSight, pickInSight } from '../../../src/agents/epstein/vision.ts';
import { MODELS } from '../../../src/agents/registry.ts';
import { RandomStream } from '../../../src/sim/random.ts';
import { loadScenario } from '../../../src/sim/scenario/index.ts';
import { runScenario, Simulation } from '../../../src/sim/schedule.ts';
import { EMPTY } from '../../../src/sim/space/grid.ts';
import { epsteinParams, handMadeWorld } from '../../support/epstein.ts';

const MESA_RULES = { rounding: 'half-even', turn: 'act-then-move', jail: 'in-place', placement: 'per-cell' } as const;
const ROOT = resolve(import.meta.dirname, '../../..');

function mesaParams(fields: Record<string, unknown> = {}): EpsteinParams {
  return epsteinParams({ rules: MESA_RULES, ...fields });
}

/** Manhattan distance on a torus. */
function torusDistance(state: EpsteinState, a: number, b: number): number {
  const { width, height } = state.grid;
  const dx = Math.abs((a % width) - (b % width));
  const dy = Math.abs(Math.floor(a / width) - Math.floor(b / width));
  return Math.min(dx, width - dx) + Math.min(dy, height - dy);
}

describe('rules.rounding = half-even (Mesa: Python round in P)', () => {
  it('rounds C/(A+1) halves to the even integer: 0.5 → 0, 1.5 → 2, 2.5 → 2, 3.5 → 4', () => {
    expect([roundHalfEven(1, 2), roundHalfEven(3, 2), roundHalfEven(5, 2), roundHalfEven(7, 2)]).toEqual([0, 2, 2, 4]);
    expect([roundHalfEven(2, 3), roundHalfEven(4, 3), roundHalfEven(0, 5)]).toEqual([1, 1, 0]); // 0.67 → 1, 1.33 → 1
  });

  it('gives P = 0 at C/(A+1) = 0.5 and P = 1 − e^(−2k) at 1.5 and 2.5, where floor gives 0, 1 − e^(−k), 1 − e^(−2k)', () => {
    const k = 2.3;
    // One cop, one other active: C/(A+1) = 1/2. Three cops, one other active: 3/2. Five: 5/2.
    expect(estimateArrestProbability(1, 1, k, 'half-even')).toBe(0);
    expect(estimateArrestProbability(3, 1, k, 'half-even')).toBeCloseTo(1 - Math.exp(-2 * k), 15);
    expect(estimateArrestProbability(5, 1, k, 'half-even')).toBeCloseTo(1 - Math.exp(-2 * k), 15);
    expect(estimateArrestProbability(3, 1, k, 'floor')).toBeCloseTo(1 - Math.exp(-k), 15);
    expect(estimateArrestProbability(5, 1, k, 'floor')).toBeCloseTo(1 - Math.exp(-2 * k), 15);
    expect(copsPerActive(3, 1, 'none')).toBe(1.5);
  });

  it('is what a citizen uses: at C/(A+1) = 1.5 it rounds up to 2 and keeps quiet a citizen that floor (1) lets rebel', () => {
    // G = 1·(1 − 0) = 1, R = 1, T = 0.1. Half-even: P = 1 − e^(−4.6) ≈ 0.990, 1 − 0.990 < T.
    // Floor: P = 1 − e^(−2.3) ≈ 0.8997, 1 − 0.8997 = 0.1003 > T.
    const arrange = (rounding: string): { params: EpsteinParams; state: EpsteinState } => {
      const params = epsteinParams({ grid: { width: 20, height: 20 }, legitimacy: 0, movement: false, rules: { rounding } });
      const state = handMadeWorld(
        params,
        [{ x: 5, y: 5, hardship: 1, riskAversion: 1 }, { x: 7, y: 5, hardship: 1, riskAversion: 0, active: true }],
        [{ x: 5, y: 8 }, { x: 3, y: 5 }, { x: 5, y: 2 }],
      );
      return { params, state };
    };
    const mesa = arrange('half-even');
    const netlogo = arrange('floor');
    actAsCitizen(RandomStream.fromSeed(1), mesa.state, mesa.params, 0);
    actAsCitizen(RandomStream.fromSeed(1), netlogo.state, netlogo.params, 0);
    expect(mesa.state.agents.columns.active[0]).toBe(0);
    expect(netlogo.state.agents.columns.active[0]).toBe(1);
  });
});

describe('vision: the von Neumann diamond (Mesa OrthogonalVonNeumannGrid, radius v)', () => {
  it('has 2v(v+1) = 112 cells for v = 7, all at Manhattan distance 1..7 on the torus, the centre excluded', () => {
    const params = mesaParams({ grid: { width: 40, height: 40 } });
    for (const at of [{ x: 20, y: 20 }, { x: 0, y: 0 }, { x: 39, y: 3 }]) {
      const state = handMadeWorld(params, [{ ...at, hardship: 0, riskAversion: 0 }], []);
      const centre = at.y * 40 + at.x;
      const seen = countInSight(state, PLANE.empty, centre, state.citizenVision);
      expect(seen).toBe(112);
      const cells = Array.from({ length: seen }, (_, j) => pickInSight(state, PLANE.empty, centre, state.citizenVision, j));
      expect(new Set(cells).size).toBe(112);
      const distances = cells.map((cell) => torusDistance(state, centre, cell));
      expect(Math.min(...distances)).toBe(1);
      expect(Math.max(...distances)).toBe(7);
    }
  });
});

describe('rules.turn = act-then-move (Mesa: look, act, then move)', () => {
  const still = { grid: { width: 20, height: 20 }, citizens: { vision: 1 }, cops: { vision: 1 }, legitimacy: 0.1 };

  it('a citizen decides from the cell it looked from, then moves; move-then-act decides from the new cell', () => {
    // Three cops around (5,5), the only empty neighbour is (5,6), where no cop is in sight.
    // G = 0.9·0.9 = 0.81, R = 1: quiet when 3 cops face it (P ≈ 0.999), active when none.
    const arrange = (params: EpsteinParams): EpsteinState =>
      handMadeWorld(params, [{ x: 5, y: 5, hardship: 0.9, riskAversion: 1 }], [{ x: 4, y: 5 }, { x: 6, y: 5 }, { x: 5, y: 4 }]);
    const mesa = mesaParams(still);
    const netlogo = epsteinParams(still);
    const a = arrange(mesa);
    const b = arrange(netlogo);
    actAsCitizen(RandomStream.fromSeed(1), a, mesa, 0);
    actAsCitizen(RandomStream.fromSeed(1), b, netlogo, 0);
    expect([a.agents.columns.cell[0], a.agents.columns.active[0]]).toEqual([6 * 20 + 5, 0]);
    expect([b.agents.columns.cell[0], b.agents.columns.active[0]]).toEqual([6 * 20 + 5, 1]);
  });

  it('a cop arrests from the cell it looked from, then moves; move-then-act can walk out of reach first', () => {
    // The only empty cell in the cop's sight, (4,5), is 2 cells from the active at (6,5).
    const arrange = (params: EpsteinParams): EpsteinState =>
      handMadeWorld(
        params,
        [
          { x: 6, y: 5, hardship: 1, riskAversion: 0, active: true },
          { x: 5, y: 4, hardship: 0, riskAversion: 0 },
          { x: 5, y: 6, hardship: 0, riskAversion: 0 },
        ],
        [{ x: 5, y: 5 }],
      );
    const mesa = mesaParams(still);
    const netlogo = epsteinParams(still);
    const a = arrange(mesa);
    const b = arrange(netlogo);
    actAsCop(RandomStream.fromSeed(1), a, mesa, 3);
    actAsCop(RandomStream.fromSeed(1), b, netlogo, 3);
    expect(a.agents.columns.status[0]).toBe(STATUS.jailed);
    expect(a.agents.columns.cell[3]).toBe(5 * 20 + 4);
    expect(b.agents.columns.status[0]).toBe(STATUS.free);
    expect(b.agents.columns.cell[3]).toBe(5 * 20 + 4);
  });

  it('a cop never moves onto the cell of the citizen it arrested, even when rules.jail = off-grid frees it', () => {
    const params = epsteinParams({ ...still, rules: { turn: 'act-then-move', jail: 'off-grid' } });
    for (let seed = 0; seed < 20; seed++) {
      const state = handMadeWorld(
        params,
        [
          { x: 6, y: 5, hardship: 1, riskAversion: 0, active: true },
          { x: 4, y: 5, hardship: 0, riskAversion: 0 },
          { x: 5, y: 6, hardship: 0, riskAversion: 0 },
        ],
        [{ x: 5, y: 5 }],
      );
      actAsCop(RandomStream.fromSeed(seed), state, params, 3);
      // Before the arrest only (5,4) was empty: that is where the cop goes.
      expect(state.agents.columns.cell[3]).toBe(4 * 20 + 5);
      expect(state.agents.columns.cell[0]).toBe(EMPTY);
      expect(state.cells.occupant[5 * 20 + 6]).toBe(EMPTY);
    }
  });
});

describe('rules.jail = in-place (Mesa: a prisoner keeps its cell and serves at its own activations)', () => {
  const small = { grid: { width: 20, height: 20 }, citizens: { vision: 1 }, cops: { vision: 1 }, maxJailTerm: 3 };

  it('an arrested citizen stays on its cell, seen as jailed: neither active nor arrestable, and the cell stays blocked', () => {
    const params = mesaParams({ ...small, movement: false });
    const state = handMadeWorld(params, [{ x: 6, y: 5, hardship: 1, riskAversion: 0, active: true }], [{ x: 5, y: 5 }]);
    actAsCop(RandomStream.fromSeed(4), state, params, 1);
    const { status, cell, active } = state.agents.columns;
    expect([status[0], cell[0], active[0]]).toEqual([STATUS.jailed, 5 * 20 + 6, 0]);
    expect(state.cells.occupant[5 * 20 + 6]).toBe(0);
    expect(state.sight[5 * 20 + 6]).toBe(SIGHT.jailed);
    expect(countInSight(state, PLANE.active, 5 * 20 + 5, state.copVision)).toBe(0);
    expect(countInSight(state, PLANE.empty, 5 * 20 + 5, state.copVision)).toBe(3);
  });

  it('blocks movement: a neighbour whose only other cells are taken never moves onto the prisoner', () => {
    const params = mesaParams(small);
    for (let seed = 0; seed < 30; seed++) {
      // Citizen 0 at (5,5) has neighbours (4,5) cop, (6,5) prisoner, (5,4) and (5,6) quiet citizens.
      const state = handMadeWorld(
        params,
        [
          { x: 5, y: 5, hardship: 0, riskAversion: 0 },
          { x: 6, y: 5, hardship: 0, riskAversion: 0 },
          { x: 5, y: 4, hardship: 0, riskAversion: 0 },
          { x: 5, y: 6, hardship: 0, riskAversion: 0 },
        ],
        [{ x: 4, y: 5 }],
      );
      jailInPlace(state, 1, 10);
      actAsCitizen(RandomStream.fromSeed(seed), state, params, 0);
      expect(state.agents.columns.cell[0]).toBe(5 * 20 + 5);
    }
  });

  it('serves one unit of the term per own activation; the activation that finds it spent is a free turn', () => {
    const params = mesaParams({ grid: { width: 20, height: 20 }, legitimacy: 0 });
    const state = handMadeWorld(params, [{ x: 5, y: 5, hardship: 1, riskAversion: 0 }], []);
    jailInPlace(state, 0, 2);
    const { status, jailTerm, cell, active } = state.agents.columns;
    const rng = RandomStream.fromSeed(3);
    actAsCitizen(rng, state, params, 0);
    actAsCitizen(rng, state, params, 0);
    expect([status[0], jailTerm[0], cell[0], active[0]]).toEqual([STATUS.jailed, 0, 5 * 20 + 5, 0]);
    actAsCitizen(rng, state, params, 0); // free turn: G = 1 − 0 > T with no cop in sight → active, and moves
    expect([status[0], active[0]]).toEqual([STATUS.free, 1]);
    expect(cell[0]).not.toBe(5 * 20 + 5);
    expect(state.sight[cell[0]]).toBe(SIGHT.active);
  });

  it('jail terms are uniform on {0, …, J_max}, both ends included', () => {
    const params = mesaParams({ ...small, movement: false });
    const counts = [0, 0, 0, 0, 0];
    for (let seed = 0; seed < 2000; seed++) {
      const state = handMadeWorld(params, [{ x: 6, y: 5, hardship: 1, riskAversion: 0, active: true }], [{ x: 5, y: 5 }]);
      actAsCop(RandomStream.fromSeed(seed), state, params, 1);
      counts[state.agents.columns.jailTerm[0]]++;
    }
    expect(counts[4]).toBe(0);
    // 500 expected for each of 0..3; 4 standard deviations of a binomial(2000, 1/4) ≈ 77.
    for (const count of counts.slice(0, 4)) expect(Math.abs(count - 500)).toBeLessThan(77);
  });
});

describe('rules.placement = per-cell (Mesa: one draw per cell)', () => {
  it('gives binomial numbers of citizens and cops, where exact-counts gives ⌊density·cells⌋', () => {
    const cells = 40 * 40;
    const citizens: number[] = [];
    const cops: number[] = [];
    for (let seed = 0; seed < 60; seed++) {
      const state = initEpstein(RandomStream.fromSeed(seed), mesaParams());
      citizens.push(state.citizenCount);
      cops.push(state.agents.size - state.citizenCount);
      expect(initEpstein(RandomStream.fromSeed(seed), epsteinParams()).citizenCount).toBe(Math.floor(0.7 * cells));
    }
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = (xs: number[]): number => mean(xs.map((x) => (x - mean(xs)) ** 2));
    // Binomial(1600, 0.7): mean 1120, variance 336 (sd 18.3); cops Binomial(1600, 0.074): 118.4, 109.6.
    expect(Math.abs(mean(citizens) - 1120)).toBeLessThan(4 * Math.sqrt(336 / 60));
    expect(Math.abs(mean(cops) - 118.4)).toBeLessThan(4 * Math.sqrt(109.6 / 60));
    expect(variance(citizens)).toBeGreaterThan(336 / 2);
    expect(variance(citizens)).toBeLessThan(336 * 2);
    expect(new Set(citizens).size).toBeGreaterThan(20);
  });

  it('puts an agent on every cell at densities summing to 1, citizens and cops mixed in creation order', () => {
    const state = initEpstein(RandomStream.fromSeed(5), mesaParams({ citizens: { density: 0.9 }, cops: { density: 0.1 } }));
    expect(state.agents.size).toBe(1600);
    expect(state.cells.empty).toBe(0);
    const kinds = Array.from(state.agents.columns.kind.subarray(0, 200));
    expect(kinds.indexOf(KIND.cop)).toBeGreaterThan(-1);
    expect(kinds.lastIndexOf(KIND.citizen)).toBeGreaterThan(kinds.indexOf(KIND.cop));
  });
});

describe('Mesa rules: a whole run', () => {
  it('keeps one agent per cell, prisoners on their cells, and conserves citizens every round', () => {
    const params = mesaParams({ rounds: 150, grid: { width: 30, height: 25 }, legitimacy: 0.7, maxJailTerm: 15 });
    const simulation = new Simulation(epsteinModel, params, 11);
    let arrests = 0;
    const broken: string[] = [];
    while (!simulation.done) {
      simulation.step();
      const state = simulation.state;
      arrests += state.arrests;
      const { kind, cell, status, active } = state.agents.columns;
      for (let i = 0; i < state.agents.size; i++) {
        const seen = kind[i] === KIND.cop ? SIGHT.cop : status[i] === STATUS.jailed ? SIGHT.jailed : active[i] ? SIGHT.active : SIGHT.quiet;
        if (state.cells.occupant[cell[i]] !== i || state.sight[cell[i]] !== seen) broken.push(`round ${simulation.round}, agent ${i}`);
      }
      if (state.cells.empty !== state.grid.cells - state.agents.size) broken.push(`round ${simulation.round}: empty cells`);
      if (state.tally.active + state.tally.quiet + state.tally.jailed !== state.citizenCount) broken.push(`round ${simulation.round}: citizens`);
    }
    expect(broken.slice(0, 5)).toEqual([]);
    expect(arrests).toBeGreaterThan(50);
  });

  // Docking against Mesa 3.3.1 (docs/odd-epstein.md §10, figures from Mesa's own runs). One Mesa run
  // per parameter set is all there is, so the bands are wide: they check the regime, not a value.
  function activeOver(file: string, rounds: number, size: number, seed: number): { mean: number; max: number } {
    const { model, params } = loadScenario(resolve(ROOT, file), MODELS, { rounds, set: [`grid.width=${size}`, `grid.height=${size}`] });
    const active = runScenario(model, params, seed).series.column('active').subarray(1);
    return { mean: active.reduce((a, b) => a + b, 0) / active.length, max: Math.max(...active) };
  }

  it('with the Mesa UI parameters at 40×40 shows real outbursts, as Mesa (mean Active 19.6, max 164 over 1000 steps)', () => {
    const runs = [1, 2, 3].map((seed) => activeOver('scenarios/epstein-mesa-ui.yaml', 1000, 40, seed));
    const meanActive = runs.reduce((a, r) => a + r.mean, 0) / runs.length;
    expect(meanActive).toBeGreaterThan(8);
    expect(meanActive).toBeLessThan(40);
    for (const run of runs) expect(run.max).toBeGreaterThan(60); // ≥ 5% of ~1,110 citizens at once
    expect(Math.max(...runs.map((r) => r.max))).toBeLessThan(450);
  });

  it('with the constructor defaults at 100×100 stays almost entirely quiet, as Mesa (mean Active 2.3, max 62 over 100 steps)', () => {
    const runs = [1, 2, 3].map((seed) => activeOver('scenarios/epstein-mesa.yaml', 100, 100, seed));
    const meanActive = runs.reduce((a, r) => a + r.mean, 0) / runs.length;
    expect(meanActive).toBeLessThan(10); // of ~7,000 citizens: under 0.15% on average
    expect(Math.max(...runs.map((r) => r.max))).toBeGreaterThan(5);
    expect(Math.max(...runs.map((r) => r.max))).toBeLessThan(200);
  });
});

/** Puts citizen i in jail on its own cell, as an arrest under rules.jail = in-place does. */
function jailInPlace(state: EpsteinState, i: number, term: number): void {
  const { status, jailTerm, active, cell } = state.agents.columns;
  status[i] = STATUS.jailed;
  jailTerm[i] = term;
  active[i] = 0;
  showAt(state, cell[i], SIGHT.jailed);
}
