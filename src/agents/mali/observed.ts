/**
 * The observed record the Mali model meets (docs/validation.md): the series of data/observed/
 * as one tidy table, each with its definition, and the model output it corresponds to.
 * Observations stop at 2017: later years are the held-out test.
 */
import { join } from 'node:path';
import type { ObservedValue } from '../../sim/model-hooks.ts';
import { readCsvRecords } from '../../sim/output/csv.ts';
import { PACKAGE_ROOT } from '../../sim/package-root.ts';

const DATA = join(PACKAGE_ROOT, 'data/observed');

/** A yearly series the model is compared with. */
export interface SeriesDefinition {
  readonly name: string;
  /** `flow`: summed over the rounds of the year; `stock`: the value at the year's last round. */
  readonly kind: 'flow' | 'stock';
  /** Model metric (series.csv column) it corresponds to. */
  readonly metric: string;
  readonly definition: string;
  readonly source: string;
}

const UCDP = 'UCDP GED v25.1 via Our World in Data (data/observed/ucdp-deaths-by-type.csv)';
const UNHCR = 'UNHCR Refugee Data Finder (data/observed/refugees-by-asylum.csv)';

/** The series of the validation, named as in yearly.csv and fit.csv. */
export const SERIES: readonly SeriesDefinition[] = [
  {
    name: 'ucdp_one_sided',
    kind: 'flow',
    metric: 'ucdp_one_sided',
    definition: 'Deaths of civilians deliberately killed by an organised armed actor (government or non-state); UCDP counts an actor once it kills 25 in a year.',
    source: UCDP,
  },
  {
    name: 'ucdp_non_state',
    kind: 'flow',
    metric: 'ucdp_non_state',
    definition: 'Battle deaths between non-state groups, communal militias included (25-death threshold per dyad and year).',
    source: UCDP,
  },
  {
    name: 'ucdp_state_based',
    kind: 'flow',
    metric: 'ucdp_state_based',
    definition: 'Battle deaths in conflicts where a government is a party (intrastate, with foreign support), civilians killed in the fighting included (25-death threshold).',
    source: UCDP,
  },
  { name: 'ucdp_total', kind: 'flow', metric: 'ucdp_total', definition: 'All UCDP deaths of the three types.', source: UCDP },
  {
    name: 'minusma_malicious_deaths',
    kind: 'flow',
    metric: 'peacekeeper_deaths',
    definition: 'MINUSMA personnel killed by malicious acts (war, hostilities, terrorist activities, explosions of war weapons).',
    source: 'UN peacekeeping fatalities (data/observed/minusma-fatalities.csv)',
  },
  {
    name: 'idps_end_year',
    kind: 'stock',
    metric: 'idps',
    definition: 'Internally displaced people in Mali at the end of the year (government/IOM DTM figures reported to UNHCR).',
    source: 'UNHCR / IOM DTM (data/observed/idps.csv)',
  },
  { name: 'refugees_end_year', kind: 'stock', metric: 'refugees', definition: 'Refugees from Mali in all countries at the end of the year.', source: UNHCR },
  { name: 'refugees_mauritania', kind: 'stock', metric: 'refugees_mauritania', definition: 'Refugees from Mali in Mauritania (Mbera camp) at the end of the year.', source: UNHCR },
  { name: 'refugees_niger', kind: 'stock', metric: 'refugees_niger', definition: 'Refugees from Mali in Niger at the end of the year.', source: UNHCR },
  { name: 'refugees_burkina_faso', kind: 'stock', metric: 'refugees_burkina_faso', definition: 'Refugees from Mali in Burkina Faso at the end of the year.', source: UNHCR },
];

/** One observation, in the tidy table `sahel-sim observe` writes (its definition and model output are added from SERIES). */
export type Observation = Omit<ObservedValue, 'definition' | 'modelOutput'>;

function read(file: string): Record<string, string>[] {
  return readCsvRecords(join(DATA, file));
}

/** Every observation of data/observed/ (2012–2017, and earlier years where they give context). */
export function loadObservations(): Observation[] {
  const observations: Observation[] = [];
  const source = (name: string): string => SERIES.find((series) => series.name === name)?.source ?? '';
  for (const row of read('ucdp-deaths-by-type.csv')) {
    const year = Number(row['year']);
    for (const [column, series] of [
      ['one_sided', 'ucdp_one_sided'],
      ['non_state', 'ucdp_non_state'],
      ['state_based', 'ucdp_state_based'],
      ['total', 'ucdp_total'],
    ] as const) {
      observations.push({ series, year, date: null, region: null, value: Number(row[column]), source: source(series) });
    }
  }
  for (const row of read('minusma-fatalities.csv')) {
    observations.push({ series: 'minusma_malicious_deaths', year: Number(row['year']), date: null, region: null, value: Number(row['malicious_act']), source: source('minusma_malicious_deaths') });
  }
  for (const row of read('idps.csv')) {
    observations.push({ series: 'idps_end_year', year: Number(row['year']), date: null, region: null, value: Number(row['idps']), source: source('idps_end_year') });
  }
  for (const row of read('refugees-by-asylum.csv')) {
    const country = row['country'] ?? '';
    const series = country === 'all' ? 'refugees_end_year' : `refugees_${country}`;
    if (!SERIES.some((definition) => definition.name === series)) continue;
    observations.push({ series, year: Number(row['year']), date: null, region: country === 'all' ? null : country, value: Number(row['refugees']), source: source(series) });
  }
  for (const row of read('flee-mali2012-camps.csv')) {
    const date = row['date'] ?? '';
    observations.push({
      series: 'camp_refugees_corrected',
      year: Number(date.slice(0, 4)),
      date,
      region: `${row['camp']} (${row['country']})`,
      value: Number(row['corrected']),
      source: 'UNHCR registrations as compiled for Flee mali2012, registration corrections applied (data/observed/flee-mali2012-camps.csv)',
    });
  }
  return observations;
}

/**
 * Refugees registered in the Flee mali2012 camps of one country on each date, corrections
 * applied (a camp's count carried forward to dates it has no report for).
 */
export function campRefugeesByCountry(observations: readonly Observation[]): { country: string; date: string; refugees: number }[] {
  const camps = observations.filter((observation) => observation.series === 'camp_refugees_corrected');
  const countryOf = (region: string | null): string => /\((.*)\)$/.exec(region ?? '')?.[1] ?? '';
  const dates = [...new Set(camps.map((camp) => camp.date ?? ''))].sort();
  const result: { country: string; date: string; refugees: number }[] = [];
  for (const country of [...new Set(camps.map((camp) => countryOf(camp.region)))].sort()) {
    const names = [...new Set(camps.filter((camp) => countryOf(camp.region) === country).map((camp) => camp.region))];
    for (const date of dates) {
      let total = 0;
      for (const name of names) {
        const latest = camps.filter((camp) => camp.region === name && (camp.date ?? '') <= date).at(-1);
        total += latest?.value ?? 0;
      }
      result.push({ country, date, refugees: total });
    }
  }
  return result;
}
