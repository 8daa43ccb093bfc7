// The geography of Flee's two Mali cases (FabFlee mali2012 and mali2017_adm1, BSD 3-Clause;
// see README.md), merged: one record per place, one per road. Used by build-cercles.mjs (cercle
// seats, town populations of mali2012) and build-roads.mjs (places.csv, roads.csv).
// Only geography is taken: names, countries, kinds, coordinates, road distances. Conflict onset
// columns, camp populations (refugee counts) and closures are never read into the output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Minimal CSV reader (double-quoted fields allowed), rows as objects keyed by the header. */
export function readCsv(path) {
  const text = readFileSync(path, 'utf8').replace(/\r/g, '').trimEnd();
  const rows = [];
  for (const line of text.split('\n')) {
    const fields = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        fields.push(field);
        field = '';
      } else field += ch;
    }
    fields.push(field);
    rows.push(fields);
  }
  const [header, ...body] = rows;
  return body.map((fields) => Object.fromEntries(header.map((key, i) => [key, fields[i] ?? ''])));
}

/**
 * Spellings unified across the two cases. Malian towns take the cercle spelling of geoBoundaries
 * (cercle_adjacency.csv); the Mauritanian camp takes the name of the project's observed camp
 * series (data/observed/flee-mali2012-camps.csv): mali2012's "Fassala-Mbera" (Fassala transit
 * site + Mbera camp) and mali2017's "Mbera" are one place.
 */
export const SPELLING = {
  Timbuktu: 'Tombouctou',
  Niafounke: 'Niafunke',
  Baraoueli: 'Baroueli',
  Bobo_Dioulasso: 'Bobo-Dioulasso',
  Mbera: 'Fassala-Mbera',
};

/** Flee country → sahel-sim country id (the scenario's host ids; `mali` for Malian places). */
const COUNTRY = { Mali: 'mali', Mauritania: 'mauritania', Niger: 'niger', Burkina_Faso: 'burkina_faso', Algeria: 'algeria' };

export const CASES = ['mali2012', 'mali2017'];

/**
 * Merged places and roads of the two cases.
 * place: { name, country, kind ('town' | 'camp'), latitude, longitude, cases: [...], coordinates: case,
 *          spellings: [...] } — coordinates from mali2017 when the place is in it (see README), else mali2012;
 *          kind 'camp' if either case has it as a camp (abroad only).
 * road: { from, to (from < to), distance_km, cases: [...], distances: { case: km } } — distance of mali2017
 *          when both cases have the link (see README).
 */
export function loadFlee(sharedRoot) {
  const places = new Map();
  const roads = new Map();
  for (const c of CASES) {
    const folder = join(sharedRoot, `flee-${c}`);
    for (const row of readCsv(join(folder, 'locations.csv'))) {
      const name = SPELLING[row.name] ?? row.name;
      const country = COUNTRY[row.country];
      if (!country) throw new Error(`flee-${c}: unknown country ${row.country}`);
      const place = places.get(name) ?? { name, country, kind: 'town', cases: [], spellings: [], byCase: {} };
      if (place.country !== country) throw new Error(`${name}: country differs between cases`);
      place.cases.push(c);
      if (!place.spellings.includes(row.name)) place.spellings.push(row.name);
      if (row.location_type === 'camp') {
        if (country === 'mali') throw new Error(`${name}: a camp in Mali`);
        place.kind = 'camp';
      }
      place.byCase[c] = { latitude: Number(row.latitude), longitude: Number(row.longitude) };
      places.set(name, place);
    }
    for (const row of readCsv(join(folder, 'routes.csv'))) {
      const [from, to] = [SPELLING[row.from] ?? row.from, SPELLING[row.to] ?? row.to].sort();
      if (!places.has(from) || !places.has(to)) throw new Error(`flee-${c}: road ${row.from}–${row.to} to an unknown place`);
      if (row.forced_redirection !== '0') throw new Error(`flee-${c}: forced redirection on ${row.from}–${row.to}`);
      const key = `${from}\t${to}`;
      const road = roads.get(key) ?? { from, to, cases: [], distances: {} };
      if (road.distances[c] !== undefined) throw new Error(`flee-${c}: road ${from}–${to} twice`);
      road.cases.push(c);
      road.distances[c] = Number(row.distance_km);
      roads.set(key, road);
    }
  }
  for (const place of places.values()) {
    const chosen = place.byCase.mali2017 ? 'mali2017' : 'mali2012';
    place.coordinates = chosen;
    place.latitude = place.byCase[chosen].latitude;
    place.longitude = place.byCase[chosen].longitude;
  }
  for (const road of roads.values()) road.distance_km = road.distances.mali2017 ?? road.distances.mali2012;
  const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    places: [...places.values()].sort((a, b) => byName(a.name, b.name)),
    roads: [...roads.values()].sort((a, b) => byName(a.from, b.from) || byName(a.to, b.to)),
  };
}
