/**
 * Recruitment (ODD Details › Submodels › Recruitment): a threshold rule in the tradition of
 * Epstein's civil violence model. A young civilian weighs grievance, the pay a group offers
 * (which the group's money limits) and the community's ties to the group against the risk of
 * joining. Among the groups present in its cercle whose own threshold its score exceeds, it
 * takes the best-scoring one — each group sets its own bar, so a young person below one group's
 * bar may still join another — and its young people join when they meet a recruiter.
 */
import type { RandomStream } from '../../sim/random.ts';
import type { MaliParams } from './params.ts';
import { countTrust, FAMA, NONE, STATUS, YOUTH, type ArmedGroup, type MaliState } from './state.ts';
import { EVENT } from './ledger.ts';
import { fightersIn, recordEvent, totalFighters } from './violence.ts';

/**
 * The wage a group can actually offer: its nominal wage while it holds six months of payroll
 * for its fighters (and one more), less in proportion when it holds less.
 */
export function offeredWage(group: ArmedGroup, params: MaliParams): number {
  const spec = params.armedGroups[group.id];
  const payroll = (totalFighters(group) + 1) * group.fighterCost * 6;
  return spec.wage * Math.min(1, group.money / payroll);
}

/**
 * Perceived risk of joining group g in a cercle, P = 1 − exp(−k·S/(F + 1)), with S the state
 * and CT forces there (CT soldiers weighted by their strength) and F the group's fighters.
 */
export function perceivedRisk(state: MaliState, params: MaliParams, group: ArmedGroup, cercle: number): number {
  const { cercles } = state;
  const security = cercles.fama[cercle] * params.fama.capability.value + cercles.ct[cercle] * params.ctForces.fighterStrength;
  return 1 - Math.exp((-params.recruitment.riskConstant * security) / (fightersIn(group, cercle) + 1));
}

/**
 * Score of joining a group: G·wG + pay·wP + ties·trust·wT − R·P, with grievance
 * G = hardship·(1 − trust in the state), pay = wage/(wage + income·(1 − hardship)).
 */
export function recruitmentScore(
  params: MaliParams,
  hardship: number,
  trustInState: number,
  trustInGroup: number,
  ties: number,
  wage: number,
  riskAversion: number,
  risk: number,
): number {
  const { grievanceWeight, payWeight, tiesWeight, income } = params.recruitment;
  const grievance = hardship * (1 - trustInState);
  const civilianIncome = income * (1 - hardship);
  const pay = wage > 0 ? wage / (wage + civilianIncome) : 0;
  return grievanceWeight * grievance + payWeight * pay + tiesWeight * ties * trustInGroup - riskAversion * risk;
}

/**
 * Recruitment (young civilians at home or displaced, id order). Per cercle and group the wage
 * and risk are computed once; among the groups present whose threshold the civilian's score
 * beats, it takes the best-scoring one; then Binomial(people, contact) of its young people meet
 * a recruiter and join, up to maxShareOfGroup of its people serving. A recruit into an
 * extremist group is a cluster-4 event.
 */
export function recruit(rng: RandomStream, state: MaliState, params: MaliParams): void {
  const { civilians, groups, cercles, trust, communityNames } = state;
  const c = civilians.columns;
  const actors = state.actorNames.length;
  const active = groups.filter((group) => group.active);
  if (active.length === 0) return;
  const present = new Float64Array(cercles.count * active.length);
  const risk = new Float64Array(cercles.count * active.length);
  for (let r = 0; r < cercles.count; r++) {
    active.forEach((group, k) => {
      present[r * active.length + k] = fightersIn(group, r) >= 1 ? 1 : 0;
      risk[r * active.length + k] = perceivedRisk(state, params, group, r);
    });
  }
  const wages = active.map((group) => offeredWage(group, params));
  const thresholds = active.map((group) => params.armedGroups[group.id].recruitThreshold);
  const ties = communityNames.map((name) => active.map((group) => params.communities[name].ties[group.id] ?? 0));
  const { contact, maxShareOfGroup } = params.recruitment;

  for (let i = 0; i < civilians.size; i++) {
    if (c.ageBand[i] !== YOUTH || c.people[i] === 0) continue;
    const status = c.status[i];
    if (status !== STATUS.home && status !== STATUS.displaced) continue;
    // Room for recruits under the cap on a group's people serving.
    const room = Math.min(c.people[i], Math.floor(maxShareOfGroup * (c.people[i] + c.members[i])) - c.members[i]);
    if (room < 1) continue;
    const r = c.cercle[i];
    const row = i * actors;
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < active.length; k++) {
      if (present[r * active.length + k] === 0) continue;
      if (c.memberGroup[i] !== NONE && c.memberGroup[i] !== active[k].index) continue;
      const score = recruitmentScore(
        params,
        c.hardship[i],
        trust[row + FAMA],
        trust[row + active[k].actor],
        ties[c.community[i]][k],
        wages[k],
        c.riskAversion[i],
        risk[r * active.length + k],
      );
      if (score > thresholds[k] && score > bestScore) {
        best = k;
        bestScore = score;
      }
    }
    if (best < 0) continue;
    // Each of the group's young people meets a recruiter on their own: recruits per person do not depend on peoplePerAgent.
    const joining = Math.min(room, rng.binomial(c.people[i], contact));
    if (joining === 0) continue;
    const group = active[best];
    countTrust(state, i, -1);
    c.people[i] -= joining;
    c.members[i] += joining;
    c.memberGroup[i] = group.index;
    countTrust(state, i, 1);
    group.members[r] += joining;
    group.recruits += joining;
    if (group.kind === 'extremist') for (let k = 0; k < joining; k++) recordEvent(state, EVENT.recruitment, group.actor, r, 0);
  }
}
