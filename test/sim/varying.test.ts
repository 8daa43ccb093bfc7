import { describe, it, expect } from 'vitest';
import { Varying, cloneParams, decimalYear, expressionProblem, findVarying } from '../../src/sim/varying.ts';

const NO_CALENDAR = { round: 0, year: Number.NaN };

describe('varying: decimalYear', () => {
  it('1 January is the whole year', () => {
    expect(decimalYear('2012-01-01')).toBe(2012);
    expect(decimalYear('2013-01-01')).toBe(2013);
  });

  it('is the year plus elapsed days over the days of that year', () => {
    // 2 July 2013: 31+28+31+30+31+30 + 1 = 182 days after 1 January, in a 365-day year.
    expect(decimalYear('2013-07-02')).toBe(2013 + 182 / 365);
    expect(decimalYear('2013-07-02')).toBeCloseTo(2013.5, 2);
    expect(decimalYear('2013-12-31')).toBe(2013 + 364 / 365);
  });

  it('leap years have 366 days and a 29 February', () => {
    expect(decimalYear('2012-02-29')).toBe(2012 + 59 / 366);
    expect(decimalYear('2012-03-01')).toBe(2012 + 60 / 366);
    expect(decimalYear('2012-12-31')).toBe(2012 + 365 / 366);
    expect(decimalYear('2000-12-31')).toBe(2000 + 365 / 366); // divisible by 400: leap
    expect(decimalYear('2100-12-31')).toBe(2100 + 364 / 365); // divisible by 100 only: not leap
  });

  it('rejects dates that do not exist or are not written YYYY-MM-DD', () => {
    for (const text of ['2013-02-29', '2013-04-31', '2013-13-01', '2013-00-10', '2013-7-02', '02/07/2013', '2013-07-02T00:00', '', 'soon']) {
      expect(() => decimalYear(text), text).toThrow(`expected a date as YYYY-MM-DD, found "${text}"`);
    }
  });

  // Issue 2 regression (fixed): decimalYear computes the start of the year with Date.UTC(year, 0, 1), which maps
  // years 0–99 to 1900–1999, so decimalYear('0050-01-01') is 50 + (−1850 years in days)/365
  // ≈ −1800 instead of 50. Date.parse (ISO) reads the year correctly, so validation passes.
  it('years 0000–0099 are valid YYYY-MM-DD years like any other', () => {
    expect(decimalYear('0050-01-01')).toBe(50);
  });
});

describe('varying: Varying', () => {
  it('a number is a constant: its value never changes with the clock', () => {
    // Arrange
    const v = new Varying(0.3);

    // Act
    v.update({ round: 40, year: 2015 });

    // Assert
    expect(v.isConstant).toBe(true);
    expect(v.value).toBe(0.3);
    expect(v.valueAt({ round: 99, year: 2020 })).toBe(0.3);
    expect(v.toJSON()).toBe(0.3);
  });

  it('an expression has no value until the first update, then its value for that round', () => {
    // Arrange
    const v = new Varying('0.1 + round / 100');
    expect(v.isConstant).toBe(false);
    expect(v.value).toBeNaN();

    // Act
    v.update({ round: 30, year: Number.NaN });

    // Assert
    expect(v.value).toBe(0.1 + 30 / 100);
    expect(v.valueAt({ round: 0, year: Number.NaN })).toBe(0.1);
    expect(v.value).toBe(0.1 + 30 / 100); // valueAt does not change value
  });

  it('reads the calendar year and date() gives a day as a decimal year', () => {
    // Operation Serval starts on 11 January 2013.
    const v = new Varying('year >= date("2013-01-11") ? 0.9 : 0.2');
    expect(v.valueAt({ round: 1, year: decimalYear('2013-01-10') })).toBe(0.2);
    expect(v.valueAt({ round: 2, year: decimalYear('2013-01-11') })).toBe(0.9);
    expect(new Varying('date("2013-07-02")').valueAt(NO_CALENDAR)).toBe(2013 + 182 / 365);
  });

  it('interp interpolates linearly through the points and is flat beyond the ends', () => {
    const v = new Varying('interp(round, [10, 20, 40], [0, 1, 0.5])');
    const at = (round: number): number => v.valueAt({ round, year: Number.NaN });
    expect(at(0)).toBe(0);
    expect(at(10)).toBe(0);
    expect(at(15)).toBe(0.5);
    expect(at(20)).toBe(1);
    expect(at(30)).toBe(0.75);
    expect(at(40)).toBe(0.5);
    expect(at(100)).toBe(0.5);
  });

  it('steps gives ys[0] before xs[0] and ys[i] from xs[i−1] on', () => {
    const v = new Varying('steps(round, [5, 10], [1, 2, 3])');
    const at = (round: number): number => v.valueAt({ round, year: Number.NaN });
    expect([0, 4, 5, 9, 10, 50].map(at)).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('interp and steps reject mismatched point lists', () => {
    expect(() => new Varying('interp(round, [1, 2], [1])').valueAt(NO_CALENDAR)).toThrow('equal, non-zero length');
    expect(() => new Varying('steps(round, [1, 2], [1, 2])').valueAt(NO_CALENDAR)).toThrow('one more value in ys');
  });

  it('a boolean expression becomes 1 or 0', () => {
    const v = new Varying('round > 3');
    expect(v.valueAt({ round: 4, year: Number.NaN })).toBe(1);
    expect(v.valueAt({ round: 3, year: Number.NaN })).toBe(0);
  });

  it('an expression giving a non-finite or non-number result throws, quoting it', () => {
    for (const source of ['1 / round', 'log(round)', 'sqrt(-1)', '[1, 2]', 'year', '"text"']) {
      expect(() => new Varying(source).valueAt(NO_CALENDAR), source).toThrow(`expression "${source}" gave`);
    }
  });

  it('clone has its own value and leaves the original untouched', () => {
    // Arrange
    const original = new Varying('round * 2');
    original.update({ round: 1, year: Number.NaN });

    // Act
    const copy = original.clone();
    copy.update({ round: 5, year: Number.NaN });

    // Assert
    expect(copy).toBeInstanceOf(Varying);
    expect(copy).not.toBe(original);
    expect(copy.value).toBe(10);
    expect(original.value).toBe(2);
    expect(copy.source).toBe('round * 2');
    expect(copy.isConstant).toBe(false);
    expect(new Varying(4).clone().value).toBe(4);
  });

  it('serialises as its source, not its current value', () => {
    const v = new Varying('round / 10');
    v.update({ round: 3, year: Number.NaN });
    expect(JSON.stringify({ drift: v, rate: new Varying(0.5) })).toBe('{"drift":"round / 10","rate":0.5}');
  });
});

describe('varying: expressionProblem', () => {
  it('accepts expressions of the clock and mathjs functions and constants', () => {
    for (const source of ['round', 'min(1, round / 10)', 'exp(-round) * pi', 'round > 3 ? 1 : 0', 'interp(year, [2012, 2014], [0, 1])']) {
      expect(expressionProblem(source, true), source).toBeNull();
    }
  });

  it('names an unknown symbol and suggests the nearest clock name', () => {
    expect(expressionProblem('rond + 1', true)).toBe('expression "rond + 1" uses unknown name "rond" (did you mean "round"?)');
    expect(expressionProblem('yaer - 2012', true)).toBe('expression "yaer - 2012" uses unknown name "yaer" (did you mean "year"?)');
  });

  it('lists the known names when nothing is close', () => {
    expect(expressionProblem('rainfall * 2', true)).toBe('expression "rainfall * 2" uses unknown name "rainfall" (known: round, year)');
    expect(expressionProblem('rainfall * 2', false)).toBe('expression "rainfall * 2" uses unknown name "rainfall" (known: round)');
  });

  it('rejects year without a calendar, and allows it while the calendar is not yet known', () => {
    expect(expressionProblem('year - 2012', false)).toBe('expression "year - 2012" uses year, but the scenario has no calendar');
    expect(expressionProblem('year - 2012', true)).toBeNull();
    expect(expressionProblem('year - 2012')).toBeNull();
  });

  it('reports parse errors with the source', () => {
    expect(expressionProblem('1 +')).toMatch(/^cannot parse expression "1 \+": /);
    expect(expressionProblem('round * (2')).toMatch(/^cannot parse expression "round \* \(2": /);
  });

  // Issue 2 regression (fixed): expressionProblem skips every symbol in function position (`path === 'fn'`), so an
  // unknown or misspelt function passes as usable (null) although evaluating it throws
  // "Undefined function interpp". The scenario validator only catches it later, when it
  // evaluates the expression, and without the "did you mean" hint.
  it('a misspelt function name is reported as a problem', () => {
    expect(expressionProblem('interpp(round, [0, 10], [0, 1])', true)).not.toBeNull();
  });
});

describe('varying: parameter trees', () => {
  it('findVarying finds every Varying with its dotted path, through objects and arrays', () => {
    // Arrange
    const a = new Varying(1);
    const b = new Varying('round');
    const c = new Varying(2);
    const tree = { rounds: 10, legitimacy: a, cops: { density: b, notes: 'x', list: [0, c] }, nothing: null };

    // Act
    const found = findVarying(tree);

    // Assert
    expect(found.map((f) => f.path)).toEqual(['legitimacy', 'cops.density', 'cops.list.1']);
    expect(found.map((f) => f.varying)).toEqual([a, b, c]);
    expect(findVarying(a)).toEqual([{ path: '', varying: a }]);
    expect(findVarying(42)).toEqual([]);
  });

  it('cloneParams deep-copies objects and arrays and clones every Varying', () => {
    // Arrange
    const tree = { id: 'x', rounds: 5, calendar: { start: '2012-01-01', roundDays: 7 }, drift: new Varying('round'), list: [{ v: new Varying(3) }] };

    // Act
    const copy = cloneParams(tree);
    copy.drift.update({ round: 4, year: Number.NaN });
    copy.list[0].v.value = 8;
    (copy.calendar as { roundDays: number }).roundDays = 1;

    // Assert
    expect(copy).not.toBe(tree);
    expect(copy.calendar).not.toBe(tree.calendar);
    expect(copy.list).not.toBe(tree.list);
    expect(copy.drift).toBeInstanceOf(Varying);
    expect(copy.drift).not.toBe(tree.drift);
    expect(copy.drift.value).toBe(4);
    expect(tree.drift.value).toBeNaN();
    expect(tree.list[0].v.value).toBe(3);
    expect(tree.calendar.roundDays).toBe(7);
    expect(Array.isArray(copy.list)).toBe(true);
    expect(copy.id).toBe('x');
    expect(cloneParams(7)).toBe(7);
    expect(cloneParams(null)).toBeNull();
  });
});
