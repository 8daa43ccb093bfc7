// Geometry helpers shared by the data build scripts (build-mali-cercles.mjs here,
// data/mali/build-cercles.mjs and data/mali/build-roads.mjs). Plain functions on GeoJSON
// coordinates ([longitude, latitude] in degrees); no randomness, no dependencies.

const RAD = Math.PI / 180;
/** Mean Earth radius (IUGG R1), km: for distances. */
export const EARTH_RADIUS_KM = 6371.0088;
/** Authalic radius of the WGS84 ellipsoid (sphere of the same area), km: for areas. */
export const AUTHALIC_RADIUS_KM = 6371.0072;

/** Great-circle distance in km between two [lon, lat] points (haversine). */
export function distanceKm(a, b) {
  const h = Math.sin(((b[1] - a[1]) * RAD) / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(((b[0] - a[0]) * RAD) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Distance in km from point p to segment a–b, in an equirectangular projection centred on p's
 * latitude (exact enough below a few tens of km, which is all it is used for).
 */
export function pointSegmentKm(p, a, b) {
  const kx = (Math.PI / 180) * EARTH_RADIUS_KM * Math.cos(p[1] * RAD);
  const ky = (Math.PI / 180) * EARTH_RADIUS_KM;
  const ax = (a[0] - p[0]) * kx;
  const ay = (a[1] - p[1]) * ky;
  const bx = (b[0] - p[0]) * kx;
  const by = (b[1] - p[1]) * ky;
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** The polygons of a Polygon or MultiPolygon geometry, as lists of rings. */
export function polygonsOf(geometry) {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  throw new Error(`unexpected geometry ${geometry.type}`);
}

function inRing(p, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether [lon, lat] lies inside a Polygon/MultiPolygon geometry (even–odd rule, holes excluded). */
export function contains(geometry, p) {
  return polygonsOf(geometry).some((polygon) => inRing(p, polygon[0]) && !polygon.slice(1).some((hole) => inRing(p, hole)));
}

/** Signed area term of a ring in degrees² (shoelace): > 0 for counter-clockwise rings. */
export function ringOrientation(ring) {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum / 2;
}

/**
 * Area in km² of a Polygon/MultiPolygon on the authalic sphere, for edges that are straight lines
 * in longitude/latitude (as the source draws them): A = R² |∮ sin φ dλ| per ring, integrated
 * exactly along each edge; holes subtract.
 */
export function areaKm2(geometry) {
  let total = 0;
  for (const polygon of polygonsOf(geometry)) {
    polygon.forEach((ring, index) => {
      let sum = 0;
      for (let i = 0; i < ring.length - 1; i++) {
        const l1 = ring[i][0] * RAD;
        const p1 = ring[i][1] * RAD;
        const l2 = ring[i + 1][0] * RAD;
        const p2 = ring[i + 1][1] * RAD;
        sum += Math.abs(p2 - p1) < 1e-12 ? (l2 - l1) * Math.sin(p1) : ((l2 - l1) * (Math.cos(p1) - Math.cos(p2))) / (p2 - p1);
      }
      total += (index === 0 ? 1 : -1) * Math.abs(sum);
    });
  }
  return total * AUTHALIC_RADIUS_KM ** 2;
}

/** Every boundary segment [a, b] of a geometry (all rings, holes included). */
export function segmentsOf(geometry) {
  const segments = [];
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) for (let i = 0; i < ring.length - 1; i++) segments.push([ring[i], ring[i + 1]]);
  }
  return segments;
}

function distanceToBoundaryKm(p, segments) {
  let best = Infinity;
  for (const [a, b] of segments) best = Math.min(best, pointSegmentKm(p, a, b));
  return best;
}

/**
 * An interior point of a Polygon/MultiPolygon: the point farthest from the boundary (pole of
 * inaccessibility), found on a 40 × 40 grid over the bounding box and refined five times on a
 * grid of half the previous cell size around the best point. Deterministic; always inside.
 */
export function interiorPoint(geometry) {
  const segments = segmentsOf(geometry);
  const xs = segments.map(([a]) => a[0]);
  const ys = segments.map(([a]) => a[1]);
  let [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let best = null;
  let bestDistance = -1;
  const N = 40;
  for (let round = 0; round < 6; round++) {
    for (let i = 0; i <= N; i++) {
      for (let j = 0; j <= N; j++) {
        const p = [x0 + ((x1 - x0) * i) / N, y0 + ((y1 - y0) * j) / N];
        if (!contains(geometry, p)) continue;
        const d = distanceToBoundaryKm(p, segments);
        if (d > bestDistance) {
          bestDistance = d;
          best = p;
        }
      }
    }
    if (!best) throw new Error('no interior grid point found');
    const w = (x1 - x0) / N;
    const h = (y1 - y0) / N;
    [x0, x1, y0, y1] = [best[0] - w * 10, best[0] + w * 10, best[1] - h * 10, best[1] + h * 10];
  }
  return best;
}

/**
 * Integers that sum to `total`, proportional to `weights` (largest-remainder / Hamilton method;
 * ties broken by position, so the result is deterministic). All-zero weights share equally.
 */
export function apportion(total, weights) {
  const sum = weights.reduce((s, w) => s + w, 0);
  const w = sum > 0 ? weights : weights.map(() => 1);
  const wsum = sum > 0 ? sum : weights.length;
  const exact = w.map((x) => (total * x) / wsum);
  const result = exact.map(Math.floor);
  let left = total - result.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) result[order[k % order.length][1]] += 1;
  return result;
}

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

function simplifyRing(ring, tolerance) {
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
  const first = douglasPeucker(open.slice(0, far + 1), tolerance);
  const second = douglasPeucker([...open.slice(far), open[0]], tolerance);
  const round = (p) => [Math.round(p[0] * 1000) / 1000, Math.round(p[1] * 1000) / 1000];
  const result = [...first.slice(0, -1), ...second].map(round);
  return result.length >= 4 ? result : ring.map(round);
}

/**
 * A Polygon or MultiPolygon with every ring simplified (Douglas–Peucker at `tolerance` degrees)
 * and its coordinates rounded to 0.001°; rings that would fall below 4 points are only rounded.
 */
export function simplify(geometry, tolerance) {
  const ring = (r) => simplifyRing(r, tolerance);
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map(ring) };
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
}
