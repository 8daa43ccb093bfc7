/**
 * The sensitivity analysis checked against test functions with known indices, through the same
 * path as any model: experiment file → design written as a list sweep → worker pool → runs.csv →
 * indices → sensitivity.csv. The analytic model (src/agents/analytic/) evaluates the function.
 * Tolerances: |Ŝ − S| < 0.05 for every Sobol' index (Ishigami N = 1024, G function N = 512, with
 * the shifted Sobol' sequence; docs/sensitivity.md lists the values measured). Each analysis takes
 * 5–20 s on 2 idle cores (the worker pool starts in about 4 s); the timeouts leave room for a busy machine.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../src/agents/registry.ts';
import { ishigami, sobolG } from '../../../src/agents/analytic/test-functions.ts';
import { defaultWorkers } from '../../../src/sim/batch/run-batch.ts';
import { RandomStream } from '../../../src/sim/random.ts';
import { designPoints } from '../../../src/sim/sensitivity/design-file.ts';
import type { OutcomeIndices } from '../../../src/sim/sensitivity/indices.ts';
import { runSensitivity, type PreparedDesign, type SensitivityOptions, type SensitivityOutcome } from '../../../src/sim/sensitivity/run-sensitivity.ts';
import { SENSITIVITY_COLUMNS } from '../../../src/sim/sensitivity/sensitivity-csv.ts';
import { scratchFolder } from '../../support/scratch.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const ISHIGAMI = join(ROOT, 'scenarios/experiments/sensitivity-ishigami.yaml');
const SOBOL_G = join(ROOT, 'scenarios/experiments/sensitivity-sobol-g.yaml');
const WORKERS = Math.min(2, defaultWorkers());
const TIMEOUT = 240_000;

function options(file: string, settings: SensitivityOptions['settings'], extra: Partial<SensitivityOptions> = {}): SensitivityOptions {
  return {
    file,
    ...(settings ? { settings } : {}),
    overrides: {},
    catalog: CATALOG,
    out: join(scratchFolder('sensitivity'), 'out'),
    workers: WORKERS,
    resume: false,
    command: ['test'],
    ...extra,
  };
}

/** The indices computed in this process from the function at the design points: what the pool path must reproduce exactly. */
function inProcess(prepared: PreparedDesign, f: (x: Record<string, number>) => number): OutcomeIndices {
  const { settings } = prepared.sensitivity;
  const ranges = Object.entries(settings.parameters).map(([path, { from, to }]) => ({ path, from, to }));
  const y = Float64Array.from(designPoints(prepared.design.unit, ranges), f);
  return prepared.design.analyse(RandomStream.fromSeed(settings.seed, `sensitivity-bootstrap/${settings.outcomes[0]}`), y, settings.bootstrap);
}

const ishigamiAt = (x: Record<string, number>): number => ishigami(x['x1'], x['x2'], x['x3'], 7, 0.1);
const G_COEFFICIENTS = [0, 1, 4.5, 9, 99, 99, 99, 99];
const sobolGAt = (x: Record<string, number>): number => sobolG(G_COEFFICIENTS.map((_, i) => x[`x${i + 1}`]), G_COEFFICIENTS);

function estimate(outcome: SensitivityOutcome, parameter: string, index: string): number {
  const row = outcome.analysis?.rows.find((candidate) => candidate.parameter === parameter && candidate.index === index);
  if (!row) throw new Error(`no ${index} for ${parameter}`);
  return row.value;
}

describe('sensitivity analysis of the Ishigami function (a = 7, b = 0.1)', () => {
  // Closed form (Saltelli et al. 2008, §1.2.10; Sobol' & Levitan 1999).
  const [a, b] = [7, 0.1];
  const pi4 = Math.PI ** 4;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = a ** 2 / 8;
  const v13 = b ** 2 * pi4 ** 2 * (1 / 18 - 1 / 50);
  const variance = v1 + v2 + v13;
  const theory = { S1: [v1 / variance, v2 / variance, 0], ST: [(v1 + v13) / variance, v2 / variance, v13 / variance] };

  it('has the published indices: S1 = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437)', () => {
    expect(theory.S1.map((s) => Number(s.toFixed(4)))).toEqual([0.3139, 0.4424, 0]);
    expect(theory.ST.map((s) => Number(s.toFixed(4)))).toEqual([0.5576, 0.4424, 0.2437]);
  });

  it('Sobol\' (N = 1024, 5,120 runs through the pool): every S1 and ST within 0.05 of theory, and exactly the in-process estimate', async () => {
    // Act
    let prepared: PreparedDesign | null = null;
    const outcome = await runSensitivity(options(ISHIGAMI, { method: 'sobol' }, { started: (design) => (prepared = design) }));

    // Assert
    ['x1', 'x2', 'x3'].forEach((x, i) => {
      expect(Math.abs(estimate(outcome, x, 'S1') - theory.S1[i]), `S1 ${x}`).toBeLessThan(0.05);
      expect(Math.abs(estimate(outcome, x, 'ST') - theory.ST[i]), `ST ${x}`).toBeLessThan(0.05);
    });
    expect(outcome.analysis?.results[0]).toEqual(inProcess(prepared!, ishigamiAt));
    const csv = parse(readFileSync(outcome.analysis!.file, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(Object.keys(csv[0])).toEqual([...SENSITIVITY_COLUMNS]);
    expect(csv.map((row) => `${row['method']} ${row['outcome']} ${row['parameter']} ${row['index']}`)).toEqual(
      ['x1', 'x2', 'x3'].flatMap((x) => [`sobol y_final ${x} S1`, `sobol y_final ${x} ST`]),
    );
  }, TIMEOUT);

  it('Morris (r = 50, p = 4): x3 acts only through its interaction with x1 — μ*₃ > 0 although S1₃ = 0, effects of both signs (σ₃ > μ*₃)', async () => {
    // Act
    const outcome = await runSensitivity(options(ISHIGAMI, { method: 'morris' }));

    // Assert: on the 4-level grid every effect of x2 is ±7·(3/4)/Δ = ±7.875, and x1's are all positive
    expect(estimate(outcome, 'x2', 'mu_star')).toBeCloseTo(7.875, 9);
    expect(estimate(outcome, 'x1', 'mu')).toBeCloseTo(estimate(outcome, 'x1', 'mu_star'), 9);
    // E[μ*₁] = 0.866·1.5·(1 + 0.1·E[x3⁴]) = 7.70 and E[μ*₃] = 6.25 on this grid
    expect(Math.abs(estimate(outcome, 'x1', 'mu_star') / 7.70 - 1)).toBeLessThan(0.25);
    expect(Math.abs(estimate(outcome, 'x3', 'mu_star') / 6.25 - 1)).toBeLessThan(0.25);
    expect(estimate(outcome, 'x3', 'sigma')).toBeGreaterThan(estimate(outcome, 'x3', 'mu_star'));
  }, TIMEOUT);
});

describe("sensitivity analysis of Sobol's G function, a = (0, 1, 4.5, 9, 99, 99, 99, 99)", () => {
  // V_i = 1/(3(1 + a_i)²); V = Π(1 + V_i) − 1; S1_i = V_i/V; ST_i = V_i Π_{j≠i}(1 + V_j)/V.
  const partial = G_COEFFICIENTS.map((a) => 1 / (3 * (1 + a) ** 2));
  const product = partial.reduce((p, v) => p * (1 + v), 1);
  const variance = product - 1;
  const theory = { S1: partial.map((v) => v / variance), ST: partial.map((v) => (v * product) / (1 + v) / variance) };

  it('Sobol\' (N = 512, 5,120 runs): every S1 and ST within 0.05 of the closed form; ST falls as a_i grows', async () => {
    // Act
    const outcome = await runSensitivity(options(SOBOL_G, { method: 'sobol' }));

    // Assert
    G_COEFFICIENTS.forEach((_, i) => {
      expect(Math.abs(estimate(outcome, `x${i + 1}`, 'S1') - theory.S1[i]), `S1 x${i + 1}`).toBeLessThan(0.05);
      expect(Math.abs(estimate(outcome, `x${i + 1}`, 'ST') - theory.ST[i]), `ST x${i + 1}`).toBeLessThan(0.05);
    });
    const st = G_COEFFICIENTS.map((_, i) => estimate(outcome, `x${i + 1}`, 'ST'));
    expect(st[0]).toBeGreaterThan(st[1]);
    expect(st[1]).toBeGreaterThan(st[2]);
    expect(st[2]).toBeGreaterThan(st[3]);
    expect(Math.max(...st.slice(4))).toBeLessThan(0.005);
  }, TIMEOUT);

  it('Morris (r = 50), interrupted and resumed: μ* falls with a_i and matches its expectation on the grid, exactly as in-process', async () => {
    // Arrange: on the p = 4 grid, |EE_i| = 2/(1 + a_i)·Π_{j≠i} g_j, so E[μ*_i] = 2/(1 + a_i)·Π_{j≠i} (4/3 + a_j)/(1 + a_j)
    const expected = G_COEFFICIENTS.map((ai, i) => (2 / (1 + ai)) * G_COEFFICIENTS.reduce((p, aj, j) => (j === i ? p : (p * (4 / 3 + aj)) / (1 + aj)), 1));
    let done = 0;
    let prepared: PreparedDesign | null = null;
    const first = options(SOBOL_G, { method: 'morris' }, { progress: (runs) => (done = runs), stopRequested: () => done >= 100 });

    // Act
    const interrupted = await runSensitivity(first);
    const outcome = await runSensitivity({ ...first, resume: true, stopRequested: () => false, started: (design) => (prepared = design) });

    // Assert
    expect(interrupted.analysis).toBeNull();
    expect(interrupted.batch.interrupted).toBe(true);
    const muStar = G_COEFFICIENTS.map((_, i) => estimate(outcome, `x${i + 1}`, 'mu_star'));
    for (let i = 0; i < 3; i++) expect(muStar[i]).toBeGreaterThan(muStar[i + 1]);
    expect(muStar[3]).toBeGreaterThan(5 * Math.max(...muStar.slice(4)));
    for (let i = 0; i < 4; i++) expect(Math.abs(muStar[i] / expected[i] - 1), `μ* x${i + 1}`).toBeLessThan(0.2);
    expect(outcome.analysis?.results[0]).toEqual(inProcess(prepared!, sobolGAt));
  }, TIMEOUT);
});
