// Builds places.csv and roads.csv (the displacement network) from Flee's mali2012 and mali2017
// cases, geography only, plus one added link for each cercle seat Flee does not have; see
// README.md in this folder.
//   node data/mali/build-cercles.mjs               (first: cercles.csv, the cercle seats)
//   node data/mali/build-roads.mjs [/work/shared/data]
// Prints its checks (exits non-zero if one fails) and summary tables. Deterministic.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contains, distanceKm } from '../boundaries/geometry.mjs';
import { loadFlee, readCsv } from './flee.mjs';

const shared = process.argv[2] ?? '/work/shared/data';
const DETOUR = 1.3; // added links: straight line × 1.3
const HOSTS = ['mauritania', 'niger', 'burkina_faso', 'algeria'];

const problems = [];
const check = (ok, message) => {
  if (!ok) problems.push(message);
  return ok;
};
const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const sourceOf = (cases) => (cases.length === 2 ? 'flee-both' : `flee-${cases[0]}`);

const adm2 = JSON.parse(readFileSync(join(shared, 'mali-boundaries/mali_adm2_geoboundaries_simplified.geojson'), 'utf8'));
const cercleAt = (p) => adm2.features.filter((f) => contains(f.geometry, p)).map((f) => f.properties.shapeName);
const cercles = readCsv(new URL('./cercles.csv', import.meta.url).pathname);
check(cercles.length === 50, `cercles.csv has ${cercles.length} rows (run build-cercles.mjs first)`);

// ---------------------------------------------------------------- places
const flee = loadFlee(shared);
const places = flee.places.map((p) => {
  const where = cercleAt([p.longitude, p.latitude]);
  if (p.country === 'mali') check(where.length === 1, `${p.name}: in ${where.length} cercles`);
  else check(where.length === 0, `${p.name} (${p.country}) lies inside Mali (${where.join('+')})`);
  return { name: p.name, kind: p.kind, cercle: where[0] ?? '', country: p.country, latitude: p.latitude, longitude: p.longitude, source: sourceOf(p.cases), flee: p };
});
const placeByName = new Map(places.map((p) => [p.name, p]));
const roads = flee.roads.map((r) => ({ from: r.from, to: r.to, distance_km: r.distance_km, source: sourceOf(r.cases), flee: r }));

// Seats without a Flee town: the cercle's interior point (cercles.csv), linked to the nearest
// Malian Flee place by a straight line × DETOUR.
const fleeMali = places.filter((p) => p.country === 'mali');
const added = [];
for (const c of cercles) {
  const existing = placeByName.get(c.cercle);
  if (existing) {
    check(existing.cercle === c.cercle && c.seat_source !== 'interior-point', `${c.cercle}: seat and Flee place disagree`);
    continue;
  }
  check(c.seat_source === 'interior-point', `${c.cercle}: seat from Flee but no Flee place`);
  const seat = { name: c.cercle, kind: 'town', cercle: c.cercle, country: 'mali', latitude: Number(c.seat_latitude), longitude: Number(c.seat_longitude), source: 'added' };
  const at = [seat.longitude, seat.latitude];
  const nearest = fleeMali.reduce((best, p) => (distanceKm(at, [p.longitude, p.latitude]) < distanceKm(at, [best.longitude, best.latitude]) ? p : best));
  const straight = distanceKm(at, [nearest.longitude, nearest.latitude]);
  const [from, to] = [seat.name, nearest.name].sort(byName);
  roads.push({ from, to, distance_km: Math.round(straight * DETOUR), source: 'added' });
  places.push(seat);
  placeByName.set(seat.name, seat);
  added.push({ seat, nearest, straight });
}
places.sort((a, b) => byName(a.name, b.name));
roads.sort((a, b) => byName(a.from, b.from) || byName(a.to, b.to));

// ---------------------------------------------------------------- checks on the network
const neighbours = new Map(places.map((p) => [p.name, []]));
for (const r of roads) {
  neighbours.get(r.from).push([r.to, r.distance_km]);
  neighbours.get(r.to).push([r.from, r.distance_km]);
}
function shortest(from) {
  const dist = new Map([[from, 0]]);
  const done = new Set();
  for (;;) {
    let u = null;
    for (const [name, d] of dist) if (!done.has(name) && (u === null || d < dist.get(u) || (d === dist.get(u) && name < u))) u = name;
    if (u === null) return dist;
    done.add(u);
    for (const [v, w] of neighbours.get(u)) if (!dist.has(v) || dist.get(u) + w < dist.get(v)) dist.set(v, dist.get(u) + w);
  }
}
const fromBamako = shortest('Bamako');
const unreachable = places.filter((p) => !fromBamako.has(p.name)).map((p) => p.name);
check(unreachable.length === 0, `road graph not connected: ${unreachable.join(', ')} not reached from Bamako`);
const camps = places.filter((p) => p.kind === 'camp');
const seatsMissing = cercles.filter((c) => !placeByName.has(c.cercle)).map((c) => c.cercle);
check(seatsMissing.length === 0, `cercle seats not on the network: ${seatsMissing.join(', ')}`);
// A Flee distance shorter than the straight line between its ends (beyond the 1 km of rounding
// to whole km) cannot be a road: it is replaced by the straight line × DETOUR.
const straightOf = (r) => {
  const a = placeByName.get(r.from);
  const b = placeByName.get(r.to);
  return distanceKm([a.longitude, a.latitude], [b.longitude, b.latitude]);
};
const corrected = [];
for (const r of roads) {
  const straight = straightOf(r);
  if (r.source !== 'added' && r.distance_km < straight - 1) {
    corrected.push({ road: r, flee: r.distance_km, straight });
    r.distance_km = Math.round(straight * DETOUR);
    r.source = `${r.source}-corrected`;
  }
}
const ratios = roads.map((r) => ({ road: r, straight: straightOf(r), ratio: r.distance_km / straightOf(r) }));
for (const x of ratios) check(x.road.distance_km >= x.straight - 1, `${x.road.from}–${x.road.to}: road ${x.road.distance_km} km shorter than the straight line ${x.straight.toFixed(0)} km`);

// ---------------------------------------------------------------- outputs
const csvPlaces = [
  'name,kind,cercle,country,latitude,longitude,source',
  ...places.map((p) => [p.name, p.kind, p.cercle, p.country, p.latitude, p.longitude, p.source].join(',')),
].join('\n');
writeFileSync(new URL('./places.csv', import.meta.url), `${csvPlaces}\n`);
const csvRoads = ['from,to,distance_km,source', ...roads.map((r) => [r.from, r.to, r.distance_km, r.source].join(','))].join('\n');
writeFileSync(new URL('./roads.csv', import.meta.url), `${csvRoads}\n`);

// ---------------------------------------------------------------- report
const pad = (x, n) => String(x).padEnd(n);
const lpad = (x, n) => String(x).padStart(n);
const count = (xs, key) => Object.entries(xs.reduce((m, x) => ({ ...m, [x[key]]: (m[x[key]] ?? 0) + 1 }), {})).map(([k, v]) => `${k} ${v}`).join(', ');
console.log(`places.csv: ${places.length} places (${count(places, 'kind')}; by source: ${count(places, 'source')})`);
console.log(`roads.csv: ${roads.length} roads (by source: ${count(roads, 'source')})`);
console.log('\nPlaces whose coordinates differ between the cases by more than 5 km (mali2017 kept):');
for (const p of flee.places) {
  if (!p.byCase.mali2012 || !p.byCase.mali2017) continue;
  const d = distanceKm([p.byCase.mali2012.longitude, p.byCase.mali2012.latitude], [p.byCase.mali2017.longitude, p.byCase.mali2017.latitude]);
  if (d > 5) console.log(`  ${pad(p.name, 15)} ${d.toFixed(1)} km  mali2012 ${p.byCase.mali2012.latitude}, ${p.byCase.mali2012.longitude} (${cercleAt([p.byCase.mali2012.longitude, p.byCase.mali2012.latitude])[0] ?? 'abroad'})  mali2017 ${p.byCase.mali2017.latitude}, ${p.byCase.mali2017.longitude}`);
}
console.log('\nRoads in both cases with different distances (mali2017 kept):');
for (const r of flee.roads) {
  if (r.cases.length === 2 && r.distances.mali2012 !== r.distances.mali2017) console.log(`  ${pad(`${r.from}–${r.to}`, 28)} mali2012 ${lpad(r.distances.mali2012, 4)}  mali2017 ${lpad(r.distances.mali2017, 4)}`);
}
console.log(`\nAdded links (cercle seats Flee does not have; straight line × ${DETOUR}):`);
for (const a of added) console.log(`  ${pad(a.seat.name, 12)} (${a.seat.latitude}, ${a.seat.longitude}) → ${pad(a.nearest.name, 10)} ${a.straight.toFixed(0)} km straight, ${Math.round(a.straight * DETOUR)} km`);
console.log(`\nFlee distances shorter than the straight line, replaced by straight line × ${DETOUR}:`);
for (const c of corrected) console.log(`  ${pad(`${c.road.from}–${c.road.to}`, 28)} Flee ${lpad(c.flee, 4)} km (${c.road.source.replace('-corrected', '')}), straight ${c.straight.toFixed(0)} km → ${c.road.distance_km} km`);
const sorted = [...ratios].sort((a, b) => a.ratio - b.ratio);
console.log(`\nRoad / straight line: min ${sorted[0].ratio.toFixed(2)} (${sorted[0].road.from}–${sorted[0].road.to}), median ${sorted[Math.floor(sorted.length / 2)].ratio.toFixed(2)}, max ${sorted.at(-1).ratio.toFixed(2)} (${sorted.at(-1).road.from}–${sorted.at(-1).road.to})`);
console.log(`\nCamps (${camps.length}): ${camps.map((c) => `${c.name} (${c.country})`).join(', ')}`);
console.log(`Places abroad that are not camps: ${places.filter((p) => p.country !== 'mali' && p.kind !== 'camp').map((p) => p.name).join(', ') || 'none'}`);
console.log('\nShortest road km from each cercle seat to the nearest camp in each host country:');
console.log(`  ${pad('cercle', 15)}${HOSTS.map((h) => lpad(h, 13)).join('')}`);
for (const c of cercles) {
  const dist = shortest(c.cercle);
  const cells = HOSTS.map((h) => {
    const options = camps.filter((p) => p.country === h && dist.has(p.name)).map((p) => [dist.get(p.name), p.name]);
    if (options.length === 0) return lpad('-', 13);
    const [km, name] = options.sort((a, b) => a[0] - b[0] || byName(a[1], b[1]))[0];
    return lpad(`${km} ${name.slice(0, 7)}`, 13);
  });
  console.log(`  ${pad(c.cercle, 15)}${cells.join('')}`);
}
console.log('\nChecks:');
if (problems.length > 0) {
  for (const p of problems) console.error(`  FAILED: ${p}`);
  process.exit(1);
}
for (const line of [
  'every Malian place in exactly one cercle, every place abroad outside Mali',
  'all 50 cercle seats on the network',
  `road graph connected (${places.length} of ${places.length} places reached from Bamako)`,
  `every camp reachable (${camps.length} of ${camps.length})`,
  'no road shorter than the straight line between its ends (after the corrections above)',
]) console.log(`  ok  ${line}`);
