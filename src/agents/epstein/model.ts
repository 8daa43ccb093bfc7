/**
 * Epstein's civil violence model, Model I (Epstein 2002): the schedule of a round and what is
 * observed. The classic conflict ABM, kept as the reference model on which this engine can be
 * compared with Mesa's `epstein_civil_violence` example and NetLogo's Rebellion.
 */
import type { MetricSeries } from '../../sim/metrics.ts';
import type { ModelDefinition } from '../../sim/schedule.ts';
import { actAsCitizen, serveSentences } from './citizens.ts';
import { actAsCop } from './cops.ts';
import { epsteinSchema, type EpsteinParams } from './params.ts';
import { initEpstein, KIND, STATUS, type EpsteinState } from './state.ts';

/** Maximal runs of rounds (1..R) in which the active share of free citizens is ≥ the threshold. */
export function outbursts(series: MetricSeries, threshold: number): { count: number; rounds: number; longestQuiet: number } {
  const active = series.indexOf('active');
  const quiet = series.indexOf('quiet');
  let count = 0;
  let rounds = 0;
  let quietRun = 0;
  let longestQuiet = 0;
  let inOutburst = false;
  for (let r = 1; r < series.rows; r++) {
    const free = series.get(r, active) + series.get(r, quiet);
    const bursting = free > 0 && series.get(r, active) / free >= threshold;
    if (bursting) {
      if (!inOutburst) count++;
      rounds++;
      quietRun = 0;
    } else {
      quietRun++;
      longestQuiet = Math.max(longestQuiet, quietRun);
    }
    inOutburst = bursting;
  }
  return { count, rounds, longestQuiet };
}

export const epsteinModel: ModelDefinition<EpsteinParams, EpsteinState> = {
  id: 'epstein-civil-violence',
  title: "Epstein's civil violence model (Model I)",
  schema: epsteinSchema,
  init: initEpstein,
  phases: [
    {
      name: 'act',
      order: 'shuffled',
      doc:
        'Every citizen and cop, in one new random order each round, takes its turn: moves (rule M) and then acts — a free citizen applies rule A from its new cell, a cop arrests (rule C) — or, with rules.turn = act-then-move (Mesa), acts and then moves. With rules.jail = in-place (Mesa) a prisoner\'s turn serves one unit of its term instead. Asynchronous random activation, as in the paper, NetLogo Rebellion and Mesa.',
      run(rng, state, params) {
        state.arrests = 0;
        const { order } = state;
        const { kind } = state.agents.columns;
        rng.shuffle(order);
        for (let n = 0; n < order.length; n++) {
          const i = order[n];
          if (kind[i] === KIND.cop) actAsCop(rng, state, params, i);
          else actAsCitizen(rng, state, params, i);
        }
      },
    },
    {
      name: 'serve-sentences',
      order: 'fixed',
      doc:
        'With rules.jail = off-grid (the default), jailed citizens, in id order, serve one round; those whose term is spent are released to random empty cells. Id order is arbitrary but fixed; only the release cells depend on it. With in-place, nothing happens here.',
      run(rng, state, params) {
        if (params.rules.jail === 'off-grid') serveSentences(rng, state);
      },
    },
  ],
  observe(state, params) {
    const { kind, status, active } = state.agents.columns;
    const tally = state.tally;
    tally.active = 0;
    tally.quiet = 0;
    tally.jailed = 0;
    for (let i = 0; i < state.agents.size; i++) {
      if (kind[i] !== KIND.citizen) continue;
      if (status[i] === STATUS.jailed) tally.jailed++;
      else if (active[i] === 1) tally.active++;
      else tally.quiet++;
    }
    tally.legitimacy = params.legitimacy.value;
  },
  metrics: [
    { name: 'active', title: 'Active citizens', doc: 'Free citizens openly rebelling at the end of the round.', unit: 'citizens', summary: ['mean', 'max'], read: (s) => s.tally.active },
    { name: 'quiet', title: 'Quiet citizens', doc: 'Free citizens not rebelling at the end of the round.', unit: 'citizens', summary: ['mean'], read: (s) => s.tally.quiet },
    { name: 'jailed', title: 'Jailed citizens', doc: 'Citizens in jail at the end of the round.', unit: 'citizens', summary: ['mean', 'max'], read: (s) => s.tally.jailed },
    { name: 'arrests', title: 'Arrests', doc: 'Arrests made by cops during the round.', unit: 'arrests', summary: ['total'], read: (s) => s.arrests },
    { name: 'legitimacy', title: 'Legitimacy', doc: 'L, the perceived legitimacy in force during the round.', unit: 'share', summary: ['mean'], read: (s) => s.tally.legitimacy },
  ],
  headline: ['active_mean', 'active_max', 'outbursts', 'jailed_mean', 'arrests_total'],
  summaries: [
    {
      name: 'outbursts',
      title: 'Outbursts',
      doc: 'Number of outbursts: maximal runs of rounds in which at least outburstShare of free citizens are active.',
      unit: 'outbursts',
      compute: (series, params) => outbursts(series, params.outburstShare).count,
    },
    {
      name: 'outburst_rounds',
      title: 'Rounds in an outburst',
      doc: 'Rounds (of 1..R) that belong to an outburst.',
      unit: 'rounds',
      compute: (series, params) => outbursts(series, params.outburstShare).rounds,
    },
    {
      name: 'longest_quiet_spell',
      title: 'Longest quiet spell',
      doc: 'Longest run of consecutive rounds outside any outburst.',
      unit: 'rounds',
      compute: (series, params) => outbursts(series, params.outburstShare).longestQuiet,
    },
  ],
};
