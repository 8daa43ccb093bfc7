/**
 * Extremist groups — AQIM (JNIM from March 2017), Katiba Macina and ISGS (ODD Details ›
 * Submodels): what they aim at. They fight the army, CT forces and MINUSMA (clusters 2 and 3),
 * use violence against civilians to deter defection (cluster 1: selective where they have
 * information, indiscriminate where they have none) and fight hostile groups; how they weigh
 * these where they are is the shared rule of operations.ts. Their recruitment is in
 * recruitment.ts, their money in money.ts and their humanitarian-access decision in
 * humanitarian-access.ts.
 */
import type { MaliParams } from './params.ts';
import type { ArmedGroup } from './state.ts';

/** An extremist group's aims, in the order of operations.ts ACTIONS: its scenario's aims as they are. */
export function extremistAims(params: MaliParams, group: ArmedGroup): Float64Array {
  const { aims } = params.armedGroups[group.id];
  return Float64Array.of(aims.fama, aims.ct, aims.minusma, aims.civilians, aims.civilians, aims.rivals);
}
