// Fixed sites and mobile teams in one plan (issue 18): `CampaignPlan.sitesAndTeams`, which
// communes go to a site and which get visits, and `CampaignPlan.mobileTeamsNeeded`, the fewest
// teams beside the sites. Both from @muster/planning (planSitesAndTeams, mobileTeamsNeeded); the
// sites and teams default to the FIXED and MOBILE teams stored under the area.
import type { AreaPlan, EnrollmentSite, MobileTeam } from '@muster/planning';
import { PlanningInfeasibleError } from '@muster/planning';
import { builder } from '../builder.ts';
import { compute } from '../compute/pool.ts';
import { prisma } from '../db.ts';
import { priced } from '../limits/cost-limit.ts';
import { mobileWork, NOMINAL } from '../limits/work.ts';
import {
  baseOf,
  type NamedSitesAndTeamsPlan,
  namedSitesAndTeams,
  placedCommunesWithNotes,
  planSitesAndTeamsOver,
} from '../planning/mobile-plan.ts';
import type { PlanResult } from '../planning/plan-result.ts';
import { planRow } from '../planning/plan-result.ts';
import { withoutNulls } from '../planning/without-nulls.ts';
import { OpeningHoursInputRef } from './campaign-input.ts';
import { CampaignPlanRef } from './campaign-plan.ts';
import { computeErrors } from './error.ts';
import { MobileTeamInputRef, MobileTeamsPlanRef, PriorityRuleEnum } from './mobile-teams.ts';

const ObjectiveEnum = builder.enumType('SplitObjective', {
  description: 'What the split between sites and teams is chosen for.',
  values: {
    EARLIEST: {
      value: 'earliest',
      description: 'Finish as soon as possible (then the fewest machine-days).',
    },
    MACHINE_DAYS: {
      value: 'machine-days',
      description: 'The fewest machine-days that finish by the deadline (the earliest when none does).',
    },
  } as const,
});

const SiteInputRef = builder.inputType('EnrollmentSiteInput', {
  description: 'A fixed enrollment site as the planning library takes it.',
  fields: (t) => ({
    id: t.string({ required: true, description: 'Unique key of the site.' }),
    communeId: t.string({
      required: true,
      description: 'Code of the commune (a leaf area) where the site stands.',
    }),
    machines: t.int({
      required: true,
      description: 'Machines working at the site every open day, 1 or more.',
    }),
  }),
});

const ReachInputRef = builder.inputType('SiteReachInput', {
  description: 'How far residents go to a fixed site, and how many come from far away.',
  fields: (t) => ({
    maxTravelHours: t.float({ description: 'Longest drive to a site residents make, hours. Default 1.' }),
    turnoutHalfLifeHours: t.float({
      description:
        'Drive after which half as many residents come, hours: 0.5^(drive ÷ half-life) come. Default 1.5.',
    }),
  }),
});

const SitePlanRef = builder.objectRef<NamedSitesAndTeamsPlan['sites'][number]>('SitePlan').implement({
  description: 'One fixed site’s load in the combined plan.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'The site’s key (a FIXED team’s code by default).' }),
    communeCode: t.exposeString('communeId', { description: 'The commune where the site stands.' }),
    machines: t.exposeInt('machines', { description: 'Machines at the site.' }),
    communeCodes: t.exposeStringList('communeIds', { description: 'The communes it serves, its own first.' }),
    expectedDossiers: t.exposeInt('expectedDossiers', {
      description: 'Residents expected to come, dossiers: each commune’s demand × its turnout share.',
    }),
    notComingDossiers: t.exposeInt('notComingDossiers', {
      description: 'Residents of its communes who do not come because of the drive, dossiers.',
    }),
    dossiersPerDay: t.exposeFloat('dossiersPerDay', {
      description: 'Dossiers the site takes on an open day.',
    }),
    openDays: t.exposeFloat('openDays', { description: 'Open days of work from the start (fractional).' }),
    completionDate: t.expose('completionDate', {
      type: 'Date',
      nullable: true,
      description: 'The open day its last dossier is taken; null with nothing to do.',
    }),
    machineDays: t.exposeFloat('machineDays', { description: 'Machines × open days of work, machine-days.' }),
  }),
});

const SplitReasonEnum = builder.enumType('SplitReason', {
  description: 'Why a commune is served where it is.',
  values: {
    SITE_COMMUNE: { value: 'site-commune', description: 'The site stands in the commune.' },
    WITHIN_REACH: {
      value: 'within-reach',
      description: 'A site within reach serves it as soon as a team would, or sooner.',
    },
    SITES_BUSY: {
      value: 'sites-busy',
      description:
        'A site is within reach, but the teams finish it sooner (for a deadline: the site would miss it).',
    },
    BEYOND_REACH: {
      value: 'beyond-reach',
      description: 'No site within reach: a team brings the service to it.',
    },
    NO_TEAM: {
      value: 'no-team',
      description: 'No site within reach and no team: residents go to the nearest site.',
    },
    NOTHING_TO_DO: { value: 'nothing-to-do', description: 'No dossier left to take.' },
  } as const,
});

const CommuneSplitRef = builder
  .objectRef<NamedSitesAndTeamsPlan['communes'][number]>('CommuneSplit')
  .implement({
    description: 'Where one commune is served in the combined plan, and why.',
    fields: (t) => ({
      communeCode: t.exposeString('communeId', { description: 'The commune’s code.' }),
      name: t.string({ nullable: true, description: 'The commune’s name.', resolve: (c) => c.name ?? null }),
      demand: t.exposeInt('demand', { description: 'Dossiers still to take, from the plan.' }),
      servedBy: t.exposeString('servedBy', {
        description: '`fixed-site`, `mobile-team` or `nothing-to-do`.',
      }),
      siteId: t.exposeString('siteId', { nullable: true, description: 'The site, when served at one.' }),
      nearestSiteHours: t.exposeFloat('nearestSiteHours', {
        nullable: true,
        description: 'Drive to the nearest site, hours (null without sites).',
      }),
      turnoutShare: t.exposeFloat('turnoutShare', {
        description: 'Share of its demand that comes, 0–1: 0.5^(drive ÷ half-life) at a site, 1 for a visit.',
      }),
      expectedDossiers: t.exposeInt('expectedDossiers', {
        description: 'Dossiers expected: demand × turnout share.',
      }),
      reason: t.expose('reason', { type: SplitReasonEnum, description: 'Why it is served where it is.' }),
      detail: t.exposeString('detail', { description: 'The reason with its figures, in words.' }),
      terrain: t.exposeString('terrain', {
        nullable: true,
        description:
          'Terrain class its drives are timed with: urban 25, lowland 40, upland 30, mountain 20 km/h.',
      }),
      completionDate: t.expose('completionDate', {
        type: 'Date',
        nullable: true,
        description: 'When it is finished: its site’s completion, or the end of its last visit.',
      }),
    }),
  });

const SitesAndTeamsPlanRef = builder.objectRef<NamedSitesAndTeamsPlan>('SitesAndTeamsPlan').implement({
  description:
    'Fixed sites and mobile teams in one plan: the split, each site’s load, the teams’ visits, completion with both.',
  fields: (t) => ({
    objective: t.expose('objective', { type: ObjectiveEnum, description: 'What the split was chosen for.' }),
    onTime: t.exposeBoolean('onTime', { description: 'Every site and team finishes by the deadline.' }),
    deadline: t.expose('deadline', { type: 'Date', description: 'The scenario’s deadline.' }),
    completionDate: t.expose('completionDate', {
      type: 'Date',
      nullable: true,
      description: 'The later of the sites’ and the teams’ completion; null with nothing to do.',
    }),
    completionOpenDays: t.exposeFloat('completionOpenDays', {
      description: 'Open days until the last dossier.',
    }),
    lowerBoundOpenDays: t.exposeFloat('lowerBoundOpenDays', {
      description: 'Open days before which no split and no route finishes.',
    }),
    gapToLowerBound: t.exposeFloat('gapToLowerBound', {
      description: '(completion − bound) ÷ bound, in open days (0.1 is 10 %).',
    }),
    siteMachineDays: t.float({
      description: 'Machine-days at the sites.',
      resolve: (p) => p.machineDays.sites,
    }),
    teamMachineDays: t.float({
      description: 'Machine-days of the teams.',
      resolve: (p) => p.machineDays.teams,
    }),
    expectedDossiers: t.exposeInt('expectedDossiers', {
      description: 'Dossiers expected, after turnout at sites.',
    }),
    notComingDossiers: t.exposeInt('notComingDossiers', {
      description: 'Residents who do not come to a site because of the drive, dossiers.',
    }),
    maxTravelHours: t.float({
      description: 'Longest drive to a site residents make, hours.',
      resolve: (p) => p.assumptions.maxTravelHours,
    }),
    turnoutHalfLifeHours: t.float({
      description: 'Drive after which half as many residents come, hours.',
      resolve: (p) => p.assumptions.turnoutHalfLifeHours,
    }),
    teamHoursPerOpenDay: t.float({
      description: 'A team’s working hours per open day on average, its crews’ days off counted.',
      resolve: (p) => p.assumptions.teamHoursPerOpenDay,
    }),
    sites: t.field({ type: [SitePlanRef], description: 'Each site’s load.', resolve: (p) => p.sites }),
    communes: t.field({
      type: [CommuneSplitRef],
      description: 'Each commune’s place.',
      resolve: (p) => p.communes,
    }),
    mobile: t.field({
      type: MobileTeamsPlanRef,
      nullable: true,
      description: 'The teams’ visits over the communes they serve; null without teams.',
      resolve: (p) => p.mobile,
    }),
    notes: t.exposeStringList('notes', { description: 'What the plan assumed or fell back on, in words.' }),
  }),
});

/** FIXED teams based in the leaves under the area (their sites), and MOBILE teams based in it. */
async function storedSitesAndTeams(result: PlanResult, areaCode: string) {
  const rows = result.plan.areas;
  const inside = new Set<string>();
  for (const row of rows as AreaPlan[])
    if (row.code === areaCode || (row.parentCode !== null && inside.has(row.parentCode)))
      inside.add(row.code);
  const leaves = new Set(
    (rows as AreaPlan[]).filter((r) => r.isLeaf && inside.has(r.code)).map((r) => r.code),
  );
  const teams = await prisma.team.findMany({
    where: { homeAreaCode: { in: [...inside] }, retired: false, machines: { gt: 0 } },
    orderBy: { code: 'asc' },
  });
  const sites: EnrollmentSite[] = teams
    .filter((t) => t.kind === 'FIXED' && leaves.has(t.homeAreaCode))
    .map((t) => ({ id: t.code, communeId: t.homeAreaCode, machines: t.machines }));
  const mobile = teams.filter((t) => t.kind === 'MOBILE');
  return {
    sites,
    teams: mobile.map((t): MobileTeam => ({ id: t.code, machines: t.machines, crews: t.crews })),
  };
}

/**
 * The stored teams as they are, or, when the planner asks what `crewsPerTeam` would change, without
 * their own crews, so that the plan's `crewsPerTeam` holds for all (and a bad one is refused under
 * its own name).
 */
function withCrews(teams: MobileTeam[], crews: number | null | undefined): MobileTeam[] {
  return crews == null ? teams : teams.map(({ crews: _own, ...team }) => team);
}

builder.objectField(CampaignPlanRef, 'sitesAndTeams', (t) =>
  t.field({
    type: SitesAndTeamsPlanRef,
    description:
      'Fixed sites and mobile teams in one plan over the leaf areas under an area (default: the one asked about): each commune at a site within reach or visited by the teams, chosen to finish earliest or at the fewest machine-days. Sites default to the FIXED teams based in those communes, teams to the MOBILE teams based under the area.',
    errors: { types: [...computeErrors, PlanningInfeasibleError] },
    args: {
      areaCode: t.arg.string({ description: 'The area whose leaf areas are served. Default the plan’s.' }),
      sites: t.arg({
        type: [SiteInputRef],
        description: 'The sites. Default the FIXED teams under the area.',
      }),
      teams: t.arg({
        type: [MobileTeamInputRef],
        description: 'The teams. Default the MOBILE teams under the area.',
      }),
      homeAreaCode: t.arg.string({
        description:
          'Where teams leave from: its centroid, or the centre of its communes. Default the centre of the communes served.',
      }),
      hours: t.arg({
        type: OpeningHoursInputRef,
        description: 'The teams’ working window, travel included. Default 07:00–19:00.',
      }),
      crewsPerTeam: t.arg.int({
        description:
          'Crews behind each team (1 to 20): every team sent in `teams` that names none, or, without `teams`, every stored team (a what-if of more or fewer crews). Default: a sent team 2, a stored team its own `crews`.',
      }),
      reach: t.arg({
        type: ReachInputRef,
        description: 'How far residents go to a site. Defaults 1 h and a 1.5 h half-life.',
      }),
      objective: t.arg({
        type: ObjectiveEnum,
        defaultValue: 'earliest',
        description: 'What the split is chosen for.',
      }),
      priority: t.arg({
        type: PriorityRuleEnum,
        defaultValue: 'remote-low-coverage-first',
        description: 'Which communes the teams serve first.',
      }),
      maxDaysPerVisit: t.arg.int({
        description: 'Longest stay of one team in one commune, open days. Default no limit.',
      }),
    },
    complexity: (args, context) =>
      priced(
        context,
        'CampaignPlan.sitesAndTeams',
        3 *
          mobileWork(
            NOMINAL.communes,
            Math.max(1, args.teams?.length ?? NOMINAL.mobileTeamsPerArea),
            NOMINAL.campaignDays,
          ),
      ),
    resolve: async (result, args) => {
      const areaCode = planRow(result, args.areaCode).code;
      const stored = await storedSitesAndTeams(result, areaCode);
      return planSitesAndTeamsOver(result.plan, result.input, {
        areaCode,
        areaArgument: 'areaCode',
        homeAreaCode: args.homeAreaCode,
        sites: args.sites ?? stored.sites,
        teams: args.teams ?? withCrews(stored.teams, args.crewsPerTeam),
        siteHours: result.input.hours,
        hours: args.hours,
        crewsPerTeam: args.crewsPerTeam,
        reach: args.reach,
        maxDaysPerVisit: args.maxDaysPerVisit,
        objective: args.objective ?? 'earliest',
        priority: args.priority ?? 'remote-low-coverage-first',
      });
    },
  }),
);

type TeamsNeeded = { teams: number; lowerBoundTeams: number; plan: NamedSitesAndTeamsPlan | null };

const TeamsNeededRef = builder.objectRef<TeamsNeeded>('MobileTeamsNeeded').implement({
  description:
    'The fewest mobile teams that, beside the fixed sites, finish by the deadline with every commune beyond reach visited.',
  fields: (t) => ({
    teams: t.exposeInt('teams', { description: 'Teams needed (0 when the sites alone suffice).' }),
    lowerBoundTeams: t.exposeInt('lowerBoundTeams', {
      description:
        'No fewer teams can do it, by a bound on team-hours (0 beside sites, where the bound says nothing).',
    }),
    plan: t.field({
      type: SitesAndTeamsPlanRef,
      nullable: true,
      description: 'The combined plan with that many teams (named `team-1`, …).',
      resolve: (r) => r.plan,
    }),
  }),
});

builder.objectField(CampaignPlanRef, 'mobileTeamsNeeded', (t) =>
  t.field({
    type: TeamsNeededRef,
    description:
      'How many mobile teams of `machinesPerTeam` machines are needed beside the fixed sites (default the FIXED teams under the area) to finish by the deadline, every commune beyond reach visited. Infeasible, with the reason, when no number up to `maxTeams` does.',
    errors: { types: [...computeErrors, PlanningInfeasibleError] },
    args: {
      machinesPerTeam: t.arg.int({ required: true, description: 'Machines each team carries, 1 or more.' }),
      areaCode: t.arg.string({ description: 'The area whose leaf areas are served. Default the plan’s.' }),
      sites: t.arg({
        type: [SiteInputRef],
        description: 'The sites. Default the FIXED teams under the area.',
      }),
      homeAreaCode: t.arg.string({ description: 'Where teams leave from, as in `sitesAndTeams`.' }),
      hours: t.arg({
        type: OpeningHoursInputRef,
        description: 'The teams’ working window. Default 07:00–19:00.',
      }),
      crewsPerTeam: t.arg.int({ description: 'Crews behind each team (1 to 20). Default 2.' }),
      reach: t.arg({ type: ReachInputRef, description: 'How far residents go to a site.' }),
      maxTeams: t.arg.int({ description: 'Most teams tried (1 to 1,000). Default 200.' }),
      maxDaysPerVisit: t.arg.int({ description: 'Longest stay of one team in one commune, open days.' }),
    },
    complexity: (_args, context) =>
      priced(
        context,
        'CampaignPlan.mobileTeamsNeeded',
        33 * mobileWork(NOMINAL.communes, 8, NOMINAL.campaignDays),
      ),
    resolve: async (result, args) => {
      const areaCode = planRow(result, args.areaCode).code;
      const stored = await storedSitesAndTeams(result, areaCode);
      const { communes, notes: placement } = placedCommunesWithNotes(result.plan, areaCode, 'areaCode');
      const base = baseOf(result.plan, args.homeAreaCode);
      const answer = await compute(
        'mobileTeamsNeeded',
        {
          calendar: result.input.calendar,
          service: result.input.service,
          communes,
          machinesPerTeam: args.machinesPerTeam,
          sites: args.sites ?? stored.sites,
          siteHours: result.input.hours,
          ...(base.home ? { home: base.home } : {}),
          ...(args.hours ? { hours: args.hours } : {}),
          ...(args.crewsPerTeam != null ? { crewsPerTeam: args.crewsPerTeam } : {}),
          ...(args.maxDaysPerVisit != null ? { maxDaysPerVisit: args.maxDaysPerVisit } : {}),
          ...(args.reach ? { reach: withoutNulls(args.reach) } : {}),
        },
        {
          priorityRule: 'remote-low-coverage-first',
          ...(args.maxTeams != null ? { maxTeams: args.maxTeams } : {}),
        },
      );
      if (answer.status === 'infeasible') throw new PlanningInfeasibleError(answer.reason, answer.detail);
      const combined = answer.sitesAndTeams;
      return {
        teams: answer.teams,
        lowerBoundTeams: answer.lowerBoundTeams,
        plan:
          combined === undefined
            ? null
            : namedSitesAndTeams(combined, communes, [...placement, ...base.notes]),
      };
    },
  }),
);
