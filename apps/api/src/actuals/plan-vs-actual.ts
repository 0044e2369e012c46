// Plan against what the field reported: the stored scenario and reports, compared by
// @muster/planning's compareWithActuals, with the reports whose figures are unlikely at the
// scenario's service time (reviewActualReports). Voided reports count nowhere.
import { type PlanComparison, type ReportFinding, reviewActualReports } from '@muster/planning';
import { subtreeOf } from '../auth/access.ts';
import { cached } from '../cache/shared-cache.ts';
import type { Memo } from '../compute/memo.ts';
import { compute } from '../compute/pool.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { areaOfScenario } from '../planning/scenario-input.ts';
import { BYTES_KEPT, scenarioKey, storedScenario } from '../planning/stored-plan.ts';

export type PlanVsActual = PlanComparison & {
  scenarioId: string;
  /** Reports compared whose figures are unlikely or impossible at the scenario's service time. */
  reportWarnings: ReportFinding[];
};

type PlanVsActualArgs = { scenarioId: string; areaCode: string; from?: string | null; to?: string | null };

/**
 * Plan against reports for one area of a stored scenario: once per request for the same
 * arguments, and kept across requests under the scenario's, the areas' and the reports' versions.
 */
export async function planVsActual(
  prisma: PrismaClient,
  memo: Memo,
  args: PlanVsActualArgs,
): Promise<PlanVsActual> {
  const data = await scenarioKey(memo, prisma, args.scenarioId, { reports: true });
  const key = `plan-vs-actual:${data}:${JSON.stringify([args.areaCode, args.from ?? null, args.to ?? null])}`;
  return cached(
    memo,
    key,
    () => comparePlanWithReports(prisma, memo, args),
    (result) => result.days.length * BYTES_KEPT.comparedDay,
  );
}

async function comparePlanWithReports(
  prisma: PrismaClient,
  memo: Memo,
  args: PlanVsActualArgs,
): Promise<PlanVsActual> {
  const loaded = await storedScenario(memo, prisma, args.scenarioId);
  const { scenario, input } = loaded;
  const area = await areaOfScenario(prisma, loaded, args.areaCode);
  const earliest = args.from != null && args.from < scenario.start ? args.from : scenario.start;
  const reports = await prisma.actualReport.findMany({
    where: {
      area: subtreeOf(area.path),
      voided: false,
      date: { gte: earliest, ...(args.to != null ? { lte: args.to } : {}) },
    },
    select: {
      id: true,
      date: true,
      areaCode: true,
      teamCode: true,
      dossiers: true,
      machinesWorking: true,
      hoursOpen: true,
    },
    orderBy: { date: 'asc' },
  });
  // The arguments `from` and `to` are compareWithActuals' options of those names.
  const comparison = await compute('compareWithActuals', input, area.code, reports, {
    ...(args.from != null ? { from: args.from } : {}),
    ...(args.to != null ? { to: args.to } : {}),
  });
  const findings = reviewActualReports(reports, { minutesPerDossier: scenario.minutesPerDossier });
  // The library names reports by their index in the list compared: name them by id and day.
  const reportWarnings = findings.map((finding) => {
    const [, index, figure] = /^reports\[(\d+)\](.*)$/.exec(finding.path) ?? [];
    const report = reports[Number(index)];
    if (!report) return finding;
    const which = `report of ${report.date}, area ${report.areaCode}${report.teamCode ? `, team ${report.teamCode}` : ''}`;
    return {
      ...finding,
      path: `${report.id}${figure}`,
      message: finding.message.replace(/^reports\[\d+\][^:]*/, which),
    };
  });
  return { ...comparison, scenarioId: scenario.id, reportWarnings };
}
