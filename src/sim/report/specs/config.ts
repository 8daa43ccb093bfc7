/**
 * What every chart of the report shares: fonts, axis and title sizes sized for a printed A4
 * page, and the strategy colour scale (palette.ts) so a strategy has one colour throughout.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Palette } from '../palette.ts';

/** Vega-Lite's config type, taken from the spec type (the package exports it only as unstable). */
type Config = NonNullable<TopLevelSpec['config']>;

export const CHART_CONFIG: Config = {
  font: 'Helvetica, Arial, sans-serif',
  background: 'white',
  padding: 8,
  view: { stroke: '#dddddd' },
  axis: { labelFontSize: 10, titleFontSize: 11, titleFontWeight: 'normal', gridColor: '#eeeeee' },
  header: { labelFontSize: 11, labelFontWeight: 'bold', titleFontSize: 12 },
  legend: { labelFontSize: 10, titleFontSize: 11, titleFontWeight: 'normal', labelLimit: 360 },
  title: { fontSize: 13, anchor: 'start' },
};

/** The colour scale of the strategies, identical in every chart that colours by strategy. */
export function strategyScale(palette: Palette): { domain: string[]; range: string[] } {
  return { domain: [...palette.domain], range: [...palette.range] };
}
