// Builds cercles.csv and cercles.scenario.yaml (the 50 cercles of the Mali model) from the
// project's shared data folder; see README.md in this folder for every rule.
//   node data/boundaries/build-mali-cercles.mjs   (first: the cercle → region table)
//   node data/mali/build-cercles.mjs [/work/shared/data]
// Prints its checks (and exits non-zero if one fails), per-cercle tables, and the YAML block.
// Deterministic: re-running gives the same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apportion, areaKm2, contains, distanceKm, interiorPoint, pointSegmentKm, polygonsOf } from '../boundaries/geometry.mjs';
import { loadFlee, readCsv, SPELLING } from './flee.mjs';

const shared = process.argv[2] ?? '/work/shared/data';
const REGIONS = ['Kayes', 'Koulikoro', 'Sikasso', 'Segou', 'Mopti', 'Tombouctou', 'Gao', 'Menaka', 'Kidal', 'Bamako'];
const HOSTS = ['mauritania', 'niger', 'burkina_faso', 'algeria'];
const COUNTRY_ID = { Mauritania: 'mauritania', Niger: 'niger', 'Burkina Faso': 'burkina_faso', Algeria: 'algeria' };

/** 2012 population of each region as the scenario has it (scenarios/mali-2012.yaml). */
const POPULATION_2012 = {
  Kayes: 2206488,
  Koulikoro: 2725889,
  Sikasso: 2943149,
  Segou: 2560948,
  Mopti: 2219443,
  Tombouctou: 757039,
  Gao: 554087,
  Menaka: 61108,
  Kidal: 78872,
  Bamako: 2119101,
};
/** Illicit flows, USD/week, as the scenario has them; other regions 0. */
const TRAFFICKING_USD = { Tombouctou: 1750000, Gao: 1250000, Menaka: 500000, Kidal: 1500000 };
/** The one census town that is not a Flee place: Kalabancoro is a commune of the Kati cercle. */
const TOWN_CERCLE = { Kalabancoro: 'Kati' };
/** Flee mali2012 town populations that are not census figures (README of flee-mali2012). */
const NOT_A_CENSUS_FIGURE = { Niafunke: 'placeholder 1000 (a junction)' };
/**
 * Tripoints where Mali's outline changes neighbour, in counter-clockwise order; the section
 * from one to the next borders `country` (`other`: Senegal, Guinea, Côte d'Ivoire, not hosts).
 * Each is snapped to the nearest vertex of the outline (see README for where each comes from).
 */
const TRIPOINTS = [
  { name: 'Burkina Faso–Côte d’Ivoire (Léraba)', at: [-5.511, 10.423], next: 'burkina_faso' },
  { name: 'Burkina Faso–Niger', at: [0.375, 14.93], next: 'niger' },
  { name: 'Niger–Algeria', at: [4.245, 19.14], next: 'algeria' },
  { name: 'Algeria–Mauritania', at: [-4.83, 25.0], next: 'mauritania' },
  { name: 'Mauritania–Senegal (Falémé mouth)', at: 'westernmost', next: 'other' },
];
const INTERNAL_KM = 2; // a boundary segment whose midpoint is this close to another cercle's boundary is internal

const problems = [];
const check = (ok, message) => {
  if (!ok) problems.push(message);
  return ok;
};
const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const sum = (xs) => xs.reduce((s, x) => s + x, 0);

// ---------------------------------------------------------------- cercles, regions, polygons
const vendored = JSON.parse(readFileSync(new URL('../boundaries/mali-cercles.geojson', import.meta.url), 'utf8'));
const regionOf = Object.fromEntries(vendored.features.map((f) => [f.properties.cercle, f.properties.region]));
const adm2 = JSON.parse(readFileSync(join(shared, 'mali-boundaries/mali_adm2_geoboundaries_simplified.geojson'), 'utf8'));
const cercles = adm2.features
  .map((f) => ({ cercle: f.properties.shapeName, region: regionOf[f.properties.shapeName], geometry: f.geometry }))
  .sort((a, b) => REGIONS.indexOf(a.region) - REGIONS.indexOf(b.region) || byName(a.cercle, b.cercle));
const cercleByName = new Map(cercles.map((c) => [c.cercle, c]));
check(cercles.length === 50, `${cercles.length} cercles, expected 50`);
for (const c of cercles) check(REGIONS.includes(c.region), `${c.cercle}: no region (rebuild mali-cercles.geojson first)`);
const inRegion = (region) => cercles.filter((c) => c.region === region);
const cercleAt = (p) => cercles.filter((c) => contains(c.geometry, p)).map((c) => c.cercle);

for (const c of cercles) c.area = areaKm2(c.geometry);

// ---------------------------------------------------------------- adjacency
const adjacencyRows = readCsv(join(shared, 'mali-region-adjacency/cercle_adjacency.csv'));
for (const c of cercles) c.adjacent = [];
for (const row of adjacencyRows) {
  const a = cercleByName.get(row.cercle_a);
  const b = cercleByName.get(row.cercle_b);
  if (!check(a && b, `adjacency ${row.cercle_a}–${row.cercle_b}: unknown cercle`)) continue;
  a.adjacent.push(b.cercle);
  b.adjacent.push(a.cercle);
}
for (const c of cercles) c.adjacent = [...new Set(c.adjacent)].sort(byName);
const unmatched = cercles.filter((c) => c.adjacent.length === 0).map((c) => c.cercle);
check(unmatched.length === 0, `cercles missing from cercle_adjacency.csv: ${unmatched.join(', ')}`);
const reached = new Set([cercles[0].cercle]);
for (const queue = [cercles[0].cercle]; queue.length > 0; ) {
  for (const n of cercleByName.get(queue.shift()).adjacent) if (!reached.has(n)) reached.add(n) && queue.push(n);
}
check(reached.size === 50, `adjacency graph not connected: ${reached.size} of 50 cercles reached`);

// ---------------------------------------------------------------- seats
const flee = loadFlee(shared);
const fleeByName = new Map(flee.places.map((p) => [p.name, p]));
for (const c of cercles) {
  const town = fleeByName.get(c.cercle);
  if (town && town.country === 'mali') {
    const where = cercleAt([town.longitude, town.latitude]);
    check(where.length === 1 && where[0] === c.cercle, `Flee town ${town.name} lies in ${where.join('+') || 'no cercle'}, not its cercle`);
    Object.assign(c, { seatLatitude: town.latitude, seatLongitude: town.longitude, seatSource: `flee-${town.coordinates}` });
  } else {
    const [lon, lat] = interiorPoint(c.geometry).map((x) => Math.round(x * 1000) / 1000);
    check(contains(c.geometry, [lon, lat]), `${c.cercle}: interior point outside`);
    Object.assign(c, { seatLatitude: lat, seatLongitude: lon, seatSource: 'interior-point' });
  }
}

// ---------------------------------------------------------------- population
const regionCensus = Object.fromEntries(readCsv(join(shared, 'mali-population/region_population.csv')).map((r) => [r.region, r]));
const growth = {}; // 2009 → 2012 factor of each region, as the scenario's totals imply
for (const region of REGIONS) {
  if (region === 'Gao' || region === 'Menaka') continue; // pre-2016 Gao census covers both; rule (a)
  growth[region] = POPULATION_2012[region] / Number(regionCensus[region].census_2009_definitive);
}
const towns = []; // { town, cercle, population2009, source }
for (const row of readCsv(join(shared, 'mali-population/town_populations_census.csv'))) {
  const bare = row.town.replace(/ \(.*\)$/, ''); // "Timbuktu (Tombouctou)"
  const name = SPELLING[bare] ?? bare;
  const place = fleeByName.get(name);
  const cercle = TOWN_CERCLE[name] ?? (place ? cercleAt([place.longitude, place.latitude])[0] : undefined);
  if (!check(cercle, `census town ${row.town}: no cercle`)) continue;
  check(regionOf[cercle] === row.region, `census town ${row.town} (${row.region}) falls in ${cercle}, region ${regionOf[cercle]}`);
  towns.push({ town: name, cercle, population2009: Number(row.census_2009), source: 'census' });
}
const notUsed = [];
for (const row of readCsv(join(shared, 'flee-mali2012/locations.csv'))) {
  if (row.country !== 'Mali') continue; // camps: capacities, not populations
  const name = SPELLING[row.name] ?? row.name;
  if (towns.some((t) => t.town === name)) {
    notUsed.push(`${name} ${row.population} (census figure used)`);
    continue;
  }
  if (NOT_A_CENSUS_FIGURE[name]) {
    notUsed.push(`${name} ${row.population} (${NOT_A_CENSUS_FIGURE[name]})`);
    continue;
  }
  const place = fleeByName.get(name);
  const cercle = cercleAt([place.longitude, place.latitude])[0];
  towns.push({ town: name, cercle, population2009: Number(row.population), source: 'flee-mali2012' });
}
for (const region of REGIONS) {
  const list = inRegion(region);
  const total = POPULATION_2012[region];
  let weights;
  if (region === 'Gao') {
    // (a) census 2009 of the three cercles
    const census = Object.fromEntries(readCsv(join(shared, 'mali-population/gao_cercles_population.csv')).map((r) => [r.cercle, Number(r.census_2009)]));
    weights = list.map((c) => census[c.cercle]);
    list.forEach((c) => (c.populationRule = `census 2009 ${census[c.cercle]}`));
  } else {
    // (b) towns in the cercle, grown like the region; (c) the rest in equal shares
    const f = growth[region] ?? 1;
    const townsOf = (c) => towns.filter((t) => t.cercle === c.cercle && regionOf[t.cercle] === region);
    const inTowns = sum(list.flatMap((c) => townsOf(c).map((t) => t.population2009))) * f;
    const rest = total - inTowns;
    check(list.length === 1 || rest > 0, `${region}: towns exceed the region`);
    weights = list.map((c) => (list.length === 1 ? 1 : sum(townsOf(c).map((t) => t.population2009)) * f + rest / list.length));
    list.forEach((c) => (c.populationRule = list.length === 1 ? 'whole region' : townsOf(c).map((t) => `${t.town} ${t.population2009}`).join(' + ') || '-'));
    for (const c of list) c.towns = townsOf(c);
  }
  apportion(total, weights).forEach((n, i) => (list[i].population = n));
  check(sum(list.map((c) => c.population)) === total, `${region}: cercle populations do not sum to ${total}`);
}

// ---------------------------------------------------------------- international borders
// 1. External segments: boundary segments of a cercle whose midpoint is not within 2 km of
//    another cercle's boundary.
const boxes = cercles.map((c) => {
  const pts = polygonsOf(c.geometry).flat(2);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [Math.min(...xs) - 0.05, Math.max(...xs) + 0.05, Math.min(...ys) - 0.05, Math.max(...ys) + 0.05];
});
const ringSegments = cercles.map((c) =>
  polygonsOf(c.geometry).flatMap((polygon) => polygon.map((ring) => ring.slice(0, -1).map((a, i) => [a, ring[i + 1]]))),
);
const allSegments = ringSegments.map((rings) => rings.flat());
const runs = []; // consecutive external segments of one ring: { cercle, segments }
cercles.forEach((c, ci) => {
  for (const ring of ringSegments[ci]) {
    const external = ring.map(([a, b]) => {
      const m = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      return !cercles.some((other, oi) => {
        if (oi === ci) return false;
        const [x0, x1, y0, y1] = boxes[oi];
        if (m[0] < x0 || m[0] > x1 || m[1] < y0 || m[1] > y1) return false;
        return allSegments[oi].some(([p, q]) => pointSegmentKm(m, p, q) < INTERNAL_KM);
      });
    });
    if (external.every(Boolean)) throw new Error(`${c.cercle}: a ring with no neighbour at all`);
    if (!external.some(Boolean)) continue;
    const start = external.findIndex((e, i) => e && !external[(i - 1 + external.length) % external.length]);
    let current = null;
    for (let k = 0; k < ring.length; k++) {
      const i = (start + k) % ring.length;
      if (external[i]) {
        if (!current) runs.push((current = { cercle: c.cercle, segments: [] }));
        current.segments.push(ring[i]);
      } else current = null;
    }
  }
});
// 2. Chain the runs into Mali's outline: each run is followed by the run starting nearest its end
//    (rings are counter-clockwise, so the outline is walked counter-clockwise).
const outline = []; // { cercle, a, b }
const unused = new Set(runs.keys());
const CHAIN_KM = 10; // junctions of three cercles leave gaps of a few km between runs
let largestGap = 0;
for (let r = 0; ; ) {
  unused.delete(r);
  for (const [a, b] of runs[r].segments) outline.push({ cercle: runs[r].cercle, a, b });
  const end = outline[outline.length - 1].b;
  let best = -1;
  let bestGap = Infinity;
  for (const u of unused) {
    const gap = distanceKm(end, runs[u].segments[0][0]);
    if (gap < bestGap) [best, bestGap] = [u, gap];
  }
  if (best < 0 || bestGap > CHAIN_KM) break;
  largestGap = Math.max(largestGap, bestGap);
  r = best;
}
const closingGap = distanceKm(outline[outline.length - 1].b, outline[0].a);
check(largestGap < CHAIN_KM && closingGap < CHAIN_KM, `outline does not close (largest gap ${largestGap.toFixed(1)} km, closing ${closingGap.toFixed(1)} km)`);
// Runs left over are short spurs off the outline (notches where three polygons meet): each takes
// the country of the nearest outline segment.
const spurs = [...unused].map((u) => runs[u]);
const spurKm = sum(spurs.map((r) => sum(r.segments.map(([a, b]) => distanceKm(a, b)))));
check(spurKm < 10, `${spurKm.toFixed(1)} km of external boundary off the outline`);
// 3. Split the outline at the tripoints.
const tripointIndex = TRIPOINTS.map((t) => {
  if (t.at === 'westernmost') return outline.reduce((best, s, i) => (s.a[0] < outline[best].a[0] ? i : best), 0);
  return outline.reduce((best, s, i) => (distanceKm(s.a, t.at) < distanceKm(outline[best].a, t.at) ? i : best), 0);
});
const first = tripointIndex.indexOf(Math.min(...tripointIndex));
const cyclic = [...tripointIndex.slice(first), ...tripointIndex.slice(0, first)];
check(cyclic.every((x, i) => i === 0 || x > cyclic[i - 1]), 'tripoints not in counter-clockwise order along the outline');
outline.forEach((s, i) => {
  // the section of a segment is that of the last tripoint at or before it (cyclically)
  let k = TRIPOINTS.length - 1;
  let bestStart = -Infinity;
  tripointIndex.forEach((t, j) => {
    if (t <= i && t > bestStart) [k, bestStart] = [j, t];
  });
  if (bestStart === -Infinity) k = tripointIndex.indexOf(Math.max(...tripointIndex));
  s.country = TRIPOINTS[k].next;
  s.km = distanceKm(s.a, s.b);
});
for (const run of spurs) {
  for (const [a, b] of run.segments) {
    const nearest = outline.reduce((best, s) => (distanceKm(s.a, a) < distanceKm(best.a, a) ? s : best), outline[0]);
    outline.push({ cercle: run.cercle, a, b, country: nearest.country, km: distanceKm(a, b), spur: true });
  }
}
// 4. Scale each region's lengths per country to region_international_borders.csv, whole km.
const regionBorders = {};
for (const row of readCsv(join(shared, 'mali-region-adjacency/region_international_borders.csv'))) {
  const id = COUNTRY_ID[row.neighbour_country];
  if (id) (regionBorders[row.region] ??= {})[id] = Number(row.border_km_approx);
}
const rawBorder = (cercle, country) => sum(outline.filter((s) => s.cercle === cercle && s.country === country).map((s) => s.km));
const borderReport = [];
for (const c of cercles) c.borders = Object.fromEntries(HOSTS.map((h) => [h, 0]));
for (const region of REGIONS) {
  const list = inRegion(region);
  for (const host of HOSTS) {
    const target = regionBorders[region]?.[host] ?? 0;
    const raw = list.map((c) => rawBorder(c.cercle, host));
    const rawTotal = sum(raw);
    if (rawTotal === 0 && target === 0) continue;
    if (!check(rawTotal > 0, `${region}: ${target} km with ${host} in the csv, none found on the polygons`)) continue;
    const lengths = target === 0 ? raw.map(() => 0) : apportion(target, raw);
    lengths.forEach((km, i) => (list[i].borders[host] = km));
    borderReport.push({ region, host, target, rawTotal, raw: list.map((c, i) => [c.cercle, raw[i]]).filter(([, km]) => km > 0) });
    check(sum(list.map((c) => c.borders[host])) === target, `${region} × ${host}: cercle borders do not sum to ${target}`);
  }
}
for (const [region, hosts] of Object.entries(regionBorders)) {
  for (const [host, km] of Object.entries(hosts)) check(sum(inRegion(region).map((c) => c.borders[host])) === km, `${region} × ${host}: ${km} km not reproduced`);
}

// ---------------------------------------------------------------- trafficking
for (const region of REGIONS) {
  const list = inRegion(region);
  const weights = list.map((c) => c.borders.algeria + c.borders.niger + c.borders.mauritania);
  const units = apportion(10000, weights); // equal shares if the region has none
  units.forEach((u, i) => (list[i].traffickingUnits = u));
  const usd = apportion(TRAFFICKING_USD[region] ?? 0, units);
  usd.forEach((x, i) => (list[i].traffickingUsd = x));
  check(sum(units) === 10000, `${region}: trafficking shares do not sum to 1`);
  check(sum(usd) === (TRAFFICKING_USD[region] ?? 0), `${region}: trafficking USD does not sum`);
}
const share = (c) => (c.traffickingUnits / 10000).toFixed(4);

// ---------------------------------------------------------------- outputs
const round = (x, digits) => Number(x.toFixed(digits));
const header = 'cercle,region,seat_latitude,seat_longitude,area_km2,population_2012,border_km_mauritania,border_km_niger,border_km_burkina_faso,border_km_algeria,trafficking_share,seat_source';
const csv = [
  header,
  ...cercles.map((c) =>
    [c.cercle, c.region, round(c.seatLatitude, 6), round(c.seatLongitude, 6), Math.round(c.area), c.population, ...HOSTS.map((h) => c.borders[h]), share(c), c.seatSource].join(','),
  ),
].join('\n');
writeFileSync(new URL('./cercles.csv', import.meta.url), `${csv}\n`);

// Borders stay in cercles.csv (they split the trafficking flows); people flee along roads (roads.scenario.yaml).
const yamlLines = cercles.map((c) => `  ${c.cercle}: { region: ${c.region}, adjacent: [${c.adjacent.join(', ')}], population: ${c.population}, trafficking: ${c.traffickingUsd} }`);
const yaml = [
  '# The 50 cercles of the Mali model, generated by data/mali/build-cercles.mjs (do not edit by hand;',
  '# rules and sources in data/mali/README.md). population: 2012;',
  '# trafficking: USD/week, the region\'s flows split by border length with Algeria, Niger, Mauritania.',
  'cercles:',
  ...yamlLines,
].join('\n');
writeFileSync(new URL('./cercles.scenario.yaml', import.meta.url), `${yaml}\n`);

// ---------------------------------------------------------------- report
const pad = (x, n) => String(x).padEnd(n);
const lpad = (x, n) => String(x).padStart(n);
console.log('Tripoints (snapped to the outline):');
TRIPOINTS.forEach((t, i) => {
  const s = outline[tripointIndex[i]];
  console.log(`  ${pad(t.name, 38)} at ${s.a[1].toFixed(3)}°N ${s.a[0].toFixed(3)}°E (${s.cercle}); next section: ${t.next}`);
});
console.log(`Outline: ${runs.length - spurs.length} runs of external segments chained (largest gap ${largestGap.toFixed(1)} km, closing ${closingGap.toFixed(1)} km), ${Math.round(sum(outline.map((s) => s.km)))} km in all; ${spurs.length} spur(s) off it, ${spurKm.toFixed(1)} km (${spurs.map((r) => r.cercle).join(', ')})`);
const sections = {};
for (const s of outline) sections[s.country] = (sections[s.country] ?? 0) + s.km;
console.log(`  by section: ${Object.entries(sections).map(([k, v]) => `${k} ${Math.round(v)} km`).join(', ')}`);
console.log('\nBorders: raw km on the polygons → region_international_borders.csv (scale)');
for (const b of borderReport) {
  console.log(`  ${pad(b.region, 11)} ${pad(b.host, 13)} ${lpad(Math.round(b.rawTotal), 5)} → ${lpad(b.target, 5)} (×${(b.target / b.rawTotal).toFixed(3)})  ${b.raw.map(([c, km]) => `${c} ${Math.round(km)}`).join(', ')}`);
}
console.log('\nPopulation: towns (2009) by cercle; region growth 2009 → 2012 implied by the scenario totals');
for (const region of REGIONS) {
  const census = region === 'Gao' || region === 'Menaka' ? '' : ` census 2009 ${regionCensus[region].census_2009_definitive} × ${growth[region].toFixed(4)}`;
  console.log(`  ${region}: ${POPULATION_2012[region]}${census}`);
}
console.log(`  Flee mali2012 figures not used: ${notUsed.join('; ')}`);
console.log('\nArea by region (km², spherical) vs OCHA COD-AB');
for (const region of REGIONS) {
  const ocha = region === 'Gao' ? '100705 (OCHA, post-2016 Gao)' : regionCensus[region]?.area_km2_ocha_cod_ab;
  console.log(`  ${pad(region, 11)} ${lpad(Math.round(sum(inRegion(region).map((c) => c.area))), 7)}  OCHA ${ocha}`);
}
console.log('\nPer cercle:');
console.log(`  ${pad('cercle', 15)}${pad('region', 11)}${lpad('pop 2012', 9)}  ${pad('towns (2009)', 34)}${lpad('area', 7)}  ${pad('borders km', 34)}${lpad('share', 7)}${lpad('USD/wk', 9)}  seat`);
for (const c of cercles) {
  const borders = HOSTS.filter((h) => c.borders[h] > 0).map((h) => `${h} ${c.borders[h]}`).join(', ');
  console.log(
    `  ${pad(c.cercle, 15)}${pad(c.region, 11)}${lpad(c.population, 9)}  ${pad(c.populationRule, 34)}${lpad(Math.round(c.area), 7)}  ${pad(borders || '-', 34)}${lpad(share(c), 7)}${lpad(c.traffickingUsd, 9)}  ${c.seatSource}`,
  );
}
console.log(`\n${yaml}\n`);
console.log('Checks:');
const checks = [
  '50 cercles, one per ADM2 polygon, each with a region',
  `every cercle matched in cercle_adjacency.csv (${adjacencyRows.length} pairs, all names known)`,
  'adjacency graph connected (50 of 50 reached)',
  'each region\'s cercle populations sum exactly to the scenario total',
  'border km per region × country equal region_international_borders.csv (host countries)',
  'trafficking shares sum to 1.0000 and USD/week to the region total, per region',
  'every Flee seat lies in its own cercle; interior-point seats inside',
  'outline chained and tripoints in order',
];
if (problems.length > 0) {
  for (const p of problems) console.error(`  FAILED: ${p}`);
  process.exit(1);
}
for (const c of checks) console.log(`  ok  ${c}`);
