/**
 * A graph of places (ODD Overview › Spatial scales): named places (regions, camps) joined by
 * undirected adjacency. Plain data in compressed sparse rows, so it snapshots with the rest of
 * a model's state: a place's neighbours are a view of one Int32Array and hop distances a flat
 * matrix, both built once per run.
 */

export interface PlaceGraph {
  readonly names: readonly string[];
  readonly size: number;
  /** Neighbours of place p are `adjacency[offset[p] .. offset[p + 1])`, ascending. */
  readonly offset: Int32Array;
  readonly adjacency: Int32Array;
  /** hops[p * size + q]: fewest edges from p to q; −1 when unreachable. */
  readonly hops: Int32Array;
}

/**
 * @param names place names, in the order that gives each its index
 * @param edges pairs of names; each edge joins both ways; duplicates and self-loops are ignored
 * @throws Error naming the place when a name repeats or an edge names an unknown place
 */
export function createPlaceGraph(names: readonly string[], edges: readonly (readonly [string, string])[]): PlaceGraph {
  const size = names.length;
  const indexByName = new Map<string, number>();
  names.forEach((name, i) => {
    if (indexByName.has(name)) throw new Error(`place "${name}" is listed twice`);
    indexByName.set(name, i);
  });
  const lookup = (name: string): number => {
    const index = indexByName.get(name);
    if (index === undefined) throw new Error(`unknown place "${name}"`);
    return index;
  };
  const neighbourSets = names.map(() => new Set<number>());
  for (const [a, b] of edges) {
    const p = lookup(a);
    const q = lookup(b);
    if (p === q) continue;
    neighbourSets[p].add(q);
    neighbourSets[q].add(p);
  }
  const offset = new Int32Array(size + 1);
  const flat: number[] = [];
  neighbourSets.forEach((set, p) => {
    flat.push(...[...set].sort((x, y) => x - y));
    offset[p + 1] = flat.length;
  });
  const adjacency = Int32Array.from(flat);
  return { names: [...names], size, offset, adjacency, hops: hopDistances(size, offset, adjacency) };
}

/** @throws Error when no place has this name */
export function placeIndex(graph: PlaceGraph, name: string): number {
  const index = graph.names.indexOf(name);
  if (index === -1) throw new Error(`unknown place "${name}"`);
  return index;
}

export function neighbours(graph: PlaceGraph, p: number): Int32Array {
  return graph.adjacency.subarray(graph.offset[p], graph.offset[p + 1]);
}

export function hopDistance(graph: PlaceGraph, p: number, q: number): number {
  return graph.hops[p * graph.size + q];
}

function hopDistances(size: number, offset: Int32Array, adjacency: Int32Array): Int32Array {
  const hops = new Int32Array(size * size).fill(-1);
  const queue = new Int32Array(size);
  for (let source = 0; source < size; source++) {
    const row = source * size;
    hops[row + source] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = source;
    while (head < tail) {
      const p = queue[head++];
      for (let k = offset[p]; k < offset[p + 1]; k++) {
        const q = adjacency[k];
        if (hops[row + q] !== -1) continue;
        hops[row + q] = hops[row + p] + 1;
        queue[tail++] = q;
      }
    }
  }
  return hops;
}
