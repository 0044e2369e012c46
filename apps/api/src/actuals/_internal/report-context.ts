// What the checks of a batch need from the database, read in one round of statements: the areas
// and teams it names (with their paths; a team's machines too), and the campaigns over those areas
// (their time zones, for the latest date a report may carry, their days and fastest service, for
// unlikely figures and dates); then, for a report that gives no machines working, the machines
// each campaign's plan puts in its area (the stored plans, kept across requests); then the reports
// already stored for the team days those machines judge, which the batch's add up with.
import { plannedMachinesByArea, type ReviewedReport } from '@muster/planning';
import { isInSubtree, withinScope } from '../../auth/access.ts';
import { areaPathsOf } from '../../auth/area-paths.ts';
import type { Principal } from '../../auth/tokens.ts';
import type { Memo } from '../../compute/memo.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { storedPlan } from '../../planning/stored-plan.ts';
import { readStoredTeamDays, type SentTeamDay } from './read-day-reports.ts';
import type { ReviewCampaign } from './review-reports.ts';

/** Zone of the campaigns when no scenario covers an area (Vietnam's, as stored scenarios default to). */
export const DEFAULT_CAMPAIGN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export type ReportContext = {
  /** Path of every known area the batch names. */
  areaPaths: ReadonlyMap<string, string>;
  /**
   * Path of the home area of every known team the batch names, whether it is retired, and the
   * machines it works with (`Team.machines`).
   */
  teamHomes: ReadonlyMap<
    string,
    { homeAreaCode: string; homePath: string; retired: boolean; machines: number }
  >;
  /**
   * The campaigns (scenarios) whose area holds an area of the batch, with the machines each plans
   * in that area when a report of it gives no machines working (see {@link loadReportContext}).
   */
  campaignsOf(areaCode: string): (ReviewCampaign & { timeZone: string })[];
  /**
   * The stored reports of the batch's team days (a date and area where the batch sends a team's
   * report with dossiers and no machines working, and nothing judged alone: an area's own total or
   * machines given), in the areas where a campaign plans machines and its sender sees the reports
   * (all of them, whichever team sent them), but for those the batch sends again and so replaces:
   * as plan vs actual will add them up. None when no sender is given.
   */
  storedTeamDays: readonly ReviewedReport[];
};

/** A report as the context reads it: its area and team; its date and figures, to know whether planned machines judge it. */
type ContextReport = {
  date?: string;
  areaCode: string;
  teamCode?: string | null;
  dossiers?: number;
  machinesWorking?: number | null;
};

export type LoadReportContextOptions = {
  /** The request's, where its areas' paths may have been read already (its writer's scope). */
  memo?: Memo;
  /** Who sends the batch: the reports of its team days are read only when given, in the areas it sees. */
  sender?: Principal;
};

export async function loadReportContext(
  prisma: PrismaClient,
  reports: readonly ContextReport[],
  options: LoadReportContextOptions = {},
): Promise<ReportContext> {
  const { memo = new Map(), sender } = options;
  const areaCodes = [...new Set(reports.map((report) => report.areaCode))];
  const teamCodes = [...new Set(reports.flatMap((report) => (report.teamCode ? [report.teamCode] : [])))];
  // Plain statements, all at once: a batch of a few reports is sent many times a second, and a
  // model query costs the main thread about twice as much (Prisma compiles each one).
  const [areaPaths, teams, scenarios] = await Promise.all([
    areaPathsOf(prisma, areaCodes, memo),
    teamCodes.length > 0
      ? prisma.$queryRaw<
          { code: string; homeAreaCode: string; homePath: string; retired: boolean; machines: number }[]
        >`
          SELECT t."code", t."homeAreaCode", a."path" AS "homePath", t."retired", t."machines"
          FROM "Team" AS t JOIN "Area" AS a ON a."code" = t."homeAreaCode"
          WHERE t."code" = ANY(${teamCodes}::text[])`
      : Promise.resolve([]),
    // A scenario covers an area when rooted at it or at one of its ancestors (codes along the path).
    prisma.$queryRaw<ScenarioRow[]>`
      SELECT s."id", s."timeZone", s."minutesPerDossier", s."start", s."deadline", a."path"
      FROM "Scenario" AS s JOIN "Area" AS a ON a."code" = s."areaCode"
      WHERE s."areaCode" IN (
        SELECT unnest(string_to_array(b."path", '/')) FROM "Area" AS b WHERE b."code" = ANY(${areaCodes}::text[]))`,
  ]);
  const coversOf = (areaCode: string): ScenarioRow[] => {
    const path = areaPaths.get(areaCode);
    return path === undefined ? [] : scenarios.filter((scenario) => isInSubtree(path, scenario.path));
  };
  const sees = (areaCode: string) => {
    const path = areaPaths.get(areaCode);
    return sender !== undefined && path !== undefined && withinScope(sender, path);
  };
  // Read beside the plans (kept across requests, so mostly at hand): the days of areas some
  // campaign covers, kept below where one plans machines.
  const [planned, stored] = await Promise.all([
    plannedMachinesOf(prisma, memo, reports, coversOf),
    readStoredTeamDays(
      prisma,
      teamDaysOf(reports).filter((day) => sees(day.areaCode) && coversOf(day.areaCode).length > 0),
    ),
  ]);
  const plansMachines = (areaCode: string) =>
    coversOf(areaCode).some((scenario) => (planned.get(scenario.id)?.[areaCode] ?? 0) > 0);
  return {
    areaPaths,
    teamHomes: new Map(
      teams.map((team) => [
        team.code,
        {
          homeAreaCode: team.homeAreaCode,
          homePath: team.homePath,
          retired: team.retired,
          machines: team.machines,
        },
      ]),
    ),
    campaignsOf(areaCode) {
      return coversOf(areaCode).map(({ id, path: _root, ...campaign }) => ({
        ...campaign,
        plannedMachines: planned.get(id)?.[areaCode] ?? null,
      }));
    },
    storedTeamDays: stored.filter((report) => plansMachines(report.areaCode)),
  };
}

/**
 * The batch's team days the planned machines judge (as `reviewActualReports` does): a date and area
 * with a team's report of dossiers and no machines working, and no report judged alone (the area's
 * own total, or machines given), with the teams the batch sends that day.
 */
function teamDaysOf(reports: readonly ContextReport[]): SentTeamDay[] {
  const days = new Map<string, SentTeamDay & { teamKeys: string[]; judged: boolean; alone: boolean }>();
  for (const report of reports) {
    if (report.date === undefined) continue;
    const key = JSON.stringify([report.date, report.areaCode]);
    let day = days.get(key);
    if (day === undefined) {
      day = { date: report.date, areaCode: report.areaCode, teamKeys: [], judged: false, alone: false };
      days.set(key, day);
    }
    day.teamKeys.push(report.teamCode ?? '');
    if (!report.teamCode || report.machinesWorking != null) day.alone = true;
    else if (report.dossiers !== undefined && report.dossiers > 0) day.judged = true;
  }
  return [...days.values()]
    .filter((day) => day.judged && !day.alone)
    .map(({ date, areaCode, teamKeys }) => ({ date, areaCode, teamKeys }));
}

type ScenarioRow = {
  id: string;
  timeZone: string;
  minutesPerDossier: number;
  start: string;
  deadline: string;
  /** The path of the scenario's area. */
  path: string;
};

/**
 * The machines each plan puts in each area, by scenario id, for the campaigns over a report with
 * dossiers and no machines working (only these are judged by them). A plan that cannot be made
 * judges nothing: recording goes on without it.
 */
async function plannedMachinesOf(
  prisma: PrismaClient,
  memo: Memo,
  reports: readonly ContextReport[],
  coversOf: (areaCode: string) => ScenarioRow[],
): Promise<Map<string, Record<string, number | null>>> {
  const ids = new Set<string>();
  const areas = new Set<string>();
  for (const report of reports) {
    if (!(report.dossiers !== undefined && report.dossiers > 0 && report.machinesWorking == null)) continue;
    if (areas.has(report.areaCode)) continue;
    areas.add(report.areaCode);
    for (const scenario of coversOf(report.areaCode)) ids.add(scenario.id);
  }
  const plans = await Promise.all(
    [...ids].map(async (id) => {
      try {
        return [id, plannedMachinesByArea((await storedPlan(memo, prisma, id)).plan)] as const;
      } catch {
        return null;
      }
    }),
  );
  return new Map(plans.filter((plan) => plan !== null));
}
