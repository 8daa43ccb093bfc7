import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epsteinModel } from '../../../src/agents/epstein/model.ts';
import type { EpsteinParams } from '../../../src/agents/epstein/params.ts';
import { KIND, SIGHT, STATUS, type EpsteinState } from '../../../src/agents/epstein/state.ts';
import { runScenario, Simulation } from '../../../src/sim/schedule.ts';
import { EMPTY } from '../../../src/sim/space/grid.ts';
import { epsteinParams } from '../../support/epstein.ts';

function summaryOf(params: EpsteinParams, seed: number): Record<string, number> {
  const result = runScenario(epsteinModel, params, seed);
  return Object.fromEntries(result.summaryNames.map((name, i) => [name, result.summary[i]]));
}

function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.floor(sorted.length / 2)];
}

/** Every bookkeeping identity of the world, checked after a round. */
function checkWorld(state: EpsteinState): void {
  const { kind, cell, status, active } = state.agents.columns;
  let onGrid = 0;
  for (let i = 0; i < state.agents.size; i++) {
    if (status[i] === STATUS.jailed) {
      expect(kind[i]).toBe(KIND.citizen);
      expect(cell[i]).toBe(EMPTY);
      expect(active[i]).toBe(0);
      continue;
    }
    onGrid++;
    expect(state.cells.occupant[cell[i]]).toBe(i);
    if (kind[i] === KIND.cop) expect(active[i]).toBe(0);
    expect(state.sight[cell[i]]).toBe(kind[i] === KIND.cop ? SIGHT.cop : active[i] === 1 ? SIGHT.active : SIGHT.quiet);
  }
  let occupied = 0;
  for (let c = 0; c < state.grid.cells; c++) {
    if (state.cells.occupant[c] !== EMPTY) occupied++;
    else expect(state.sight[c]).toBe(SIGHT.empty);
  }
  expect(occupied).toBe(onGrid);
  expect(state.cells.empty).toBe(state.grid.cells - onGrid);
}

describe('epstein civil violence model', () => {
  it('keeps one agent per cell and conserves citizens (active + quiet + jailed) every round', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 5, max: 25 }),
        fc.double({ min: 0.2, max: 0.85, noNaN: true }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        (seed, size, citizenDensity, copDensity, legitimacy) => {
          const params = epsteinParams({
            rounds: 25,
            grid: { width: size, height: size + 3 },
            citizens: { density: citizenDensity, vision: 3 },
            cops: { density: copDensity, vision: 3 },
            legitimacy,
          });
          const simulation = new Simulation(epsteinModel, params, seed);
          const citizens = simulation.state.citizenCount;
          while (!simulation.done) {
            simulation.step();
            checkWorld(simulation.state);
            const { tally } = simulation.state;
            expect(tally.active + tally.quiet + tally.jailed).toBe(citizens);
          }
        },
      ),
      { numRuns: 40, seed: 2002 },
    );
  });

  it('shows punctuated outbursts at the paper defaults: long quiet spells broken by bursts of actives', () => {
    // Defaults: 40×40 torus, densities 0.7 and 0.074, vision 7, L = 0.82, J_max = 30, k = 2.3, T = 0.1.
    for (const seed of [1, 2, 3]) {
      const params = epsteinParams({ rounds: 1000 });
      const result = runScenario(epsteinModel, params, seed);
      const summary = Object.fromEntries(result.summaryNames.map((name, i) => [name, result.summary[i]]));
      const citizens = Math.floor(0.7 * 1600);
      const active = result.series.column('active').subarray(1);

      expect(summary['outbursts']).toBeGreaterThanOrEqual(2); // ≥ 5% of free citizens active, at least twice
      expect(summary['active_max']).toBeGreaterThanOrEqual(0.05 * citizens);
      expect(summary['longest_quiet_spell']).toBeGreaterThanOrEqual(150); // rounds without an outburst
      expect(median(active)).toBeLessThanOrEqual(0.01 * citizens); // a typical round is quiet
    }
  });

  it('produces more actives at lower legitimacy', () => {
    const legitimacies = [0.9, 0.82, 0.7, 0.6];
    const meanActive = legitimacies.map((legitimacy) => {
      let total = 0;
      for (const seed of [11, 12]) total += summaryOf(epsteinParams({ rounds: 300, legitimacy }), seed)['active_mean'];
      return total / 2;
    });
    for (let i = 1; i < meanActive.length; i++) expect(meanActive[i]).toBeGreaterThan(meanActive[i - 1]);
    expect(meanActive[0]).toBe(0); // at L = 0.9, G ≤ 0.1 = T: nobody can ever rebel
  });

  it('follows a legitimacy crisis given as an expression of round', () => {
    const params = epsteinParams({ rounds: 300, legitimacy: 'round <= 150 ? 0.9 : 0.6' });
    const result = runScenario(epsteinModel, params, 4);
    const active = result.series.column('active');
    const legitimacy = result.series.column('legitimacy');
    const before = active.subarray(1, 151).reduce((a, b) => a + b, 0);
    const after = active.subarray(151).reduce((a, b) => a + b, 0);
    expect(legitimacy[150]).toBe(0.9);
    expect(legitimacy[151]).toBe(0.6);
    expect(before).toBe(0);
    expect(after).toBeGreaterThan(1000);
  });

  it('counts arrests equal to the rise in jailed citizens plus those released', () => {
    const params = epsteinParams({ rounds: 200, legitimacy: 0.65, maxJailTerm: 1_000_000 });
    const result = runScenario(epsteinModel, params, 9);
    // With life-long terms nobody is released, so jailed at the end = all arrests made.
    const arrests = result.series.column('arrests').reduce((a, b) => a + b, 0);
    const jailed = result.series.column('jailed');
    expect(arrests).toBeGreaterThan(0);
    expect(jailed[jailed.length - 1]).toBe(arrests);
  });
});
