import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeParameters } from '../../../src/sim/scenario/describe.ts';
import { INDEX_NAMES } from '../../../src/sim/sensitivity/indices.ts';
import { SENSITIVITY_COLUMNS } from '../../../src/sim/sensitivity/sensitivity-csv.ts';
import { sensitivitySchema } from '../../../src/sim/sensitivity/settings.ts';

const text = readFileSync(join(resolve(import.meta.dirname, '../../..'), 'docs/sensitivity.md'), 'utf8');

describe('docs/sensitivity.md', () => {
  it('documents every field of the sensitivity section', () => {
    for (const row of describeParameters(sensitivitySchema, 'sensitivity')) expect(text, row.path).toContain(`\`${row.path}\``);
  });

  it('documents every column and index name of sensitivity.csv', () => {
    for (const column of SENSITIVITY_COLUMNS) expect(text, column).toContain(`\`${column}\``);
    for (const index of [...Object.keys(INDEX_NAMES.morris), ...Object.keys(INDEX_NAMES.sobol)]) expect(text, index).toContain(`\`${index}\``);
  });
});
