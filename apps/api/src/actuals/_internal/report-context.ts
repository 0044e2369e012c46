// What the checks of a batch need from the database, read in one round of statements: the areas
// and teams it names (with their paths; a team's machines too), and the campaigns over those areas
// (their time zones, for the latest date a report may carry, their days and fastest service, for
// unlikely figures and dates); then, for a report that gives no machines working, the machines
// each campaign's plan puts in its area (the stored plans, kept across requests).
import { plannedMachinesByArea } from '@muster/planning';
import { isInSubtree } from '../../auth/access.ts';
import { areaPathsOf } from '../../auth/area-paths.ts';
import type { Memo } from '../../compute/memo.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { storedPlan } from '../../planning/stored-plan.ts';
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
};

/** A report as the context reads it: its area and team; its figures, to know whether planned machines judge it. */
type ContextReport = {
  areaCode: string;
  teamCode?: string | null;
  dossiers?: number;
  machinesWorking?: number | null;
};

export async function loadReportContext(
  prisma: PrismaClient,
  reports: readonly ContextReport[],
  /** The request's, where its areas' paths may have been read already (its writer's scope). */
  memo: Memo = new Map(),
): Promise<ReportContext> {
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
  const planned = await plannedMachinesOf(prisma, memo, reports, coversOf);
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
  };
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
