// Builds mali-cercles.geojson from the geoBoundaries files (see README.md in this folder):
//   node data/boundaries/build-mali-cercles.mjs [/work/shared/data/mali-boundaries] [/work/shared/data/mali-region-adjacency]
// Keeps the 50 ADM2 polygons (the pre-2016 cercles), names each after its geoBoundaries
// shapeName (as in cercle_adjacency.csv) and the sahel-sim region it belongs to, simplifies rings
// as build-mali-regions.mjs does (Douglas–Peucker 0.005°, coordinates rounded to 0.001°).
// Region of a cercle: the ADM1 polygon that contains the cercle's interior point (pole of
// inaccessibility); Ménaka cercle → region Menaka (OCHA COD-AB). The result is checked against
// the pre-2016 administrative map written out below. Re-running it gives the same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contains, interiorPoint, ringOrientation, simplify } from './geometry.mjs';
import { ADM1_REGION as ADM1 } from './names.mjs';

const boundaries = process.argv[2] ?? '/work/shared/data/mali-boundaries';
const adjacencyFolder = process.argv[3] ?? '/work/shared/data/mali-region-adjacency';
const TOLERANCE = 0.005;

/** sahel-sim regions in the scenario's order. */
const REGIONS = ['Kayes', 'Koulikoro', 'Sikasso', 'Segou', 'Mopti', 'Tombouctou', 'Gao', 'Menaka', 'Kidal', 'Bamako'];

/** The pre-2016 map (cercles of each region), used only to check the derived assignment. */
const EXPECTED = {
  Kayes: ['Bafoulabe', 'Diema', 'Kayes', 'Kenieba', 'Kita', 'Nioro', 'Yelimane'],
  Koulikoro: ['Banamba', 'Dioila', 'Kangaba', 'Kati', 'Kolokani', 'Koulikoro', 'Nara'],
  Sikasso: ['Bougouni', 'Kadiolo', 'Kolondieba', 'Koutiala', 'Sikasso', 'Yanfolila', 'Yorosso'],
  Segou: ['Baroueli', 'Bla', 'Macina', 'Niono', 'San', 'Segou', 'Tominian'],
  Mopti: ['Bandiagara', 'Bankass', 'Djenne', 'Douentza', 'Koro', 'Mopti', 'Tenenkou', 'Youwarou'],
  Tombouctou: ['Dire', 'Goundam', 'Gourma-Rharous', 'Niafunke', 'Tombouctou'],
  Gao: ['Ansongo', 'Bourem', 'Gao'],
  Menaka: ['Menaka'],
  Kidal: ['Abeibara', 'Kidal', 'Tessalit', 'Tin-Essako'],
  Bamako: ['Bamako'],
};

function fail(message) {
  console.error(`build-mali-cercles: ${message}`);
  process.exit(1);
}

const adm1 = JSON.parse(readFileSync(join(boundaries, 'mali_adm1_geoboundaries_simplified.geojson'), 'utf8'));
const adm2 = JSON.parse(readFileSync(join(boundaries, 'mali_adm2_geoboundaries_simplified.geojson'), 'utf8'));
const adjacencyNames = new Set(
  readFileSync(join(adjacencyFolder, 'cercle_adjacency.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .flatMap((line) => line.split(',').slice(0, 2)),
);

const cercles = adm2.features.map((feature) => {
  const cercle = feature.properties.shapeName;
  const point = interiorPoint(feature.geometry);
  const containing = adm1.features.filter((f) => contains(f.geometry, point)).map((f) => f.properties.shapeName);
  if (containing.length !== 1) fail(`${cercle}: interior point in ${containing.length} ADM1 polygons`);
  const region = cercle === 'Menaka' ? 'Menaka' : ADM1[containing[0]];
  return { cercle, region, adm1: containing[0], point, feature };
});

// Checks: 50 distinct cercles, all in the adjacency list, each region as on the pre-2016 map.
if (cercles.length !== 50) fail(`${cercles.length} ADM2 features, expected 50`);
if (new Set(cercles.map((c) => c.cercle)).size !== 50) fail('duplicate ADM2 names');
for (const c of cercles) if (!adjacencyNames.has(c.cercle)) fail(`${c.cercle} not in cercle_adjacency.csv`);
for (const name of adjacencyNames) if (!cercles.some((c) => c.cercle === name)) fail(`${name} (adjacency) has no polygon`);
for (const c of cercles) {
  if (!EXPECTED[c.region]?.includes(c.cercle)) fail(`${c.cercle} falls in ${c.region}, not as on the pre-2016 map`);
}

cercles.sort((a, b) => REGIONS.indexOf(a.region) - REGIONS.indexOf(b.region) || (a.cercle < b.cercle ? -1 : a.cercle > b.cercle ? 1 : 0));
const features = cercles.map(({ cercle, region, adm1: adm1Name, feature }) => {
  const geometry = simplify(feature.geometry, TOLERANCE);
  // Simplification must keep each ring's orientation (exteriors counter-clockwise, as in the source).
  const before = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  const after = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  before.forEach((polygon, i) =>
    polygon.forEach((ring, j) => {
      if (Math.sign(ringOrientation(ring)) !== Math.sign(ringOrientation(after[i][j]))) fail(`${cercle}: ring orientation changed`);
    }),
  );
  const note = region === 'Menaka' ? '; region Menaka since 2016 (OCHA COD-AB ML10), pre-2016 ADM1 Gao' : `; in ADM1 ${adm1Name}`;
  return {
    type: 'Feature',
    properties: { cercle, region, source: `geoBoundaries MLI ADM2 ${cercle} (${feature.properties.shapeID})${note}` },
    geometry,
  };
});
const attribution = 'geoBoundaries gbOpen (CC BY 4.0), Runfola et al. (2020), PLoS ONE 15(4): e0231866; simplified by sahel-sim';
const text = `{"type":"FeatureCollection","attribution":${JSON.stringify(attribution)},"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
writeFileSync(new URL('./mali-cercles.geojson', import.meta.url), text);

const points = features.reduce((sum, f) => sum + JSON.stringify(f.geometry.coordinates).split('],[').length, 0);
console.log('cercle → region (ADM1 polygon containing the interior point):');
for (const region of REGIONS) {
  console.log(`  ${region.padEnd(11)} ${cercles.filter((c) => c.region === region).map((c) => c.cercle).join(', ')}`);
}
console.log('checks: 50 cercles; all 50 names in cercle_adjacency.csv; regions as on the pre-2016 map; ring orientation kept');
console.log(`wrote mali-cercles.geojson: ${features.length} features, about ${points} points, ${text.length} bytes`);
