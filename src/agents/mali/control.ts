/**
 * Territorial control (ODD Details › Submodels): who holds each region. The state side's
 * strength is the army's (soldiers × capability) plus CT forces' (× fighterStrength); an armed
 * group's is its fighters × effectiveness, plus its cooperating partners' (a Tuareg group and
 * its extremist partner hold ground together in proportion to their cooperation). Control
 * changes hands only when the challenger is 20% stronger than the holder (hysteresis), and a
 * region nobody holds any more is contested (−1).
 */
import type { MaliParams } from './params.ts';
import { FAMA, type MaliState } from './state.ts';
import { fightersIn } from './violence.ts';

/** The margin by which a challenger must exceed the holder to take a region. */
export const CONTROL_MARGIN = 1.2;

/** Strength of each actor in a region: index 0 the state side (FAMA with CT), then each armed group's actor index. */
export function strengths(state: MaliState, params: MaliParams, region: number, out: Float64Array): void {
  const { regions, groups } = state;
  out.fill(0);
  out[FAMA] = regions.fama[region] * params.fama.capability.value + regions.ct[region] * params.ctForces.fighterStrength;
  for (const group of groups) {
    if (!group.active) continue;
    out[group.actor] += fightersIn(group, region) * params.armedGroups[group.id].effectiveness;
  }
  for (const group of groups) {
    if (!group.active || group.kind !== 'tuareg') continue;
    const partner = groups.find((other) => other.id === params.armedGroups[group.id].partner && other.active);
    if (!partner) continue;
    const own = fightersIn(group, region) * params.armedGroups[group.id].effectiveness;
    const theirs = fightersIn(partner, region) * params.armedGroups[partner.id].effectiveness;
    out[group.actor] += group.cooperation * theirs;
    out[partner.actor] += group.cooperation * own;
  }
}

/** Control (aggregate, per region) as described above. */
export function updateControl(state: MaliState, params: MaliParams): void {
  const { regions } = state;
  const strength = new Float64Array(state.actorNames.length);
  for (let r = 0; r < regions.count; r++) {
    strengths(state, params, r, strength);
    let strongest = -1;
    for (let a = 0; a < strength.length; a++) if (strength[a] > 0 && (strongest < 0 || strength[a] > strength[strongest])) strongest = a;
    const holder = regions.control[r];
    if (strongest < 0) {
      regions.control[r] = holder === FAMA ? FAMA : -1;
      continue;
    }
    if (holder === strongest) continue;
    const held = holder >= 0 ? strength[holder] : 0;
    if (strength[strongest] > CONTROL_MARGIN * held) regions.control[r] = strongest;
  }
}
