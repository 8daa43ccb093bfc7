/**
 * Parameters of Epstein's civil violence model, Model I (Epstein 2002, PNAS 99 suppl. 3,
 * 7243–7250): the scenario schema of `model: epstein-civil-violence`. Defaults are the
 * paper's (and NetLogo Rebellion's / Mesa's example's) so the same run can be set up in
 * either framework from the names below.
 */
import * as z from 'zod';
import { NEIGHBOURHOODS } from '../../sim/space/grid.ts';
import { commonFields, modelField, param, probability, varying } from '../../sim/scenario/fields.ts';

const EPSTEIN = 'Epstein (2002), Model I';
const VARIANTS = 'Epstein (2002); NetLogo Rebellion; Mesa 3.3.1 epstein_civil_violence (docs/odd-epstein.md §9)';

/** Where the paper, NetLogo Rebellion and Mesa differ: one switch per rule (docs/odd-epstein.md §9). */
export const ROUNDINGS = ['floor', 'half-even', 'none'] as const;
export const TURNS = ['move-then-act', 'act-then-move'] as const;
export const JAILS = ['off-grid', 'in-place'] as const;
export const PLACEMENTS = ['exact-counts', 'per-cell'] as const;

export const epsteinSchema = z
  .strictObject({
    ...commonFields,
    model: modelField('epstein-civil-violence'),
    grid: z
      .strictObject({
        width: param(z.int().min(1).max(20_000).default(40), { description: 'Cells along x.', unit: 'cells', source: EPSTEIN }),
        height: param(z.int().min(1).max(20_000).default(40), { description: 'Cells along y.', unit: 'cells', source: EPSTEIN }),
        torus: param(z.boolean().default(true), {
          description: 'Whether the edges wrap around (a torus, as in the paper) or bound the grid.',
          unit: 'flag',
          source: EPSTEIN,
        }),
        neighbourhood: param(z.enum(NEIGHBOURHOODS).default('von-neumann'), {
          description:
            'Shape of vision: von-neumann (the diamond |dx|+|dy| ≤ v, 2v(v+1) cells: the paper\'s "north, south, east and west" and Mesa\'s OrthogonalVonNeumannGrid), moore (the square max(|dx|, |dy|) ≤ v) or euclidean (the disc dx² + dy² ≤ v², NetLogo Rebellion\'s in-radius).',
          unit: 'category',
          source: EPSTEIN,
        }),
      })
      .prefault({}),
    citizens: z
      .strictObject({
        density: param(probability().default(0.7), {
          description: 'Initial share of cells holding a citizen.',
          unit: 'share',
          source: EPSTEIN,
        }),
        vision: param(z.int().min(0).max(1000).default(7), {
          description: 'v: how many cells away a citizen sees cops and actives, and may move.',
          symbol: 'v',
          unit: 'cells',
          source: EPSTEIN,
        }),
      })
      .prefault({}),
    cops: z
      .strictObject({
        density: param(probability().default(0.074), {
          description: 'Initial share of cells holding a cop.',
          unit: 'share',
          source: EPSTEIN,
        }),
        vision: param(z.int().min(0).max(1000).default(7), {
          description: "v*: how many cells away a cop sees actives to arrest, and may move.",
          symbol: 'v*',
          unit: 'cells',
          source: EPSTEIN,
        }),
      })
      .prefault({}),
    legitimacy: param(varying(probability()).prefault(0.82), {
      description:
        'L: regime legitimacy as perceived by every citizen; may be an expression of round to model a legitimacy crisis (the paper\'s gradual vs sudden drops).',
      symbol: 'L',
      unit: 'share',
      source: EPSTEIN,
    }),
    maxJailTerm: param(z.int().min(0).max(1_000_000).default(30), {
      description: 'J_max: jail terms are drawn uniformly from {0, …, J_max} rounds.',
      symbol: 'J_max',
      unit: 'rounds',
      source: EPSTEIN,
    }),
    arrestProbabilityConstant: param(z.number().min(0).max(1000).default(2.3), {
      description: 'k in P = 1 − exp(−k·[C/(A+1)]), [·] as set by rules.rounding; 2.3 makes P ≈ 0.9 when C = A + 1.',
      symbol: 'k',
      unit: '1',
      source: EPSTEIN,
    }),
    activeThreshold: param(probability().default(0.1), {
      description: 'T: a citizen turns active when grievance minus net risk exceeds T.',
      symbol: 'T',
      unit: '1',
      source: EPSTEIN,
    }),
    movement: param(z.boolean().default(true), {
      description: 'Whether free citizens and cops move to a random empty cell in vision each round (the paper\'s movement rule M).',
      unit: 'flag',
      source: EPSTEIN,
    }),
    rules: z
      .strictObject({
        rounding: param(z.enum(ROUNDINGS).default('floor'), {
          description:
            'How the ratio C/(A+1) in P is made whole: floor (NetLogo Rebellion), half-even (Mesa: Python\'s round, 0.5 → 0, 1.5 → 2, 2.5 → 2) or none (the ratio as printed in the paper).',
          unit: 'category',
          source: VARIANTS,
        }),
        turn: param(z.enum(TURNS).default('move-then-act'), {
          description:
            'Order within an agent\'s turn: move-then-act (NetLogo: move, then look again from the new cell and decide or arrest) or act-then-move (Mesa: look once, decide or arrest, then move to an empty cell of that look).',
          unit: 'category',
          source: VARIANTS,
        }),
        jail: param(z.enum(JAILS).default('off-grid'), {
          description:
            'Where prisoners are: off-grid (they leave the lattice, serve their term at the end of each round and come back to a random empty cell) or in-place (Mesa: they keep their cell, blocking it, and serve their term at their own activations).',
          unit: 'category',
          source: VARIANTS,
        }),
        placement: param(z.enum(PLACEMENTS).default('exact-counts'), {
          description:
            'Initial population: exact-counts (⌊density·cells⌋ citizens and cops on distinct random cells) or per-cell (Mesa: one draw per cell in coordinate order, so the counts are binomial).',
          unit: 'category',
          source: VARIANTS,
        }),
      })
      .prefault({}),
    outburstShare: param(probability().default(0.05), {
      description:
        'Observation only: a round belongs to an outburst when at least this share of free citizens is active; used by the outburst summaries.',
      unit: 'share',
      source: 'assumption (an observation threshold, not part of the model)',
    }),
  })
  .superRefine((scenario, context) => {
    const total = scenario.citizens.density + scenario.cops.density;
    if (total > 1) {
      context.addIssue({
        code: 'custom',
        path: ['cops', 'density'],
        params: { fields: ['citizens.density', 'cops.density'] },
        message: `citizens.density + cops.density must be ≤ 1 (one agent per cell), found ${scenario.citizens.density} + ${scenario.cops.density} = ${total}`,
      });
    }
  });

export type EpsteinParams = z.output<typeof epsteinSchema>;
