/**
 * Bad input to every command that writes (issue 11): exit code 2, a message that names the file,
 * the field and the nearest valid name, and no output folder or file left behind. Each case is a
 * small experiment written into a scratch folder and run as a user would, through bin/sahel-sim.js.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sahelSim } from '../support/cli.ts';
import { scratchFolder } from '../support/scratch.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const scratch = scratchFolder('bad-input');

/** Writes an experiment file into the scratch folder and returns its path; OUT in the text is the output folder. */
function experiment(name: string, text: string, out: string): string {
  const file = join(scratch, `${name}.yaml`);
  writeFileSync(file, text.replaceAll('SCENARIOS', join(ROOT, 'scenarios')).replaceAll('OUT', out));
  return file;
}

const epstein = 'scenario: SCENARIOS/epstein-civil-violence.yaml\nreplicates: 1\nrounds: 5\n';
const ishigami = 'scenario: SCENARIOS/analytic/ishigami.yaml\nreplicates: 1\n';

interface Case {
  readonly command: string;
  readonly what: string;
  /** Arguments, given the output folder that must not appear. */
  readonly args: (out: string) => string[];
  readonly messages: readonly string[];
  /** What must not exist afterwards (default: the output folder). */
  readonly written?: (out: string) => string;
}

const cases: readonly Case[] = [
  {
    command: 'batch',
    what: 'two misspelt keys: both reported, each with its suggestion',
    args: (out) => ['batch', experiment('batch-keys', `${epstein}replicatse: 2\nsede: 4\n`, out), '--out', out],
    messages: ['batch-keys.yaml: replicatse: unknown key (did you mean "replicates"?)', 'batch-keys.yaml: sede: unknown key (did you mean "seed"?)'],
  },
  {
    command: 'batch',
    what: 'a typo in outputs.series, caught when the plan is built, not in a worker',
    args: (out) => ['batch', experiment('batch-series', `${epstein}outputs: { series: [activ] }\n`, out), '--out', out],
    messages: ['batch-series.yaml: outputs.series.0: epstein-civil-violence has no metric "activ" (did you mean "active"?)'],
  },
  {
    command: 'batch',
    what: 'a typo in outputs.headline',
    args: (out) => ['batch', experiment('batch-headline', `${epstein}outputs: { headline: [active_maen] }\n`, out), '--out', out],
    messages: ['batch-headline.yaml: outputs.headline.0: epstein-civil-violence has no summary outcome "active_maen" (did you mean "active_mean"?)'],
  },
  {
    command: 'batch',
    what: 'a strategy overlay that does not exist',
    args: (out) => ['batch', experiment('batch-overlay', `${epstein}strategies: { crisis: no-such-overlay.yaml }\n`, out), '--out', out],
    messages: ['no-such-overlay.yaml'],
  },
  {
    command: 'batch',
    what: 'a --set of an unknown scenario field',
    args: (out) => ['batch', experiment('batch-set', epstein, out), '--set', 'cops.vison=3', '--out', out],
    messages: ['--set cops.vison=3: cops.vison: unknown key (did you mean "vision"?)'],
  },
  {
    command: 'sensitivity',
    what: 'an unknown parameter and a misspelt outcome',
    args: (out) => [
      'sensitivity',
      experiment('sensitivity-names', `${ishigami}sensitivity:\n  method: morris\n  parameters: { x1: { from: -3, to: 3 }, x9: { from: 0, to: 1 } }\n  outcomes: [y_fnal]\n  trajectories: 4\n`, out),
      '--out',
      'OUT',
    ],
    messages: ['sensitivity-names.yaml: sensitivity.parameters.x9: x9: unknown key (did you mean "x1"?)', 'sensitivity-names.yaml: sensitivity.outcomes.0:', '(did you mean "y_final"?)'],
  },
  {
    command: 'sensitivity',
    what: 'an experiment without a sensitivity section',
    args: (out) => ['sensitivity', experiment('sensitivity-none', ishigami, out), '--out', out],
    messages: ['sensitivity-none.yaml: sensitivity: expected a sensitivity section'],
  },
  {
    command: 'calibrate',
    what: 'a prior on a field the scenario does not have, reported at the prior',
    args: (out) => [
      'calibrate',
      experiment('calibrate-prior', `scenario: SCENARIOS/mali-2012.yaml\nreplicates: 1\ncalibration:\n  parameters: { intercommunal.rate: { from: 0.002, to: 0.05 }, intercommunal.rat: { from: 0, to: 1 } }\n  samples: 4\n  overlay: OUT.yaml\n`, out),
      '--out',
      'OUT',
    ],
    messages: ['calibrate-prior.yaml: calibration.parameters.intercommunal.rat: intercommunal.rat: unknown key (did you mean "rate"?)'],
  },
  {
    command: 'calibrate',
    what: 'a typo in outputs.series of a calibration',
    args: (out) => [
      'calibrate',
      experiment('calibrate-series', `scenario: SCENARIOS/mali-2012.yaml\nreplicates: 1\noutputs: { series: [ucdp_totl] }\ncalibration:\n  parameters: { intercommunal.rate: { from: 0.002, to: 0.05 } }\n  samples: 4\n  overlay: OUT.yaml\n`, out),
      '--out',
      'OUT',
    ],
    messages: ['calibrate-series.yaml: outputs.series.0: mali has no metric "ucdp_totl" (did you mean "ucdp_total"?)'],
  },
  {
    command: 'merge',
    what: 'a folder that holds no batch',
    args: (out) => {
      mkdirSync(join(scratch, 'not-a-batch'), { recursive: true });
      return ['merge', join(scratch, 'not-a-batch'), '--out', out];
    },
    messages: ['not-a-batch: not a batch folder (no batch.json)'],
  },
  {
    command: 'report',
    what: 'a folder that holds no finished batch',
    args: (out) => {
      mkdirSync(out, { recursive: true });
      return ['report', out];
    },
    messages: ['/manifest.json: no manifest.json: not a results folder'],
    written: (out) => join(out, 'report.html'),
  },
];

describe('cli: bad input to the commands that write', () => {
  it.each(cases.map((item, k) => ({ ...item, k })))('$command, $what: exit code 2, the message, nothing written', ({ args, messages, written = (out) => out, k }) => {
    // Arrange
    const out = join(scratch, `out-${k}`);

    // Act
    const result = sahelSim(...args(out));

    // Assert
    expect(result.status, result.stderr).toBe(2);
    for (const message of messages) expect(result.stderr).toContain(message);
    expect(result.stderr).toMatch(/nothing was run or written\.\n$/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(written(out))).toBe(false);
    expect(existsSync(`${out}.yaml`)).toBe(false);
  });
});
