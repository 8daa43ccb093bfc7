/**
 * The batch report (issue 7): built from real batches of both models, then opened in a real
 * headless browser (the Chromium that `npm ci` installs, test/support/browser.ts), which must show
 * every chart drawn, log no error and make no request beyond the page itself. A screenshot of each
 * page is left in the test's temporary folder for a person to look at.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { MALI_BOUNDARIES } from '../../../src/agents/mali/report.ts';
import { CATALOG, MODELS } from '../../../src/agents/registry.ts';
import { loadExperiment } from '../../../src/sim/batch/experiment.ts';
import { runBatch } from '../../../src/sim/batch/run-batch.ts';
import { loadBoundaries } from '../../../src/sim/report/boundaries.ts';
import { modelReportOptions, writeReport, type ReportOptions } from '../../../src/sim/report/index.ts';
import { ScenarioError } from '../../../src/sim/scenario/errors.ts';
import { loadScenario } from '../../../src/sim/scenario/index.ts';
import type { MaliParams } from '../../../src/agents/mali/params.ts';
import { runSensitivity } from '../../../src/sim/sensitivity/run-sensitivity.ts';
import { launchBrowser } from '../../support/browser.ts';
import { scratchFolder } from '../../support/scratch.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
/** The baseline's 50 cercles, as the map and its series columns name them. */
const CERCLES = Object.keys((loadScenario(join(ROOT, 'scenarios/mali-2012.yaml'), MODELS).params as MaliParams).cercles);
const column = (name: string): string => name.replace(/[^a-zA-Z0-9]+/g, '_').toLowerCase();

// Kept after the tests: the screenshots are for a person to look at.
const scratch = scratchFolder('report', { keep: true });

async function batch(experiment: string, out: string): Promise<void> {
  await runBatch({ loaded: loadExperiment(experiment), overrides: {}, catalog: CATALOG, out, workers: 2, shard: null, resume: false, command: ['test'] });
}

/** A small Mali experiment: 255 people per agent, 60 rounds, two strategies, the cercles' series kept for the map. */
function maliExperiment(): string {
  const file = join(scratch, 'mali-small.yaml');
  const series = ['civilian_deaths', 'hpi', 'idps', 'violent_deaths_gao', ...CERCLES.map((cercle) => `cercle_violent_deaths_${column(cercle)}`)];
  writeFileSync(
    file,
    [
      'id: report-mali-small',
      `scenario: ${JSON.stringify(join(ROOT, 'scenarios/mali-2012.yaml'))}`,
      'strategies:',
      `  negotiation: ${JSON.stringify(join(ROOT, 'scenarios/strategies/negotiation.yaml'))}`,
      `  ct-surge: ${JSON.stringify(join(ROOT, 'scenarios/strategies/ct-surge.yaml'))}`,
      'replicates: 2',
      'seed: 11',
      'rounds: 60',
      'set: { peoplePerAgent: 255 }',
      `outputs: { series: [${series.join(', ')}] }`,
      '',
    ].join('\n'),
  );
  return file;
}

/** What the browser saw of a report page. */
interface Inspection {
  readonly problems: readonly string[];
  /** Every URL the page asked for. */
  readonly requests: readonly string[];
  /** Per chart id: the number of drawn items of each Vega mark type. */
  readonly marks: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

const MARK_TYPES = ['area', 'line', 'symbol', 'rule', 'rect', 'shape', 'text'] as const;

/** Opens a report in headless Chromium, counts each chart's marks, and saves a full-page screenshot. */
async function inspect(file: string, screenshot: string): Promise<Inspection> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1240, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()}`));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const marks: Record<string, Record<string, number>> = {};
    for (const figure of await page.locator('figure.chart').all()) {
      const id = (await figure.getAttribute('id')) ?? '?';
      marks[id] = { svg: await figure.locator('svg').count() };
      for (const type of MARK_TYPES) marks[id][type] = await figure.locator(`g.mark-${type}.role-mark > *`).count();
    }
    await page.screenshot({ path: screenshot, fullPage: true });
    return { problems, requests, marks };
  } finally {
    await browser.close();
  }
}

describe('report of a batch of the reference model (Epstein)', () => {
  const out = join(scratch, 'epstein');
  let options: ReportOptions;
  let result: Awaited<ReturnType<typeof writeReport>>;
  let seen: Inspection;

  beforeAll(async () => {
    await batch(join(ROOT, 'test/fixtures/experiments/epstein-small.yaml'), out);
    options = modelReportOptions(MODELS.get('epstein-civil-violence'));
    result = await writeReport(out, options);
    seen = await inspect(result.file, join(scratch, 'epstein-report.png'));
    console.log(`report screenshots in ${scratch}`);
  }, 120_000);

  it('writes one report.html into the results folder, with no Vega warning', () => {
    expect(result.file).toBe(join(out, 'report.html'));
    expect(existsSync(result.file)).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('charts the model’s headline series and the effects, and says why clusters and the map are left out', () => {
    // epstein-small keeps active and jailed; its sweep has two points, so each panel names its point.
    expect(result.charts).toEqual(['series-1', 'series-2', 'forest']);
    expect(result.notes.some((note) => note.includes('deaths_cluster_<k>_total'))).toBe(true);
    expect(result.notes.some((note) => note.includes('model epstein-civil-violence defines no map'))).toBe(true);
    expect(readFileSync(result.file, 'utf8')).toContain('crisis · cops.density = 0.074');
  });

  it('titles the series by the metrics\' titles', () => {
    const headings = [...readFileSync(result.file, 'utf8').matchAll(/<h3>([^<]*)<\/h3>/g)].map((match) => match[1]);
    expect(headings.slice(0, 2)).toEqual(['Active citizens', 'Jailed citizens']);
  });

  it('the page is self-contained: no script, no external reference, and the browser requests nothing but the page', () => {
    const html = readFileSync(result.file, 'utf8');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import/i);
    expect(html).not.toMatch(/(src|href)="https?:/i);
    expect(seen.requests).toEqual([pathToFileURL(result.file).href]);
    expect(seen.problems).toEqual([]);
  });

  it('every chart is drawn: an SVG with marks', () => {
    for (const id of result.charts) expect(seen.marks[id]?.['svg'], id).toBe(1);
    for (const id of ['series-1', 'series-2']) {
      expect(seen.marks[id]['area'], id).toBeGreaterThan(0);
      expect(seen.marks[id]['line'], id).toBeGreaterThan(0);
    }
    expect(seen.marks['forest']['symbol']).toBeGreaterThan(0);
    expect(seen.marks['forest']['rule']).toBeGreaterThan(0);
  });

  it('the same batch gives the same bytes', async () => {
    const again = await writeReport(out, { ...options, out: join(scratch, 'epstein-again.html') });
    expect(readFileSync(again.file, 'utf8')).toBe(readFileSync(result.file, 'utf8'));
  });

  it('--svg writes each chart as a standalone SVG file, the same drawing as in the page', async () => {
    const folder = join(scratch, 'epstein-svg');
    await writeReport(out, { ...options, out: join(scratch, 'epstein-svg.html'), svgDir: folder });
    const page = readFileSync(result.file, 'utf8');
    for (const id of result.charts) {
      const svg = readFileSync(join(folder, `${id}.svg`), 'utf8');
      expect(svg, id).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(page, id).toContain(svg.trim());
    }
  });
});

describe.each([
  { method: 'morris' as const, bars: 3, diamonds: 3 },
  { method: 'sobol' as const, bars: 6, diamonds: 0 },
])('report of a sensitivity analysis ($method, Ishigami)', ({ method, bars, diamonds }) => {
  const out = join(scratch, `sensitivity-${method}`);
  let result: Awaited<ReturnType<typeof writeReport>>;
  let seen: Inspection;

  beforeAll(async () => {
    await runSensitivity({
      file: join(ROOT, 'scenarios/experiments/sensitivity-ishigami.yaml'),
      settings: { method, samples: 64, trajectories: 8 },
      overrides: {},
      catalog: CATALOG,
      out,
      workers: 2,
      resume: false,
      command: ['test'],
    });
    result = await writeReport(out);
    seen = await inspect(result.file, join(scratch, `sensitivity-${method}-report.png`));
  }, 120_000);

  it('has the tornado of the outcome alone: the design points are not strategies to chart through time', () => {
    expect(result.charts).toEqual(['sensitivity-y_final']);
    expect(readFileSync(result.file, 'utf8')).toContain('<h3>Output y (final): parameters ranked by');
    expect(result.warnings).toEqual([]);
    expect(seen.problems).toEqual([]);
  });

  it('draws a bar per parameter and index, each with its interval, and Morris σ as a diamond', () => {
    const marks = seen.marks['sensitivity-y_final'];
    expect(marks['rect']).toBe(bars);
    expect(marks['rule']).toBe(bars);
    expect(marks['symbol']).toBe(diamonds);
  });

  it('tables the parameters largest first by the ranking index of sensitivity.csv (μ* or ST)', () => {
    const ranking = method === 'morris' ? 'mu_star' : 'ST';
    const expected = readFileSync(join(out, 'sensitivity.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .filter((cells) => cells[3] === ranking)
      .sort((a, b) => Number(b[4]) - Number(a[4]))
      .map((cells) => cells[2]);
    const html = readFileSync(result.file, 'utf8');
    const tabled = [...html.matchAll(/<tr><td[^>]*>\d<\/td><td>(x\d)<\/td>/g)].map((match) => match[1]);
    expect(expected).toHaveLength(3);
    expect(tabled).toEqual(expected);
  });
});

describe('report of a small batch of the Mali model', () => {
  const out = join(scratch, 'mali');
  let result: Awaited<ReturnType<typeof writeReport>>;
  let seen: Inspection;

  beforeAll(async () => {
    await batch(maliExperiment(), out);
    // The observed hook: yearly.csv as `sahel-sim fit` writes it (values made up for the test).
    writeFileSync(
      join(out, 'yearly.csv'),
      'series,year,sim_median,sim_p5,sim_p95,observed\ncivilian_deaths,2012,170,150,190,210\ncivilian_deaths,2013,40,30,55,\nidps,2012,30000,25000,37000,227000\n',
    );
    result = await writeReport(out, { ...modelReportOptions(MODELS.get('mali')), from: '2012-03-01', to: '2012-12-31' });
    seen = await inspect(result.file, join(scratch, 'mali-report.png'));
  }, 180_000);

  it('draws the time series, effects, deaths by cluster, the map and the observed years, with no Vega warning', () => {
    expect(result.charts).toEqual(['series-1', 'series-2', 'series-3', 'forest', 'cluster-deaths', 'cercle-map', 'observed-years']);
    expect(result.warnings).toEqual([]);
  });

  it('every chart is drawn in the browser, with no error and no request beyond the page', () => {
    expect(seen.problems).toEqual([]);
    expect(seen.requests).toEqual([pathToFileURL(result.file).href]);
    for (const id of result.charts) expect(seen.marks[id]?.['svg'], id).toBe(1);
    expect(seen.marks['series-1']['area']).toBeGreaterThan(0);
    expect(seen.marks['forest']['symbol']).toBeGreaterThan(0);
    expect(seen.marks['cluster-deaths']['rect']).toBeGreaterThan(0);
    // Fifty cercles in grey underneath, fifty coloured on top; too many to label (the table names them).
    expect(seen.marks['cercle-map']['shape']).toBe(100);
    expect(seen.marks['cercle-map']['text'] ?? 0).toBe(0);
    expect(seen.marks['observed-years']['symbol']).toBeGreaterThan(0);
  });

  it('titles charts and panels with each metric\'s documented title, not its column name in words', () => {
    const html = readFileSync(result.file, 'utf8');
    // Headings of the time series: the metrics behind civilian_deaths_total, hpi_mean and idps_max.
    const headings = [...html.matchAll(/<h3>([^<]*)<\/h3>/g)].map((match) => match[1]);
    expect(headings.slice(0, 3)).toEqual(['Civilian deaths, running total', 'Human protection index', 'Internally displaced people']);
    // The forest plot's panels (SVG titles) name the summary columns with their reducer.
    const panels = [...html.matchAll(/aria-label="Title text '([^']*)'"/g)].map((match) => match[1]);
    expect(panels).toContain('Human protection index (mean)');
    expect(panels).toContain('Civilian deaths (total)');
    expect(html).not.toMatch(/>Hpi|>Idps|hpi_mean<\/text>/);
  });

  it('the manifest lists every column with its title, unit and meaning', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { columns: { series: { name: string }[]; summary: { name: string; title: string; unit: string }[] } };
    expect(manifest.columns.series.map((column) => column.name)).toContain('violent_deaths_gao');
    expect(manifest.columns.summary.find((column) => column.name === 'hpi_mean')).toMatchObject({ title: 'Human protection index (mean)', unit: 'index' });
  });

  it('the map sums each cercle over the period asked for', () => {
    const html = readFileSync(result.file, 'utf8');
    expect(html).toMatch(/Violent deaths, 2012-0[23]-\d\d to 2012-12-\d\d: baseline, median of 2 replicates/);
    expect(html).toContain('geoBoundaries');
    expect(html).toContain('1. terrorist attacks');
    expect(html).toContain('<td>Menaka</td>');
  });

  it('the boundaries name every cercle of the Mali scenario once', () => {
    const cercles = loadBoundaries(MALI_BOUNDARIES, 'cercle').outlines.map((outline) => outline.region);
    expect([...cercles].sort()).toEqual([...CERCLES].sort());
  });

  it('prints the manifest: version, commit, seed, experiment, scenario, command and dates', () => {
    const html = readFileSync(result.file, 'utf8');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { version: string; commit: string | null; started: string; finished: string };
    for (const text of [manifest.version, manifest.commit ?? 'unknown', '11 (common random numbers)', 'report-mali-small', 'mali-2012', manifest.started, manifest.finished]) {
      expect(html).toContain(text);
    }
    expect(html).toContain('<th>command</th><td>test</td>');
  });
});

describe('report options', () => {
  it('a folder without a manifest is refused with a note, and nothing is written', async () => {
    const empty = scratchFolder('report-empty');
    await expect(writeReport(empty)).rejects.toThrow(ScenarioError);
    expect(existsSync(join(empty, 'report.html'))).toBe(false);
  });

  it('--from must be an ISO date not after --to', async () => {
    const empty = scratchFolder('report-empty');
    await expect(writeReport(empty, { from: '2013-02-30' })).rejects.toThrow(/--from: expected an ISO date YYYY-MM-DD, found "2013-02-30"/);
    await expect(writeReport(empty, { from: '2014-01-01', to: '2013-01-01' })).rejects.toThrow(/--from must not be after --to/);
  });
});
