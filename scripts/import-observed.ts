/**
 * Builds data/observed/ from the project's shared data folder (../shared/data by default):
 * the observed outcomes of 2012–2017 the model is fitted to, and nothing later (2018 on is the
 * held-out test). Run once by hand when the shared data change:
 *   node --import tsx scripts/import-observed.ts [path/to/shared/data]
 * Sources, licences and transformations: data/observed/README.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { toCsv } from '../src/sim/output/csv.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(process.argv[2] ?? join(ROOT, '..', 'shared', 'data'));
const OUT = join(ROOT, 'data', 'observed');
const LAST_YEAR = 2017;

type Row = Record<string, string>;
const read = (file: string): Row[] => parse(readFileSync(join(SHARED, file), 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];
const write = (file: string, columns: string[], rows: (string | number)[][]): void => writeFileSync(join(OUT, file), toCsv(columns, rows));

// UCDP deaths in Mali by type of violence.
const ucdp = read('ucdp-via-owid/conflict_deaths_by_type.csv').filter((row) => row['iso3'] === 'MLI' && Number(row['year']) >= 2008 && Number(row['year']) <= LAST_YEAR);
write(
  'ucdp-deaths-by-type.csv',
  ['year', 'one_sided', 'non_state', 'state_based', 'total'],
  ucdp.map((row) => [Number(row['year']), Number(row['deaths_one_sided']), Number(row['deaths_non_state']), Number(row['deaths_state_based']), Number(row['deaths_all_types_sum'])]),
);

// MINUSMA fatalities from malicious acts.
const fatalities = read('un-peacekeeping-fatalities/minusma_fatalities_by_year.csv').filter((row) => Number(row['year']) <= LAST_YEAR);
write('minusma-fatalities.csv', ['year', 'malicious_act', 'all_causes'], fatalities.map((row) => [Number(row['year']), Number(row['malicious_act']), Number(row['total'])]));

// Refugees from Mali at the end of each year, by country of asylum and in total; IDPs.
const hosts: Record<string, string> = { MRT: 'mauritania', NER: 'niger', BFA: 'burkina_faso', DZA: 'algeria' };
const byCountry = read('unhcr-refugee-statistics/population_origin_mali_by_country_of_asylum.csv').filter(
  (row) => hosts[row['country_of_asylum_iso3'] ?? ''] !== undefined && Number(row['year']) >= 2011 && Number(row['year']) <= LAST_YEAR,
);
const totals = read('unhcr-refugee-statistics/mali_displacement_by_year.csv').filter((row) => Number(row['year']) >= 2011 && Number(row['year']) <= LAST_YEAR);
write('refugees-by-asylum.csv', ['year', 'country', 'refugees'], [
  ...totals.map((row) => [Number(row['year']), 'all', Number(row['refugees_from_mali_total'])]),
  ...byCountry.map((row) => [Number(row['year']), hosts[row['country_of_asylum_iso3'] ?? ''] ?? '', Number(row['refugees'])]),
].sort((a, b) => Number(a[0]) - Number(b[0]) || String(a[1]).localeCompare(String(b[1]))));
write('idps.csv', ['year', 'idps'], totals.filter((row) => Number(row['year']) >= 2012).map((row) => [Number(row['year']), Number(row['idps_unhcr_reported'])]));

// Flee mali2012 camp registrations, with the registration corrections applied: counts before a
// camp's level-2 (biometric) registration are rescaled so the last level-1 count matches the
// first level-2 count (Flee's "normalize").
const camps = read('flee-mali2012/camp_refugees.csv').filter((row) => Number(row['date']?.slice(0, 4)) <= LAST_YEAR && row['camp'] !== 'Mbera' && row['camp'] !== 'Fassala');
const corrections = new Map(read('flee-mali2012/registration_corrections.csv').map((row) => [row['camp'] ?? '', row['date'] ?? '']));
const rows: (string | number)[][] = [];
for (const camp of [...new Set(camps.map((row) => row['camp'] ?? ''))]) {
  const series = camps.filter((row) => row['camp'] === camp).sort((a, b) => (a['date'] ?? '').localeCompare(b['date'] ?? ''));
  const switchDate = corrections.get(camp);
  let ratio = 1;
  if (switchDate) {
    const before = series.filter((row) => (row['date'] ?? '') < switchDate).at(-1);
    const at = series.find((row) => row['date'] === switchDate);
    if (before && at && Number(before['refugees']) > 0) ratio = Number(at['refugees']) / Number(before['refugees']);
  }
  for (const row of series) {
    const value = Number(row['refugees']);
    const corrected = switchDate && (row['date'] ?? '') < switchDate ? Math.round(value * ratio) : value;
    rows.push([camp, (row['country'] ?? '').toLowerCase(), row['date'] ?? '', value, corrected]);
  }
}
write('flee-mali2012-camps.csv', ['camp', 'country', 'date', 'registered', 'corrected'], rows);
console.log(`wrote data/observed/ from ${SHARED}`);
