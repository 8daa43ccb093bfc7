/**
 * Humanitarian access (ODD Details › Submodels): aid reaches a cercle only as far as security
 * and the controlling group allow. A group that controls a cercle decides each week whether to
 * let aid in; one that blocks it loses legitimacy with the food-insecure people it starves
 * (civilians.ts, `aidDenial`) — the Somalia/al-Shabaab precedent of seed 000.
 */
import { cercleTrust } from './civilians.ts';
import type { MaliParams } from './params.ts';
import { regionSettings, type MaliState } from './state.ts';

/**
 * A controlling group blocks aid when its aidHostility exceeds what it stands to lose:
 * 2 × (share of the cercle's people in need) × (their mean trust in the group). The more its
 * people need aid and support it, the more it lets aid in.
 */
export function blocksAid(aidHostility: number, needShare: number, supportForGroup: number): boolean {
  return aidHostility > 2 * needShare * supportForGroup;
}

/**
 * Aid (aggregate, per cercle): coverage = supply × access × (0 when the controlling group
 * blocks it), with access = max(0, 1 − insecurityBlock × violent deaths per 100,000 residents
 * in recent weeks). Records each group's decision where it controls.
 */
export function deliverAid(state: MaliState, params: MaliParams): void {
  const { cercles, groups } = state;
  const supply = params.aid.supply.value;
  for (const group of groups) group.aidDecision.fill(-1);
  for (let r = 0; r < cercles.count; r++) {
    const per100k = cercles.residents[r] > 0 ? (cercles.recentDeaths[r] * 100_000) / cercles.residents[r] : 0;
    const access = Math.max(0, 1 - params.aid.insecurityBlock * per100k);
    let allowed = true;
    const controller = cercles.control[r];
    if (controller >= 3) {
      const group = groups[controller - 3];
      const need = regionSettings(state, params, r).foodInsecurity.value;
      allowed = !blocksAid(params.armedGroups[group.id].aidHostility, need, cercleTrust(state, r, controller));
      group.aidDecision[r] = allowed ? 1 : 0;
    }
    cercles.aid[r] = allowed ? supply * access : 0;
  }
}
