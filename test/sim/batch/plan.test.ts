import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODELS } from '../../../src/agents/registry.ts';
import { loadExperiment } from '../../../src/sim/batch/experiment.ts';
import { buildPlan, divergenceRound, shardJobs, sweepPoints } from '../../../src/sim/batch/plan.ts';
import { runJob } from '../../../src/sim/batch/worker.ts';
import { loadScenario } from '../../../src/sim/scenario/index.ts';
import { observationOf, runScenario } from '../../../src/sim/schedule.ts';
import { taskFor } from '../../../src/sim/batch/run-batch.ts';
import { scratchFolder } from '../../support/scratch.ts';
import { scenarioErrorOf } from '../../support/scenario-error.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIXTURES = join(ROOT, 'test/fixtures/experiments');
const SMALL = join(FIXTURES, 'epstein-small.yaml');

function experimentFile(text: string): string {
  const folder = scratchFolder('plan');
  const file = join(folder, 'experiment.yaml');
  writeFileSync(file, text.replaceAll('SCENARIOS', join(ROOT, 'scenarios')).replaceAll('FIXTURES', FIXTURES));
  return file;
}

describe('batch plan', () => {
  const loaded = loadExperiment(SMALL);
  const plan = buildPlan(loaded, MODELS);

  it('lists runs point by point, then strategy (baseline first), then replicate, with 1-based ids', () => {
    expect(plan.runs).toHaveLength(2 * 3 * 3);
    expect(plan.strategies.map((s) => s.name)).toEqual(['baseline', 'crisis', 'short-terms']);
    expect(plan.runs.map((run) => run.runId)).toEqual(plan.runs.map((_, k) => k + 1));
    expect(plan.runs.slice(0, 4).map((run) => [run.point, run.strategy, run.replicate])).toEqual([
      [0, 0, 0],
      [0, 0, 1],
      [0, 0, 2],
      [0, 1, 0],
    ]);
  });

  it('gives replicate i the same seed in every strategy and sweep point under common random numbers', () => {
    for (const run of plan.runs) expect(run.seed).toBe(plan.runs.find((other) => other.replicate === run.replicate)?.seed);
    expect(new Set(plan.runs.map((run) => run.seed)).size).toBe(3);
  });

  it('gives every run its own seed without common random numbers, and groups nothing', () => {
    const independent = buildPlan(loadExperiment(experimentFile(`scenario: SCENARIOS/epstein-civil-violence.yaml\nstrategies: { crisis: FIXTURES/crisis.yaml }\nreplicates: 4\nrounds: 10\ncommonRandomNumbers: false\n`)), MODELS);
    expect(new Set(independent.runs.map((run) => run.seed)).size).toBe(8);
    expect(independent.jobs).toHaveLength(8);
  });

  it('groups a replicate of every strategy at a point into one job, branching where the parameters first differ', () => {
    expect(plan.jobs).toHaveLength(2 * 3);
    const job = plan.jobs[0];
    expect(job.runs.map((run) => run.strategy)).toEqual([0, 1, 2]);
    // crisis: legitimacy "round < 30 ? 0.82 : 0.7" differs from round 30; short-terms from the start.
    expect(job.runs.map((run) => run.branchRound)).toEqual([0, 30, 0]);
  });

  it('deals jobs to shards round-robin, every job to exactly one shard', () => {
    const shards = [1, 2, 3].map((index) => shardJobs(plan, { index, count: 3 }).map((job) => job.index));
    expect(shards.flat().sort((a, b) => a - b)).toEqual(plan.jobs.map((job) => job.index));
    expect(shards[0]).toEqual([0, 3]);
  });

  it('builds a full grid with the last parameter varying fastest, ranges included at both ends', () => {
    const points = sweepPoints(
      loadExperiment(
        experimentFile(`scenario: SCENARIOS/epstein-civil-violence.yaml\nsweep:\n  parameters:\n    legitimacy: { from: 0.6, to: 0.8, steps: 3 }\n    maxJailTerm: [10, 30]\n`),
      ),
    );
    expect(points.map((point) => [point.values['legitimacy'], point.values['maxJailTerm']])).toEqual([
      [0.6, 10],
      [0.6, 30],
      [0.7, 10],
      [0.7, 30],
      [0.8, 10],
      [0.8, 30],
    ]);
    expect(points[1].set).toEqual(['legitimacy=0.6', 'maxJailTerm=30']);
  });

  it('draws a Latin hypercube with exactly one point in each stratum of every parameter, the same for the same seed', () => {
    const text = `scenario: SCENARIOS/epstein-civil-violence.yaml\nseed: 5\nsweep:\n  method: latin-hypercube\n  samples: 10\n  parameters:\n    legitimacy: { from: 0.5, to: 0.9 }\n    maxJailTerm: { from: 1, to: 50, integer: true }\n`;
    const points = sweepPoints(loadExperiment(experimentFile(text)));
    const strata = points.map((point) => Math.floor(((point.values['legitimacy'] as number) - 0.5) / 0.04));
    expect([...strata].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const point of points) expect(Number.isInteger(point.values['maxJailTerm'])).toBe(true);
    expect(sweepPoints(loadExperiment(experimentFile(text))).map((p) => p.values)).toEqual(points.map((p) => p.values));
  });

  it('rejects a bad experiment before any run: unknown key with a suggestion, a redefined baseline, an unknown overlay', () => {
    const error = (text: string): string => scenarioErrorOf(() => buildPlan(loadExperiment(experimentFile(text)), MODELS)).message;
    expect(error(`scenario: SCENARIOS/epstein-civil-violence.yaml\nreplicate: 3\n`)).toMatch(/replicate: unknown key \(did you mean "replicates"\?\)/);
    expect(error(`scenario: SCENARIOS/epstein-civil-violence.yaml\nstrategies: { baseline: FIXTURES/crisis.yaml }\n`)).toMatch(/"baseline" is the base scenario/);
    expect(error(`scenario: SCENARIOS/epstein-civil-violence.yaml\nstrategies: { x: FIXTURES/nothing.yaml }\n`)).toMatch(/nothing\.yaml.*no such file/);
  });
});

describe('branching from a shared history', () => {
  it('finds the first round whose parameters differ: 0 for a static change, never for identical scenarios', () => {
    const base = loadScenario(join(ROOT, 'scenarios/epstein-civil-violence.yaml'), MODELS, { rounds: 60 });
    const crisis = loadScenario(join(FIXTURES, 'crisis.yaml'), MODELS, { rounds: 60 });
    const short = loadScenario(join(FIXTURES, 'short-terms.yaml'), MODELS, { rounds: 60 });
    const names = (s: typeof base) => observationOf(s.model, s.params).metrics.map((m) => m.name);
    expect(divergenceRound(base.params, crisis.params, names(base), names(crisis))).toBe(30);
    expect(divergenceRound(base.params, short.params, names(base), names(short))).toBe(0);
    expect(divergenceRound(base.params, base.params, names(base), names(base))).toBe(61);
  });

  it('gives a strategy forked from the baseline exactly the run it would have had from the start (Epstein)', () => {
    const loaded = loadExperiment(SMALL);
    const plan = buildPlan(loaded, MODELS);
    const job = plan.jobs[1];
    const result = runJob(taskFor(plan, loaded, job), MODELS);
    const forked = result.runs.find((run) => run.runId === job.runs[1].runId);
    const fromStart = loadScenario(join(FIXTURES, 'crisis.yaml'), MODELS, { rounds: 60, set: plan.points[job.point].set });
    const whole = runScenario(fromStart.model, fromStart.params, job.seed);
    expect(job.runs[1].branchRound).toBe(30);
    expect(Array.from(forked?.summary ?? [])).toEqual(Array.from(whole.summary));
  });

  it('gives a Mali strategy forked in mid-2013 exactly the run it would have had from the start', () => {
    const folder = scratchFolder('branch');
    const file = join(folder, 'branch.yaml');
    writeFileSync(
      file,
      `scenario: ${join(ROOT, 'scenarios/mali-2012.yaml')}\nstrategies: { no-minusma: ${join(ROOT, 'scenarios/strategies/no-minusma.yaml')} }\nreplicates: 1\nrounds: 100\nset: { peoplePerAgent: 255 }\noutputs: { series: all }\n`,
    );
    const loaded = loadExperiment(file);
    const plan = buildPlan(loaded, MODELS);
    const job = plan.jobs[0];
    // MINUSMA arrives on 1 July 2013: round 80 is the first to start after it (on 7 July 2013;
    // round r starts at 1 January 2012 + 7·(r − 1) days).
    expect(job.runs[1].branchRound).toBe(80);
    const result = runJob(taskFor(plan, loaded, job), MODELS);
    const fromStart = loadScenario(join(ROOT, 'scenarios/mali-2012.yaml'), MODELS, {
      overlays: [join(ROOT, 'scenarios/strategies/no-minusma.yaml')],
      rounds: 100,
      set: ['peoplePerAgent=255'],
    });
    const whole = runScenario(fromStart.model, fromStart.params, job.seed);
    const forked = result.runs[1];
    expect(Array.from(forked.summary ?? [])).toEqual(Array.from(whole.summary));
    expect(Array.from(forked.series ?? [])).toEqual(Array.from(whole.series.values));
  });
});
