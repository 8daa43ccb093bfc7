/**
 * Unit tests of the Mali model's rule functions, on the tiny world of test/support/mali.ts
 * (three cercles, two communities, one extremist and one Tuareg group) or on plain numbers.
 */
import fc from 'fast-check';
import type * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { CONTROL_MARGIN, updateControl } from '../../../src/agents/mali/control.ts';
import { deploy, deployArmy } from '../../../src/agents/mali/fama.ts';
import { blocksAid } from '../../../src/agents/mali/humanitarian-access.ts';
import { mandateShares } from '../../../src/agents/mali/minusma.ts';
import { drawSplinters, updateGroupLifecycle } from '../../../src/agents/mali/lifecycle.ts';
import { finance, operationsBudget, WEEKS_PER_MONTH, weeklyIncome } from '../../../src/agents/mali/money.ts';
import { humanProtectionIndex } from '../../../src/agents/mali/protection.ts';
import { offeredWage, perceivedRisk, recruit, recruitmentScore } from '../../../src/agents/mali/recruitment.ts';
import { apportion, FAMA, NEGOTIATION, STATUS, type MaliState } from '../../../src/agents/mali/state.ts';
import { scheduledNegotiation } from '../../../src/agents/mali/tuareg.ts';
import { killCivilians, pickCivilian } from '../../../src/agents/mali/violence.ts';
import { intercommunalViolence } from '../../../src/agents/mali/intercommunal.ts';
import { EVENT } from '../../../src/agents/mali/ledger.ts';
import { destinationWeights, moveCivilians, senseThreat, surveyCivilians } from '../../../src/agents/mali/civilians.ts';
import { RandomStream } from '../../../src/sim/random.ts';
import { Clock } from '../../../src/sim/schedule.ts';
import { tinyParams, tinyState } from '../../support/mali.ts';

const NORTH = 0;
const SOUTH = 1;
const EMPTY = 2;
const HERDERS = 0;

/** What the schema says of the tiny world with `patch` merged in: "field.path: message" per issue, [] when it is valid. */
function issues(patch: Record<string, unknown>): string[] {
  try {
    tinyParams(patch);
  } catch (error) {
    return (error as z.ZodError).issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  }
  return [];
}
const FARMERS = 1;

describe('recruitment rule (recruitment.ts)', () => {
  const params = tinyParams();
  const share = fc.double({ min: 0, max: 1, noNaN: true });
  const score = (o: { hardship: number; trustInState: number; trustInGroup: number; ties: number; wage: number; riskAversion: number; risk: number }) =>
    recruitmentScore(params, o.hardship, o.trustInState, o.trustInGroup, o.ties, o.wage, o.riskAversion, o.risk);
  const candidate = fc.record({
    hardship: fc.double({ min: 0, max: 0.99, noNaN: true }),
    trustInState: share,
    trustInGroup: share,
    ties: share,
    wage: fc.double({ min: 1, max: 1000, noNaN: true }),
    riskAversion: share,
    risk: share,
  });

  it('scores G·wG + pay·wP + ties·trust·wT − R·P, with G = hardship·(1 − trust in the state)', () => {
    // Arrange: hardship 0.5 halves the civilian income of 120 USD/month to 60.
    const { grievanceWeight, payWeight, tiesWeight } = params.recruitment;
    // Act
    const value = recruitmentScore(params, 0.5, 0.2, 0.6, 0.5, 180, 0.4, 0.25);
    // Assert
    expect(value).toBeCloseTo(grievanceWeight * 0.5 * 0.8 + payWeight * (180 / 240) + tiesWeight * 0.5 * 0.6 - 0.4 * 0.25, 12);
  });

  it('a higher wage, more grievance (less trust in the state) or stronger ties raise the score; more risk lowers it', () => {
    fc.assert(
      fc.property(candidate, fc.double({ min: 0.05, max: 1, noNaN: true }), (c, step) => {
        const base = score(c);
        expect(score({ ...c, wage: c.wage * (1 + step) })).toBeGreaterThan(base);
        if (c.hardship > 0.01 && c.trustInState >= step) expect(score({ ...c, trustInState: c.trustInState - step })).toBeGreaterThan(base);
        if (c.trustInGroup > 0.01 && c.ties + step <= 1) expect(score({ ...c, ties: c.ties + step })).toBeGreaterThan(base);
        if (c.riskAversion > 0.01 && c.risk + step <= 1) expect(score({ ...c, risk: c.risk + step })).toBeLessThan(base);
      }),
      { seed: 12, numRuns: 200 },
    );
  });

  it('no pay attracts no one: a zero wage adds nothing to the score', () => {
    const withoutPay = recruitmentScore(params, 0.5, 0.5, 0.5, 0.5, 0, 0.5, 0.5);
    const withoutPayWeight = recruitmentScore(tinyParams({ recruitment: { payWeight: 0 } }), 0.5, 0.5, 0.5, 0.5, 150, 0.5, 0.5);
    expect(withoutPay).toBeCloseTo(withoutPayWeight, 12);
  });
});

describe('who joins and how many (recruitment.ts recruit)', () => {
  // Both groups in the North; the jihadists, with the herders' ties, score higher than the rebels there.
  const world = (patch: Record<string, unknown>, peoplePerAgent = 10) => {
    const params = tinyParams({ peoplePerAgent, recruitment: { contact: 0.5, maxShareOfGroup: 1 }, ...patch });
    const state = tinyState(params);
    state.groups.forEach((group) => (group.active = true));
    state.groups[1].cadre[NORTH] = 100;
    return { params, state };
  };
  const recruits = (params: ReturnType<typeof tinyParams>, state: MaliState) => {
    recruit(RandomStream.fromSeed(9), state, params);
    return state.groups.map((group) => group.recruits);
  };

  it('takes the best-scoring group among those whose own threshold the score exceeds: a higher bar elsewhere does not stop it joining', () => {
    const open = world({ armedGroups: { jihadists: { recruitThreshold: 0 }, rebels: { recruitThreshold: 0 } } });
    const [toJihadists, toRebels] = recruits(open.params, open.state);
    expect(toJihadists).toBeGreaterThan(0);
    expect(toRebels).toBe(0); // herders and farmers alike score the jihadists higher (wage 200 against 150)
    const barred = world({ armedGroups: { jihadists: { recruitThreshold: 10 }, rebels: { recruitThreshold: 0 } } });
    const [none, toRebelsNow] = recruits(barred.params, barred.state);
    expect(none).toBe(0);
    expect(toRebelsNow).toBeGreaterThan(0);
  });

  it('draws recruits person by person: the same share of young people joins at 5 or 50 people per agent', () => {
    const share = (peoplePerAgent: number) => {
      const { params, state } = world({ armedGroups: { jihadists: { recruitThreshold: 0 } } }, peoplePerAgent);
      const c = state.civilians.columns;
      let youth = 0;
      for (let i = 0; i < state.civilians.size; i++) if (c.ageBand[i] === 1 && c.status[i] === STATUS.home) youth += c.people[i];
      return recruits(params, state).reduce((a, b) => a + b, 0) / youth;
    };
    // Young people of the North, where the groups are, meet a recruiter with probability 0.5; the share is of all young people at home.
    const coarse = share(50);
    const fine = share(5);
    expect(coarse).toBeGreaterThan(0.1);
    expect(Math.abs(coarse - fine)).toBeLessThan(0.05);
  });
});

describe('offered wage (recruitment.ts)', () => {
  // Jihadists: 100 cadres, wage 200 and upkeep 50 USD/month: six months of payroll for 101 is 151,500 USD.
  const params = tinyParams();
  const payroll = 101 * 250 * 6;

  it('a group with six months of payroll offers its full wage, and no more when richer', () => {
    const state = tinyState(params);
    const [group] = state.groups;
    group.money = payroll;
    expect(offeredWage(group, params)).toBeCloseTo(200, 9);
    group.money = 100 * payroll;
    expect(offeredWage(group, params)).toBeCloseTo(200, 9);
  });

  it('a group short of money offers less, in proportion, and nothing when broke', () => {
    const state = tinyState(params);
    const [group] = state.groups;
    group.money = payroll / 4;
    expect(offeredWage(group, params)).toBeCloseTo(50, 9);
    group.money = 0;
    expect(offeredWage(group, params)).toBe(0);
  });

  it('more fighters to pay from the same purse lower the wage offered', () => {
    const state = tinyState(params);
    const [group] = state.groups;
    group.money = payroll;
    group.cadre[SOUTH] = 100;
    expect(offeredWage(group, params)).toBeLessThan(200);
  });
});

describe('perceived risk (recruitment.ts)', () => {
  const params = tinyParams();

  it('is 0 where there are no soldiers and 1 − exp(−k·S/(F + 1)) where there are', () => {
    const state = tinyState(params);
    const [group] = state.groups;
    expect(perceivedRisk(state, params, group, NORTH)).toBe(0);
    state.cercles.fama[NORTH] = 500;
    state.cercles.ct[NORTH] = 100;
    // capability 1, CT fighter strength 3: S = 500 + 300; 100 cadres in the North.
    expect(perceivedRisk(state, params, group, NORTH)).toBeCloseTo(1 - Math.exp((-params.recruitment.riskConstant * 800) / 101), 12);
  });

  it('rises with security forces and falls with the group\'s fighters there', () => {
    const state = tinyState(params);
    const [group] = state.groups;
    state.cercles.fama[NORTH] = 200;
    const base = perceivedRisk(state, params, group, NORTH);
    state.cercles.fama[NORTH] = 400;
    const moreSoldiers = perceivedRisk(state, params, group, NORTH);
    group.cadre[NORTH] = 300;
    const moreFighters = perceivedRisk(state, params, group, NORTH);
    expect(moreSoldiers).toBeGreaterThan(base);
    expect(moreFighters).toBeLessThan(moreSoldiers);
  });
});

describe('humanitarian access (humanitarian-access.ts)', () => {
  it('a group blocks aid when its hostility exceeds 2 × need × support, and lets it in otherwise', () => {
    expect(blocksAid(0.6, 0.5, 0.5)).toBe(true); // 0.6 > 0.5
    expect(blocksAid(0.4, 0.5, 0.5)).toBe(false); // 0.4 < 0.5
    expect(blocksAid(0.5, 0.5, 0.5)).toBe(false); // equal: lets aid in
    expect(blocksAid(0, 0, 0)).toBe(false); // no hostility never blocks
    expect(blocksAid(1, 0.2, 0.1)).toBe(true);
  });

  it('more need or more support among its people never turns a "let in" into a block', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (hostility, need, support, more) => {
        if (!blocksAid(hostility, need, support)) {
          expect(blocksAid(hostility, Math.min(1, need + more), support)).toBe(false);
          expect(blocksAid(hostility, need, Math.min(1, support + more))).toBe(false);
        }
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

describe('human protection index (protection.ts)', () => {
  const params = tinyParams();
  const population = 1_000_000;
  const perYear = 365.25 / 7;
  const { deathsScale, abusesScale, displacedScale } = params.humanProtection;

  it('is 100 when no civilian is killed, abused or displaced', () => {
    expect(humanProtectionIndex(params, 0, 0, 0, population, 7)).toBe(100);
  });

  it('each harm at its scale divides the index by e, and harms multiply', () => {
    const deaths = (deathsScale * population) / 100_000 / perYear;
    const abuses = (abusesScale * population) / 1_000_000 / perYear;
    const displaced = (displacedScale / 100) * population;
    expect(humanProtectionIndex(params, deaths, 0, 0, population, 7)).toBeCloseTo(100 / Math.E, 9);
    expect(humanProtectionIndex(params, 0, abuses, 0, population, 7)).toBeCloseTo(100 / Math.E, 9);
    expect(humanProtectionIndex(params, 0, 0, displaced, population, 7)).toBeCloseTo(100 / Math.E, 9);
    expect(humanProtectionIndex(params, deaths, abuses, displaced, population, 7)).toBeCloseTo(100 / Math.E ** 3, 9);
  });

  it('stays within [0, 100] and falls as any harm grows', () => {
    const count = fc.double({ min: 0, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(count, count, count, fc.double({ min: 1, max: 1e6, noNaN: true }), (deaths, abuses, displaced, more) => {
        const hpi = humanProtectionIndex(params, deaths, abuses, displaced, population, 7);
        expect(hpi).toBeGreaterThanOrEqual(0);
        expect(hpi).toBeLessThanOrEqual(100);
        expect(humanProtectionIndex(params, deaths + more, abuses, displaced, population, 7)).toBeLessThanOrEqual(hpi);
      }),
      { seed: 3, numRuns: 200 },
    );
    expect(humanProtectionIndex(params, 5, 5, 5, 0, 7)).toBe(0);
  });
});

describe('reprisals (intercommunal.ts)', () => {
  // Herders and farmers in tension in the North; no clash by the base rate, so only the excitation acts.
  const params = tinyParams({ intercommunal: { tensions: [{ between: ['herders', 'farmers'], weight: 1 }], rate: 0, reprisal: 0.2, memory: 0.5, attribution: 0.1 } });
  const setUp = () => {
    const state = tinyState(params);
    state.groups[0].active = true;
    return state;
  };
  const clashes = (state: MaliState) => state.ledger.events[EVENT.intercommunal_clash];

  it('without excitation nothing happens; excitation sets off clashes, each clash adds reprisal to it, and it fades by memory', () => {
    const state = setUp();
    intercommunalViolence(RandomStream.fromSeed(1), state, params);
    expect(clashes(state)).toBe(0);
    expect(state.cercles.reprisals[NORTH]).toBe(0);
    state.cercles.reprisals[NORTH] = 20;
    intercommunalViolence(RandomStream.fromSeed(1), state, params);
    const n = clashes(state);
    expect(n).toBeGreaterThan(5);
    expect(state.cercles.reprisals[NORTH]).toBeCloseTo(0.5 * 20 + 0.2 * n, 9);
  });

  it("MINUSMA's full protection stops them", () => {
    const state = setUp();
    state.cercles.reprisals[NORTH] = 20;
    state.cercles.protection[NORTH] = 1;
    intercommunalViolence(RandomStream.fromSeed(1), state, params);
    expect(clashes(state)).toBe(0);
  });

  it('farmers killed by the jihadists, whom the herders are tied to, raise the tension between the two: collective attribution', () => {
    const state = setUp();
    const jihadists = state.groups[0];
    killCivilians(RandomStream.fromSeed(2), state, NORTH, FARMERS, 10, jihadists.actor);
    intercommunalViolence(RandomStream.fromSeed(1), state, params);
    // Ties 0.5 against 0: 10 deaths × 0.5 × attribution 0.1.
    expect(state.cercles.reprisals[NORTH]).toBeCloseTo(0.5, 9);
  });
});

describe('apportion (state.ts)', () => {
  it('splits a total exactly, giving leftover units to the largest remainders (ties to the first)', () => {
    expect(apportion(7, [0.5, 0.3, 0.2])).toEqual([4, 2, 1]); // 3.5, 2.1, 1.4
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(5, [0, 0])).toEqual([0, 0]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });

  it('every count is the floor or ceiling of its exact share, the counts sum to the total, and no unit goes to a smaller remainder', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 9 }), (amount, weights) => {
        fc.pre(weights.some((w) => w > 1e-9));
        const counts = apportion(amount, weights);
        const sum = weights.reduce((a, b) => a + b, 0);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(amount);
        const exact = weights.map((w) => (amount * w) / sum);
        counts.forEach((n, i) => {
          expect(Number.isInteger(n)).toBe(true);
          expect(n === Math.floor(exact[i]) || n === Math.ceil(exact[i])).toBe(true);
        });
        const rounded = (i: number) => counts[i] > Math.floor(exact[i]);
        const remainder = (i: number) => exact[i] - Math.floor(exact[i]);
        for (let i = 0; i < counts.length; i++) {
          for (let j = 0; j < counts.length; j++) if (rounded(i) && !rounded(j)) expect(remainder(i)).toBeGreaterThanOrEqual(remainder(j) - 1e-9);
        }
      }),
      { seed: 5, numRuns: 300 },
    );
  });
});

describe('cercles and their regions (state.ts initMali, params.ts)', () => {
  /** The tiny world with a second cercle in the North region, three times as populous. */
  const twoCercleNorth = () => tinyParams({ cercles: { Upland: { region: 'North', adjacent: ['North'], population: 3000 } } });

  it("apportions a region's cadres over its cercles in proportion to their people, in whole fighters", () => {
    const params = twoCercleNorth();
    params.armedGroups['jihadists'].fighters = { North: 101 };
    const state = tinyState(params);
    const upland = state.cercleNames.indexOf('Upland');
    const cadre = state.groups[0].cadre;
    expect([cadre[NORTH], cadre[upland]]).toEqual([25, 76]); // 25.25 and 75.75: the larger remainder gets the unit
    expect(cadre[SOUTH] + cadre[EMPTY]).toBe(0);
  });

  it("gives every cercle its region's communities, hardship and services, and its own people", () => {
    const state = tinyState(twoCercleNorth());
    const upland = state.cercleNames.indexOf('Upland');
    expect(state.regionNames[state.regionOf[upland]]).toBe('North');
    expect(state.cercles.services[upland]).toBe(state.cercles.services[NORTH]);
    const c = state.civilians.columns;
    const people = [0, 0];
    const herders = [0, 0];
    for (let i = 0; i < state.civilians.size; i++) {
      const k = c.home[i] === NORTH ? 0 : c.home[i] === upland ? 1 : -1;
      if (k < 0) continue;
      people[k] += c.people[i];
      if (c.community[i] === HERDERS) herders[k] += c.people[i];
    }
    expect(people).toEqual([1000, 3000]);
    expect(herders).toEqual([600, 1800]); // the North's 60% herders in both
  });

  it('rejects a cercle of an unknown region and a region without cercles, naming the field', () => {
    expect(issues({ cercles: { Upland: { region: 'Nort', population: 10 } } })).toEqual([
      'cercles.Upland.region: names unknown region "Nort" (did you mean "North"?); regions are North, South, Empty',
    ]);
    expect(issues({ regions: { Coast: { communities: { farmers: 1 } } } })).toEqual(['regions.Coast: region "Coast" has no cercle: give at least one cercle `region: Coast`']);
  });
});

describe('deployment (fama.ts deploy)', () => {
  /** Regions North (cercles N1, N2 with 1:3 of its people), South (one cercle) and Empty (one cercle, nobody). */
  const places = { regionNames: ['North', 'South', 'Empty'], regionOf: Uint8Array.from([0, 0, 1, 2]), shareOfRegion: Float64Array.from([0.25, 0.75, 1, 1]) };

  it("spreads the total over regions by weight and within a region by its cercles' people; regions not listed get 0", () => {
    const out = new Float64Array(4);
    deploy(places, 1000, { North: { value: 1 }, South: { value: 3 } }, out);
    expect([...out]).toEqual([62.5, 187.5, 750, 0]);
  });

  it('sends no one when every weight is 0', () => {
    const out = new Float64Array(4).fill(9);
    deploy(places, 1000, { North: { value: 0 } }, out);
    expect([...out]).toEqual([0, 0, 0, 0]);
  });

  it('conserves the total for any positive weights', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e5, noNaN: true }), fc.array(fc.double({ min: 0.001, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 10 }), (troops, weights) => {
        const names = weights.map((_, i) => `r${i}`);
        const out = new Float64Array(weights.length);
        const oneCercleEach = { regionNames: names, regionOf: Uint8Array.from(names, (_, i) => i), shareOfRegion: new Float64Array(names.length).fill(1) };
        deploy(oneCercleEach, troops, Object.fromEntries(names.map((name, i) => [name, { value: weights[i] }])), out);
        expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(troops, 6);
        out.forEach((x) => expect(x).toBeGreaterThanOrEqual(0));
      }),
      { seed: 9, numRuns: 100 },
    );
  });
});

describe('army posts (fama.ts deployArmy)', () => {
  // Half the army planned in the North, half in the South; posts move at once (rate 1).
  const params = tinyParams({ fama: { troops: 1000, capability: 1, deployment: { North: 1, South: 1 }, posts: { withdrawAt: 1.5, returnAt: 1.5, rate: 1 } } });
  const rng = RandomStream.fromSeed(1);

  it('an outgunned post withdraws and its troops join the posts held; it comes back once it can hold, and stays as it is in between', () => {
    const state = tinyState(params);
    const jihadists = state.groups[0];
    jihadists.active = true;
    jihadists.cadre[NORTH] = 751; // > 1.5 × 500
    deployArmy(rng, state, params);
    expect([state.cercles.armyPost[NORTH], state.cercles.fama[NORTH], state.cercles.fama[SOUTH]]).toEqual([0, 0, 1000]);
    jihadists.cadre[NORTH] = 400; // 500 < 1.5 × 400: not enough to come back, not enough to be pushed out
    deployArmy(rng, state, params);
    expect(state.cercles.armyPost[NORTH]).toBe(0);
    jihadists.cadre[NORTH] = 333; // 500 ≥ 1.5 × 333
    deployArmy(rng, state, params);
    expect([state.cercles.armyPost[NORTH], state.cercles.fama[NORTH], state.cercles.fama[SOUTH]]).toEqual([1, 500, 500]);
    jihadists.cadre[NORTH] = 700; // 700 < 1.5 × 500: a held post holds
    deployArmy(rng, state, params);
    expect(state.cercles.armyPost[NORTH]).toBe(1);
  });

  it('counterterrorism troops where the post would stand add to its strength', () => {
    const state = tinyState(params);
    state.groups[0].active = true;
    state.groups[0].cadre[NORTH] = 1000;
    state.cercles.ct[NORTH] = 100; // × fighterStrength 3: 500 + 300 = 800 ≥ 1000 / 1.5
    deployArmy(rng, state, params);
    expect(state.cercles.armyPost[NORTH]).toBe(1);
  });
});

describe('MINUSMA mandate (minusma.ts mandateShares)', () => {
  it('normalises the three mandate weights to shares of 1', () => {
    const [poc, ct, stab] = mandateShares(tinyParams({ minusma: { protection: 0.2, counterterrorism: 0.2, stabilization: 0.4 } }));
    expect(poc).toBeCloseTo(0.25, 12);
    expect(ct).toBeCloseTo(0.25, 12);
    expect(stab).toBeCloseTo(0.5, 12);
  });

  it('a mandate with no weight at all gives no shares', () => {
    expect(mandateShares(tinyParams({ minusma: { protection: 0, counterterrorism: 0, stabilization: 0 } }))).toEqual([0, 0, 0]);
  });
});

describe('negotiation schedule (tuareg.ts scheduledNegotiation)', () => {
  const dates = { talksFrom: '2012-02-01', ceasefireFrom: '2012-03-15', agreementFrom: '2012-06-20' };
  const params = tinyParams({ rounds: 40, negotiation: dates });

  it('moves none → talks → ceasefire → agreement as the start of each round passes each date', () => {
    const clock = new Clock(40, params.calendar);
    const stages: number[] = [];
    for (let round = 1; round <= 40; round++) {
      clock.enterRound(round);
      // The round starts at time point round − 1; ISO dates compare as strings.
      const start = clock.dates?.[round - 1] ?? '';
      const expected =
        start >= dates.agreementFrom ? NEGOTIATION.agreement : start >= dates.ceasefireFrom ? NEGOTIATION.ceasefire : start >= dates.talksFrom ? NEGOTIATION.talks : NEGOTIATION.none;
      expect(scheduledNegotiation(params, clock)).toBe(expected);
      stages.push(expected);
    }
    expect(new Set(stages)).toEqual(new Set([NEGOTIATION.none, NEGOTIATION.talks, NEGOTIATION.ceasefire, NEGOTIATION.agreement]));
  });

  it('never negotiates when no date is set', () => {
    const never = tinyParams({ rounds: 40, negotiation: { talksFrom: null, ceasefireFrom: null, agreementFrom: null } });
    const clock = new Clock(40, never.calendar);
    for (let round = 1; round <= 40; round++) {
      clock.enterRound(round);
      expect(scheduledNegotiation(never, clock)).toBe(NEGOTIATION.none);
    }
  });
});

describe('territorial control (control.ts updateControl)', () => {
  // The state holds the North at the start; the jihadists' strength is their fighters there.
  const params = tinyParams();
  const setUp = () => {
    const state = tinyState(params);
    const [jihadists] = state.groups;
    jihadists.active = true;
    return { state, jihadists };
  };

  it('where the army holds a post the state holds the cercle, however strong the groups there (the post withdraws when outgunned: fama.ts)', () => {
    const { state, jihadists } = setUp();
    state.cercles.fama[NORTH] = 10;
    jihadists.cadre[NORTH] = 5000;
    updateControl(state, params);
    expect(state.cercles.control[NORTH]).toBe(FAMA);
  });

  it('where no post stands, a challenger must exceed the holder by the control margin, CT forces counting for the state', () => {
    const { state, jihadists } = setUp();
    state.cercles.ct[NORTH] = 100; // × fighterStrength 3
    jihadists.cadre[NORTH] = Math.floor(300 * CONTROL_MARGIN) - 1;
    updateControl(state, params);
    expect(state.cercles.control[NORTH]).toBe(FAMA);
    jihadists.cadre[NORTH] = Math.floor(300 * CONTROL_MARGIN) + 1;
    updateControl(state, params);
    expect(state.cercles.control[NORTH]).toBe(jihadists.actor);
  });

  it('the holder keeps a cercle against a stronger side still within the margin (hysteresis), and loses it to a post that comes back', () => {
    const { state, jihadists } = setUp();
    jihadists.cadre[NORTH] = 1300;
    updateControl(state, params);
    expect(state.cercles.control[NORTH]).toBe(jihadists.actor);
    state.cercles.ct[NORTH] = (1300 * CONTROL_MARGIN - 1) / 3; // stronger, but not by the margin
    updateControl(state, params);
    expect(state.cercles.control[NORTH]).toBe(jihadists.actor);
    state.cercles.fama[NORTH] = 500;
    updateControl(state, params);
    expect(state.cercles.control[NORTH]).toBe(FAMA);
  });

  it('a cercle left with no armed strength at all is contested, unless the state holds it', () => {
    const { state, jihadists } = setUp();
    jihadists.cadre[NORTH] = 2000;
    updateControl(state, params);
    jihadists.cadre[NORTH] = 0;
    updateControl(state, params);
    expect(state.cercles.control[NORTH]).toBe(-1);
    expect(state.cercles.control[EMPTY]).toBe(FAMA);
  });
});

describe('threat and flight along the roads (civilians.ts senseThreat, destinationWeights, moveCivilians)', () => {
  it('an attack frightens threatReach people of the cercle, its neighbours threatAdjacent of that, and no one further', () => {
    const params = tinyParams({ displacement: { threatReach: 500, threatAdjacent: 0.5 } });
    const state = tinyState(params);
    state.cercles.attacks[SOUTH] = 1; // 2,000 residents: a quarter frightened
    senseThreat(state, params);
    expect([...state.cercles.threat]).toEqual([0.125, 0.25, 0.125]);
    state.cercles.attacks[SOUTH] = 8;
    senseThreat(state, params);
    expect(state.cercles.threat[SOUTH]).toBe(1);
  });

  it("an armed group's arrival is a full threat once, not every round it stays", () => {
    const params = tinyParams();
    const state = tinyState(params);
    const jihadists = state.groups[0];
    jihadists.active = true;
    senseThreat(state, params); // there from the start: no news
    expect(state.cercles.threat[SOUTH]).toBe(0);
    jihadists.cadre[SOUTH] = 40;
    senseThreat(state, params);
    expect(state.cercles.threat[SOUTH]).toBe(1);
    senseThreat(state, params);
    expect(state.cercles.threat[SOUTH]).toBe(0);
  });

  it('weighs destinations by road distance: a cercle or camp no road reaches weighs nothing, a nearer one more', () => {
    const params = tinyParams({ roads: [['North', 'South', 100], ['North', 'Camp', 100]], displacement: { distanceScale: 100, abroadWeight: 1 } });
    const state = tinyState(params);
    const out = new Float64Array(3 * 4);
    destinationWeights(state, params, out);
    const weight = (from: number, to: number) => out[from * 4 + to] - (to > 0 ? out[from * 4 + to - 1] : 0);
    expect(weight(NORTH, NORTH)).toBe(0);
    expect(weight(NORTH, EMPTY)).toBe(0); // no road to it
    expect(weight(NORTH, 3)).toBeCloseTo(Math.exp(-1), 12); // the camp: pull 1, 100 km
    expect(weight(SOUTH, 3)).toBeCloseTo(Math.exp(-2), 12); // 200 km through the North
    expect(weight(NORTH, SOUTH)).toBeCloseTo(Math.exp(-1) * (1 - 0.2), 12); // calm, food insecurity 0.2
  });

  it('people with no fear flee a threatened cercle, ahead of any death, and the same people stay where there is no threat', () => {
    const params = tinyParams({ displacement: { threat: 1, moveRate: 1, flightThreshold: 0.5 } });
    const fled = (threatened: number) => {
      const state = tinyState(params);
      state.cercles.threat[threatened] = 1;
      const destinations = new Float64Array(3 * 4);
      destinationWeights(state, params, destinations);
      moveCivilians(RandomStream.fromSeed(3), state, params, destinations);
      const c = state.civilians.columns;
      let north = 0;
      for (let i = 0; i < state.civilians.size; i++) if (c.home[i] === NORTH && c.status[i] !== STATUS.home) north += c.people[i];
      return north;
    };
    expect(fled(NORTH)).toBe(1000); // danger 1 > 0.5 · (1.5 − R) for every R
    expect(fled(SOUTH)).toBe(0);
  });

  it('rejects a road to a place that is neither a cercle nor a camp, and a camp in an unknown country', () => {
    expect(issues({ roads: [['North', 'Camb', 10]] })).toEqual(['roads.0.1: names unknown place "Camb" (did you mean "Camp"?); places are North, South, Empty, Camp']);
    expect(issues({ camps: { Mbera: { host: 'mauritania' } } })[0]).toMatch(/^camps\.Mbera\.host: names unknown host country "mauritania"/);
  });
});

describe('victim draw (violence.ts pickCivilian)', () => {
  const params = tinyParams();

  it('draws only living civilians of the region (and community, when given)', () => {
    const state = tinyState(params);
    const rng = RandomStream.fromSeed(4);
    const c = state.civilians.columns;
    for (let k = 0; k < 300; k++) {
      const any = pickCivilian(rng, state, SOUTH, -1);
      expect(c.cercle[any]).toBe(SOUTH);
      const herder = pickCivilian(rng, state, NORTH, HERDERS);
      expect(c.cercle[herder]).toBe(NORTH);
      expect(c.community[herder]).toBe(HERDERS);
      expect(c.people[herder]).toBeGreaterThan(0);
    }
  });

  it('returns −1 where nobody lives, or where the community has no one', () => {
    const state = tinyState(params);
    const rng = RandomStream.fromSeed(4);
    expect(pickCivilian(rng, state, EMPTY, -1)).toBe(-1);
    expect(pickCivilian(rng, state, EMPTY, FARMERS)).toBe(-1);
    // Everyone in the North flees abroad: the North has no residents left after the survey.
    const c = state.civilians.columns;
    for (let i = 0; i < state.civilians.size; i++) {
      if (c.cercle[i] !== NORTH) continue;
      c.status[i] = STATUS.refugee;
      c.camp[i] = 0;
    }
    surveyCivilians(rng, state, new Float64Array(state.groups.length));
    expect(pickCivilian(rng, state, NORTH, -1)).toBe(-1);
    expect(pickCivilian(rng, state, NORTH, HERDERS)).toBe(-1);
  });

  it('finds the last person living there, however many groups were emptied: a death drawn is never dropped', () => {
    const state = tinyState(params);
    const c = state.civilians.columns;
    let last = -1;
    for (let i = 0; i < state.civilians.size; i++) {
      if (c.cercle[i] !== NORTH || c.community[i] !== HERDERS) continue;
      c.people[i] = 0;
      last = i;
    }
    c.people[last] = 1;
    const rng = RandomStream.fromSeed(3);
    for (let k = 0; k < 50; k++) expect(pickCivilian(rng, state, NORTH, HERDERS)).toBe(last);
    c.people[last] = 0;
    expect(pickCivilian(rng, state, NORTH, HERDERS)).toBe(-1);
  });

  it('never draws a group whose people were all killed earlier in the round', () => {
    const state = tinyState(params);
    const rng = RandomStream.fromSeed(8);
    const c = state.civilians.columns;
    // Empty every other North herder group without a new survey (as killings do mid-round).
    let kept = 0;
    for (let i = 0; i < state.civilians.size; i++) {
      if (c.cercle[i] !== NORTH || c.community[i] !== HERDERS) continue;
      if (kept++ % 2 === 0) c.people[i] = 0;
    }
    for (let k = 0; k < 300; k++) {
      const i = pickCivilian(rng, state, NORTH, HERDERS);
      if (i >= 0) expect(c.people[i]).toBeGreaterThan(0);
    }
  });
});

describe('income of armed groups (money.ts weeklyIncome)', () => {
  // Jihadists in the North: 1,000,000 USD/week of trafficking at a 2% share, 1,000 ransom, 500 external, no tax.
  const at = (borderControl: number, disruption: number) => {
    const params = tinyParams({
      cercles: { North: { trafficking: 1_000_000 } },
      armedGroups: { jihadists: { income: { traffickingShare: 0.02, ransom: 1000, external: 500, taxPerPerson: 0 } } },
      regionalCooperation: { borderControl },
      financing: { disruption },
    });
    const state = tinyState(params);
    return weeklyIncome(state, params, state.groups[0]);
  };

  it('border control stops its share of trafficking income; financing disruption cuts ransom and external funding', () => {
    expect(at(0, 0)).toBeCloseTo(20_000 + 1500, 6);
    expect(at(0.75, 0)).toBeCloseTo(5000 + 1500, 6);
    expect(at(0, 0.6)).toBeCloseTo(20_000 + 600, 6);
    expect(at(1, 1)).toBeCloseTo(0, 6);
  });

  // The North's 1,000 residents pay 52 USD a year each (1,000 USD a week to whoever taxes them all).
  const taxed = tinyParams({
    cercles: { North: { trafficking: 1_000_000 } },
    armedGroups: { jihadists: { income: { traffickingShare: 0, taxPerPerson: 52 } }, rebels: { income: { traffickingShare: 0.02, taxPerPerson: 0 } } },
  });
  const setUp = () => {
    const state = tinyState(taxed);
    state.groups.forEach((group) => (group.active = true));
    return { state, jihadists: state.groups[0], rebels: state.groups[1] };
  };

  it('a group alone in a cercle taxes all its residents; beside an army post or another group, in proportion to its strength', () => {
    const { state, jihadists, rebels } = setUp();
    expect(weeklyIncome(state, taxed, jihadists)).toBeCloseTo(1000, 6);
    state.cercles.fama[NORTH] = 100; // capability 1: as strong as the jihadists' 100 fighters
    expect(weeklyIncome(state, taxed, jihadists)).toBeCloseTo(500, 6);
    rebels.cadre[NORTH] = 100;
    expect(weeklyIncome(state, taxed, jihadists)).toBeCloseTo(1000 / 3, 6);
  });

  it('a group that is out of a cercle cannot tax it or its flows', () => {
    const { state, jihadists, rebels } = setUp();
    jihadists.cadre[SOUTH] = jihadists.cadre[NORTH];
    jihadists.cadre[NORTH] = 0;
    state.cercles.control[NORTH] = jihadists.actor; // holding it on paper changes nothing
    expect(weeklyIncome(state, taxed, jihadists)).toBeCloseTo(2000, 6); // the South's 2,000 people instead
    expect(weeklyIncome(state, taxed, rebels)).toBe(0);
  });

  it('the armed groups on a route share its flows by strength', () => {
    const { state, jihadists, rebels } = setUp();
    rebels.cadre[NORTH] = 300; // against the jihadists' 100
    expect(weeklyIncome(state, taxed, rebels)).toBeCloseTo(20_000 * 0.75, 6);
    rebels.cadre[NORTH] = 0;
    jihadists.cadre[NORTH] = 0;
    rebels.cadre[NORTH] = 1;
    expect(weeklyIncome(state, taxed, rebels)).toBeCloseTo(20_000, 6);
  });
});

describe('pay and the operations budget (money.ts finance)', () => {
  it('a group short of money holds back a week of operations, pays fewer fighters, and the unpaid ones set desertion', () => {
    const params = tinyParams({ armedGroups: { jihadists: { wage: 400, upkeep: 100, income: { traffickingShare: 0, ransom: 0, external: 0, taxPerPerson: 0 } } } });
    const state = tinyState(params);
    const [jihadists] = state.groups;
    jihadists.active = true;
    const budget = operationsBudget(params, jihadists, 100);
    const payroll = (100 * 500) / WEEKS_PER_MONTH;
    jihadists.money = budget + payroll / 2;
    const desertion = new Float64Array(2);
    finance(state, params, desertion);
    expect(jihadists.money).toBeCloseTo(budget, 6);
    expect(jihadists.unpaid).toBeCloseTo(50, 6);
    expect(desertion[0]).toBeCloseTo(params.financing.desertion * 0.5, 12);
    const fighters = jihadists.cadre.reduce((a, b) => a + b, 0); // fewer: unpaid cadres left
    expect(fighters).toBeLessThan(100);
    jihadists.money = budget / 4; // not even a week of operations: no one is paid
    finance(state, params, desertion);
    expect(jihadists.money).toBeCloseTo(budget / 4, 6);
    expect(jihadists.unpaid).toBe(fighters);
  });
});

describe('splits (lifecycle.ts drawSplinters)', () => {
  // The rebels stand for a splinter of the jihadists, present in the North beside them.
  const params = tinyParams({ armedGroups: { rebels: { kind: 'extremist', partner: null, splitsFrom: 'jihadists', splitRate: 0.5, fighters: { North: 10 } } } });
  const setUp = (unpaid: number) => {
    const state = tinyState(params);
    const [parent, splinter] = state.groups;
    parent.active = splinter.active = true;
    parent.unpaid = unpaid;
    return { parent, splinter };
  };

  it('a parent that pays its fighters and is not pressed loses no one to the splinter', () => {
    const { parent, splinter } = setUp(0);
    drawSplinters(RandomStream.fromSeed(1), params, splinter, parent);
    expect(parent.cadre[NORTH]).toBe(100);
    expect(splinter.cadre[NORTH]).toBe(10);
  });

  it('a parent that cannot pay loses cadres where the splinter is, about splitRate × its unpaid share, and keeps every fighter between the two', () => {
    const { parent, splinter } = setUp(100); // none of its 100 fighters paid
    drawSplinters(RandomStream.fromSeed(1), params, splinter, parent);
    expect(parent.cadre[NORTH] + splinter.cadre[NORTH]).toBe(110);
    expect(splinter.cadre[NORTH] - 10).toBeGreaterThan(30);
    expect(splinter.cadre[NORTH] - 10).toBeLessThan(70);
  });

  it('draws no one from cercles where the splinter has no fighters', () => {
    const { parent, splinter } = setUp(100);
    splinter.cadre[NORTH] = 0;
    parent.cadre[SOUTH] = 50;
    drawSplinters(RandomStream.fromSeed(1), params, splinter, parent);
    expect(parent.cadre[SOUTH]).toBe(50);
    expect(parent.cadre[NORTH]).toBe(100);
  });
});

describe('group life cycle (lifecycle.ts updateGroupLifecycle)', () => {
  // The rebels may join the jihadists' coalition from February 2012; the clock stands in late February.
  const lifecycle = (patch: Record<string, unknown>, setUp: (state: MaliState) => void = () => undefined, weeks = 1) => {
    const params = tinyParams({ armedGroups: { rebels: { fighters: { North: 50 }, mergesInto: 'jihadists', mergeDate: '2012-02-01', mergeRate: 1 } }, ...patch });
    const state = tinyState(params);
    const clock = new Clock(20, params.calendar);
    const rng = RandomStream.fromSeed(4);
    for (let week = 0; week < weeks; week++) {
      clock.enterRound(8 + week);
      updateGroupLifecycle(rng, state, params, clock); // the first call activates the groups
      setUp(state);
    }
    return state;
  };
  const hardPressed = (state: MaliState) => {
    if (state.groups[1].active && !state.groups[1].merged) state.groups[1].losses = 100; // twice its fighters
  };

  it('a hard-pressed group joins the coalition once it exists, handing over its fighters and money, its fighters costing what they cost before', () => {
    const state = lifecycle({}, hardPressed, 3);
    const [jihadists, rebels] = state.groups;
    expect(rebels.merged).toBe(true);
    expect(jihadists.cadre[NORTH]).toBe(150);
    expect(jihadists.money).toBe(1_100_000);
    // 100 jihadists at 200 + 50 a month and 50 rebels at 150 + 50 (the defaults): a mean of 233.3 by fighters.
    expect(jihadists.fighterCost).toBeCloseTo((100 * 250 + 50 * 200) / 150, 9);
    expect(rebels.active).toBe(false);
    expect(rebels.cadre[NORTH]).toBe(0);
  });

  it('a group under no pressure and far from the coalition does not join; close to it (its cooperation with it), it does', () => {
    const rebels = (cooperation: number) => ({ armedGroups: { rebels: { fighters: { North: 50 }, mergesInto: 'jihadists', mergeDate: '2012-02-01', mergeRate: 1, cooperation } } });
    expect(lifecycle(rebels(0), () => undefined, 10).groups[1].merged).toBe(false);
    expect(lifecycle(rebels(0.9), () => undefined, 10).groups[1].merged).toBe(true);
  });

  it('a group party to a ceasefire or agreement does not join, however hard pressed', () => {
    const atPeace = (state: MaliState) => {
      hardPressed(state);
      state.negotiation = NEGOTIATION.agreement;
    };
    expect(lifecycle({}, atPeace, 10).groups[1].merged).toBe(false);
    // A bridge to the extremists left out of the talks is not bound by them.
    expect(lifecycle({ armedGroups: { rebels: { fighters: { North: 50 }, mergesInto: 'jihadists', mergeDate: '2012-02-01', mergeRate: 1, bridge: true } } }, atPeace, 10).groups[1].merged).toBe(true);
  });

  it('no group joins before the coalition is founded', () => {
    const state = lifecycle({ armedGroups: { rebels: { fighters: { North: 50 }, mergesInto: 'jihadists', mergeDate: '2013-01-01', mergeRate: 1 } } }, hardPressed, 10);
    expect(state.groups[1].merged).toBe(false);
  });

  // Issue 3 regression: a group switched off used to merge into its heir all the same.
  it('a group switched off in the scenario brings no fighters or money to the group it would merge into', () => {
    const state = lifecycle({ armedGroups: { rebels: { enabled: false, fighters: { North: 50 }, mergesInto: 'jihadists', mergeDate: '2012-02-01', mergeRate: 1 } } }, hardPressed, 3);
    const [jihadists] = state.groups;
    expect(jihadists.cadre[NORTH]).toBe(100);
    expect(jihadists.money).toBe(1_000_000);
  });
});
