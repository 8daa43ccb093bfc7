import { describe, expect, it } from 'vitest';
import { compactPaths, renderSvg } from '../../../src/sim/report/render.ts';
import { strategyPalette } from '../../../src/sim/report/palette.ts';

describe('rendering charts to SVG', () => {
  it('draws a Vega-Lite spec to SVG in Node, with ids prefixed so charts can share a page', async () => {
    const { svg, warnings } = await renderSvg(
      { data: { values: [{ x: 1, y: 2 }, { x: 2, y: 3 }] }, mark: { type: 'line', clip: true }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } },
      'chart-a',
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('mark-line role-mark');
    expect(svg).toMatch(/id="chart-a-clip\d+"/);
    expect(svg).not.toMatch(/url\(#(?!chart-a-)/);
    expect(warnings).toEqual([]);
  });

  it('refuses data from a URL: a report never reaches for the network', async () => {
    const { warnings } = await renderSvg({ data: { url: 'https://example.org/data.json' }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' } } }, 'chart-b');
    expect(warnings[0]).toContain('refused to load https://example.org/data.json');
  });

  it('rounds path coordinates to a tenth of a pixel and leaves everything else alone', () => {
    expect(compactPaths('<path d="M0.288,109.965L1.15,-2.04Z" transform="translate(0.125,3)"/>')).toBe('<path d="M0.3,110L1.2,-2Z" transform="translate(0.125,3)"/>');
  });
});

describe('strategy colours', () => {
  it('the baseline is dark grey and every other strategy has its own colour, in experiment order', () => {
    const palette = strategyPalette(['baseline', 'negotiation', 'ct-surge']);
    expect(palette.domain).toEqual(['baseline', 'negotiation', 'ct-surge']);
    expect(palette.range[0]).toBe('#4d4d4d');
    expect(new Set(palette.range).size).toBe(3);
  });
});
