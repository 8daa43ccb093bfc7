import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { epsteinSchema } from '../../../src/agents/epstein/params.ts';
import { describeParameters, type ParameterRow } from '../../../src/sim/scenario/describe.ts';
import { param, probability, varying } from '../../../src/sim/scenario/fields.ts';

const EPSTEIN = 'Epstein (2002), Model I';

function rowsByPath(rows: readonly ParameterRow[]): Map<string, ParameterRow> {
  return new Map(rows.map((row) => [row.path, row]));
}

describe('scenario/describe: describeParameters on the Epstein schema', () => {
  it('lists every leaf path once, in declaration order, and nothing else', () => {
    // Act
    const paths = describeParameters(epsteinSchema).map((row) => row.path);

    // Assert
    expect(paths).toEqual([
      'id',
      'title',
      'description',
      'rounds',
      'seed',
      'calendar.start',
      'calendar.roundDays',
      'strategy.label',
      'strategy.mechanism',
      'strategy.source',
      'strategy.changes',
      'strategy.expect.outcome',
      'strategy.expect.direction',
      'testing.failAtRound',
      'model',
      'grid.width',
      'grid.height',
      'grid.torus',
      'grid.neighbourhood',
      'citizens.density',
      'citizens.vision',
      'cops.density',
      'cops.vision',
      'legitimacy',
      'maxJailTerm',
      'arrestProbabilityConstant',
      'activeThreshold',
      'movement',
      'rules.rounding',
      'rules.turn',
      'rules.jail',
      'rules.placement',
      'outburstShare',
    ]);
  });

  it('gives the paper\'s defaults as JSON', () => {
    // Act
    const rows = rowsByPath(describeParameters(epsteinSchema));

    // Assert
    const defaults = Object.fromEntries(
      [...rows].filter(([path, row]) => path !== 'id' && row.default !== undefined).map(([path, row]) => [path, row.default]),
    );
    expect(rows.get('id')?.default).toMatch(/file name/);
    expect(defaults).toEqual({
      'testing.failAtRound': 'null',
      'grid.width': '40',
      'grid.height': '40',
      'grid.torus': 'true',
      'grid.neighbourhood': '"von-neumann"',
      'citizens.density': '0.7',
      'citizens.vision': '7',
      'cops.density': '0.074',
      'cops.vision': '7',
      legitimacy: '0.82',
      maxJailTerm: '30',
      arrestProbabilityConstant: '2.3',
      activeThreshold: '0.1',
      movement: 'true',
      'rules.rounding': '"floor"',
      'rules.turn': '"move-then-act"',
      'rules.jail': '"off-grid"',
      'rules.placement': '"exact-counts"',
      outburstShare: '0.05',
    });
  });

  it('gives units, symbols and the paper as the source of the model\'s parameters', () => {
    // Act
    const rows = rowsByPath(describeParameters(epsteinSchema));

    // Assert
    const facts = (path: string): { unit: string | undefined; symbol: string | undefined; source: string | undefined } => {
      const row = rows.get(path);
      return { unit: row?.unit, symbol: row?.symbol, source: row?.source };
    };
    expect(facts('grid.width')).toEqual({ unit: 'cells', symbol: undefined, source: EPSTEIN });
    expect(facts('grid.neighbourhood')).toEqual({ unit: 'category', symbol: undefined, source: EPSTEIN });
    expect(facts('citizens.density')).toEqual({ unit: 'share', symbol: undefined, source: EPSTEIN });
    expect(facts('citizens.vision')).toEqual({ unit: 'cells', symbol: 'v', source: EPSTEIN });
    expect(facts('cops.vision')).toEqual({ unit: 'cells', symbol: 'v*', source: EPSTEIN });
    expect(facts('legitimacy')).toEqual({ unit: 'share', symbol: 'L', source: EPSTEIN });
    expect(facts('maxJailTerm')).toEqual({ unit: 'rounds', symbol: 'J_max', source: EPSTEIN });
    expect(facts('arrestProbabilityConstant')).toEqual({ unit: '1', symbol: 'k', source: EPSTEIN });
    expect(facts('activeThreshold')).toEqual({ unit: '1', symbol: 'T', source: EPSTEIN });
    expect(facts('movement')).toEqual({ unit: 'flag', symbol: undefined, source: EPSTEIN });
    expect(facts('outburstShare').source).toMatch(/^assumption/);
    expect(facts('rounds')).toEqual({ unit: 'rounds', symbol: undefined, source: 'scenario' });
    expect(facts('calendar.roundDays')).toEqual({ unit: 'days', symbol: undefined, source: 'scenario' });
    expect(facts('calendar.start')).toEqual({ unit: 'date', symbol: undefined, source: 'scenario' });
  });

  it('every parameter, model included, has a description, a unit and a source', () => {
    // Act
    const rows = describeParameters(epsteinSchema);

    // Assert
    const undocumented = rows.filter((row) => !row.description || !row.unit || !row.source).map((row) => row.path);
    expect(undocumented).toEqual([]);
  });

  it('says what each field accepts, in the words of the error messages', () => {
    // Act
    const rows = rowsByPath(describeParameters(epsteinSchema));

    // Assert
    expect(rows.get('grid.width')?.accepts).toBe('an integer in [1, 20000]');
    expect(rows.get('grid.torus')?.accepts).toBe('true or false');
    expect(rows.get('grid.neighbourhood')?.accepts).toBe('one of "von-neumann", "moore", "euclidean"');
    expect(rows.get('citizens.density')?.accepts).toBe('a number in [0, 1]');
    expect(rows.get('legitimacy')?.accepts).toBe('a number in [0, 1] or an expression');
    expect(rows.get('model')?.accepts).toBe('"epstein-civil-violence"');
    expect(rows.get('seed')?.accepts).toBe('an integer ≥ 0');
  });

  it('marks fields with neither a default nor optional as required, inside optional objects none (id has a computed default)', () => {
    // Act
    const rows = rowsByPath(describeParameters(epsteinSchema));

    // Assert
    const required = [...rows.values()].filter((row) => row.required).map((row) => row.path);
    expect(required).toEqual(['rounds', 'model']);
  });
});

describe('scenario/describe: describeParameters on a small schema', () => {
  it('reads documentation and defaults through optional, default and time-varying wrappers', () => {
    // Arrange
    const schema = z.strictObject({
      outer: z
        .strictObject({
          rate: param(varying(probability()).prefault(0.25), { description: 'A rate.', symbol: 'r', unit: 'share', source: 'test' }),
          label: param(z.string().optional(), { description: 'A label.', unit: 'text', source: 'test' }),
        })
        .prefault({}),
    });

    // Act
    const rows = describeParameters(schema);

    // Assert
    expect(rows).toEqual([
      {
        path: 'outer.rate',
        accepts: 'a number in [0, 1] or an expression',
        default: '0.25',
        required: false,
        description: 'A rate.',
        symbol: 'r',
        unit: 'share',
        source: 'test',
      },
      { path: 'outer.label', accepts: 'a text', required: false, description: 'A label.', unit: 'text', source: 'test' },
    ]);
  });
});
