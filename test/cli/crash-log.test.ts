import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCrashLog } from '../../src/cli/crash-log.ts';
import { InternalError } from '../../src/sim/scenario/errors.ts';
import { scratchFolder } from '../support/scratch.ts';

const scratch = scratchFolder('crash-log');

describe('crash log', () => {
  it('keeps the command and the stack traces of the error and of its cause, in the folder given', () => {
    // Arrange
    const cause = new Error('worker could not load the registry');
    const error = new InternalError('job 3 of the batch failed in its worker', { cause });

    // Act
    const path = writeCrashLog(error, ['batch', 'x.yaml', '--out', 'results/x'], scratch);

    // Assert
    const text = readFileSync(path, 'utf8');
    expect(dirname(path)).toBe(scratch);
    expect(text).toContain('command: sahel-sim batch x.yaml --out results/x');
    expect(text).toContain('InternalError: job 3 of the batch failed in its worker\n    at ');
    expect(text).toContain('caused by:\nError: worker could not load the registry\n    at ');
  });
});
