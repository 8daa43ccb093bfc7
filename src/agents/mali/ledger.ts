/**
 * The ledger of violence (ODD Details › Submodels › Violence): the event types of the model, each
 * counted under exactly one of the seven security clusters of Table 1 (seed 002), the victim
 * types, and the round's record of events and deaths by perpetrator and victim type, which the
 * rules write and the metrics read.
 */

/** Victim types of the deaths ledger. */
export const VICTIMS = ['civilians', 'fama', 'minusma', 'ct', 'fighters'] as const;
export const VICTIM = { civilians: 0, fama: 1, minusma: 2, ct: 3, fighters: 4 } as const;

/**
 * The seven security clusters of Table 1 (threat — threatener → threatened).
 */
export const CLUSTERS = [
  'terrorist attacks (extremist groups → civilians)',
  'monopoly of legitimate force (extremist groups → government; the fight over territory)',
  "UN's mandate (extremist groups, Tuareg groups, civilians → UN forces)",
  'recruitment (extremist network → civilians)',
  'state violence (government ↔ Tuareg and Arab rebel groups)',
  'contentious practices (FAMA, CT forces, UN forces → civilians)',
  'intercommunal violence (civilians → civilians)',
] as const;

/**
 * Every kind of event, with its cluster (1–7), what kind of victims its deaths are, and whether
 * it is an armed attack or clash — what civilians nearby take as a threat (protests, recruiting,
 * detentions and peacekeepers' abuses are not).
 */
export const EVENT_TYPES = [
  { id: 'extremist_attack_civilians', cluster: 1, victim: VICTIM.civilians, attack: true, doc: 'an extremist group attacks civilians indiscriminately (massacres, bombings, collective punishment)' },
  { id: 'extremist_targeted_killing', cluster: 1, victim: VICTIM.civilians, attack: true, doc: 'an extremist group kills civilians it takes for informers (selective violence)' },
  { id: 'extremist_attack_fama', cluster: 2, victim: VICTIM.fama, attack: true, doc: 'an extremist group attacks the Malian army' },
  { id: 'extremist_attack_ct', cluster: 2, victim: VICTIM.ct, attack: true, doc: 'an extremist group attacks counterterrorism forces' },
  { id: 'army_attack_extremists', cluster: 2, victim: VICTIM.fighters, attack: true, doc: 'a Malian army operation against an extremist group' },
  { id: 'ct_strike', cluster: 2, victim: VICTIM.fighters, attack: true, doc: 'a counterterrorism strike or raid on an extremist group' },
  { id: 'group_clash', cluster: 2, victim: VICTIM.fighters, attack: true, doc: 'fighting between armed groups over territory (a Tuareg group and its extremist partner, or rivals)' },
  { id: 'extremist_attack_minusma', cluster: 3, victim: VICTIM.minusma, attack: true, doc: 'an extremist group attacks MINUSMA' },
  { id: 'tuareg_attack_minusma', cluster: 3, victim: VICTIM.minusma, attack: true, doc: 'a Tuareg group attacks MINUSMA' },
  { id: 'civilian_protest_minusma', cluster: 3, victim: VICTIM.minusma, attack: false, doc: 'civilians turn on MINUSMA (protests, stoning of convoys); no deaths modelled' },
  { id: 'recruitment', cluster: 4, victim: VICTIM.civilians, attack: false, doc: 'a young civilian joins an extremist group (one event per recruit; no deaths)' },
  { id: 'army_attack_tuareg', cluster: 5, victim: VICTIM.fighters, attack: true, doc: 'a Malian army operation against a Tuareg group' },
  { id: 'tuareg_attack_fama', cluster: 5, victim: VICTIM.fama, attack: true, doc: 'a Tuareg group attacks the Malian army (rebellion, retaliation)' },
  { id: 'army_abuse', cluster: 6, victim: VICTIM.civilians, attack: true, doc: 'army abuse: extrajudicial killings, arbitrary arrests, mobilised militias' },
  { id: 'ct_collateral', cluster: 6, victim: VICTIM.civilians, attack: true, doc: 'civilians killed by a counterterrorism strike (a second event of the same strike)' },
  { id: 'ct_abuse', cluster: 6, victim: VICTIM.civilians, attack: false, doc: 'contentious practices of CT forces: arbitrary detention, mistreatment; no deaths modelled' },
  { id: 'minusma_abuse', cluster: 6, victim: VICTIM.civilians, attack: false, doc: 'abuse by peacekeepers; no deaths modelled' },
  { id: 'intercommunal_clash', cluster: 7, victim: VICTIM.civilians, attack: true, doc: 'a clash between communities (self-defence militias, reprisals)' },
] as const;

export type EventTypeId = (typeof EVENT_TYPES)[number]['id'];
export const EVENT: { readonly [K in EventTypeId]: number } = Object.fromEntries(EVENT_TYPES.map((type, i) => [type.id, i])) as {
  [K in EventTypeId]: number;
};

/** The round's record of what happened. Reset at the start of every round. */
export interface Ledger {
  readonly events: Float64Array;
  readonly eventDeaths: Float64Array;
  /** Deaths by perpetrator (actor index, or `actors` for communities) × victim type. */
  readonly deaths: Float64Array;
  /** People who fled this round inside Mali, who fled abroad, and who went home. */
  displaced: number;
  refugees: number;
  returned: number;
}

export function createLedger(actors: number): Ledger {
  return {
    events: new Float64Array(EVENT_TYPES.length),
    eventDeaths: new Float64Array(EVENT_TYPES.length),
    deaths: new Float64Array((actors + 1) * VICTIMS.length),
    displaced: 0,
    refugees: 0,
    returned: 0,
  };
}
