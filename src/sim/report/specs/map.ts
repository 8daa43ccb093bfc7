/**
 * Vega-Lite spec of the map: regions coloured by a value (a sequential scale from pale to dark
 * red), outlined in white, labelled with their name and value; regions without a value grey.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from './config.ts';

/** A region's polygon with its value, as a GeoJSON feature (rings wound as d3-geo expects). */
export interface RegionShape {
  readonly type: 'Feature';
  readonly properties: { readonly region: string; readonly value: number | null };
  readonly geometry: { readonly type: 'Polygon' | 'MultiPolygon'; readonly coordinates: unknown };
}

/** Where a region's name and value are written. */
export interface RegionLabel {
  readonly longitude: number;
  readonly latitude: number;
  readonly text: string;
}

export interface MapChart {
  /** Drawn in this order: later shapes cover earlier ones. */
  readonly shapes: readonly RegionShape[];
  readonly labels: readonly RegionLabel[];
  readonly legendTitle: string;
}

export function mapSpec(chart: MapChart): TopLevelSpec {
  const shapes = { values: chart.shapes.map((shape) => ({ ...shape })) };
  return {
    config: CHART_CONFIG,
    width: 520,
    height: 480,
    projection: { type: 'mercator' },
    layer: [
      { data: shapes, mark: { type: 'geoshape', fill: '#e0e0e0', stroke: 'white', strokeWidth: 1 } },
      {
        data: shapes,
        transform: [{ filter: 'isValid(datum.properties.value)' }],
        mark: { type: 'geoshape', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: { field: 'properties.value', type: 'quantitative', scale: { scheme: 'orangered', zero: true }, legend: { title: chart.legendTitle, orient: 'right', direction: 'vertical', gradientLength: 160 } },
        },
      },
      {
        data: { values: chart.labels.map((label) => ({ ...label })) },
        mark: { type: 'text', fontSize: 10, lineBreak: '\n', fontWeight: 'bold', color: '#1a1a1a' },
        encoding: { longitude: { field: 'longitude', type: 'quantitative' }, latitude: { field: 'latitude', type: 'quantitative' }, text: { field: 'text', type: 'nominal' } },
      },
    ],
  };
}
