/**
 * Human protection (ODD Design concepts › Observation): the run-level yardstick of seed 002,
 * "human protection value", made a number. Each round
 *   HPI = 100 · exp(−(d / deathsScale + a / abusesScale + s / displacedScale))
 * with d the civilian deaths per 100,000 people per year and a the abuse events against
 * civilians by state and intervention forces per 1,000,000 people per year, both counted over
 * the last year of rounds (fewer at the start of a run; model.ts keeps the window), and s the
 * percent of the population displaced or refugee at the end of the round. 100 is full
 * protection; each term at its scale lowers the index by a factor e.
 */
import type { MaliParams } from './params.ts';

export function humanProtectionIndex(
  params: MaliParams,
  civilianDeaths: number,
  abuseEvents: number,
  displaced: number,
  population: number,
  windowDays: number,
): number {
  if (population <= 0) return 0;
  // Deaths and abuses were counted over windowDays.
  const perYear = 365.25 / windowDays;
  const { deathsScale, abusesScale, displacedScale } = params.humanProtection;
  const d = ((civilianDeaths * 100_000) / population) * perYear;
  const a = ((abuseEvents * 1_000_000) / population) * perYear;
  const s = (100 * displaced) / population;
  return 100 * Math.exp(-(d / deathsScale + a / abusesScale + s / displacedScale));
}
