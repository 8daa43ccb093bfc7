/**
 * Outlines of the places a map shows, from the GeoJSON file a model's report hook names (the
 * Mali model's: data/boundaries/, geoBoundaries, CC BY 4.0; see its README): each feature names
 * the place it stands for in the property the hook names (`region`, `cercle`), and a feature
 * with `drawnOver` is drawn on top of that place's polygon, which contains it (Ménaka's polygon
 * over pre-2016 Gao in the region map). Rings are rewound for d3-geo, which Vega's projections use.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as z from 'zod';

type Ring = [number, number][];

const Position = z.tuple([z.number(), z.number()]);
const Ring = z.array(Position).min(4);
const FeatureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.looseObject({ drawnOver: z.string().optional() }),
  geometry: z.discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring)) }),
  ]),
});
const CollectionSchema = z.object({ type: z.literal('FeatureCollection'), attribution: z.string().optional(), features: z.array(FeatureSchema) });

export interface RegionOutline {
  /** The place's name in the scenario (a region, a cercle). */
  readonly region: string;
  /** Polygons, each an exterior ring then holes, wound clockwise outside (d3-geo's convention). */
  readonly polygons: readonly (readonly Ring[])[];
  /** Where to write the region's label: the centroid of what shows of it, [longitude, latitude]. */
  readonly labelAt: readonly [number, number];
}

export interface Boundaries {
  /** In drawing order. */
  readonly outlines: readonly RegionOutline[];
  readonly attribution: string;
}

/**
 * Twice the signed area of a ring in degrees² (shoelace), positive when counter-clockwise, and
 * its first moments, for centroids.
 */
function ringMoments(ring: Ring): { area: number; mx: number; my: number } {
  let area = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[i + 1];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    mx += (x0 + x1) * cross;
    my += (y0 + y1) * cross;
  }
  return { area, mx, my };
}

/**
 * Rewinds a polygon for d3-geo: exterior ring clockwise, holes counter-clockwise — the reverse
 * of GeoJSON's RFC 7946 rule, which the file follows; d3 would otherwise fill the whole globe
 * outside the region.
 */
function rewind(polygon: readonly Ring[]): Ring[] {
  return polygon.map((ring, i) => {
    const counterClockwise = ringMoments(ring).area > 0;
    const wantCounterClockwise = i > 0;
    return counterClockwise === wantCounterClockwise ? ring : [...ring].reverse();
  });
}

/** Area and moments of a region's polygons, holes subtracted (planar, in degrees: fine for a label). */
function moments(polygons: readonly (readonly Ring[])[]): { area: number; mx: number; my: number } {
  let area = 0;
  let mx = 0;
  let my = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, i) => {
      // Reversing a ring flips the sign of its area and moments alike: orient each one, then
      // add the exterior and subtract the holes.
      const m = ringMoments(ring);
      const sign = Math.sign(m.area) * (i === 0 ? 1 : -1);
      area += sign * m.area;
      mx += sign * m.mx;
      my += sign * m.my;
    });
  }
  return { area, mx, my };
}

/**
 * Reads a boundaries file: a GeoJSON FeatureCollection of Polygons and MultiPolygons, each
 * naming its place in `properties[unit]`.
 * @throws Error when the file is missing or not of that shape
 */
export function loadBoundaries(file: string, unit = 'region'): Boundaries {
  if (!existsSync(file)) throw new Error(`boundaries file ${file} not found`);
  const parsed = CollectionSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: not a FeatureCollection of region polygons: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
  const features = parsed.data.features;
  const nameOf = (feature: (typeof features)[number], index: number): string => {
    const name = feature.properties[unit];
    if (typeof name !== 'string') throw new Error(`${file}: features.${index}.properties.${unit}: expected the name of a ${unit}, found ${JSON.stringify(name)}`);
    return name;
  };
  const names = features.map(nameOf);
  const polygonsOf = (feature: (typeof features)[number]): Ring[][] =>
    (feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates).map(rewind);
  const outlines = features.map((feature, index) => {
    const polygons = polygonsOf(feature);
    // A region another polygon is drawn over shows only the rest: its label goes at the rest's centroid.
    const own = moments(polygons);
    let { area, mx, my } = own;
    for (const other of features) {
      if (other.properties.drawnOver !== names[index]) continue;
      const covered = moments(polygonsOf(other));
      area -= covered.area;
      mx -= covered.mx;
      my -= covered.my;
    }
    const labelAt: [number, number] = area > 0 ? [mx / (3 * area), my / (3 * area)] : [own.mx / (3 * own.area), own.my / (3 * own.area)];
    return { region: names[index], polygons, labelAt };
  });
  return { outlines, attribution: parsed.data.attribution ?? '' };
}
