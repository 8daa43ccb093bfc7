/** Builders for Epstein tests: validated parameters and small hand-arranged worlds. */
import { epsteinSchema, type EpsteinParams } from '../../src/agents/epstein/params.ts';
import { initEpstein, KIND, placeOnGrid, removeFromGrid, STATUS, type EpsteinState } from '../../src/agents/epstein/state.ts';
import { RandomStream } from '../../src/sim/random.ts';

/** Epstein parameters with the paper's defaults, overridden by `fields` (a partial scenario). */
export function epsteinParams(fields: Record<string, unknown> = {}): EpsteinParams {
  return epsteinSchema.parse({ id: 'test', model: 'epstein-civil-violence', rounds: 10, ...fields });
}

/**
 * A world with only the listed agents on the grid, placed by hand: citizens get indices 0..,
 * then cops. Every other agent of the initial state is parked in jail for life.
 */
export function handMadeWorld(
  params: EpsteinParams,
  citizens: readonly { x: number; y: number; hardship: number; riskAversion: number; active?: boolean }[],
  cops: readonly { x: number; y: number }[],
): EpsteinState {
  const state = initEpstein(RandomStream.fromSeed(1), params);
  const { hardship, riskAversion, active, kind, status, jailTerm } = state.agents.columns;
  for (let i = 0; i < state.agents.size; i++) {
    removeFromGrid(state, i);
    kind[i] = KIND.citizen;
    status[i] = STATUS.jailed;
    jailTerm[i] = 1_000_000;
    active[i] = 0;
  }
  const placed = [
    ...citizens.map((c) => ({ ...c, cop: false })),
    ...cops.map((c) => ({ ...c, cop: true, hardship: 0, riskAversion: 0, active: false })),
  ];
  placed.forEach((agent, i) => {
    kind[i] = agent.cop ? KIND.cop : KIND.citizen;
    hardship[i] = agent.hardship;
    riskAversion[i] = agent.riskAversion;
    active[i] = agent.active ? 1 : 0;
    status[i] = STATUS.free;
    jailTerm[i] = 0;
    placeOnGrid(state, i, agent.y * state.grid.width + agent.x);
  });
  return state;
}
