/**
 * The engine runs the models it is given (issue 11): a batch's worker threads load the registry
 * the composition root injects, and a job that fails in its worker stops the batch with one
 * internal error, leaving a folder that `--resume` finishes.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../../src/sim/batch/experiment.ts';
import { runBatch } from '../../../src/sim/batch/run-batch.ts';
import { InternalError } from '../../../src/sim/scenario/errors.ts';
import type { ModelCatalog } from '../../../src/sim/scenario/validate.ts';
import { MODELS } from '../../fixtures/models/registry.ts';
import { scratchFolder } from '../../support/scratch.ts';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/models');
const EXPERIMENT = join(FIXTURES, 'compare-coins.yaml');
const COINS: ModelCatalog = { models: MODELS, module: pathToFileURL(join(FIXTURES, 'registry.ts')).href };

const scratch = (): string => join(scratchFolder('catalog'), 'out');

function batch(out: string, catalog: ModelCatalog, resume = false): ReturnType<typeof runBatch> {
  return runBatch({ loaded: loadExperiment(EXPERIMENT), overrides: {}, catalog, out, workers: 2, shard: null, resume, command: ['test'] });
}

describe('batch: the model registry is injected', () => {
  it('runs a model that only the injected registry knows, in worker threads, and the model decides the outcome', async () => {
    // Arrange
    const out = scratch();

    // Act
    await batch(out, COINS);

    // Assert: 20 flips per run; the biased coin (0.9) shows more heads than the fair one in every pair.
    const runs = parse(readFileSync(join(out, 'runs.csv'), 'utf8'), { columns: true, cast: true }) as { strategy: string; heads_final: number }[];
    const heads = (strategy: string): number[] => runs.filter((row) => row.strategy === strategy).map((row) => row.heads_final);
    expect(heads('baseline')).toHaveLength(6);
    const fair = heads('baseline').reduce((a, b) => a + b, 0) / 6;
    const biased = heads('biased').reduce((a, b) => a + b, 0) / 6;
    expect(fair).toBeGreaterThan(5);
    expect(fair).toBeLessThan(15);
    expect(biased).toBeGreaterThan(fair + 3);
  });

  it('stops with one internal error when workers cannot load the registry, keeps the folder resumable, and --resume finishes it', async () => {
    // Arrange: a registry module that throws when imported.
    const broken = join(scratchFolder('broken-registry'), 'registry.mjs');
    writeFileSync(broken, "throw new Error('registry exploded on import');\n");
    const out = scratch();

    // Act
    const failure = await batch(out, { models: MODELS, module: pathToFileURL(broken).href }).catch((error: unknown) => error);

    // Assert
    expect(failure).toBeInstanceOf(InternalError);
    expect((failure as Error).message).toMatch(/registry exploded on import/);
    expect((failure as Error).message).toMatch(/--resume/);
    expect(readdirSync(out)).toContain('batch.json');
    expect(existsSync(join(out, 'summary.csv'))).toBe(false);

    // Act: the same batch resumed with a working registry.
    await batch(out, COINS, true);
    const reference = scratch();
    await batch(reference, COINS);

    // Assert
    for (const file of ['runs.csv', 'summary.csv', 'comparison.csv']) {
      expect(readFileSync(join(out, file), 'utf8')).toBe(readFileSync(join(reference, file), 'utf8'));
    }
  });
});
