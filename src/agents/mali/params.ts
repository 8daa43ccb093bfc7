/**
 * Parameters of the Mali model: the scenario schema of `model: mali`. Every parameter carries
 * its meaning, unit and the source of its default; docs/odd-mali.md's parameter table is
 * generated from here. Place names, communities, host countries and armed groups are data of
 * the scenario, so another country can be loaded without touching code; the cross-field
 * checks at the end reject any name that is not defined.
 */
import { closest, distance } from 'fastest-levenshtein';
import * as z from 'zod';
import { commonFields, isoDate, modelField, param, placesField, probability, varying } from '../../sim/scenario/fields.ts';

const ASSUMPTION = 'assumption, to calibrate';
const SEED_000 = 'seed 000 ("Mali: The Way Ahead", 2012)';
const SEED_001 = 'seed 001 ("Working Locally and Transnationally")';
const SEED_002 = 'seed 002 (Guimarães 2024, Table 1 and text)';

const share = (description: string, fallback: number, source = ASSUMPTION) =>
  param(probability().default(fallback), { description, unit: 'share', source });
const rate = (description: string, fallback: number, unit: string, source = ASSUMPTION) =>
  param(z.number().min(0).max(1e9).default(fallback), { description, unit, source });
const varyingShare = (description: string, fallback: number | string, source = ASSUMPTION) =>
  param(varying(probability()).prefault(fallback), { description, unit: 'share', source });
const varyingCount = (description: string, fallback: number | string, unit: string, source = ASSUMPTION) =>
  param(varying(z.number().min(0).max(1e9)).prefault(fallback), { description, unit, source });
const optionalDate = (description: string) =>
  param(isoDate.nullable().default(null), { description, unit: 'date', source: 'scenario timeline' });

/** What a region sets for all its cercles: the level at which the census, surveys and ethnographies report. */
const region = {
  communities: param(z.record(z.string(), probability()), {
    description: 'Share of the residents of each of its cercles in each community; shares sum to 1.',
    unit: 'share',
    source: 'data: mali-ethnicity (national shares) and assumption for regional splits',
  }),
  foodInsecurity: param(varying(probability()).prefault(0.2), {
    description: 'Share of residents food insecure (Cadre Harmonisé phase 3+ analogue) before aid; may vary with time.',
    unit: 'share',
    source: 'data: mali-food-insecurity (4.6 M at risk in 2012, "most in the North") and assumption for the regional split',
  }),
  hardship: share('Mean hardship (poverty, lack of livelihood) of residents; individual hardship is drawn around it.', 0.5),
  services: share('Initial state presence and basic services (schools, justice, administration) in its cercles.', 0.5),
};

/** A cercle: the unit where civilians live, armed groups operate and control is held. */
const cercle = {
  region: param(z.string(), {
    description: 'Region the cercle belongs to (an output level, and the source of the settings the cercle shares with it).',
    unit: 'region name',
    source: 'data: mali-boundaries (geoBoundaries ADM1/ADM2, pre-2016 units)',
  }),
  population: param(z.int().min(0).max(1e9), {
    description: 'Residents at the start of the run.',
    unit: 'people',
    source: "data: mali-population (2009 census by region, grown at each region's 1998–2009 rate to 2012), apportioned to cercles by data/mali/README.md's rule",
  }),
  trafficking: rate(
    'Illicit flows (drugs, weapons, migrants, fuel) passing through the cercle that armed groups present can tax.',
    0,
    'USD/week',
    `${SEED_001}: cocaine trade across the Western Sahara US$900 M in 2011; split over regions by Algeria/Niger/Mauritania border length, and within a region the same way (assumption)`,
  ),
};

const community = {
  label: param(z.string().default(''), { description: 'Human name of the community.', unit: 'text', source: 'scenario' }),
  abroad: param(z.number().min(0).max(100).default(1), {
    description: 'Relative propensity to flee abroad rather than within the country (1 = average).',
    unit: '1',
    source: 'assumption (2012 camps in Mauritania and Niger were mostly Tuareg and Arab), to calibrate',
  }),
  trust: param(z.record(z.string(), probability()).default({}), {
    description: 'Initial trust of the community in each actor (fama, minusma, ct and each armed group); 0.5 for actors not listed.',
    unit: 'share',
    source: ASSUMPTION,
  }),
  ties: param(z.record(z.string(), probability()).default({}), {
    description: 'Community ties to each armed group (kinship, shared grievances, "soft power"), which pull recruits.',
    unit: 'share',
    source: `${SEED_001} (AQIM holds the North through Tuareg support) and assumption`,
  }),
};

const camp = {
  host: param(z.string(), {
    description: 'Host country of the camp (a key of hostCountries): its camp aid and pull apply.',
    unit: 'host country id',
    source: 'data: flee-mali2012, flee-mali2017 (camps, geography only)',
  }),
};

const hostCountry = {
  label: param(z.string().default(''), { description: 'Human name of the host country.', unit: 'text', source: 'scenario' }),
  campAid: share('Share of refugees there whose food needs camp aid covers.', 0.8),
  pull: param(z.number().min(0).max(100).default(1), {
    description: 'Relative attraction of its camps for refugees (1 = average), multiplying the border length.',
    unit: '1',
    source: ASSUMPTION,
  }),
};

const OPERATIONS_SOURCE = 'docs/odd-mali.md §7.11 (expected payoff, logit choice) and assumption, to calibrate';

const aims = {
  civilians: rate('Extremist groups: value of violence against civilians that deters defection (Kalyvas 2006), before its support cost.', 1.5, 'utility', OPERATIONS_SOURCE),
  fama: rate('Value of a successful attack on the Malian army (for a Tuareg group × separatism, less what negotiation restrains).', 2, 'utility', OPERATIONS_SOURCE),
  minusma: rate('Value of a successful attack on MINUSMA where it is seen as wholly partial (× 1 − its impartiality there).', 1.5, 'utility', OPERATIONS_SOURCE),
  ct: rate('Value of a successful attack on counterterrorism forces.', 1, 'utility', OPERATIONS_SOURCE),
  rivals: rate('Value of a successful attack on a hostile armed group (× the hostility between them).', 0.5, 'utility', OPERATIONS_SOURCE),
};

const lethality = {
  civilians: rate('Mean civilian deaths of an indiscriminate attack by a party of operations.partySize fighters (in proportion to the party).', 1.3, 'deaths/attack'),
  selective: rate('Mean deaths of a targeted killing (of people who trust the state: informers), whatever the party.', 1.2, 'deaths/attack', 'Kalyvas 2006 (selective violence is targeted) and assumption'),
  fama: rate('Mean soldiers killed in an attack on the army by a party of partySize fighters (in proportion to the party).', 1.7, 'deaths/attack'),
  minusma: rate('Mean peacekeepers killed in an attack on MINUSMA by a party of partySize fighters.', 0.5, 'deaths/attack'),
  ct: rate('Mean CT soldiers killed in an attack on counterterrorism forces by a party of partySize fighters.', 0.2, 'deaths/attack'),
  rivals: rate('Mean fighter deaths (both sides) of a clash between armed groups started by a party of partySize fighters.', 1.7, 'deaths/clash'),
};

const armedGroup = {
  label: param(z.string().default(''), { description: 'Human name, e.g. "AQIM (JNIM from March 2017)".', unit: 'text', source: 'scenario' }),
  kind: param(z.enum(['extremist', 'tuareg']), {
    description: 'extremist (AQIM/JNIM, ISGS: attack civilians, recruit, decide on aid access) or tuareg (MNLA/CMA, Ansar Dine: rebellion, negotiation, cooperation with an extremist partner).',
    unit: 'category',
    source: `${SEED_000}; ${SEED_002}`,
  }),
  enabled: param(z.boolean().default(true), { description: 'Whether the group exists in this scenario.', unit: 'flag', source: 'scenario' }),
  activeFrom: optionalDate('Date the group starts acting (null: from the start).'),
  mergesInto: param(z.string().nullable().default(null), {
    description: 'Coalition it may join from `mergeDate`, handing over fighters and money (Ansar Dine and Katiba Macina into JNIM); whether and when it joins follows from its pressure and the negotiation (docs/odd-mali.md §7.5).',
    unit: 'group id',
    source: 'scenario timeline',
  }),
  mergeDate: optionalDate('Founding date of the coalition `mergesInto` (JNIM: 2 March 2017): the group may join it from then, never before.'),
  splitsFrom: param(z.string().nullable().default(null), {
    description: 'Group it split from (ISGS from al-Mourabitoun, in AQIM here): from its founding (`activeFrom`) it draws the parent\'s strained cadres where both are (docs/odd-mali.md §7.5).',
    unit: 'group id',
    source: 'scenario timeline',
  }),
  splitRate: share('Weekly share of the parent\'s cadres, in the cercles where the splinter has fighters, that go over to it at full strain (the parent paying none of its fighters, or fully pressed).', 0.02, 'assumption, to calibrate'),
  mergeRate: share('Weekly probability of joining the coalition at full pressure (fighters lost in recent months as many as it has now).', 0.1, 'assumption, to calibrate'),
  fighters: param(z.record(z.string(), z.number().min(0)).default({}), {
    description: 'Fighters at the start (or at `activeFrom`) by region, spread over its cercles in proportion to their population: cadres not drawn from the modelled civilians.',
    unit: 'fighters',
    source: ASSUMPTION,
  }),
  money: rate('Money at the start.', 0, 'USD'),
  wage: rate('Pay offered to a fighter; recruitment weighs it against civilian income.', 150, 'USD/month', `${SEED_000} (cash recruits young unemployed) and assumption`),
  upkeep: rate('Non-wage cost of keeping one of its fighters in the field (food, fuel, vehicles, weapons).', 50, 'USD/month'),
  effectiveness: rate('Combat strength of one fighter relative to one soldier of the Malian army.', 1, '1'),
  income: z
    .strictObject({
      traffickingShare: share('Share of the illicit flows through a cercle the armed groups there capture, split between them by strength.', 0.02, `${SEED_001} and assumption`),
      ransom: varyingCount('Kidnapping-for-ransom income while active.', 0, 'USD/week', `${SEED_001} (ransom, protection rackets) and assumption`),
      taxPerPerson: rate('Taxation (zakat, protection) of the residents where the group has fighters, in proportion to its share of the armed strength there (all of them where it is alone).', 2, 'USD/person/year'),
      external: varyingCount('Transnational funding while active.', 0, 'USD/week', `${SEED_001} (funding from abroad) and assumption`),
    })
    .prefault({}),
  tempo: rate(
    'Occasions to act a week per 1,000 fighters in a cercle; the logit choice (docs/odd-mali.md §7.11) takes each for an operation or lets it pass (lie low).',
    1.5,
    'occasions/1000 fighters/week',
    OPERATIONS_SOURCE,
  ),
  aims: z.strictObject(aims).prefault({}),
  lethality: z.strictObject(lethality).prefault({}),
  rivals: param(z.record(z.string(), probability()).default({}), {
    description: 'Hostility to other armed groups it fights where both are present (beside a Tuareg group and its partner, whose hostility is 1 − cooperation).',
    unit: 'share',
    source: 'scenario',
  }),
  aidHostility: share('Propensity to deny humanitarian access in cercles it controls (weighed against the support it loses).', 0.3, `${SEED_000} (al-Shabaab precedent) and assumption`),
  recruitThreshold: rate('Threshold of the recruitment rule: a young civilian joins when its score exceeds it.', 0.45, '1'),
  cooperation: share('Tuareg groups: initial cooperation with the extremist partner (shared fighters, territory, no fighting).', 0.5, `${SEED_000} (Tuaregs the main source of AQIM soldiers) and assumption`),
  partner: param(z.string().nullable().default(null), {
    description: 'Tuareg groups: the extremist group they cooperate with (Ansar Dine and MNLA with AQIM).',
    unit: 'group id',
    source: SEED_000,
  }),
  separatism: share('Tuareg groups: strength of the autonomy aspiration (Azawad), driving attacks on the army outside agreements.', 0.6, SEED_002),
  bridge: param(z.boolean().default(false), {
    description: 'Tuareg groups: whether the group is a bridge to the extremists (Ansar Dine under Iyad Ag Ghaly), left out of talks unless negotiation.includeExtremistBridge.',
    unit: 'flag',
    source: SEED_000,
  }),
};

export const maliSchema = z
  .strictObject({
    ...commonFields,
    model: modelField('mali'),
    peoplePerAgent: param(z.int().min(1).max(255).default(80), {
      description:
        'People one civilian agent stands for: a group of relatives and neighbours who live, flee and return together. At least 1/recruitment.maxShareOfGroup (4 at the default), or no group could have one of its people serving and recruitment would stop.',
      unit: 'people/agent',
      source: 'scenario (80 gives about 200,000 agents for Mali)',
    }),
    regions: z.record(z.string().min(1), z.strictObject(region)),
    cercles: placesField(cercle),
    communities: z.record(z.string(), z.strictObject(community)),
    hostCountries: z.record(z.string(), z.strictObject(hostCountry)),
    camps: z.record(z.string().min(1), z.strictObject(camp)).default({}),
    roads: param(z.array(z.tuple([z.string(), z.string(), z.number().positive().max(100_000)])).default([]), {
      description: 'Roads people flee along: [from, to, km], each end a cercle or a camp (a road between two towns stands for one between their cercles).',
      unit: '[place, place, km]',
      source: 'data: flee-mali2012, flee-mali2017 routes (geography only), collapsed to cercles by data/mali/build-road-network.mjs',
    }),
    ageBands: z
      .strictObject({
        children: share('Share of agents that are children (0–14): never recruited.', 0.47, 'assumption (UN WPP order of magnitude for Mali)'),
        youth: share('Share of agents that are young people (15–24): the only ones recruited.', 0.2, 'assumption (UN WPP order of magnitude for Mali)'),
        adults: share('Share of agents that are adults (25–59).', 0.29, 'assumption (UN WPP order of magnitude for Mali)'),
        elders: share('Share of agents that are elders (60+).', 0.04, 'assumption (UN WPP order of magnitude for Mali)'),
      })
      .prefault({}),
    armedGroups: z.record(z.string(), z.strictObject(armedGroup)),
    fama: z
      .strictObject({
        troops: varyingCount('Malian army (FAMA) troops in the country.', 10000, 'soldiers'),
        deployment: param(z.record(z.string(), varying(z.number().min(0).max(1e6))).default({}), {
          description: 'Relative weight of each region in the army\'s deployment (normalised each round), spread over its cercles in proportion to their population; regions not listed weigh 0. Expressions give the dated withdrawals and returns.',
          unit: '1',
          source: 'scenario timeline',
        }),
        posts: z
          .strictObject({
            withdrawAt: rate('Ratio of hostile to own strength above which an army post withdraws.', 1.5, '1', 'assumption (a garrison outgunned 3:2 falls back), to calibrate'),
            returnAt: rate('Ratio of own to hostile strength at which a withdrawn post comes back.', 1.5, '1', 'assumption, to calibrate'),
            rate: share('Weekly probability that an outgunned post withdraws, or that one able to hold comes back.', 0.15, 'assumption (Ménaka fell about three weeks into the 2012 rebellion), to calibrate'),
          })
          .prefault({}),
        capability: varyingShare('Combat capability of a soldier (training, equipment, cohesion): multiplies army strength.', 0.5),
        abusePropensity: varyingShare('Propensity for extrajudicial killings, arbitrary arrests and mobilising "allied" militias during operations (cluster 6).', 0.1, SEED_002),
        offensiveRate: rate('Army operations against armed groups per 1,000 soldiers per week, where groups are present.', 0.2, 'operations/1000 soldiers/week'),
        offensiveLethality: rate('Mean fighter deaths per army operation.', 2, 'deaths/operation'),
        abuseLethality: rate('Mean civilian deaths per abuse event.', 2, 'deaths/event'),
      })
      .prefault({}),
    minusma: z
      .strictObject({
        troops: varyingCount('MINUSMA uniformed personnel in the country (0 before July 2013).', 0, 'peacekeepers', 'data: minusma-strength'),
        deployment: param(z.record(z.string(), varying(z.number().min(0).max(1e6))).default({}), {
          description: 'Relative weight of each region in MINUSMA\'s deployment (normalised each round), spread over its cercles in proportion to their population.',
          unit: '1',
          source: 'data: geo-pko-minusma (troops by base and year)',
        }),
        protection: varyingShare('Mandate weight of Protection of Civilians.', 0.4, SEED_002),
        counterterrorism: varyingShare('Mandate weight of support to counterterrorism (operating with CT forces and the state).', 0.3, SEED_002),
        stabilization: varyingShare('Mandate weight of Stabilization (extension of state authority).', 0.3, SEED_002),
        localTies: z
          .strictObject({
            initial: share('Ties to local communities at deployment.', 0.1, `${SEED_001} (peacekeepers have few ties)`),
            growth: rate('Weekly growth of ties towards the target where deployed.', 0.005, '1/week'),
            target: varyingShare('Level of ties community engagement can reach.', 0.3, SEED_001),
          })
          .prefault({}),
        combatStrength: rate('Strength of one peacekeeper against an attack, relative to one Malian soldier: peacekeepers defend their camps and convoys but do not pursue attackers (mandate, rules of engagement), so attacking them risks less.', 0.3, '1', 'assumption, to calibrate'),
        impartialityBase: share('Perceived impartiality with no counterterrorism role and no ties.', 0.6, SEED_002),
        protectionHalfSaturation: rate('Peacekeepers per 100,000 residents at which protection reaches half its maximum.', 150, 'peacekeepers/100k people'),
        protectionMax: share('Largest share of deaths in attacks on civilians that protection can prevent.', 0.5),
        abuseRate: rate('Abuse events by peacekeepers per 10,000 peacekeepers per week (cluster 6).', 0.005, 'events/10k/week'),
        protestRate: rate('Civilian protests against MINUSMA per cercle hosting it per week at zero impartiality (cluster 3).', 0.02, 'events/week', SEED_002),
      })
      .prefault({}),
    ctForces: z
      .strictObject({
        french: varyingCount('French counterterrorism troops in Mali (Serval from January 2013, Barkhane from August 2014).', 0, 'soldiers', 'scenario timeline'),
        g5s: varyingCount('FC-G5S (G5 Sahel joint force) troops operating in Mali, from 2017.', 0, 'soldiers', 'scenario timeline'),
        strikeRate: rate('Strikes and raids per 1,000 CT troops per week, spread over cercles by extremist presence.', 0.6, 'strikes/1000/week'),
        strikeLethality: rate('Mean fighter deaths per strike at full precision.', 2, 'deaths/strike'),
        collateral: rate('Mean civilian deaths per strike at zero precision (cluster 6).', 1, 'deaths/strike'),
        intelligenceBase: share('Strike precision from technical intelligence alone.', 0.5),
        tipWeight: share('Weight on precision of civilian tips, which follow civilians\' trust in CT forces.', 0.3, SEED_002),
        abuseRate: rate('Contentious practices (arbitrary detention, mistreatment) per 1,000 CT troops per week (cluster 6).', 0.05, 'events/1000/week'),
        fighterStrength: rate('Combat strength of one CT soldier relative to one Malian soldier.', 3, '1'),
        scale: varyingCount('Multiplier on the CT troops above (a surge or drawdown lever).', 1, '1', 'scenario'),
      })
      .prefault({}),
    accountability: z
      .strictObject({
        abusesPrevented: varyingShare(
          'Share of abuses by the army, CT forces and peacekeepers that accountability (vetting, investigation, prosecution) prevents.',
          0,
          SEED_002,
        ),
      })
      .prefault({}),
    regionalCooperation: z
      .strictObject({
        borderControl: varyingShare('Share of trafficking flows stopped by border control with Algeria, Libya, ECOWAS and the AU.', 0, SEED_000),
        intelligenceSharing: varyingShare('Precision added to CT strikes by regional intelligence sharing.', 0, `${SEED_000}; ${SEED_001}`),
      })
      .prefault({}),
    financing: z
      .strictObject({
        disruption: varyingShare('Share of ransom and transnational funding cut by asset freezes and financial tracking.', 0, SEED_000),
        attackCost: rate('Cost of one operation by a party of operations.partySize fighters (fuel, ammunition, vehicles), in proportion to the party.', 2000, 'USD/operation'),
        desertion: share('Weekly share of unpaid fighters who leave when pay cannot be met.', 0.1),
      })
      .prefault({}),
    operations: z
      .strictObject({
        lossAversion: rate('Utility lost by an operation that fails (beaten back, fighters lost), against its aim if it succeeds.', 2, 'utility', OPERATIONS_SOURCE),
        partySize: param(z.int().min(1).max(10_000).default(10), {
          description: 'Smallest party of fighters an operation commits: the scale of Pareto-distributed party sizes.',
          unit: 'fighters',
          source: 'assumption (a few pickups of fighters)',
        }),
        partyTail: rate(
          'Tail index α of party sizes, P(party > k · partySize) = k^−α up to the fighters present: event sizes are heavy-tailed.',
          1.5,
          '1',
          'Bohorquez et al. 2009, Nature 462 (insurgent event sizes, density exponent ≈ 2.5); Clauset, Young & Gleditsch 2007',
        ),
        supportCost: rate('Utility cost of indiscriminate violence per unit of the residents\' ties to the group (what it loses in support).', 1.5, 'utility', 'Kalyvas 2006 (indiscriminate violence is counterproductive) and assumption'),
        selectiveBlame: share('Share of the support cost (and of the trust lost by residents) an indiscriminate killing carries that a selective one does.', 0.3, 'Kalyvas 2006 (selective violence is read as punishment of defectors) and assumption'),
        expansion: z
          .strictObject({
            mobility: share('Weekly share of a group\'s cadres that reconsider where to operate.', 0.02),
            ties: rate('Weight of the residents\' ties to the group in the value of a cercle.', 2, 'utility'),
            weakness: rate('Weight of the state\'s absence (1 − its share of the armed strength there) in the value of a cercle.', 2, 'utility'),
            trafficking: rate('Weight of the illicit flows through a cercle (as a share of the largest) in its value.', 1, 'utility'),
            crowding: rate('Utility lost per 100 of the group\'s fighters per 1,000 residents with ties to it: a support base feeds only so many.', 1, 'utility'),
          })
          .prefault({}),
      })
      .prefault({}),
    memory: z
      .strictObject({
        violence: share(
          'Weekly share kept of the smoothed violent deaths and abuses of past rounds (exponential smoothing: 0.75 is a memory of about four weeks) that return, aid access and militia mobilisation read.',
          0.75,
          'assumption (how long a cercle counts as unsafe after an attack)',
        ),
      })
      .prefault({}),
    trust: z
      .strictObject({
        learning: share('Weekly rate at which trust moves toward what a civilian experiences.', 0.05),
        social: share('Weekly rate at which trust moves toward what the community in the cercle believes.', 0.03, 'model brief ("what neighbours in one\'s community believe")'),
        harm: rate('Trust lost per death caused by an actor per 1,000 residents of the cercle, per week.', 20, '1/(deaths per 1000 people)'),
        personalHarm: share('Trust lost in an actor by a civilian whose group lost someone to it.', 0.3),
        abuse: rate('Trust lost in an actor per abuse event per 100,000 residents of the community in the cercle.', 2, '1/(events per 100k)'),
        protection: share('Trust signal of an actor that protects the cercle at full strength.', 0.3),
        aid: share('Trust signal of the actors credited with aid reaching a food-insecure civilian.', 0.15),
        governance: share('Trust signal of an armed group that controls the cercle and provides order and justice (soft power).', 0.15, `${SEED_001}; ${SEED_002} (extremists seen as protectors where the state is absent)`),
        aidDenial: share('Trust lost in a group by a food-insecure civilian when the group blocks aid.', 0.2, `${SEED_000} (al-Shabaab lost support)`),
      })
      .prefault({}),
    fear: z
      .strictObject({
        decay: share('Weekly share of fear that fades.', 0.1),
        exposure: rate('Fear added per violent death per 1,000 residents of the cercle in the week.', 1, '1/(deaths per 1000 people)'),
        personalHarm: share('Fear added to a civilian group that loses someone.', 0.5),
      })
      .prefault({}),
    recruitment: z
      .strictObject({
        grievanceWeight: rate('Weight of grievance G = hardship·(1 − trust in the state) in the recruitment score.', 0.5, '1', 'Epstein (2002) tradition; model brief'),
        payWeight: rate('Weight of pay attraction wage/(wage + civilian income).', 0.4, '1', SEED_000),
        tiesWeight: rate('Weight of community ties to the group times trust in it.', 0.5, '1', SEED_001),
        riskConstant: rate('k in the perceived risk P = 1 − exp(−k·security forces/(fighters + 1)).', 0.2, '1', 'Epstein (2002)'),
        income: rate('Monthly income of a civilian with no hardship; falls linearly with hardship to 0.', 120, 'USD/month'),
        contact: share('Weekly probability that each willing young person meets a recruiter of a group present in the cercle (drawn person by person, so recruits do not depend on peoplePerAgent).', 0.000125, 'assumption (0.01 per civilian agent a week at 80 people per agent before issue 13), to calibrate'),
        maxShareOfGroup: share('Largest share of a civilian group\'s people that can be serving in armed groups.', 0.25),
      })
      .prefault({}),
    displacement: z
      .strictObject({
        flightThreshold: share('Danger (fear + food weight · food insecurity) above which a civilian group with average risk aversion flees.', 0.5),
        foodWeight: share('Weight of food insecurity in the danger a civilian group feels.', 0.3, 'model brief ("fear and hunger make civilians flee")'),
        moveRate: share('Weekly probability that a group above its threshold leaves.', 0.15),
        returnThreshold: share('Fear below which displaced people consider going home.', 0.15),
        returnRate: share('Weekly probability of going home once fear is low and home is calm.', 0.02),
        calmDeaths: rate('Violent deaths per 100,000 residents per week below which home counts as calm.', 0.5, 'deaths/100k/week'),
        distanceScale: rate('Road distance over which a destination\'s weight falls by a factor e.', 250, 'km', 'Flee (Suleimenova, Bell & Groen 2017: destinations weighed by route length) and assumption'),
        abroadWeight: rate('Weight of a refugee camp against a calm, food-secure cercle at the same road distance (times its host country\'s pull).', 1, '1'),
        threat: share('Danger added at full threat (an armed group arrived, or attacks frightened every resident) in the round: people flee ahead of violence, as in Flee\'s conflict-onset rule.', 0.3, 'Suleimenova, Bell & Groen 2017 (conflict zones trigger flight) and assumption'),
        threatReach: rate('People one armed attack or clash frightens (a town and its villages): the threat in a cercle is min(1, attacks × threatReach / residents).', 20000, 'people/attack'),
        threatAdjacent: share('Share of a cercle\'s threat felt in the cercles next to it.', 0.5),
      })
      .prefault({}),
    aid: z
      .strictObject({
        supply: varyingShare('Share of food needs humanitarian aid could cover where access is open.', 0.4, 'assumption (appeals funded at 40–60%)'),
        insecurityBlock: rate('Access lost per violent death per 100,000 residents in the week.', 0.2, '1/(deaths per 100k)'),
        relief: share('Reduction of a civilian\'s food insecurity when aid reaches it.', 0.5),
        creditState: share('Share of the trust credit for aid that goes to the state.', 0.5),
        creditMinusma: share('Share of the trust credit for aid that goes to MINUSMA (the UN), where deployed.', 0.3),
        creditGroup: share('Share of the trust credit that goes to an armed group that lets aid into territory it controls.', 0.2, `${SEED_000} (al-Shabaab let aid in, for a time)`),
      })
      .prefault({}),
    negotiation: z
      .strictObject({
        talksFrom: optionalDate('Date talks with the Tuareg groups open (null: never).'),
        ceasefireFrom: optionalDate('Date of a ceasefire (Ouagadougou preliminary agreement, 18 June 2013).'),
        agreementFrom: optionalDate('Date an agreement is signed (Algiers Agreement, June 2015).'),
        includeExtremistBridge: param(z.boolean().default(false), {
          description: 'Whether Tuareg groups bridging to extremists (Ansar Dine, Iyad Ag Ghaly) are brought into the talks.',
          unit: 'flag',
          source: SEED_000,
        }),
        effect: z
          .strictObject({
            talks: share('How far talks lower cooperation with extremists and attacks on the army.', 0.2, SEED_000),
            ceasefire: share('How far a ceasefire lowers them.', 0.5, SEED_000),
            agreement: share('How far an agreement lowers them.', 0.8, `${SEED_000} (Tamanrasset 1991, National Pact 1992 as foundations)`),
          })
          .prefault({}),
        breakdown: rate('Weekly probability that a ceasefire or agreement breaks down per army attack on the group in the week, plus a base rate of 1/20 of it.', 0.005, '1/attack'),
        resume: share('Weekly probability that talks resume after a breakdown.', 0.02),
        cooperationRate: share('Weekly rate at which cooperation moves toward its target.', 0.02),
      })
      .prefault({}),
    intercommunal: z
      .strictObject({
        tensions: param(
          z
            .array(
              z.strictObject({
                between: z.tuple([z.string(), z.string()]),
                weight: z.number().min(0),
              }),
            )
            .default([]),
          {
            description: 'Pairs of communities in tension over land, water and alleged allegiances, with a weight.',
            unit: '1',
            source: `${SEED_002} (intercommunal violence, cluster 7) and assumption`,
          },
        ),
        rate: rate('Clashes per week per unit of tension where both communities live, each 100,000 people of the smaller.', 0.02, 'clashes/week'),
        lethality: rate('Mean deaths per clash.', 3, 'deaths/clash'),
        mobilisation: rate('Factor by which army abuses and militia mobilisation in the cercle multiply clashes (per abuse event in the last 4 weeks).', 0.5, '1/event'),
        stateAbsence: rate('Factor by which the absence of state services multiplies clashes.', 2, '1'),
        reprisal: rate(
          'Clashes a week added to a pair\'s rate in the cercle by each clash between them, fading by `memory` a week (a Hawkes process): reprisal/(1 − memory) clashes follow one clash on average, so below 1 violence dies out and near 1 it escalates.',
          0.03,
          'clashes/week per clash',
          'self-exciting point processes of violence (Mohler et al. 2011; Lewis et al. 2012) and assumption, to calibrate',
        ),
        memory: share('Weekly share of the reprisal excitation kept.', 0.9, 'assumption (reprisals within months)'),
        attribution: rate(
          'Excitation added to a pair per civilian of one community killed by an armed group the other community is tied to (× the difference of their ties): collective attribution.',
          0.005,
          'clashes/week per death',
          `${SEED_002} (attacks attributed to the community a group recruits from) and assumption`,
        ),
      })
      .prefault({}),
    humanProtection: z
      .strictObject({
        deathsScale: rate('Civilian deaths per 100,000 people per year that lower the index by a factor e.', 10, 'deaths/100k/year'),
        abusesScale: rate('Abuse events per 1,000,000 people per year that lower the index by a factor e.', 10, 'events/1M/year'),
        displacedScale: rate('Percent of the population displaced that lowers the index by a factor e.', 5, 'percent'),
      })
      .prefault({}),
  })
  .superRefine((scenario, context) => {
    const check = (known: readonly string[], what: string, name: string, path: (string | number)[]): void => {
      if (known.includes(name)) return;
      const nearest = known.length > 0 ? closest(name, [...known]) : '';
      const hint = nearest && distance(name, nearest) <= 3 ? ` (did you mean "${nearest}"?)` : '';
      context.addIssue({ code: 'custom', path, message: `names unknown ${what} "${name}"${hint}; ${what}s are ${known.join(', ')}` });
    };
    const regions = Object.keys(scenario.regions);
    const communities = Object.keys(scenario.communities);
    const hosts = Object.keys(scenario.hostCountries);
    const groups = Object.keys(scenario.armedGroups);
    const actors = ['fama', 'minusma', 'ct', ...groups];
    for (const [name, place] of Object.entries(scenario.regions)) {
      for (const c of Object.keys(place.communities)) check(communities, 'community', c, ['regions', name, 'communities', c]);
      const total = Object.values(place.communities).reduce((a, b) => a + b, 0);
      if (Math.abs(total - 1) > 0.001) {
        context.addIssue({ code: 'custom', path: ['regions', name, 'communities'], message: `community shares must sum to 1, found ${Number(total.toFixed(4))}` });
      }
      if (!Object.values(scenario.cercles).some((c) => c.region === name)) {
        context.addIssue({ code: 'custom', path: ['regions', name], message: `region "${name}" has no cercle: give at least one cercle \`region: ${name}\`` });
      }
    }
    for (const [name, place] of Object.entries(scenario.cercles)) check(regions, 'region', place.region, ['cercles', name, 'region']);
    for (const [name, { host }] of Object.entries(scenario.camps)) {
      check(hosts, 'host country', host, ['camps', name, 'host']);
      if (name in scenario.cercles) context.addIssue({ code: 'custom', path: ['camps', name], message: `"${name}" is both a cercle and a camp: road ends must name one place` });
    }
    const ends = [...Object.keys(scenario.cercles), ...Object.keys(scenario.camps)];
    scenario.roads.forEach((road, index) => [0, 1].forEach((end) => check(ends, 'place', road[end] as string, ['roads', index, end])));
    if (Object.keys(scenario.camps).length > 254) context.addIssue({ code: 'custom', path: ['camps'], message: `at most 254 camps, found ${Object.keys(scenario.camps).length}` });
    for (const [name, { trust, ties }] of Object.entries(scenario.communities)) {
      for (const a of Object.keys(trust)) check(actors, 'actor', a, ['communities', name, 'trust', a]);
      for (const g of Object.keys(ties)) check(groups, 'armed group', g, ['communities', name, 'ties', g]);
    }
    for (const [name, group] of Object.entries(scenario.armedGroups)) {
      for (const r of Object.keys(group.fighters)) check(regions, 'region', r, ['armedGroups', name, 'fighters', r]);
      if (group.mergesInto !== null) check(groups, 'armed group', group.mergesInto, ['armedGroups', name, 'mergesInto']);
      if (group.splitsFrom !== null) check(groups, 'armed group', group.splitsFrom, ['armedGroups', name, 'splitsFrom']);
      for (const rival of Object.keys(group.rivals)) check(groups, 'armed group', rival, ['armedGroups', name, 'rivals', rival]);
      if (group.partner !== null) check(groups, 'armed group', group.partner, ['armedGroups', name, 'partner']);
      if (group.kind === 'tuareg' && group.partner !== null && scenario.armedGroups[group.partner]?.kind !== 'extremist') {
        context.addIssue({ code: 'custom', path: ['armedGroups', name, 'partner'], message: `a Tuareg group's partner must be an extremist group, found "${group.partner}"` });
      }
    }
    for (const force of ['fama', 'minusma'] as const) {
      for (const r of Object.keys(scenario[force].deployment)) check(regions, 'region', r, [force, 'deployment', r]);
    }
    scenario.intercommunal.tensions.forEach((tension, index) => {
      tension.between.forEach((c, side) => check(communities, 'community', c, ['intercommunal', 'tensions', index, 'between', side]));
    });
    if (scenario.trust.learning + scenario.trust.social > 1) {
      context.addIssue({
        code: 'custom',
        path: ['trust', 'social'],
        params: { fields: ['trust.learning', 'trust.social'] },
        message: `trust.learning + trust.social must be ≤ 1 (together they replace part of the old trust), found ${scenario.trust.learning} + ${scenario.trust.social}`,
      });
    }
    // An agent's members are whole people: below one person's worth of allowed share, the cap
    // of recruitment.ts shuts every group out, silently, at fine resolutions.
    if (scenario.peoplePerAgent * scenario.recruitment.maxShareOfGroup < 1) {
      context.addIssue({
        code: 'custom',
        path: ['peoplePerAgent'],
        params: { fields: ['peoplePerAgent', 'recruitment.maxShareOfGroup'] },
        message: `peoplePerAgent × recruitment.maxShareOfGroup must be ≥ 1, or no civilian agent can ever have one of its people serving in an armed group; found ${scenario.peoplePerAgent} × ${scenario.recruitment.maxShareOfGroup} = ${Number((scenario.peoplePerAgent * scenario.recruitment.maxShareOfGroup).toFixed(4))} (use peoplePerAgent ≥ ${Math.ceil(1 / scenario.recruitment.maxShareOfGroup)}, or raise recruitment.maxShareOfGroup)`,
      });
    }
    const bands = scenario.ageBands;
    const bandTotal = bands.children + bands.youth + bands.adults + bands.elders;
    if (Math.abs(bandTotal - 1) > 0.001) {
      context.addIssue({ code: 'custom', path: ['ageBands'], message: `age band shares must sum to 1, found ${Number(bandTotal.toFixed(4))}` });
    }
  });

export type MaliParams = z.output<typeof maliSchema>;
export type ArmedGroupParams = MaliParams['armedGroups'][string];
