// Builds mali-regions.geojson from the geoBoundaries files (see README.md in this folder):
//   node data/boundaries/build-mali-regions.mjs /work/shared/data/mali-boundaries
// Keeps the 9 ADM1 polygons and the ADM2 Ménaka cercle, names each after the sahel-sim region it
// stands for, simplifies rings (Douglas–Peucker, 0.005° ≈ 550 m, ≤ 0.2 px on the report's map)
// and rounds coordinates to 0.001° (≈ 110 m). Re-running it gives the same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simplify } from './geometry.mjs';
import { ADM1_REGION as ADM1 } from './names.mjs';

const source = process.argv[2] ?? '/work/shared/data/mali-boundaries';
const TOLERANCE = 0.005;

const adm1 = JSON.parse(readFileSync(join(source, 'mali_adm1_geoboundaries_simplified.geojson'), 'utf8'));
const adm2 = JSON.parse(readFileSync(join(source, 'mali_adm2_geoboundaries_simplified.geojson'), 'utf8'));
const features = Object.entries(ADM1).map(([shapeName, region]) => {
  const feature = adm1.features.find((f) => f.properties.shapeName === shapeName);
  if (!feature) throw new Error(`no ADM1 feature ${shapeName}`);
  return {
    type: 'Feature',
    properties: { region, source: `geoBoundaries MLI ADM1 ${shapeName} (${feature.properties.shapeISO})` },
    geometry: simplify(feature.geometry, TOLERANCE),
  };
});
const menaka = adm2.features.find((f) => f.properties.shapeName === 'Menaka');
if (!menaka) throw new Error('no ADM2 feature Menaka');
features.push({
  type: 'Feature',
  properties: { region: 'Menaka', drawnOver: 'Gao', source: 'geoBoundaries MLI ADM2 Menaka cercle (= Ménaka region since 2016); drawn over Gao' },
  geometry: simplify(menaka.geometry, TOLERANCE),
});
const collection = {
  type: 'FeatureCollection',
  attribution: 'geoBoundaries gbOpen (CC BY 4.0), Runfola et al. (2020), PLoS ONE 15(4): e0231866; simplified by sahel-sim',
  features,
};
const text = `{"type":"FeatureCollection","attribution":${JSON.stringify(collection.attribution)},"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
writeFileSync(new URL('./mali-regions.geojson', import.meta.url), text);
const points = features.reduce((sum, f) => sum + JSON.stringify(f.geometry.coordinates).split('],[').length, 0);
console.log(`wrote mali-regions.geojson: ${features.length} features, about ${points} points, ${text.length} bytes`);
