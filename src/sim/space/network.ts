/**
 * A road network (ODD Overview › Spatial scales): places joined by links of a length (km), and
 * the shortest distance between every pair, computed once per run. Displacement weighs
 * destinations by these distances.
 */

/**
 * Shortest path lengths between every pair of `count` nodes joined by undirected `links`
 * [a, b, length] (Floyd–Warshall: networks here have tens of nodes).
 * @returns row-major count × count matrix; 0 on the diagonal, Infinity where unreachable
 * @throws Error when a link names a node outside 0..count−1 or has a negative length
 */
export function shortestDistances(count: number, links: readonly (readonly [number, number, number])[]): Float64Array {
  const d = new Float64Array(count * count).fill(Number.POSITIVE_INFINITY);
  for (let p = 0; p < count; p++) d[p * count + p] = 0;
  for (const [a, b, length] of links) {
    if (!(a >= 0 && a < count && b >= 0 && b < count)) throw new Error(`link [${a}, ${b}] names a node outside 0..${count - 1}`);
    if (!(length >= 0)) throw new Error(`link [${a}, ${b}] has length ${length}`);
    if (length < d[a * count + b]) d[a * count + b] = d[b * count + a] = length;
  }
  for (let k = 0; k < count; k++) {
    for (let p = 0; p < count; p++) {
      const viaK = d[p * count + k];
      if (viaK === Number.POSITIVE_INFINITY) continue;
      for (let q = 0; q < count; q++) {
        const through = viaK + d[k * count + q];
        if (through < d[p * count + q]) d[p * count + q] = through;
      }
    }
  }
  return d;
}
