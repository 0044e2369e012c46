// One MOBILE team's own calendar (`Team.visits`): the plan of every MOBILE team based in its home
// area over the communes under it, on a stored scenario's calendar, hours and service.
import type { OpeningHours, PlanMobileTeamsOptions } from '@muster/planning';
import { PlanningInputError } from '@muster/planning';
import { type Memo, memoize } from '../compute/memo.ts';
import type { PrismaClient, Team } from '../generated/prisma/client.ts';
import { type NamedMobilePlan, planMobileTeamsOver } from './mobile-plan.ts';
import { areaOfScenario } from './scenario-input.ts';
import { storedPlan } from './stored-plan.ts';

/** One mobile team's part of the plan of every mobile team based in its home area. */
export type TeamVisits = {
  teamCode: string;
  teamName: string;
  scenarioId: string;
  scenarioName: string;
  areaCode: string;
  timeZone: string;
  teamCodes: string[];
  plan: NamedMobilePlan;
  itinerary: NamedMobilePlan['teams'][number];
  notes: string[];
};

export type TeamVisitsRequest = {
  scenarioId: string;
  /** Working window, travel included; default the scenario's opening hours. */
  hours?: OpeningHours | null;
  maxDaysPerVisit?: number | null;
  priority: NonNullable<PlanMobileTeamsOptions['priorityRule']>;
};

/** `team`'s visits, planned with the other MOBILE teams of its home area, each with its own machines. */
export async function teamVisits(
  prisma: PrismaClient,
  memo: Memo,
  team: Team,
  request: TeamVisitsRequest,
): Promise<TeamVisits> {
  if (team.kind !== 'MOBILE') {
    throw new PlanningInputError({
      path: 'team',
      code: 'conflict',
      expected: 'a MOBILE team (fixed sites have no itinerary)',
      received: `${team.code} (${team.kind})`,
    });
  }
  const scenarioId = request.scenarioId;
  const home = team.homeAreaCode;
  const loaded = await storedPlan(memo, prisma, scenarioId);
  await areaOfScenario(
    prisma,
    loaded,
    home,
    () =>
      new PlanningInputError({
        path: 'scenarioId',
        code: 'unknown-reference',
        expected: `a scenario whose area contains the team’s home area ${home}`,
        received: scenarioId,
      }),
  );
  const campaign = loaded.plan;
  // A team without machines has nothing to carry: it is left out, and its own calendar refused.
  const homeTeams = await prisma.team.findMany({
    where: { kind: 'MOBILE', homeAreaCode: home, machines: { gt: 0 }, retired: false },
    orderBy: { code: 'asc' },
  });
  if (!homeTeams.some((member) => member.code === team.code)) {
    throw new PlanningInputError({
      path: 'team',
      code: 'range',
      expected: 'a MOBILE team with at least one machine',
      received: `${team.code} (${team.machines} machines)`,
    });
  }
  const hasCentroid = campaign.areas.some((row) => row.code === home && row.location !== null);
  // Each team with its own crews, so its visits fall on the days of its own roster.
  const homeRequest = {
    areaCode: home,
    // A leaf that cannot be placed is the home area's, not the scenario's: named so, with its code.
    areaArgument: 'team.homeAreaCode',
    homeAreaCode: hasCentroid ? home : null,
    teams: homeTeams.map((member) => ({ id: member.code, machines: member.machines, crews: member.crews })),
    hours: request.hours ?? loaded.input.hours,
    maxDaysPerVisit: request.maxDaysPerVisit,
    priority: request.priority,
  };
  // Every team of the home area shares this plan: one computation for all their `visits` in a request.
  const plan = await memoize(memo, `${loaded.key}:mobile:${JSON.stringify(homeRequest)}`, () =>
    planMobileTeamsOver(campaign, loaded.input, homeRequest),
  );
  const itinerary = plan.teams.find((itinerary) => itinerary.team === team.code);
  if (itinerary === undefined) throw new Error(`team ${team.code} is missing from its own plan`);
  const notes = hasCentroid
    ? plan.notes
    : [...plan.notes, `${home} has no centroid: the teams leave from the centre of its communes`];
  return {
    teamCode: team.code,
    teamName: team.name,
    scenarioId,
    scenarioName: loaded.scenario.name,
    areaCode: home,
    timeZone: campaign.period.timeZone,
    teamCodes: homeTeams.map((member) => member.code),
    plan,
    itinerary,
    notes,
  };
}
