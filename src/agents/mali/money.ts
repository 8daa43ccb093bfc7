/**
 * Money of the armed groups (ODD Details › Submodels › Money): capacity follows money. Each
 * week a group earns from trafficking through cercles where it is present (less what border
 * control stops), ransom and transnational funding (less what financing disruption cuts) and
 * taxation of cercles it controls; it pays wages and upkeep, and fighters it cannot pay desert.
 * Attacks cost money too (violence checks the purse). Money never goes below zero.
 */
import type { Clock } from '../../sim/schedule.ts';
import { decimalYear } from '../../sim/varying.ts';
import type { MaliParams } from './params.ts';
import type { RandomStream } from '../../sim/random.ts';
import { atTheTable } from './fama.ts';
import { NEGOTIATION, type ArmedGroup, type MaliState } from './state.ts';
import { fightersIn, totalFighters } from './violence.ts';

export const WEEKS_PER_MONTH = 365.25 / 12 / 7;

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
 * money and place in the civilians' loyalties to the coalition.
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
}

function mergeGroup(state: MaliState, group: ArmedGroup, heir: ArmedGroup): void {
  const c = state.civilians.columns;
  for (let r = 0; r < group.cadre.length; r++) {
    heir.cadre[r] += group.cadre[r];
    group.cadre[r] = 0;
  }
  heir.money += group.money;
  group.money = 0;
  for (let i = 0; i < state.civilians.size; i++) if (c.memberGroup[i] === group.index) c.memberGroup[i] = heir.index;
  group.merged = true;
}

/**
 * The week's income of a group, in USD: trafficking + ransom + taxation + external funding.
 */
export function weeklyIncome(state: MaliState, params: MaliParams, group: ArmedGroup): number {
  const spec = params.armedGroups[group.id];
  const { cercles, cercleNames } = state;
  const stopped = params.regionalCooperation.borderControl.value;
  const cut = params.financing.disruption.value;
  let trafficking = 0;
  let taxation = 0;
  for (let r = 0; r < cercles.count; r++) {
    if (fightersIn(group, r) >= 1) trafficking += params.cercles[cercleNames[r]].trafficking;
    if (cercles.control[r] === group.actor) taxation += (cercles.residents[r] * spec.income.taxPerPerson) / 52;
  }
  return (
    trafficking * spec.income.traffickingShare * (1 - stopped) +
    (spec.income.ransom.value + spec.income.external.value) * (1 - cut) +
    taxation
  );
}

/**
 * Finance (aggregate, groups in scenario order): earn, pay, and set each group's desertion
 * probability for next round's survey: desertion × the unpaid share of the payroll. Unpaid
 * cadres leave at half that rate.
 * @returns desertion probability per group index
 */
export function finance(state: MaliState, params: MaliParams, desertion: Float64Array): void {
  for (const group of state.groups) {
    desertion[group.index] = 0;
    group.income = 0;
    group.unpaid = 0;
    if (!group.active) continue;
    const spec = params.armedGroups[group.id];
    group.income = weeklyIncome(state, params, group);
    const fighters = totalFighters(group);
    const payroll = (fighters * (spec.wage + spec.upkeep)) / WEEKS_PER_MONTH;
    const available = group.money + group.income;
    const paid = Math.min(available, payroll);
    group.money = available - paid;
    if (payroll <= 0 || paid >= payroll) continue;
    const unpaidShare = 1 - paid / payroll;
    group.unpaid = fighters * unpaidShare;
    desertion[group.index] = params.financing.desertion * unpaidShare;
    for (let r = 0; r < group.cadre.length; r++) {
      group.cadre[r] = Math.round(group.cadre[r] * (1 - 0.5 * desertion[group.index]));
    }
  }
}
