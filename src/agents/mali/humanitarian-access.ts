/**
 * Humanitarian access (ODD Details › Submodels): aid reaches a region only as far as security
 * and the controlling group allow. A group that controls a region decides each week whether to
 * let aid in; one that blocks it loses legitimacy with the food-insecure people it starves
 * (civilians.ts, `aidDenial`) — the Somalia/al-Shabaab precedent of seed 000.
 */
import { regionalTrust } from './civilians.ts';
import type { MaliParams } from './params.ts';
import type { MaliState } from './state.ts';

/**
 * A controlling group blocks aid when its aidHostility exceeds what it stands to lose:
 * 2 × (share of the region's people in need) × (their mean trust in the group). The more its
 * people need aid and support it, the more it lets aid in.
 */
export function blocksAid(aidHostility: number, needShare: number, supportForGroup: number): boolean {
  return aidHostility > 2 * needShare * supportForGroup;
}

/**
 * Aid (aggregate, per region): coverage = supply × access × (0 when the controlling group
 * blocks it), with access = max(0, 1 − insecurityBlock × violent deaths per 100,000 residents
 * in recent weeks). Records each group's decision where it controls.
 */
export function deliverAid(state: MaliState, params: MaliParams): void {
  const { regions, groups, regionNames } = state;
  const supply = params.aid.supply.value;
  for (const group of groups) group.aidDecision.fill(-1);
  for (let r = 0; r < regions.count; r++) {
    const per100k = regions.residents[r] > 0 ? (regions.recentDeaths[r] * 100_000) / regions.residents[r] : 0;
    const access = Math.max(0, 1 - params.aid.insecurityBlock * per100k);
    let allowed = true;
    const controller = regions.control[r];
    if (controller >= 3) {
      const group = groups[controller - 3];
      const need = params.regions[regionNames[r]].foodInsecurity.value;
      allowed = !blocksAid(params.armedGroups[group.id].aidHostility, need, regionalTrust(state, r, controller));
      group.aidDecision[r] = allowed ? 1 : 0;
    }
    regions.aid[r] = allowed ? supply * access : 0;
  }
}
