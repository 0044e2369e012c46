// What the checks of a batch need from the database, read in one round of statements: the areas
// and teams it names (with their paths), and the campaigns over those areas (their time zones,
// for the latest date a report may carry, and their fastest service, for unlikely figures).
import { isInSubtree } from '../../auth/access.ts';
import { areaPathsOf } from '../../auth/area-paths.ts';
import type { Memo } from '../../compute/memo.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';

/** Zone of the campaigns when no scenario covers an area (Vietnam's, as stored scenarios default to). */
export const DEFAULT_CAMPAIGN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export type ReportContext = {
  /** Path of every known area the batch names. */
  areaPaths: ReadonlyMap<string, string>;
  /** Path of the home area of every known team the batch names, and whether it is retired. */
  teamHomes: ReadonlyMap<string, { homeAreaCode: string; homePath: string; retired: boolean }>;
  /** The campaigns (scenarios) whose area holds an area of the batch. */
  campaignsOf(
    areaCode: string,
  ): { timeZone: string; minutesPerDossier: number; start: string; deadline: string }[];
};

export async function loadReportContext(
  prisma: PrismaClient,
  reports: readonly { areaCode: string; teamCode?: string | null }[],
  /** The request's, where its areas' paths may have been read already (its writer's scope). */
  memo?: Memo,
): Promise<ReportContext> {
  const areaCodes = [...new Set(reports.map((report) => report.areaCode))];
  const teamCodes = [...new Set(reports.flatMap((report) => (report.teamCode ? [report.teamCode] : [])))];
  // Plain statements, all at once: a batch of a few reports is sent many times a second, and a
  // model query costs the main thread about twice as much (Prisma compiles each one).
  const [areaPaths, teams, scenarios] = await Promise.all([
    areaPathsOf(prisma, areaCodes, memo),
    teamCodes.length > 0
      ? prisma.$queryRaw<{ code: string; homeAreaCode: string; homePath: string; retired: boolean }[]>`
          SELECT t."code", t."homeAreaCode", a."path" AS "homePath", t."retired"
          FROM "Team" AS t JOIN "Area" AS a ON a."code" = t."homeAreaCode"
          WHERE t."code" = ANY(${teamCodes}::text[])`
      : Promise.resolve([]),
    // A scenario covers an area when rooted at it or at one of its ancestors (codes along the path).
    prisma.$queryRaw<
      { timeZone: string; minutesPerDossier: number; start: string; deadline: string; path: string }[]
    >`
      SELECT s."timeZone", s."minutesPerDossier", s."start", s."deadline", a."path"
      FROM "Scenario" AS s JOIN "Area" AS a ON a."code" = s."areaCode"
      WHERE s."areaCode" IN (
        SELECT unnest(string_to_array(b."path", '/')) FROM "Area" AS b WHERE b."code" = ANY(${areaCodes}::text[]))`,
  ]);
  return {
    areaPaths,
    teamHomes: new Map(
      teams.map((team) => [
        team.code,
        { homeAreaCode: team.homeAreaCode, homePath: team.homePath, retired: team.retired },
      ]),
    ),
    campaignsOf(areaCode) {
      const path = areaPaths.get(areaCode);
      if (path === undefined) return [];
      return scenarios.filter((scenario) => isInSubtree(path, scenario.path));
    },
  };
}
