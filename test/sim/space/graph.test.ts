import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createPlaceGraph, hopDistance, neighbours, placeIndex, type PlaceGraph } from '../../../src/sim/space/graph.ts';

/**
 * A hand graph: a path Kidal – Gao – Mopti, a 4-cycle Ségou – Sikasso – Kayes – Koulikoro – Ségou,
 * and Tombouctou with no roads. Edges are listed out of order, with a duplicate, a reversed
 * duplicate and a self-loop.
 */
const NAMES = ['Kidal', 'Gao', 'Mopti', 'Ségou', 'Sikasso', 'Kayes', 'Koulikoro', 'Tombouctou'] as const;
const EDGES: readonly (readonly [string, string])[] = [
  ['Mopti', 'Gao'],
  ['Ségou', 'Sikasso'],
  ['Kidal', 'Gao'],
  ['Koulikoro', 'Ségou'],
  ['Kayes', 'Koulikoro'],
  ['Sikasso', 'Kayes'],
  ['Gao', 'Kidal'],
  ['Kidal', 'Gao'],
  ['Mopti', 'Mopti'],
];

function names(graph: PlaceGraph, ids: Iterable<number>): string[] {
  return Array.from(ids, (id) => graph.names[id]);
}

/** All-pairs hop counts by Floyd–Warshall, independent of the BFS under test. */
function floydWarshall(size: number, edges: readonly (readonly [number, number])[]): number[][] {
  const INF = Number.POSITIVE_INFINITY;
  const d = Array.from({ length: size }, (_, p) => Array.from({ length: size }, (_, q) => (p === q ? 0 : INF)));
  for (const [p, q] of edges) {
    if (p === q) continue;
    d[p][q] = 1;
    d[q][p] = 1;
  }
  for (let k = 0; k < size; k++)
    for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) if (d[i][k] + d[k][j] < d[i][j]) d[i][j] = d[i][k] + d[k][j];
  return d.map((row) => row.map((v) => (v === INF ? -1 : v)));
}

describe('graph: place graph', () => {
  it('neighbours are the places joined by an edge, each once, in ascending index order', () => {
    // Arrange / Act
    const graph = createPlaceGraph(NAMES, EDGES);

    // Assert
    expect(graph.size).toBe(8);
    expect(names(graph, neighbours(graph, placeIndex(graph, 'Gao')))).toEqual(['Kidal', 'Mopti']);
    expect(names(graph, neighbours(graph, placeIndex(graph, 'Kidal')))).toEqual(['Gao']);
    expect(names(graph, neighbours(graph, placeIndex(graph, 'Mopti')))).toEqual(['Gao']);
    expect(names(graph, neighbours(graph, placeIndex(graph, 'Ségou')))).toEqual(['Sikasso', 'Koulikoro']);
    expect(names(graph, neighbours(graph, placeIndex(graph, 'Kayes')))).toEqual(['Sikasso', 'Koulikoro']);
    expect(Array.from(neighbours(graph, placeIndex(graph, 'Tombouctou')))).toEqual([]);
    // 6 distinct undirected edges (2 on the path, 4 on the cycle), each stored both ways
    expect(graph.adjacency.length).toBe(12);
  });

  it('hop distances follow the path and the cycle, are 0 to itself and −1 between unconnected places', () => {
    // Arrange
    const graph = createPlaceGraph(NAMES, EDGES);
    const hops = (a: string, b: string): number => hopDistance(graph, placeIndex(graph, a), placeIndex(graph, b));

    // Act / Assert
    expect(hops('Kidal', 'Mopti')).toBe(2);
    expect(hops('Mopti', 'Kidal')).toBe(2);
    expect(hops('Kidal', 'Gao')).toBe(1);
    expect(hops('Ségou', 'Kayes')).toBe(2); // opposite corners of the 4-cycle
    expect(hops('Ségou', 'Koulikoro')).toBe(1); // the short way round
    expect(hops('Sikasso', 'Koulikoro')).toBe(2);
    expect(hops('Tombouctou', 'Tombouctou')).toBe(0);
    expect(hops('Tombouctou', 'Gao')).toBe(-1);
    expect(hops('Gao', 'Tombouctou')).toBe(-1);
    expect(hops('Kidal', 'Kayes')).toBe(-1);
  });

  it('neighbours are symmetric, sorted, loop-free, and hop distances equal Floyd–Warshall (property)', () => {
    const scenario = fc
      .integer({ min: 1, max: 10 })
      .chain((size) =>
        fc.record({
          size: fc.constant(size),
          edges: fc.array(fc.tuple(fc.integer({ min: 0, max: size - 1 }), fc.integer({ min: 0, max: size - 1 })), { maxLength: 25 }),
        }),
      );
    fc.assert(
      fc.property(scenario, ({ size, edges }) => {
        // Arrange
        const placeNames = Array.from({ length: size }, (_, i) => `place-${i}`);
        const namedEdges = edges.map(([p, q]) => [placeNames[p], placeNames[q]] as const);
        const expectedSets = Array.from({ length: size }, () => new Set<number>());
        for (const [p, q] of edges) {
          if (p === q) continue;
          expectedSets[p].add(q);
          expectedSets[q].add(p);
        }
        const expectedHops = floydWarshall(size, edges);

        // Act
        const graph = createPlaceGraph(placeNames, namedEdges);

        // Assert
        for (let p = 0; p < size; p++) {
          const list = Array.from(neighbours(graph, p));
          expect(list).toEqual([...expectedSets[p]].sort((a, b) => a - b));
          for (const q of list) expect(Array.from(neighbours(graph, q))).toContain(p);
          for (let q = 0; q < size; q++) expect(hopDistance(graph, p, q)).toBe(expectedHops[p][q]);
        }
      }),
      { seed: 1960, numRuns: 300 },
    );
  });

  it('an edge naming an unknown place throws, naming it', () => {
    expect(() => createPlaceGraph(['Gao', 'Mopti'], [['Gao', 'Menaka']])).toThrow('unknown place "Menaka"');
    // even as a self-loop, which would otherwise be ignored
    expect(() => createPlaceGraph(['Gao'], [['Menaka', 'Menaka']])).toThrow('Menaka');
  });

  it('a place listed twice throws, naming it', () => {
    expect(() => createPlaceGraph(['Gao', 'Mopti', 'Gao'], [])).toThrow('place "Gao" is listed twice');
  });

  it('placeIndex gives the position in the names list and throws, naming it, for an unknown place', () => {
    const graph = createPlaceGraph(NAMES, EDGES);
    expect(placeIndex(graph, 'Kidal')).toBe(0);
    expect(placeIndex(graph, 'Tombouctou')).toBe(7);
    expect(() => placeIndex(graph, 'Timbuktu')).toThrow('unknown place "Timbuktu"');
  });

  it('the graph keeps its own copy of the names', () => {
    const placeNames = ['Gao', 'Mopti'];
    const graph = createPlaceGraph(placeNames, [['Gao', 'Mopti']]);
    placeNames[0] = 'Kidal';
    expect(graph.names).toEqual(['Gao', 'Mopti']);
  });

  it('an empty list of places gives an empty graph', () => {
    const graph = createPlaceGraph([], []);
    expect(graph.size).toBe(0);
    expect(graph.hops.length).toBe(0);
    expect(Array.from(graph.offset)).toEqual([0]);
  });
});
