/**
 * State of Epstein's civil violence model (ODD Overview › Entities and state variables;
 * Details › Initialisation): one table for citizens and cops, an occupancy grid, and the
 * per-run scratch buffers the rules reuse. Plain data, so a snapshot is a structuredClone.
 */
import type { RandomStream } from '../../sim/random.ts';
import { createBitPlanes, setCellBit, type BitPlanes } from '../../sim/space/bit-planes.ts';
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
 * What an agent looking at a cell sees there. Kept per cell beside the occupant index (and as
 * bit planes, PLANE), so looking around never follows the occupant to its columns.
 * `jailed`: a prisoner on its cell (rules.jail = in-place; under off-grid only between its
 * arrest and the end of the arresting cop's turn), which blocks the cell but is neither
 * counted nor arrested.
 */
export const SIGHT = { empty: 0, quiet: 1, active: 2, cop: 3, jailed: 4 } as const;

/**
 * The kinds of cell agents count and pick within their vision, one bit plane each (see
 * BitPlanes): empty cells (rule M), active citizens (rules A and C), cops (rule A).
 */
export const PLANE = { empty: 0, active: 1, cop: 2 } as const;
export type Plane = (typeof PLANE)[keyof typeof PLANE];
/** The sight code each plane marks, and the plane of each sight code (−1: none). */
export const PLANE_SIGHT: readonly number[] = [SIGHT.empty, SIGHT.active, SIGHT.cop];
const SIGHT_PLANE: readonly number[] = [PLANE.empty, -1, PLANE.active, PLANE.cop, -1];

/** Column declarations: type and one-line meaning, the paper's symbol where it has one. */
export const AGENT_COLUMNS = {
  kind: { type: 'u8', doc: 'citizen or cop', categories: ['citizen', 'cop'] },
  cell: { type: 'i32', doc: 'grid cell y·width + x; −1 while jailed off the grid (rules.jail = off-grid)' },
  hardship: { type: 'f64', doc: 'H: perceived hardship, U(0, 1), fixed for life (citizens)' },
  riskAversion: { type: 'f64', doc: 'R: risk aversion, U(0, 1), fixed for life (citizens)' },
  active: { type: 'u8', doc: '1 when the citizen is openly rebelling (active), 0 when quiet' },
  status: { type: 'u8', doc: 'free on the grid, or jailed', categories: ['free', 'jailed'] },
  jailTerm: { type: 'i32', doc: 'term left: rounds after this one (off-grid), or own activations before the free one (in-place)' },
} as const;

export type AgentTable = Table<typeof AGENT_COLUMNS>;

/** Counts read by several metrics, refreshed once per round by `observe`. */
export interface Tally {
  active: number;
  quiet: number;
  jailed: number;
  legitimacy: number;
}

/**
 * What rule A can tell of a citizen before it looks around (citizens.ts): quiet whatever it
 * sees; active whatever it sees; active exactly when no arrest risk is in sight ([C/(A+1)] = 0);
 * or it must weigh P. Derived from H, R, L, T and k, so recomputed whenever L changes.
 */
export const STANCE = { quiet: 0, active: 1, ifNoRisk: 2, weighsRisk: 3 } as const;

/**
 * Scratch of the last counts within a vision, shared by every agent of the run: per plane, the
 * count of each row of the neighbourhood (bit planes), or the cells themselves where the torus
 * is too small for bit planes (`planes.fixedSpans` false).
 */
export interface Sighting {
  /** rowCounts[plane·(2r + 1) + row], r the widest vision. */
  readonly rowCounts: Int32Array;
  readonly rowStride: number;
  /** listed[plane·listStride + k]: the k-th cell of the plane in sight (small tori only). */
  readonly listed: Int32Array;
  readonly listStride: number;
  /** Row runs from neighbourhoodRanges (small tori only). */
  readonly ranges: Int32Array;
}

export interface EpsteinState {
  readonly grid: Grid;
  readonly cells: Occupancy;
  /** SIGHT code of each cell. */
  readonly sight: Uint8Array;
  /** The same, as one bit plane per PLANE: what agents count and pick within their vision. */
  readonly planes: BitPlanes;
  readonly agents: AgentTable;
  readonly citizenCount: number;
  readonly citizenVision: NeighbourhoodSpans;
  readonly copVision: NeighbourhoodSpans;
  /**
   * P = 1 − exp(−k·n) for every whole ratio n a citizen can see (0 … cells in vision), so the
   * rounded rules look P up instead of calling exp for every citizen every round.
   */
  readonly arrestProbabilityByRatio: Float64Array;
  /** STANCE of each agent (cops: unused), valid for legitimacy `stanceLegitimacy`. */
  readonly stance: Uint8Array;
  stanceLegitimacy: number;
  /** Arrests made in the current round. */
  arrests: number;
  readonly tally: Tally;
  /** Activation order, reshuffled every round. */
  readonly order: Int32Array;
  readonly sighting: Sighting;
}

/**
 * Initialisation: citizens draw H and then R from U(0, 1); everyone starts free and quiet.
 * Placement by rules.placement: exact-counts (Epstein 2002, NetLogo) puts ⌊density·cells⌋
 * citizens, then ⌊density·cells⌋ cops, on distinct random cells; per-cell (Mesa) draws one u
 * per cell in coordinate order (x, then y) and puts a citizen there when u < citizens.density,
 * a cop when u < citizens.density + cops.density.
 */
export function initEpstein(rng: RandomStream, params: EpsteinParams): EpsteinState {
  const grid = createGrid(params.grid.width, params.grid.height, params.grid.torus);
  const placed = params.rules.placement === 'per-cell' ? placePerCell(rng, params, grid) : placeExactCounts(rng, params, grid);
  const total = placed.kind.length;
  const agents = createTable(AGENT_COLUMNS, total);
  const { kind, hardship, riskAversion } = agents.columns;
  addAgents(agents, total, (i) => {
    kind[i] = placed.kind[i];
    hardship[i] = placed.hardship[i];
    riskAversion[i] = placed.riskAversion[i];
  });
  let citizenCount = 0;
  for (let i = 0; i < total; i++) if (kind[i] === KIND.citizen) citizenCount++;

  const citizenVision = neighbourhoodSpans(params.grid.neighbourhood, params.citizens.vision);
  const copVision = neighbourhoodSpans(params.grid.neighbourhood, params.cops.vision);
  const widest = citizenVision.radius >= copVision.radius ? citizenVision : copVision;
  const planes = createBitPlanes(grid, PLANE_SIGHT.length, widest.radius);
  // Never more cells in sight than the neighbourhood holds or the grid has.
  const seen = Math.min(grid.cells, spanCells(widest));
  const order = new Int32Array(total);
  for (let i = 0; i < total; i++) order[i] = i;
  const k = params.arrestProbabilityConstant;
  const rowStride = 2 * widest.radius + 1;
  const listStride = planes.fixedSpans ? 0 : seen;
  const state: EpsteinState = {
    grid,
    cells: createOccupancy(grid),
    sight: new Uint8Array(grid.cells),
    planes,
    agents,
    citizenCount,
    citizenVision,
    copVision,
    arrestProbabilityByRatio: Float64Array.from({ length: seen + 1 }, (_, n) => 1 - Math.exp(-k * n)),
    stance: new Uint8Array(total),
    stanceLegitimacy: Number.NaN,
    arrests: 0,
    tally: { active: 0, quiet: 0, jailed: 0, legitimacy: params.legitimacy.value },
    order,
    sighting: {
      rowCounts: new Int32Array(PLANE_SIGHT.length * rowStride),
      rowStride,
      listed: new Int32Array(PLANE_SIGHT.length * listStride),
      listStride,
      ranges: new Int32Array(rangesCapacity(widest)),
    },
  };
  // Every cell starts empty.
  if (planes.fixedSpans) for (let c = 0; c < grid.cells; c++) setCellBit(planes, PLANE.empty, c, true);
  for (let i = 0; i < total; i++) placeOnGrid(state, i, placed.cell[i]);
  return state;
}

/** Who is created where, in creation (id) order. */
interface Placement {
  readonly kind: Uint8Array;
  readonly cell: Int32Array;
  readonly hardship: Float64Array;
  readonly riskAversion: Float64Array;
}

function placeExactCounts(rng: RandomStream, params: EpsteinParams, grid: Grid): Placement {
  const citizenCount = Math.floor(params.citizens.density * grid.cells);
  const total = citizenCount + Math.floor(params.cops.density * grid.cells);
  // Cells are dealt from one shuffled list, so placement never retries.
  const freeCells = new Int32Array(grid.cells);
  for (let c = 0; c < grid.cells; c++) freeCells[c] = c;
  rng.shuffle(freeCells);
  const placement: Placement = { kind: new Uint8Array(total), cell: freeCells.slice(0, total), hardship: new Float64Array(total), riskAversion: new Float64Array(total) };
  for (let i = 0; i < total; i++) {
    placement.kind[i] = i < citizenCount ? KIND.citizen : KIND.cop;
    if (i < citizenCount) {
      placement.hardship[i] = rng.double();
      placement.riskAversion[i] = rng.double();
    }
  }
  return placement;
}

/** Mesa's set-up: `random.choices` over (citizen, cop, nothing) for each cell, x-major as Mesa's cells. */
function placePerCell(rng: RandomStream, params: EpsteinParams, grid: Grid): Placement {
  const citizenBelow = params.citizens.density;
  const copBelow = params.citizens.density + params.cops.density;
  const kind = new Uint8Array(grid.cells);
  const cell = new Int32Array(grid.cells);
  const hardship = new Float64Array(grid.cells);
  const riskAversion = new Float64Array(grid.cells);
  let total = 0;
  for (let x = 0; x < grid.width; x++) {
    for (let y = 0; y < grid.height; y++) {
      const u = rng.double();
      if (u >= copBelow) continue;
      cell[total] = y * grid.width + x;
      if (u < citizenBelow) {
        kind[total] = KIND.citizen;
        hardship[total] = rng.double();
        riskAversion[total] = rng.double();
      } else {
        kind[total] = KIND.cop;
      }
      total++;
    }
  }
  return { kind: kind.subarray(0, total), cell: cell.subarray(0, total), hardship: hardship.subarray(0, total), riskAversion: riskAversion.subarray(0, total) };
}

/** Cells in a neighbourhood, its centre included. */
function spanCells(spans: NeighbourhoodSpans): number {
  let cells = 0;
  for (const h of spans.halfWidth) cells += 2 * h + 1;
  return cells;
}

/** Sets what onlookers see at `cell`, in the sight layer and in the bit planes. */
export function showAt(state: EpsteinState, cell: number, code: number): void {
  const before = state.sight[cell];
  if (before === code) return;
  state.sight[cell] = code;
  const { planes } = state;
  if (!planes.fixedSpans) return;
  const was = SIGHT_PLANE[before];
  const is = SIGHT_PLANE[code];
  if (was >= 0) setCellBit(planes, was, cell, false);
  if (is >= 0) setCellBit(planes, is, cell, true);
}

/** What onlookers see of agent i. */
export function sightOf(state: EpsteinState, i: number): number {
  const { kind, active, status } = state.agents.columns;
  if (kind[i] === KIND.cop) return SIGHT.cop;
  if (status[i] === STATUS.jailed) return SIGHT.jailed;
  return active[i] === 1 ? SIGHT.active : SIGHT.quiet;
}

/** Puts agent i on an empty cell, keeping its cell, the occupant layer and the sight layers in step. */
export function placeOnGrid(state: EpsteinState, i: number, target: number): void {
  occupy(state.cells, i, target);
  state.agents.columns.cell[i] = target;
  showAt(state, target, sightOf(state, i));
}

/** Moves agent i from its cell to the empty cell `target`. */
export function moveOnGrid(state: EpsteinState, i: number, target: number): void {
  const { cell } = state.agents.columns;
  const from = cell[i];
  const occupant = state.cells.occupant;
  occupant[target] = i;
  occupant[from] = EMPTY;
  showAt(state, target, state.sight[from]);
  showAt(state, from, SIGHT.empty);
  cell[i] = target;
}

/** Takes agent i off the grid (arrest under rules.jail = off-grid), freeing its cell. */
export function removeFromGrid(state: EpsteinState, i: number): void {
  const { cell } = state.agents.columns;
  vacate(state.cells, cell[i]);
  showAt(state, cell[i], SIGHT.empty);
  cell[i] = EMPTY;
}
