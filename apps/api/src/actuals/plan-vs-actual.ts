// Plan against what the field reported: the stored scenario and reports, compared by
// @muster/planning's compareWithActuals.
import { compareWithActuals, type PlanComparison } from '@muster/planning';
import { subtreeOf } from '../auth/access.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { loadScenarioPlanInput } from '../planning/scenario-input.ts';

export type PlanVsActual = PlanComparison & { scenarioId: string };

export async function planVsActual(
  prisma: PrismaClient,
  args: { scenarioId: string; areaCode: string; from?: string | null; to?: string | null },
): Promise<PlanVsActual> {
  const { scenario, area, input } = await loadScenarioPlanInput(prisma, args.scenarioId, args.areaCode);
  const earliest = args.from != null && args.from < scenario.start ? args.from : scenario.start;
  const reports = await prisma.actualReport.findMany({
    where: {
      area: subtreeOf(area.path),
      date: { gte: earliest, ...(args.to != null ? { lte: args.to } : {}) },
    },
    select: { date: true, areaCode: true, teamCode: true, dossiers: true, machinesWorking: true },
    orderBy: { date: 'asc' },
  });
  // The arguments `from` and `to` are compareWithActuals' options of those names.
  const comparison = compareWithActuals(input, area.code, reports, {
    ...(args.from != null ? { from: args.from } : {}),
    ...(args.to != null ? { to: args.to } : {}),
  });
  return { ...comparison, scenarioId: scenario.id };
}
