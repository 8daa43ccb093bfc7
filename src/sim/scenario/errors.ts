/**
 * The two kinds of failure a user can meet. A ScenarioError is a problem in the user's input
 * (a scenario file, a --set): it lists every issue found, one per line in one shape, with no
 * stack trace, and the command exits with code 2 before any work starts. An InternalError is a
 * bug of ours: the command line prints its message, logs its stack trace and asks for a report.
 */

/** One problem in the input, located as precisely as we can. */
export interface ScenarioIssue {
  /** Where the offending value came from: a file path, or the command-line flag that set it. */
  readonly source: string;
  /** Dotted path of the field, e.g. `citizens.density`; empty for the whole document. */
  readonly path: string;
  /** What the field must be, e.g. `a number in [0, 1]`; empty when `message` says it all. */
  readonly expected: string;
  /** What was there, rendered short; empty when irrelevant. */
  readonly found: string;
  /** Extra help: the nearest valid key, a cross-field rule. */
  readonly hint?: string;
  /** Overrides "expected …, found …" when the problem is not of that shape. */
  readonly message?: string;
}

export function formatIssue(issue: ScenarioIssue): string {
  const where = issue.path ? `${issue.source}: ${issue.path}` : issue.source;
  const what = issue.message ?? `expected ${issue.expected}, found ${issue.found}`;
  return `${where}: ${what}${issue.hint ? ` ${issue.hint}` : ''}`;
}

export class ScenarioError extends Error {
  readonly exitCode = 2;

  constructor(readonly issues: readonly ScenarioIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ScenarioError';
  }
}

export class InternalError extends Error {
  readonly exitCode = 70;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InternalError';
  }
}

/** A value shown in an error message: short, and quoted when it is a string. */
export function renderFound(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value !== null && typeof value === 'object') return 'an object';
  return String(value);
}
