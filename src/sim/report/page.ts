/**
 * The report as one self-contained HTML page: a title, the provenance table (so a printed page
 * can be traced to its run), contents, then each section with its explanation, its charts as
 * inline SVG (no script, no network: it opens on an offline laptop) and their tables. Styled
 * for the screen and for printing on A4.
 */
import type { Section, Table } from './section.ts';

/** A section whose figures are drawn: each figure's SVG markup, in order. */
export interface RenderedSection {
  readonly section: Section;
  readonly svgs: readonly string[];
}

export interface Page {
  readonly title: string;
  readonly subtitle: string;
  readonly provenance: readonly (readonly [string, string])[];
  readonly sections: readonly RenderedSection[];
  /** The report's own line: what wrote it and when. */
  readonly generated: string;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
  :root { color-scheme: light; }
  body { font-family: Helvetica, Arial, sans-serif; color: #1a1a1a; margin: 0 auto; max-width: 1180px; padding: 24px 32px 48px; line-height: 1.45; }
  h1 { font-size: 1.6em; margin-bottom: 0.2em; }
  h2 { font-size: 1.3em; margin-top: 2em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; }
  h3 { font-size: 1.05em; margin: 1.4em 0 0.4em; }
  .subtitle { color: #555; margin-top: 0; }
  p.explanation { max-width: 60em; }
  p.note { color: #8a4b00; background: #fff6e5; border-left: 3px solid #e0a040; padding: 6px 10px; max-width: 60em; }
  figure { margin: 0.6em 0 1.4em; break-inside: avoid; page-break-inside: avoid; }
  figure svg { max-width: 100%; height: auto; display: block; }
  figcaption { color: #555; font-size: 0.85em; margin-top: 0.3em; max-width: 70em; }
  table { border-collapse: collapse; font-size: 0.85em; margin: 0.6em 0; }
  th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
  td.number { text-align: right; font-variant-numeric: tabular-nums; }
  table.provenance th { background: #f4f4f4; white-space: nowrap; }
  table.provenance td { font-family: Menlo, Consolas, monospace; font-size: 0.95em; word-break: break-all; }
  details { margin: 0.4em 0 1em; }
  summary { cursor: pointer; color: #333; font-size: 0.9em; }
  nav ol { padding-left: 1.4em; }
  footer { margin-top: 3em; color: #777; font-size: 0.8em; }
  @media print {
    body { max-width: none; padding: 0; font-size: 10pt; }
    details { display: block; }
    details > summary { display: none; }
    h2 { break-before: page; }
    h2.first { break-before: auto; }
  }
`;

function tableHtml(table: Table): string {
  const numeric = (cell: string): boolean => /^[-−+]?[\d.]+(e[-+]?\d+)?( \*|%)?$/.test(cell) || cell === '—';
  const head = `<tr>${table.header.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr>`;
  const body = table.rows.map((row) => `<tr>${row.map((cell) => `<td${numeric(cell) ? ' class="number"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function sectionHtml({ section, svgs }: RenderedSection, index: number): string {
  const parts = [`<section id="${escapeHtml(section.id)}">`, `<h2${index === 0 ? ' class="first"' : ''}>${index + 1}. ${escapeHtml(section.title)}</h2>`];
  // A section that does not apply to this batch keeps only its note: how to read a chart that is not there is noise.
  if (section.figures.length > 0) for (const paragraph of section.explanation) parts.push(`<p class="explanation">${escapeHtml(paragraph)}</p>`);
  for (const note of section.notes) parts.push(`<p class="note">${escapeHtml(note)}</p>`);
  section.figures.forEach((figure, k) => {
    if (section.figures.length > 1) parts.push(`<h3>${escapeHtml(figure.title)}</h3>`);
    parts.push(`<figure class="chart" id="${escapeHtml(figure.id)}" data-chart="${escapeHtml(figure.id)}">`);
    if (section.figures.length === 1) parts.push(`<h3>${escapeHtml(figure.title)}</h3>`);
    parts.push(svgs[k]);
    if (figure.caption) parts.push(`<figcaption>${escapeHtml(figure.caption)}</figcaption>`);
    parts.push('</figure>');
    if (figure.table) parts.push(`<details open><summary>The numbers</summary>\n${tableHtml(figure.table)}\n</details>`);
  });
  parts.push('</section>');
  return parts.join('\n');
}

export function pageHtml(page: Page): string {
  const provenance = page.provenance.map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('\n');
  const contents = page.sections.map(({ section }) => `<li><a href="#${escapeHtml(section.id)}">${escapeHtml(section.title)}</a></li>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(page.title)}</h1>
<p class="subtitle">${escapeHtml(page.subtitle)}</p>
<table class="provenance">
${provenance}
</table>
</header>
<nav>
<ol>
${contents}
</ol>
</nav>
${page.sections.map(sectionHtml).join('\n')}
<footer>${escapeHtml(page.generated)}</footer>
</body>
</html>
`;
}
