/**
 * Reading scenario files: YAML or JSON, `extends` resolved, layers merged, `--set` applied,
 * and the origin of every value remembered so an error names the file (or flag) that set it.
 *
 * `extends` (a path or a list of paths, relative to the file) is linearised depth-first and
 * each file's own fields are merged once, in order: base files first, the extending file last.
 * So two overlays that both extend the same base combine as expected (the base is not merged
 * a second time over the first overlay's changes). Mappings merge key by key; lists and
 * scalars replace.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import YAML from 'yaml';
import { renderFound, ScenarioError, type ScenarioIssue } from './errors.ts';

export type Document = Record<string, unknown>;

/** A scenario document after merging, with where each value came from. */
export interface MergedDocument {
  readonly document: Document;
  /** Dotted path → the file or flag that set it last; children inherit their nearest ancestor's. */
  readonly origins: Map<string, string>;
  /** The file named on the command line (display form). */
  readonly entry: string;
  /** The entry file's name without extension: the scenario id when the files set none. */
  readonly entryName: string;
  /** Every file read, in merge order (display form). */
  readonly files: readonly string[];
}

/** A path as the user would type it: relative to the working folder when inside it, else absolute. */
export function displayPath(file: string): string {
  const shown = relative(process.cwd(), file);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? resolve(file) : shown;
}

export function isMapping(value: unknown): value is Document {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function fail(source: string, message: string, path = ''): never {
  throw new ScenarioError([{ source, path, expected: '', found: '', message }]);
}

/** Keys that would reach Object.prototype if merged; never scenario fields. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A YAML or JSON syntax error, with line and column, or the first forbidden key. */
function syntaxIssues(parsed: YAML.Document, text: string, source: string, format: 'yaml' | 'json'): ScenarioIssue[] {
  return parsed.errors.map((error) => {
    const at = error.linePos?.[0];
    const key = error.code === 'DUPLICATE_KEY' ? /^["']?([^"':]+)/.exec(text.slice(error.pos[0]))?.[1]?.trim() : undefined;
    const what = key ? `duplicate key "${key}"` : firstLine(error.message);
    return {
      source: at ? `${source}:${at.line}:${at.col}` : source,
      path: '',
      expected: '',
      found: '',
      message: `${format === 'json' ? 'JSON' : 'YAML'} syntax error: ${what}`,
    };
  });
}

/** The first line of a parser message, without the position it repeats. */
function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function findForbiddenKey(value: unknown, path: string): string | null {
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) return here;
    const below = findForbiddenKey(child, here);
    if (below) return below;
  }
  return null;
}

/**
 * Parses one file's text. JSON goes through the YAML parser too (JSON is YAML's flow style), so
 * both report line and column and reject duplicate keys; JSON.parse then enforces strict JSON.
 */
export function parseDocument(text: string, source: string, format: 'yaml' | 'json'): Document {
  const parsed = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (parsed.errors.length > 0) throw new ScenarioError(syntaxIssues(parsed, text, source, format));
  if (format === 'json') {
    try {
      JSON.parse(text);
    } catch (error) {
      fail(source, `JSON syntax error: ${(error as Error).message}`);
    }
  }
  const value: unknown = parsed.toJS();
  if (!isMapping(value)) fail(source, `expected a mapping of scenario fields at the top, found ${renderFound(value)}`);
  const forbidden = findForbiddenKey(value, '');
  if (forbidden) fail(source, `"${forbidden.split('.').pop()}" cannot be a key`, forbidden);
  return value;
}

function readLayer(file: string, referrer: { source: string } | null): Document {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    if (referrer) fail(referrer.source, `cannot read ${displayPath(file)}: ${reason}`, 'extends');
    fail(displayPath(file), `cannot read the scenario file: ${reason}`);
  }
  const format = extname(file).toLowerCase() === '.json' ? 'json' : 'yaml';
  return parseDocument(text, displayPath(file), format);
}

function extendsList(document: Document, source: string): string[] {
  const value = document['extends'];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((item): item is string => typeof item === 'string' && item.length > 0)) {
    throw new ScenarioError([
      { source, path: 'extends', expected: 'a file path or a list of file paths', found: renderFound(value) },
    ]);
  }
  return list;
}

/**
 * The files of a scenario in merge order, each with its own fields (without `extends`). Several
 * entry files merge as if one file extended them all, in order (a base and its overlays).
 */
export function readLayers(...entryFiles: string[]): { source: string; document: Document }[] {
  const layers: { source: string; document: Document }[] = [];
  const merged = new Set<string>();
  const visit = (file: string, chain: readonly string[], referrer: { source: string } | null): void => {
    if (chain.includes(file)) {
      const cycle = [...chain.slice(chain.indexOf(file)), file].map(displayPath).join(' → ');
      fail(displayPath(chain[chain.length - 1]), `cycle: ${cycle}`, 'extends');
    }
    if (merged.has(file)) return;
    const document = readLayer(file, referrer);
    const source = displayPath(file);
    for (const parent of extendsList(document, source)) {
      visit(resolve(dirname(file), parent), [...chain, file], { source });
    }
    const { extends: _extends, ...own } = document;
    merged.add(file);
    layers.push({ source, document: own });
  };
  for (const entryFile of entryFiles) visit(resolve(entryFile), [], null);
  return layers;
}

function forgetBelow(origins: Map<string, string>, path: string): void {
  const prefix = `${path}.`;
  for (const key of origins.keys()) if (key.startsWith(prefix)) origins.delete(key);
}

function mergeInto(target: Document, layer: Document, source: string, origins: Map<string, string>, prefix: string): void {
  for (const [key, value] of Object.entries(layer)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const current = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isMapping(value) && isMapping(current)) {
      mergeInto(current, value, source, origins, path);
      continue;
    }
    target[key] = structuredClone(value);
    forgetBelow(origins, path);
    origins.set(path, source);
  }
}

/**
 * Reads a scenario file and everything it extends, merged. More files (overlays) merge after
 * the first as if it extended them too; the first names the scenario.
 */
export function loadScenarioDocument(entryFile: string, ...overlays: string[]): MergedDocument {
  const layers = readLayers(entryFile, ...overlays);
  const document: Document = {};
  const origins = new Map<string, string>();
  for (const layer of layers) mergeInto(document, layer.document, layer.source, origins, '');
  const entry = displayPath(resolve(entryFile));
  return {
    document,
    origins,
    entry,
    entryName: basename(entryFile, extname(entryFile)),
    files: layers.map((layer) => layer.source),
  };
}

/** The file or flag that set the value at `path` (or its nearest ancestor). */
export function originOf(merged: MergedDocument, path: string): string {
  for (let probe = path; probe !== ''; probe = probe.includes('.') ? probe.slice(0, probe.lastIndexOf('.')) : '') {
    const origin = merged.origins.get(probe);
    if (origin !== undefined) return origin;
  }
  return merged.entry;
}

/** The value at a dotted path, or undefined. */
export function valueAt(document: unknown, path: readonly (string | number)[]): unknown {
  let node: unknown = document;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/**
 * Applies one `path=value` override (value read as YAML: `0.5`, `true`, `[1, 2]`, text).
 * `source` names the flag in error messages, e.g. `--set legitimacy=0.7`.
 * @throws ScenarioError when the assignment is malformed or walks through a non-mapping
 */
export function applyOverride(merged: MergedDocument, assignment: string, source = `--set ${assignment}`): void {
  const equals = assignment.indexOf('=');
  const path = equals > 0 ? assignment.slice(0, equals).trim() : '';
  const segments = path.split('.');
  if (equals <= 0 || segments.some((segment) => segment === '')) {
    fail(source, 'expected path=value with a dotted path, e.g. --set citizens.density=0.6');
  }
  const forbidden = segments.find((segment) => FORBIDDEN_KEYS.has(segment));
  if (forbidden) fail(source, `"${forbidden}" cannot be a key`);
  let value: unknown;
  try {
    value = YAML.parse(assignment.slice(equals + 1));
  } catch (error) {
    fail(source, `cannot read the value: ${firstLine((error as Error).message)}`);
  }
  let node: Record<string, unknown> = merged.document;
  for (let i = 0; i < segments.length - 1; i++) {
    const key = segments[i];
    const child = Object.hasOwn(node, key) ? node[key] : undefined;
    if (child === undefined) {
      node[key] = {};
    } else if (!isMapping(child)) {
      const where = segments.slice(0, i + 1).join('.');
      const hint = Array.isArray(child) ? `; set the whole list instead, e.g. --set ${where}=[…]` : '';
      fail(source, `cannot set inside ${where}, which is ${renderFound(child)}${hint}`);
    }
    node = node[key] as Record<string, unknown>;
  }
  node[segments[segments.length - 1]] = value;
  forgetBelow(merged.origins, path);
  merged.origins.set(path, source);
}

/** Shorthand for issues of the shape "expected …, found …" at a path. */
export function issueAt(merged: MergedDocument, path: readonly (string | number)[], expected: string, found: unknown, hint?: string): ScenarioIssue {
  const dotted = path.join('.');
  return {
    source: originOf(merged, dotted),
    path: dotted,
    expected,
    found: renderFound(found),
    ...(hint === undefined ? {} : { hint }),
  };
}
