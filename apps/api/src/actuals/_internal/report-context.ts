// What the checks of a batch need from the database, read in one round of statements: the areas
// and teams it names (with their paths; a team's machines too), and the campaigns over those areas
// (their time zones, for the latest date a report may carry, their days and fastest service, for
// unlikely figures and dates); then, for a report that gives no machines working, the machines
// each campaign's plan puts in its area (the stored plans, kept across requests); beside them the
// reports already stored for the batch's days, which the batch's add up with.
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
   * The stored reports of the batch's days (each date and area it sends a report for), in the
   * areas its sender sees the reports of (all of them, whichever team sent them), but for those the
   * batch sends again and so replaces: as plan vs actual will add them up, for a day of team reports
   * above the planned machines, and an area's own total below its teams' reports. None when no
   * sender is given.
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
  // Read beside the plans (kept across requests, so mostly at hand). Every day of the batch: a team's
  // report may be set aside by a total stored for its area and day, and a total set aside stored teams'.
  const [planned, stored] = await Promise.all([
    plannedMachinesOf(prisma, memo, reports, coversOf),
    readStoredTeamDays(
      prisma,
      daysOf(reports).filter((day) => sees(day.areaCode)),
    ),
  ]);
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
    storedTeamDays: stored,
  };
}

/** The batch's days: each date and area it sends a report for, with the teams it sends that day. */
function daysOf(reports: readonly ContextReport[]): SentTeamDay[] {
  const days = new Map<string, SentTeamDay & { teamKeys: string[] }>();
  for (const report of reports) {
    if (report.date === undefined) continue;
    const key = JSON.stringify([report.date, report.areaCode]);
    let day = days.get(key);
    if (day === undefined) {
      day = { date: report.date, areaCode: report.areaCode, teamKeys: [] };
      days.set(key, day);
    }
    day.teamKeys.push(report.teamCode ?? '');
  }
  return [...days.values()];
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
