import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODELS } from '../../../src/agents/registry.ts';
import { loadScenario } from '../../../src/sim/scenario/index.ts';
import { applyOverride, loadScenarioDocument, originOf, readLayers, type MergedDocument } from '../../../src/sim/scenario/load.ts';
import { scratchFolder } from '../../support/scratch.ts';
import { scenarioErrorOf } from '../../support/scenario-error.ts';

// Scenario files live in fresh temporary folders, outside the working folder, so every file is
// displayed in messages by its absolute path (see displayPath in load.ts).
/** Writes `files` (relative name → text) into a new temporary folder; returns the folder. */
function scenarioFolder(files: Record<string, string>): string {
  const folder = scratchFolder('load');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

/** A merged document built by hand, as if read from `x.yaml`. */
function mergedOf(document: Record<string, unknown>): MergedDocument {
  return { document, origins: new Map(), entry: 'x.yaml', entryName: 'x', files: ['x.yaml'] };
}

const EPSTEIN_BASE = 'model: epstein-civil-violence\nrounds: 10\n';

describe('scenario/load: file formats', () => {
  it('a YAML scenario is read into a mapping of its fields', () => {
    // Arrange
    const folder = scenarioFolder({ 's.yaml': 'rounds: 12\ngrid:\n  width: 30\nmovement: false\ntitle: Gao 2012\n' });

    // Act
    const merged = loadScenarioDocument(join(folder, 's.yaml'));

    // Assert
    expect(merged.document).toEqual({ rounds: 12, grid: { width: 30 }, movement: false, title: 'Gao 2012' });
    expect(merged.entryName).toBe('s');
    expect(merged.files).toEqual([join(folder, 's.yaml')]);
  });

  it('a JSON scenario is read the same way as its YAML twin', () => {
    // Arrange
    const folder = scenarioFolder({
      's.json': '{ "rounds": 12, "grid": { "width": 30 }, "movement": false }',
      's.yaml': 'rounds: 12\ngrid: { width: 30 }\nmovement: false\n',
    });

    // Act
    const fromJson = loadScenarioDocument(join(folder, 's.json'));
    const fromYaml = loadScenarioDocument(join(folder, 's.yaml'));

    // Assert
    expect(fromJson.document).toEqual(fromYaml.document);
  });

  it('a JSON file may extend a YAML file and the other way round', () => {
    // Arrange
    const folder = scenarioFolder({
      'base.yaml': 'rounds: 5\ngrid: { width: 30 }\n',
      'middle.json': '{ "extends": "base.yaml", "grid": { "height": 20 } }',
      'top.yaml': 'extends: middle.json\nseed: 3\n',
    });

    // Act
    const merged = loadScenarioDocument(join(folder, 'top.yaml'));

    // Assert
    expect(merged.document).toEqual({ rounds: 5, grid: { width: 30, height: 20 }, seed: 3 });
    expect(merged.files).toEqual(['base.yaml', 'middle.json', 'top.yaml'].map((name) => join(folder, name)));
  });

  it('a YAML syntax error is located as file:line:col', () => {
    // Arrange: the flow list opened on line 3 is never closed
    const folder = scenarioFolder({ 'broken.yaml': 'rounds: 5\ngrid:\n  width: [1, 2\nseed: 3\n' });
    const file = join(folder, 'broken.yaml');

    // Act
    const error = scenarioErrorOf(() => loadScenarioDocument(file));

    // Assert
    expect(error.issues.length).toBeGreaterThan(0);
    for (const issue of error.issues) {
      expect(issue.source).toMatch(new RegExp(`^${escapeRegExp(file)}:\\d+:\\d+$`));
      expect(issue.message).toMatch(/^YAML syntax error: /);
    }
  });

  it('a duplicate key is an error located at the second occurrence', () => {
    // Arrange
    const folder = scenarioFolder({ 'dup.yaml': 'model: epstein-civil-violence\nrounds: 10\nrounds: 20\n' });
    const file = join(folder, 'dup.yaml');

    // Act
    const error = scenarioErrorOf(() => loadScenarioDocument(file));

    // Assert
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0].source).toBe(`${file}:3:1`);
    expect(error.issues[0].message).toBe('YAML syntax error: duplicate key "rounds"');
    expect(error.message).toBe(`${file}:3:1: YAML syntax error: duplicate key "rounds"`);
  });

  // Issue 2 regression: JSON.parse silently kept the last of two equal keys.
  it('a duplicate key in a JSON scenario is an error too', () => {
    // Arrange
    const folder = scenarioFolder({ 'dup.json': '{ "model": "epstein-civil-violence", "rounds": 10, "rounds": 20 }' });

    // Act
    const error = scenarioErrorOf(() => loadScenarioDocument(join(folder, 'dup.json')));

    // Assert
    expect(error.message).toMatch(/rounds/);
  });

  it('a JSON syntax error names the file', () => {
    // Arrange
    const folder = scenarioFolder({ 'broken.json': '{ "rounds": 10, }' });
    const file = join(folder, 'broken.json');

    // Act
    const error = scenarioErrorOf(() => loadScenarioDocument(file));

    // Assert
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0].source).toBe(file);
    expect(error.issues[0].message).toMatch(/^JSON syntax error: /);
  });

  it('a top level that is a list, not a mapping, is an error', () => {
    // Arrange
    const folder = scenarioFolder({ 'list.yaml': '- rounds: 10\n- seed: 3\n' });
    const file = join(folder, 'list.yaml');

    // Act
    const error = scenarioErrorOf(() => loadScenarioDocument(file));

    // Assert
    expect(error.message).toBe(`${file}: expected a mapping of scenario fields at the top, found a list of 2`);
  });

  it('an empty file is an error, not an empty scenario', () => {
    // Arrange
    const folder = scenarioFolder({ 'empty.yaml': '' });

    // Act
    const error = scenarioErrorOf(() => loadScenarioDocument(join(folder, 'empty.yaml')));

    // Assert
    expect(error.issues[0].message).toMatch(/^expected a mapping of scenario fields at the top/);
  });

  it('a missing scenario file is reported as such, with no stack trace in the message', () => {
    // Arrange
    const folder = scenarioFolder({});
    const file = join(folder, 'nowhere.yaml');

    // Act
    const error = scenarioErrorOf(() => loadScenarioDocument(file));

    // Assert
    expect(error.message).toBe(`${file}: cannot read the scenario file: no such file`);
    expect(error.exitCode).toBe(2);
  });
});

describe('scenario/load: extends', () => {
  it('a single extends merges the base first and the extending file over it', () => {
    // Arrange
    const folder = scenarioFolder({
      'base.yaml': 'rounds: 10\nseed: 1\ngrid: { width: 40, height: 40 }\n',
      'overlay.yaml': 'extends: base.yaml\nseed: 2\n',
    });

    // Act
    const merged = loadScenarioDocument(join(folder, 'overlay.yaml'));

    // Assert
    expect(merged.document).toEqual({ rounds: 10, seed: 2, grid: { width: 40, height: 40 } });
    expect(merged.document).not.toHaveProperty('extends');
  });

  it('extends paths are relative to the file that names them, not to the working folder', () => {
    // Arrange
    const folder = scenarioFolder({
      'bases/base.yaml': 'rounds: 10\n',
      'bases/more/middle.yaml': 'extends: ../base.yaml\nseed: 4\n',
      'runs/top.yaml': 'extends: ../bases/more/middle.yaml\ntitle: top\n',
    });

    // Act
    const merged = loadScenarioDocument(join(folder, 'runs/top.yaml'));

    // Assert
    expect(merged.document).toEqual({ rounds: 10, seed: 4, title: 'top' });
  });

  it('a list of extends merges in list order, later files winning, the extending file last', () => {
    // Arrange
    const folder = scenarioFolder({
      'one.yaml': 'rounds: 1\nseed: 1\ntitle: one\n',
      'two.yaml': 'rounds: 2\nseed: 2\n',
      'top.yaml': 'extends: [one.yaml, two.yaml]\nseed: 3\n',
    });

    // Act
    const merged = loadScenarioDocument(join(folder, 'top.yaml'));

    // Assert
    expect(merged.document).toEqual({ rounds: 2, seed: 3, title: 'one' });
    expect(merged.files).toEqual(['one.yaml', 'two.yaml', 'top.yaml'].map((name) => join(folder, name)));
  });

  it('two overlays of one base combine: the base is merged once, so neither overlay undoes the other', () => {
    // Arrange: a diamond, C extends [O1, O2], both of which extend B
    const folder = scenarioFolder({
      'b.yaml': 'a: 1\nb: 1\nnested: { a: 1, b: 1 }\n',
      'o1.yaml': 'extends: b.yaml\na: 2\nnested: { a: 2 }\n',
      'o2.yaml': 'extends: b.yaml\nb: 3\nnested: { b: 3 }\n',
      'c.yaml': 'extends: [o1.yaml, o2.yaml]\n',
    });

    // Act
    const merged = loadScenarioDocument(join(folder, 'c.yaml'));

    // Assert
    expect(merged.document).toEqual({ a: 2, b: 3, nested: { a: 2, b: 3 } });
    expect(readLayers(join(folder, 'c.yaml')).map((layer) => layer.source)).toEqual(
      ['b.yaml', 'o1.yaml', 'o2.yaml', 'c.yaml'].map((name) => join(folder, name)),
    );
  });

  it('mappings merge key by key at every depth', () => {
    // Arrange
    const folder = scenarioFolder({
      'base.yaml': 'grid: { width: 40, height: 40, torus: true }\ncitizens: { density: 0.7, vision: 7 }\n',
      'overlay.yaml': 'extends: base.yaml\ngrid: { height: 20 }\ncitizens: { vision: 3 }\n',
    });

    // Act
    const merged = loadScenarioDocument(join(folder, 'overlay.yaml'));

    // Assert
    expect(merged.document).toEqual({ grid: { width: 40, height: 20, torus: true }, citizens: { density: 0.7, vision: 3 } });
  });

  it('lists replace instead of merging, and a scalar may replace a mapping', () => {
    // Arrange
    const folder = scenarioFolder({
      'base.yaml': 'xs: [1, 2, 3]\nplaces: { Gao: { adjacent: [Kidal, Mopti] } }\nthing: { a: 1 }\n',
      'overlay.yaml': 'extends: base.yaml\nxs: [9]\nplaces: { Gao: { adjacent: [Tombouctou] } }\nthing: 5\n',
    });

    // Act
    const merged = loadScenarioDocument(join(folder, 'overlay.yaml'));

    // Assert
    expect(merged.document).toEqual({ xs: [9], places: { Gao: { adjacent: ['Tombouctou'] } }, thing: 5 });
  });

  it('a cycle a → b → a is an error naming the whole cycle', () => {
    // Arrange
    const folder = scenarioFolder({ 'a.yaml': 'extends: b.yaml\nrounds: 1\n', 'b.yaml': 'extends: a.yaml\nseed: 1\n' });
    const [a, b] = [join(folder, 'a.yaml'), join(folder, 'b.yaml')];

    // Act
    const error = scenarioErrorOf(() => loadScenarioDocument(a));

    // Assert
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ source: b, path: 'extends', message: `cycle: ${a} → ${b} → ${a}` });
  });

  it('a file that extends itself is a cycle', () => {
    // Arrange
    const folder = scenarioFolder({ 'self.yaml': 'extends: ./self.yaml\nrounds: 1\n' });
    const self = join(folder, 'self.yaml');

    // Act
    const error = scenarioErrorOf(() => loadScenarioDocument(self));

    // Assert
    expect(error.message).toBe(`${self}: extends: cycle: ${self} → ${self}`);
  });

  it('a missing extends target is reported against the file that names it', () => {
    // Arrange
    const folder = scenarioFolder({
      'top.yaml': 'extends: middle.yaml\n',
      'middle.yaml': 'extends: [base.yaml, gone.yaml]\n',
      'base.yaml': 'rounds: 1\n',
    });

    // Act
    const error = scenarioErrorOf(() => loadScenarioDocument(join(folder, 'top.yaml')));

    // Assert
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({
      source: join(folder, 'middle.yaml'),
      path: 'extends',
      message: `cannot read ${join(folder, 'gone.yaml')}: no such file`,
    });
  });

  it('an extends that is neither a path nor a list of paths is an error', () => {
    // Arrange
    const folder = scenarioFolder({ 'top.yaml': 'extends: [base.yaml, 3]\n', 'base.yaml': 'rounds: 1\n' });
    const file = join(folder, 'top.yaml');

    // Act
    const error = scenarioErrorOf(() => loadScenarioDocument(file));

    // Assert
    expect(error.message).toBe(`${file}: extends: expected a file path or a list of file paths, found a list of 2`);
  });
});

describe('scenario/load: origins', () => {
  it('each value remembers the file that set it last, and children inherit it', () => {
    // Arrange
    const folder = scenarioFolder({
      'base.yaml': 'rounds: 10\ngrid: { width: 40, height: 40 }\n',
      'overlay.yaml': 'extends: base.yaml\ngrid: { height: 20 }\n',
    });
    const [base, overlay] = [join(folder, 'base.yaml'), join(folder, 'overlay.yaml')];

    // Act
    const merged = loadScenarioDocument(overlay);

    // Assert
    expect(originOf(merged, 'rounds')).toBe(base);
    expect(originOf(merged, 'grid.width')).toBe(base);
    expect(originOf(merged, 'grid.height')).toBe(overlay);
    expect(originOf(merged, 'legitimacy')).toBe(overlay);
  });

  it('an error on a field set in the base names the base file, one set by the overlay names the overlay', () => {
    // Arrange
    const folder = scenarioFolder({
      'base.yaml': `${EPSTEIN_BASE}grid: { width: 0, height: 40 }\n`,
      'overlay.yaml': 'extends: base.yaml\ngrid: { height: -5 }\n',
    });
    const [base, overlay] = [join(folder, 'base.yaml'), join(folder, 'overlay.yaml')];

    // Act
    const error = scenarioErrorOf(() => loadScenario(overlay, MODELS));

    // Assert
    const byPath = new Map(error.issues.map((issue) => [issue.path, issue]));
    expect(byPath.get('grid.width')?.source).toBe(base);
    expect(byPath.get('grid.height')?.source).toBe(overlay);
    expect(error.message.split('\n')).toEqual(
      expect.arrayContaining([
        `${base}: grid.width: expected an integer in [1, 20000], found 0`,
        `${overlay}: grid.height: expected an integer in [1, 20000], found -5`,
      ]),
    );
  });

  it('an error on a value set by --set names the flag', () => {
    // Arrange
    const folder = scenarioFolder({ 's.yaml': EPSTEIN_BASE });

    // Act
    const error = scenarioErrorOf(() => loadScenario(join(folder, 's.yaml'), MODELS, { set: ['citizens.vision=-2'] }));

    // Assert
    expect(error.message).toBe('--set citizens.vision=-2: citizens.vision: expected an integer in [0, 1000], found -2');
  });

  it('--rounds is applied after every --set and named as --rounds', () => {
    // Arrange
    const folder = scenarioFolder({ 's.yaml': EPSTEIN_BASE });

    // Act
    const error = scenarioErrorOf(() => loadScenario(join(folder, 's.yaml'), MODELS, { set: ['rounds=5'], rounds: 0 }));

    // Assert
    expect(error.message).toBe('--rounds 0: rounds: expected an integer in [1, 1000000], found 0');
  });
});

describe('scenario/load: applyOverride', () => {
  it('reads the value as YAML: number, boolean, list, text and an expression in quotes', () => {
    // Arrange
    const merged = mergedOf({ rounds: 500, grid: { torus: true } });

    // Act
    applyOverride(merged, 'rounds=12');
    applyOverride(merged, 'citizens.density=0.65');
    applyOverride(merged, 'grid.torus=false');
    applyOverride(merged, 'xs=[1, 2, 3]');
    applyOverride(merged, 'title=Mali 2012, north');
    applyOverride(merged, 'legitimacy="round < 200 ? 0.82 : 0.6"');

    // Assert
    expect(merged.document).toEqual({
      rounds: 12,
      grid: { torus: false },
      citizens: { density: 0.65 },
      xs: [1, 2, 3],
      title: 'Mali 2012, north',
      legitimacy: 'round < 200 ? 0.82 : 0.6',
    });
  });

  it('only the first = splits path from value', () => {
    // Arrange
    const merged = mergedOf({});

    // Act
    applyOverride(merged, 'title=a=b');

    // Assert
    expect(merged.document).toEqual({ title: 'a=b' });
  });

  it('creates the missing intermediate mappings and records the flag as the origin', () => {
    // Arrange
    const merged = mergedOf({ rounds: 3 });

    // Act
    applyOverride(merged, 'a.b.c=1');

    // Assert
    expect(merged.document).toEqual({ rounds: 3, a: { b: { c: 1 } } });
    expect(originOf(merged, 'a.b.c')).toBe('--set a.b.c=1');
    expect(originOf(merged, 'rounds')).toBe('x.yaml');
  });

  it('replacing a mapping forgets the origins of what was below it', () => {
    // Arrange
    const merged = mergedOf({ grid: { width: 40 } });
    merged.origins.set('grid.width', 'base.yaml');

    // Act
    applyOverride(merged, 'grid={height: 3}', '--set grid');

    // Assert
    expect(merged.document).toEqual({ grid: { height: 3 } });
    expect(originOf(merged, 'grid.width')).toBe('--set grid');
  });

  it.each([
    ['noequals', 'no = at all'],
    ['=3', 'an empty path'],
    ['a..b=1', 'an empty segment'],
    ['.a=1', 'a leading dot'],
    ['a.=1', 'a trailing dot'],
  ])('rejects %s (%s) with a message showing the expected shape', (assignment) => {
    // Arrange
    const merged = mergedOf({ rounds: 3 });

    // Act
    const error = scenarioErrorOf(() => applyOverride(merged, assignment));

    // Assert
    expect(error.issues).toHaveLength(1);
    expect(error.message).toBe(`--set ${assignment}: expected path=value with a dotted path, e.g. --set citizens.density=0.6`);
    expect(merged.document).toEqual({ rounds: 3 });
  });

  it('rejects walking through a scalar, naming the path and what is there', () => {
    // Arrange
    const merged = mergedOf({ rounds: 500, grid: { width: 40 } });

    // Act
    const throughNumber = scenarioErrorOf(() => applyOverride(merged, 'rounds.max=3'));
    const throughNested = scenarioErrorOf(() => applyOverride(merged, 'grid.width.x=3'));

    // Assert
    expect(throughNumber.message).toBe('--set rounds.max=3: cannot set inside rounds, which is 500');
    expect(throughNested.message).toBe('--set grid.width.x=3: cannot set inside grid.width, which is 40');
    expect(merged.document).toEqual({ rounds: 500, grid: { width: 40 } });
  });

  it('rejects a value that is not valid YAML', () => {
    // Arrange
    const merged = mergedOf({});

    // Act
    const error = scenarioErrorOf(() => applyOverride(merged, 'xs=[1, 2'));

    // Assert
    expect(error.issues[0].source).toBe('--set xs=[1, 2');
    expect(error.issues[0].message).toMatch(/^cannot read the value: /);
  });

  // Issue 2 regression (fixed): src/sim/scenario/load.ts applyOverride only refuses to walk through values whose
  // typeof is not 'object', so it walks into lists although its @throws says it rejects walking
  // "through a non-mapping" (isMapping excludes arrays). `--set xs.name=9` sets a named
  // property on the array, which validation and JSON never see: the override is silently lost.
  it('rejects walking into a list, which is not a mapping', () => {
    // Arrange
    const merged = mergedOf({ xs: [1, 2] });

    // Act
    const error = scenarioErrorOf(() => applyOverride(merged, 'xs.name=9'));

    // Assert
    expect(error.message).toMatch(/cannot set inside xs/);
  });

  // Issue 2 regression: a `__proto__` key used to be merged into Object.prototype itself.
  it('rejects a __proto__ key in a file or a --set, and Object.prototype stays untouched', () => {
    // Arrange
    const probe = 'sahelSimPollutionProbe';
    const folder = scenarioFolder({ 'p.json': `{ "__proto__": { "${probe}": 1 }, "rounds": 3 }`, 'ok.yaml': 'rounds: 3\n' });
    try {
      // Act
      const fileError = scenarioErrorOf(() => loadScenarioDocument(join(folder, 'p.json')));
      const setError = scenarioErrorOf(() => applyOverride(loadScenarioDocument(join(folder, 'ok.yaml')), `__proto__.${probe}=1`));

      // Assert
      expect(fileError.message).toMatch(/"__proto__" cannot be a key/);
      expect(setError.message).toMatch(/"__proto__" cannot be a key/);
      expect(({} as Record<string, unknown>)[probe]).toBeUndefined();
    } finally {
      delete (Object.prototype as unknown as Record<string, unknown>)[probe];
    }
  });

  it('an id missing from every file defaults to the entry file name', () => {
    // Arrange
    const folder = scenarioFolder({ 'base.yaml': EPSTEIN_BASE, 'gao-2012.yaml': 'extends: base.yaml\n' });

    // Act
    const { params } = loadScenario(resolve(folder, 'gao-2012.yaml'), MODELS);

    // Assert
    expect(params.id).toBe('gao-2012');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
