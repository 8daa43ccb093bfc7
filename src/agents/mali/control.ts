/**
 * Territorial control (ODD Details › Submodels): who holds each cercle. Where the army holds a
 * post, the state holds the cercle: posts withdraw when outgunned and come back when they can
 * hold (fama.ts deployArmy), so the balance of force and its hysteresis are the posts'. Where no
 * post stands, the strongest side takes the cercle when it exceeds the holder by 20%: the state
 * side with the CT forces there (× fighterStrength), an armed group with its fighters ×
 * effectiveness plus its cooperating partner's (a Tuareg group and its extremist partner hold
 * ground together in proportion to their cooperation). A cercle nobody holds any more is
 * contested (−1).
 */
import type { MaliParams } from './params.ts';
import { FAMA, type MaliState } from './state.ts';
import { fightersIn } from './violence.ts';

/** The margin by which a challenger must exceed the holder to take a cercle. */
export const CONTROL_MARGIN = 1.2;

/** Strength of each actor in a cercle: index 0 the state side (FAMA with CT), then each armed group's actor index. */
export function strengths(state: MaliState, params: MaliParams, cercle: number, out: Float64Array): void {
  const { cercles, groups } = state;
  out.fill(0);
  out[FAMA] = cercles.fama[cercle] * params.fama.capability.value + cercles.ct[cercle] * params.ctForces.fighterStrength;
  for (const group of groups) {
    if (!group.active) continue;
    out[group.actor] += fightersIn(group, cercle) * params.armedGroups[group.id].effectiveness;
  }
  for (const group of groups) {
    if (!group.active || group.kind !== 'tuareg') continue;
    const partner = groups.find((other) => other.id === params.armedGroups[group.id].partner && other.active);
    if (!partner) continue;
    const own = fightersIn(group, cercle) * params.armedGroups[group.id].effectiveness;
    const theirs = fightersIn(partner, cercle) * params.armedGroups[partner.id].effectiveness;
    out[group.actor] += group.cooperation * theirs;
    out[partner.actor] += group.cooperation * own;
  }
}

/** Control (aggregate, per cercle) as described above. */
export function updateControl(state: MaliState, params: MaliParams): void {
  const { cercles } = state;
  const strength = new Float64Array(state.actorNames.length);
  for (let r = 0; r < cercles.count; r++) {
    if (cercles.fama[r] > 0) {
      cercles.control[r] = FAMA;
      continue;
    }
    strengths(state, params, r, strength);
    let strongest = -1;
    for (let a = 0; a < strength.length; a++) if (strength[a] > 0 && (strongest < 0 || strength[a] > strength[strongest])) strongest = a;
    const holder = cercles.control[r];
    if (strongest < 0) {
      cercles.control[r] = holder === FAMA ? FAMA : -1;
      continue;
    }
    if (holder === strongest) continue;
    const held = holder >= 0 ? strength[holder] : 0;
    if (strength[strongest] > CONTROL_MARGIN * held) cercles.control[r] = strongest;
  }
}
