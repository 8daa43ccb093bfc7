/**
 * Armed groups that decide (operations.ts, expansion.ts): the logit choice over operations, Kalyvas'
 * selective and indiscriminate violence, heavy-tailed party sizes, money that limits operations,
 * and cadres that move toward weak-state cercles where their ties are strong. On the tiny world of
 * test/support/mali.ts or on plain numbers.
 */
import { describe, expect, it } from 'vitest';
import { cercleValues, moveCadres } from '../../../src/agents/mali/expansion.ts';
import { EVENT } from '../../../src/agents/mali/ledger.ts';
import { ACTION, ACTIONS, choose, createSituation, groupOperations, kalyvas, partySize, type Situation } from '../../../src/agents/mali/operations.ts';
import { FAMA, NEGOTIATION } from '../../../src/agents/mali/state.ts';
import { killCivilians } from '../../../src/agents/mali/violence.ts';
import { RandomStream } from '../../../src/sim/random.ts';
import { tinyParams, tinyState } from '../../support/mali.ts';

const NORTH = 0;
const SOUTH = 1;
const EMPTY = 2;

const params = tinyParams();
/** Aims of an extremist group: each action worth 2. */
const aims = Float64Array.from(ACTIONS, () => 2);

function situation(patch: Partial<Situation>): Situation {
  const s = createSituation();
  Object.assign(s, { own: 100, control: 0.5, defection: 0.5, information: 0.5, ties: 0.3 }, patch);
  return s;
}

function odds(s: Situation, a = aims, partiality = 1): Float64Array {
  const out = new Float64Array(ACTIONS.length);
  choose(params, a, s, 1000, partiality, out);
  return out;
}

describe('the logit choice of operations (operations.ts choose)', () => {
  it('gives probabilities that with lying low sum to 1, none to an absent force or an action the group does not aim at', () => {
    const s = situation({});
    s.troops[0] = 400;
    s.defence[0] = 200;
    const withAims = odds(s);
    const sum = withAims.reduce((a, b) => a + b, 0);
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThan(1);
    expect(withAims[ACTION.ct]).toBe(0);
    expect(withAims[ACTION.minusma]).toBe(0);
    expect(withAims[ACTION.rival]).toBe(0);
    const noArmyAim = Float64Array.from(aims);
    noArmyAim[ACTION.fama] = 0;
    expect(odds(s, noArmyAim)[ACTION.fama]).toBe(0);
    expect(odds(s, aims, 0)[ACTION.minusma]).toBe(0);
  });

  it('a better-defended force draws fewer attacks, and the occasions go to the other actions (target substitution)', () => {
    const weak = situation({});
    weak.troops[0] = 500;
    weak.defence[0] = 50;
    const strong = situation({});
    strong.troops[0] = 500;
    strong.defence[0] = 2000;
    const [a, b] = [odds(weak), odds(strong)];
    expect(b[ACTION.fama]).toBeLessThan(a[ACTION.fama]);
    expect(b[ACTION.indiscriminate]).toBeGreaterThan(a[ACTION.indiscriminate]);
    expect(b[ACTION.selective]).toBeGreaterThan(a[ACTION.selective]);
  });

  it("Kalyvas: information makes violence selective rather than indiscriminate; ties make indiscriminate violence costly", () => {
    const informed = odds(situation({ information: 0.9 }));
    const blind = odds(situation({ information: 0.1 }));
    expect(informed[ACTION.selective]).toBeGreaterThan(blind[ACTION.selective]);
    expect(informed[ACTION.indiscriminate]).toBeLessThan(blind[ACTION.indiscriminate]);
    const embedded = odds(situation({ ties: 0.9 }));
    const foreign = odds(situation({ ties: 0 }));
    expect(embedded[ACTION.indiscriminate] / embedded[ACTION.selective]).toBeLessThan(foreign[ACTION.indiscriminate] / foreign[ACTION.selective]);
  });

  it("Kalyvas' curve is 0 with no control and with full control and largest at two-thirds", () => {
    expect(kalyvas(0)).toBe(0);
    expect(kalyvas(1)).toBe(0);
    expect(kalyvas(2 / 3)).toBeCloseTo(1, 12);
    for (const c of [0.1, 0.3, 0.5, 0.8, 0.95]) expect(kalyvas(c)).toBeLessThan(1);
  });

  it('nobody to inform on the group (no trust in the state), nothing to deter: no violence against civilians', () => {
    const s = situation({ defection: 0, ties: 0 });
    const out = odds(s);
    // With nothing to gain, the payoff is only the cost: the share is that of a zero-value action at best.
    expect(out[ACTION.selective]).toBeCloseTo(out[ACTION.indiscriminate], 12);
    const deterring = odds(situation({ defection: 1, ties: 0 }));
    expect(deterring[ACTION.selective] + deterring[ACTION.indiscriminate]).toBeGreaterThan(out[ACTION.selective] + out[ACTION.indiscriminate]);
  });
});

describe('party sizes (operations.ts partySize)', () => {
  it('are Pareto-tailed above partySize: P(party ≥ k · partySize) ≈ k^−α, and never more than the fighters present', () => {
    const rng = RandomStream.fromSeed(3);
    const n = 40_000;
    const sizes = Array.from({ length: n }, () => partySize(rng, params, 1_000_000));
    const { partySize: smallest, partyTail } = params.operations;
    expect(Math.min(...sizes)).toBe(smallest);
    for (const k of [2, 4, 10]) {
      const share = sizes.filter((size) => size >= k * smallest).length / n;
      expect(share).toBeGreaterThan(0.9 * k ** -partyTail);
      expect(share).toBeLessThan(1.1 * k ** -partyTail);
    }
    const capped = Array.from({ length: 2000 }, () => partySize(rng, params, 37));
    expect(Math.max(...capped)).toBe(37);
  });
});

describe('operations on the tiny world (operations.ts groupOperations)', () => {
  const setUp = (patch: Record<string, unknown> = {}) => {
    const p = tinyParams({ armedGroups: { jihadists: { tempo: 200, fighters: { North: 1000 } } }, ...patch });
    const state = tinyState(p);
    const [jihadists] = state.groups;
    jihadists.active = true;
    return { p, state, jihadists };
  };
  const run = (p: ReturnType<typeof tinyParams>, state: ReturnType<typeof tinyState>, seed = 5) =>
    groupOperations(RandomStream.fromSeed(seed), state, p, state.groups[0], createSituation(), new Float64Array(ACTIONS.length));

  it('a group with no money mounts no operation; with money it does, and pays for each', () => {
    const broke = setUp();
    broke.jihadists.money = 0;
    run(broke.p, broke.state);
    expect(broke.state.ledger.events.reduce((a, b) => a + b, 0)).toBe(0);
    const funded = setUp();
    const before = funded.jihadists.money;
    run(funded.p, funded.state);
    const operations = funded.state.ledger.events[EVENT.extremist_attack_civilians] + funded.state.ledger.events[EVENT.extremist_targeted_killing];
    expect(operations).toBeGreaterThan(0);
    expect(funded.jihadists.money).toBeLessThanOrEqual(before - operations * funded.p.financing.attackCost * 0.999);
  });

  it('selective violence falls only on people who trust the state (violence.ts killCivilians with informers)', () => {
    const { state, jihadists } = setUp();
    const actors = state.actorNames.length;
    const c = state.civilians.columns;
    // Herders never trust the state; farmers trust it fully.
    for (let i = 0; i < state.civilians.size; i++) state.trust[i * actors + FAMA] = c.community[i] === 0 ? 0 : 1;
    const people = Array.from(c.people);
    const killed = killCivilians(RandomStream.fromSeed(8), state, NORTH, -1, 50, jihadists.actor, true);
    expect(killed).toBe(50);
    let farmersKilled = 0;
    for (let i = 0; i < state.civilians.size; i++) {
      if (c.community[i] === 0) expect(c.people[i]).toBe(people[i]);
      else farmersKilled += people[i] - c.people[i];
    }
    expect(farmersKilled).toBe(50);
  });

  it('where no one trusts the state, selective violence finds no one', () => {
    const { state, jihadists } = setUp();
    state.trust.fill(0);
    expect(killCivilians(RandomStream.fromSeed(8), state, NORTH, -1, 10, jihadists.actor, true)).toBe(0);
  });
});

describe('where cadres go (expansion.ts)', () => {
  const setUp = (patch: Record<string, unknown> = {}) => {
    const p = tinyParams({ operations: { expansion: { mobility: 0.5 } }, ...patch });
    const state = tinyState(p);
    const [jihadists] = state.groups;
    jihadists.active = true;
    return { p, state, jihadists };
  };

  it('values a cercle for ties and the state\'s absence: the North (herders with ties, no army) above the South (the army)', () => {
    const { p, state, jihadists } = setUp();
    state.cercles.fama[SOUTH] = 1000;
    const values = new Float64Array(state.cercles.count);
    cercleValues(state, p, jihadists, values);
    expect(values[NORTH]).toBeGreaterThan(values[SOUTH]);
  });

  it('moves cadres only to neighbouring cercles, keeps every one of them, and goes where the value is higher', () => {
    const { p, state, jihadists } = setUp();
    jihadists.cadre.fill(0);
    jihadists.cadre[SOUTH] = 1000;
    state.cercles.fama[SOUTH] = 1000;
    moveCadres(RandomStream.fromSeed(2), state, p);
    const total = jihadists.cadre.reduce((a, b) => a + b, 0);
    expect(total).toBe(1000);
    // North and Empty are both next to the South; herders' ties make the North worth more.
    expect(jihadists.cadre[NORTH]).toBeGreaterThan(jihadists.cadre[EMPTY]);
    expect(jihadists.cadre[SOUTH]).toBeGreaterThan(0);
    jihadists.cadre.fill(0);
    jihadists.cadre[NORTH] = 1000;
    moveCadres(RandomStream.fromSeed(2), state, p);
    expect(jihadists.cadre[EMPTY]).toBe(0); // two steps away
  });

  it('a Tuareg group party to an agreement keeps its positions as far as the agreement restrains it', () => {
    const { p, state } = setUp({ armedGroups: { rebels: { fighters: { North: 1000 } } } });
    const rebels = state.groups[1];
    rebels.active = true;
    state.groups[0].active = false;
    const moved = (stage: number) => {
      rebels.cadre.fill(0);
      rebels.cadre[NORTH] = 1000;
      state.negotiation = stage;
      moveCadres(RandomStream.fromSeed(4), state, p);
      return 1000 - rebels.cadre[NORTH];
    };
    const free = moved(NEGOTIATION.none);
    const bound = moved(NEGOTIATION.agreement);
    expect(free).toBeGreaterThan(0);
    expect(bound).toBeLessThan(free * (1 - p.negotiation.effect.agreement) * 2);
  });
});
