/**
 * The life cycle of the armed groups (ODD Details › Submodels › Money and life cycle,
 * docs/odd-mali.md §7.5): a group acts from its founding date; it may join a coalition once the
 * coalition exists, and does so under pressure or out of closeness, never while at the table;
 * a splinter draws its parent's strained cadres. Dates say when a group can first exist, never
 * what it does afterwards.
 */
import type { RandomStream } from '../../sim/random.ts';
import type { Clock } from '../../sim/schedule.ts';
import { decimalYear } from '../../sim/varying.ts';
import { atTheTable } from './fama.ts';
import type { MaliParams } from './params.ts';
import { NEGOTIATION, type ArmedGroup, type MaliState } from './state.ts';
import { fightersIn, totalFighters } from './violence.ts';

/** Whether a dated switch (activeFrom, mergeDate, negotiation dates) has happened by this round. */
export function hasHappened(date: string | null, clock: Clock): boolean {
  return date !== null && clock.year >= decimalYear(date);
}

/** Weekly fade of the losses a group remembers: a half-life of about four months. */
const LOSS_MEMORY = 1 - 1 / 26;

/**
 * Pressure on a group, [0, 1]: the fighters it lost in recent months (`losses`, fading by
 * LOSS_MEMORY a week) against the fighters it has now.
 */
export function pressure(group: ArmedGroup): number {
  return Math.min(1, group.losses / Math.max(1, totalFighters(group)));
}

/**
 * Group life cycle at the start of a round: a group acts once enabled and past `activeFrom`.
 * From `mergeDate`, the founding of the coalition it may join (JNIM, March 2017), a group joins
 * it with probability mergeRate × max(pressure, cooperation) a week — a group hard pressed seeks
 * the coalition's strength, and a Tuareg group close to its partner (its cooperation, §7.7, when
 * the partner is the coalition) joins it — and never while it is party to a ceasefire or an
 * agreement (at the table, §7.7). Joining hands its fighters (cadres and serving civilians),
 * money and place in the civilians' loyalties to the coalition, whose cost per fighter becomes
 * the mean of both, weighted by fighters. A splinter (`splitsFrom`) then
 * draws its parent's strained cadres (drawSplinters).
 */
export function updateGroupLifecycle(rng: RandomStream, state: MaliState, params: MaliParams, clock: Clock): void {
  const { groups } = state;
  const peace = state.negotiation === NEGOTIATION.ceasefire || state.negotiation === NEGOTIATION.agreement;
  for (const group of groups) {
    const spec = params.armedGroups[group.id];
    group.losses *= LOSS_MEMORY;
    const founded = spec.mergesInto !== null && hasHappened(spec.mergeDate, clock);
    const closeness = spec.partner !== null && spec.partner === spec.mergesInto ? group.cooperation : 0;
    if (group.active && founded && !(peace && atTheTable(group, params)) && rng.bernoulli(spec.mergeRate * Math.max(pressure(group), closeness))) {
      // A group merges only into a group that exists in the scenario; otherwise it carries on.
      const heir = groups.find((other) => other.id === spec.mergesInto && params.armedGroups[other.id].enabled);
      if (heir) mergeGroup(state, group, heir);
    }
    group.active = spec.enabled && !group.merged && (spec.activeFrom === null || hasHappened(spec.activeFrom, clock));
  }
  for (const group of groups) {
    const parent = groups.find((other) => other.id === params.armedGroups[group.id].splitsFrom);
    if (group.active && parent?.active) drawSplinters(rng, params, group, parent);
  }
}

/** Strain on a group, [0, 1]: the larger of the share of its fighters it could not pay last round and its pressure. */
export function strain(group: ArmedGroup): number {
  return Math.max(Math.min(1, group.unpaid / Math.max(1, totalFighters(group))), pressure(group));
}

/**
 * A splinter group draws its parent's cadres: in each cercle where the splinter has fighters,
 * Binomial(parent's cadres, splitRate × the parent's strain) go over to it. A parent that pays
 * its fighters and is not pressed loses no one; one that cannot pay them, or is hard pressed,
 * loses them where the splinter offers another home.
 */
export function drawSplinters(rng: RandomStream, params: MaliParams, splinter: ArmedGroup, parent: ArmedGroup): void {
  const rate = params.armedGroups[splinter.id].splitRate * strain(parent);
  if (rate <= 0) return;
  for (let r = 0; r < splinter.cadre.length; r++) {
    if (fightersIn(splinter, r) < 1) continue;
    const defectors = rng.binomial(Math.floor(parent.cadre[r]), rate);
    parent.cadre[r] -= defectors;
    splinter.cadre[r] += defectors;
  }
}

function mergeGroup(state: MaliState, group: ArmedGroup, heir: ArmedGroup): void {
  const c = state.civilians.columns;
  // Fighters keep what they cost: local recruits of Katiba Macina do not become AQIM cadres.
  const joining = totalFighters(group);
  const staying = totalFighters(heir);
  if (joining + staying > 0) heir.fighterCost = (heir.fighterCost * staying + group.fighterCost * joining) / (joining + staying);
  for (let r = 0; r < group.cadre.length; r++) {
    heir.cadre[r] += group.cadre[r];
    group.cadre[r] = 0;
  }
  heir.money += group.money;
  group.money = 0;
  for (let i = 0; i < state.civilians.size; i++) if (c.memberGroup[i] === group.index) c.memberGroup[i] = heir.index;
  group.merged = true;
}
