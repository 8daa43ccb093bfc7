/**
 * State of Epstein's civil violence model (ODD Overview › Entities and state variables;
 * Details › Initialisation): one table for citizens and cops, an occupancy grid, and the
 * per-run scratch buffers the rules reuse. Plain data, so a snapshot is a structuredClone.
 */
import type { RandomStream } from '../../sim/random.ts';
import {
  createGrid,
  createOccupancy,
  EMPTY,
  neighbourhoodSpans,
  occupy,
  rangesCapacity,
  vacate,
  type Grid,
  type NeighbourhoodSpans,
  type Occupancy,
} from '../../sim/space/grid.ts';
import { addAgents, createTable, type Table } from '../../sim/store.ts';
import type { EpsteinParams } from './params.ts';

export const KIND = { citizen: 0, cop: 1 } as const;
export const STATUS = { free: 0, jailed: 1 } as const;

/**
 * What an agent looking at a cell sees there. Kept per cell beside the occupant index, so
 * looking around reads one byte per cell instead of following the occupant to its columns.
 */
export const SIGHT = { empty: 0, quiet: 1, active: 2, cop: 3 } as const;

/** Column declarations: type and one-line meaning, the paper's symbol where it has one. */
export const AGENT_COLUMNS = {
  kind: { type: 'u8', doc: 'citizen or cop', categories: ['citizen', 'cop'] },
  cell: { type: 'i32', doc: 'grid cell y·width + x; −1 while jailed' },
  hardship: { type: 'f64', doc: 'H: perceived hardship, U(0, 1), fixed for life (citizens)' },
  riskAversion: { type: 'f64', doc: 'R: risk aversion, U(0, 1), fixed for life (citizens)' },
  active: { type: 'u8', doc: '1 when the citizen is openly rebelling (active), 0 when quiet' },
  status: { type: 'u8', doc: 'free on the grid, or jailed', categories: ['free', 'jailed'] },
  jailTerm: { type: 'i32', doc: 'rounds left to serve after this one (citizens in jail)' },
} as const;

export type AgentTable = Table<typeof AGENT_COLUMNS>;

/** Counts read by several metrics, refreshed once per round by `observe`. */
export interface Tally {
  active: number;
  quiet: number;
  jailed: number;
  legitimacy: number;
}

export interface EpsteinState {
  readonly grid: Grid;
  readonly cells: Occupancy;
  /** SIGHT code of each cell. */
  readonly sight: Uint8Array;
  readonly agents: AgentTable;
  readonly citizenCount: number;
  readonly citizenVision: NeighbourhoodSpans;
  readonly copVision: NeighbourhoodSpans;
  /** Arrests made in the current round. */
  arrests: number;
  readonly tally: Tally;
  // Scratch reused by every agent of the run: activation order, the runs of cells in vision
  // (pairs from, to), and candidate cells (empty ones to move to, actives to arrest).
  readonly order: Int32Array;
  readonly ranges: Int32Array;
  readonly candidates: Int32Array;
}

/**
 * Initialisation (Epstein 2002): ⌊density·cells⌋ citizens, then ⌊density·cells⌋ cops, each at a
 * distinct random empty cell; citizens draw H and R from U(0, 1); everyone starts free and quiet.
 */
export function initEpstein(rng: RandomStream, params: EpsteinParams): EpsteinState {
  const grid = createGrid(params.grid.width, params.grid.height, params.grid.torus);
  const citizenCount = Math.floor(params.citizens.density * grid.cells);
  const copCount = Math.floor(params.cops.density * grid.cells);
  const total = citizenCount + copCount;
  const agents = createTable(AGENT_COLUMNS, total);
  const cells = createOccupancy(grid);
  const sight = new Uint8Array(grid.cells);

  // Cells are dealt from one shuffled list, so placement never retries.
  const freeCells = new Int32Array(grid.cells);
  for (let c = 0; c < grid.cells; c++) freeCells[c] = c;
  rng.shuffle(freeCells);

  const { kind, hardship, riskAversion } = agents.columns;
  addAgents(agents, total, (i) => {
    kind[i] = i < citizenCount ? KIND.citizen : KIND.cop;
    if (i < citizenCount) {
      hardship[i] = rng.double();
      riskAversion[i] = rng.double();
    }
  });

  const citizenVision = neighbourhoodSpans(params.grid.neighbourhood, params.citizens.vision);
  const copVision = neighbourhoodSpans(params.grid.neighbourhood, params.cops.vision);
  const order = new Int32Array(total);
  for (let i = 0; i < total; i++) order[i] = i;
  const widestVision = citizenVision.radius >= copVision.radius ? citizenVision : copVision;
  const state: EpsteinState = {
    grid,
    cells,
    sight,
    agents,
    citizenCount,
    citizenVision,
    copVision,
    arrests: 0,
    tally: { active: 0, quiet: 0, jailed: 0, legitimacy: params.legitimacy.value },
    order,
    ranges: new Int32Array(rangesCapacity(widestVision)),
    candidates: new Int32Array(Math.min(grid.cells, (2 * widestVision.radius + 1) ** 2)),
  };
  for (let i = 0; i < total; i++) placeOnGrid(state, i, freeCells[i]);
  return state;
}

/** Puts agent i on an empty cell, keeping its cell, the occupant layer and the sight layer in step. */
export function placeOnGrid(state: EpsteinState, i: number, target: number): void {
  const { kind, active, cell } = state.agents.columns;
  occupy(state.cells, i, target);
  cell[i] = target;
  state.sight[target] = kind[i] === KIND.cop ? SIGHT.cop : active[i] === 1 ? SIGHT.active : SIGHT.quiet;
}

/** Takes agent i off the grid (arrest), freeing its cell. */
export function removeFromGrid(state: EpsteinState, i: number): void {
  const { cell } = state.agents.columns;
  vacate(state.cells, cell[i]);
  state.sight[cell[i]] = SIGHT.empty;
  cell[i] = EMPTY;
}
