/**
 * Rendering a Vega-Lite spec to an SVG string in Node: vega-lite compiles it to a Vega spec,
 * and a headless Vega View (renderer 'none', no canvas, no DOM) draws it with toSVG(). Data are
 * always inline: the loader refuses every URL, so a chart can never reach for the network.
 */
import { loader, logger, parse, resetSVGDefIds, View, Warn } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** A loader that loads nothing: the report must open on an offline laptop. */
function offlineLoader(): ReturnType<typeof loader> {
  const refusing = loader();
  refusing.load = (uri: string) => Promise.reject(new Error(`report charts take inline data only; refused to load ${uri}`));
  return refusing;
}

export interface RenderedChart {
  readonly svg: string;
  /** Warnings of Vega-Lite and Vega (a channel dropped, a scale that cannot be drawn): bugs of a spec. */
  readonly warnings: readonly string[];
}

/**
 * Path coordinates to a tenth of a pixel (Vega writes thousandths): a weekly series of 12 years
 * has about 3 points per pixel, and a tenth of a pixel is 0.03 mm on paper, so the page shrinks
 * by a third and looks the same.
 * @example compactPaths('<path d="M0.288,109.965L1.15,109.943"/>') → '<path d="M0.3,110L1.2,109.9"/>'
 */
export function compactPaths(svg: string): string {
  return svg.replace(/ d="([^"]*)"/g, (_, data: string) => ` d="${data.replace(/-?\d+\.\d+/g, (number) => String(Math.round(Number(number) * 10) / 10))}"`);
}

/**
 * Draws a chart as SVG markup. Element ids (clip paths, gradients) get `idPrefix`, so several
 * charts inlined in one HTML page never share an id, and the same chart gives the same bytes.
 * @throws Error when the spec is not valid Vega-Lite
 */
export async function renderSvg(spec: TopLevelSpec, idPrefix: string): Promise<RenderedChart> {
  const warnings: string[] = [];
  // Collected rather than printed: the caller decides (the test fails on any).
  const collect = logger(Warn, undefined, (_method, _level, args) => warnings.push(args.map(String).join(' ')));
  const compiled = compile(spec, { logger: collect }).spec;
  resetSVGDefIds();
  const view = new View(parse(compiled), { renderer: 'none', loader: offlineLoader(), logger: collect });
  try {
    const svg = await view.toSVG();
    const unique = svg.replace(/\bid="([^"]+)"/g, `id="${idPrefix}-$1"`).replace(/url\(#([^)]+)\)/g, `url(#${idPrefix}-$1)`);
    return { svg: compactPaths(unique), warnings };
  } finally {
    view.finalize();
  }
}
