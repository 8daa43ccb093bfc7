/**
 * Money of the armed groups (ODD Details › Submodels › Money): capacity follows money. Each
 * week a group earns from trafficking through cercles where it is present (less what border
 * control stops), ransom and transnational funding (less what financing disruption cuts) and
 * taxation of the residents where it has fighters, each in proportion to its strength there; it
 * pays wages and upkeep, and fighters it cannot pay desert. Operations cost money too
 * (operations.ts checks the purse). Money never goes below zero.
 */
import type { MaliParams } from './params.ts';
import type { ArmedGroup, MaliState } from './state.ts';
import { fightersIn, totalFighters } from './violence.ts';

export const WEEKS_PER_MONTH = 365.25 / 12 / 7;

/**
 * The week's income of a group, in USD: trafficking + ransom + taxation + external funding.
 * Where it has fighters, a group takes traffickingShare of the illicit flows through the cercle
 * (less what border control stops) in proportion to its strength among the armed groups there
 * (the routes' protection is shared), and taxes the residents (taxPerPerson a year) in
 * proportion to its share of all the armed strength there, the state's included: a group alone
 * taxes everyone, one beside an army post few, one that is out of a cercle nobody.
 */
export function weeklyIncome(state: MaliState, params: MaliParams, group: ArmedGroup): number {
  const spec = params.armedGroups[group.id];
  const { cercles, cercleNames } = state;
  const stopped = params.regionalCooperation.borderControl.value;
  const cut = params.financing.disruption.value;
  let trafficking = 0;
  let taxation = 0;
  for (let r = 0; r < cercles.count; r++) {
    const own = fightersIn(group, r) * spec.effectiveness;
    if (own <= 0) continue;
    let armedGroups = 0;
    for (const other of state.groups) if (other.active) armedGroups += fightersIn(other, r) * params.armedGroups[other.id].effectiveness;
    const stateSide = cercles.fama[r] * params.fama.capability.value + cercles.ct[r] * params.ctForces.fighterStrength;
    trafficking += (params.cercles[cercleNames[r]].trafficking * own) / Math.max(own, armedGroups);
    taxation += (cercles.residents[r] * spec.income.taxPerPerson * own) / 52 / Math.max(own, armedGroups + stateSide);
  }
  return trafficking * spec.income.traffickingShare * (1 - stopped) + (spec.income.ransom.value + spec.income.external.value) * (1 - cut) + taxation;
}

/**
 * What a group holds back from its payroll for a week of operations: attackCost × its expected
 * occasions (tempo × fighters/1,000) × the mean party in units of partySize (α/(α − 1) for the
 * Pareto law, at most 10). Fighting comes before pay, so a group short of money pays fewer
 * fighters but keeps fighting on a smaller scale.
 */
export function operationsBudget(params: MaliParams, group: ArmedGroup, fighters: number): number {
  const { partyTail } = params.operations;
  const meanParty = partyTail > 1 ? Math.min(10, partyTail / (partyTail - 1)) : 10;
  return params.financing.attackCost * ((params.armedGroups[group.id].tempo * fighters) / 1000) * meanParty;
}

/**
 * Finance (aggregate, groups in scenario order): earn, hold back the operations budget, pay what
 * it can of the payroll, and set each group's desertion probability for next round's survey:
 * desertion × the unpaid share of the payroll. Unpaid cadres leave at half that rate.
 * @returns desertion probability per group index
 */
export function finance(state: MaliState, params: MaliParams, desertion: Float64Array): void {
  for (const group of state.groups) {
    desertion[group.index] = 0;
    group.income = 0;
    group.unpaid = 0;
    if (!group.active) continue;
    group.income = weeklyIncome(state, params, group);
    const fighters = totalFighters(group);
    const payroll = (fighters * group.fighterCost) / WEEKS_PER_MONTH;
    const available = group.money + group.income;
    const paid = Math.min(Math.max(0, available - operationsBudget(params, group, fighters)), payroll);
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
