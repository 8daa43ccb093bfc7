/**
 * No hindsight after 2017 (issue 13 §5): observed outcomes stop at 2017, so from 2018 on a
 * scenario may state only inputs knowable as plans or events — force sizes and deployments,
 * withdrawals, a partner force's arrival — never a behaviour rate changed to match what happened
 * later. Every time-varying parameter of the baseline and of its calibrated overlay that is not
 * such an input must be constant from 1 January 2018.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODELS } from '../../../src/agents/registry.ts';
import { loadScenario } from '../../../src/sim/scenario/index.ts';
import { decimalYear, findVarying } from '../../../src/sim/varying.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
/** Inputs a scenario may date after 2017: force sizes and where forces deploy. */
const PLANS = /(^|\.)troops$|\.deployment\.[^.]+$|^ctForces\.(french|g5s|scale)$/;

/** Paths of the time-varying parameters that are not plans and change in some week of 2018–2024. */
function changingAfter2017(params: unknown): string[] {
  const from = decimalYear('2018-01-01');
  return findVarying(params)
    .filter(({ path, varying }) => !PLANS.test(path) && !varying.isConstant)
    .filter(({ varying }) => {
      const first = varying.valueAt({ round: 0, year: from });
      for (let week = 1; week <= 7 * 52; week++) if (varying.valueAt({ round: week, year: from + (week * 7) / 365.25 }) !== first) return true;
      return false;
    })
    .map(({ path }) => path);
}

const load = (file: string, set: string[] = []) => loadScenario(resolve(ROOT, file), MODELS, { set }).params;

describe('no hindsight after 2017 (scenarios/mali-2012.yaml)', () => {
  for (const file of ['scenarios/mali-2012.yaml', 'scenarios/calibrated/mali-2012-2017.yaml']) {
    it(`${file}: every behaviour parameter is the same every week from 2018 to 2024`, () => {
      expect(changingAfter2017(load(file))).toEqual([]);
    });
  }

  it('catches a behaviour rate with a breakpoint after 2017, and lets dated force sizes and a rate that changes before 2018 through', () => {
    expect(changingAfter2017(load('scenarios/mali-2012.yaml', ['fama.abusePropensity="year < 2022 ? 0.1 : 0.3"']))).toEqual(['fama.abusePropensity']);
    expect(changingAfter2017(load('scenarios/mali-2012.yaml', ['fama.abusePropensity="year < 2016 ? 0.1 : 0.3"']))).toEqual([]);
    expect(PLANS.test('fama.troops') && PLANS.test('minusma.deployment.Gao') && PLANS.test('ctForces.french')).toBe(true);
    expect(PLANS.test('fama.capability')).toBe(false);
  });
});
