// Builds mali-regions.geojson from the geoBoundaries files (see README.md in this folder):
//   node data/boundaries/build-mali-regions.mjs /work/shared/data/mali-boundaries
// Keeps the 9 ADM1 polygons and the ADM2 Ménaka cercle, names each after the sahel-sim region it
// stands for, simplifies rings (Douglas–Peucker, 0.005° ≈ 550 m, ≤ 0.2 px on the report's map)
// and rounds coordinates to 0.001° (≈ 110 m). Re-running it gives the same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const source = process.argv[2] ?? '/work/shared/data/mali-boundaries';
const TOLERANCE = 0.005;

/** geoBoundaries shapeName → sahel-sim region (scenario key; its column suffix is the lowercase). */
const ADM1 = {
  Kayes: 'Kayes',
  Koulikouro: 'Koulikoro', // geoBoundaries spelling
  Sikasso: 'Sikasso',
  Segou: 'Segou',
  Mopti: 'Mopti',
  Tombouctou: 'Tombouctou', // includes Taoudénit (created 2016; not separable here)
  Gao: 'Gao', // pre-2016 Gao, Ménaka included: the Ménaka cercle is drawn over it
  Kidal: 'Kidal',
  Bamako: 'Bamako',
};

function perpendicular(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
}

function douglasPeucker(points, tolerance) {
  if (points.length < 3) return points;
  let worst = 0;
  let index = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const d = perpendicular(points[i], points[0], points[points.length - 1]);
    if (d > worst) {
      worst = d;
      index = i;
    }
  }
  if (worst <= tolerance) return [points[0], points[points.length - 1]];
  return [...douglasPeucker(points.slice(0, index + 1), tolerance).slice(0, -1), ...douglasPeucker(points.slice(index), tolerance)];
}

function simplifyRing(ring) {
  // A closed ring is split at its farthest point from the start so both halves keep their ends.
  const open = ring.slice(0, -1);
  let far = 0;
  let best = -1;
  open.forEach((p, i) => {
    const d = Math.hypot(p[0] - open[0][0], p[1] - open[0][1]);
    if (d > best) {
      best = d;
      far = i;
    }
  });
  const first = douglasPeucker(open.slice(0, far + 1), TOLERANCE);
  const second = douglasPeucker([...open.slice(far), open[0]], TOLERANCE);
  const round = (p) => [Math.round(p[0] * 1000) / 1000, Math.round(p[1] * 1000) / 1000];
  const result = [...first.slice(0, -1), ...second].map(round);
  return result.length >= 4 ? result : ring.map(round);
}

function simplify(geometry) {
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map(simplifyRing) };
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(simplifyRing)) };
}

const adm1 = JSON.parse(readFileSync(join(source, 'mali_adm1_geoboundaries_simplified.geojson'), 'utf8'));
const adm2 = JSON.parse(readFileSync(join(source, 'mali_adm2_geoboundaries_simplified.geojson'), 'utf8'));
const features = Object.entries(ADM1).map(([shapeName, region]) => {
  const feature = adm1.features.find((f) => f.properties.shapeName === shapeName);
  if (!feature) throw new Error(`no ADM1 feature ${shapeName}`);
  return {
    type: 'Feature',
    properties: { region, source: `geoBoundaries MLI ADM1 ${shapeName} (${feature.properties.shapeISO})` },
    geometry: simplify(feature.geometry),
  };
});
const menaka = adm2.features.find((f) => f.properties.shapeName === 'Menaka');
if (!menaka) throw new Error('no ADM2 feature Menaka');
features.push({
  type: 'Feature',
  properties: { region: 'Menaka', drawnOver: 'Gao', source: 'geoBoundaries MLI ADM2 Menaka cercle (= Ménaka region since 2016); drawn over Gao' },
  geometry: simplify(menaka.geometry),
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
