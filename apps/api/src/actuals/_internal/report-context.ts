// What the checks of a batch need from the database, read in one round of statements: the areas
// and teams it names (with their paths), and the campaigns over those areas (their time zones,
// for the latest date a report may carry, and their fastest service, for unlikely figures).
import { isInSubtree } from '../../auth/access.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';

/** Zone of the campaigns when no scenario covers an area (Vietnam's, as stored scenarios default to). */
export const DEFAULT_CAMPAIGN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export type ReportContext = {
  /** Path of every known area the batch names. */
  areaPaths: ReadonlyMap<string, string>;
  /** Path of the home area of every known team the batch names, and whether it is retired. */
  teamHomes: ReadonlyMap<string, { homeAreaCode: string; homePath: string; retired: boolean }>;
  /** The campaigns (scenarios) whose area holds an area of the batch. */
  campaignsOf(areaCode: string): { timeZone: string; minutesPerDossier: number }[];
};

export async function loadReportContext(
  prisma: PrismaClient,
  reports: readonly { areaCode: string; teamCode?: string | null }[],
): Promise<ReportContext> {
  const areaCodes = [...new Set(reports.map((report) => report.areaCode))];
  const teamCodes = [...new Set(reports.flatMap((report) => (report.teamCode ? [report.teamCode] : [])))];
  const [areas, teams] = await Promise.all([
    prisma.area.findMany({ where: { code: { in: areaCodes } }, select: { code: true, path: true } }),
    teamCodes.length > 0
      ? prisma.team.findMany({
          where: { code: { in: teamCodes } },
          select: { code: true, homeAreaCode: true, retired: true, homeArea: { select: { path: true } } },
        })
      : Promise.resolve([]),
  ]);
  const areaPaths = new Map(areas.map((area) => [area.code, area.path]));
  // A scenario covers an area when rooted at it or at one of its ancestors (codes along the path).
  const ancestors = [...new Set(areas.flatMap((area) => area.path.split('/')))];
  const scenarios = await prisma.scenario.findMany({
    where: { areaCode: { in: ancestors } },
    select: { areaCode: true, timeZone: true, minutesPerDossier: true, area: { select: { path: true } } },
  });
  return {
    areaPaths,
    teamHomes: new Map(
      teams.map((team) => [
        team.code,
        { homeAreaCode: team.homeAreaCode, homePath: team.homeArea.path, retired: team.retired },
      ]),
    ),
    campaignsOf(areaCode) {
      const path = areaPaths.get(areaCode);
      if (path === undefined) return [];
      return scenarios.filter((scenario) => isInSubtree(path, scenario.area.path));
    },
  };
}
