// Changes a stored report other than by sending it again: voiding it (it stays, with its history,
// but counts nowhere) or correcting its date. Each is a new version made by the caller with the
// reason given, the earlier version kept in the history. Who may is decided by the
// `amendsReport` scope before this runs.
import { PlanningInputError } from '@muster/planning';
import { NotFoundError } from '../errors.ts';
import type { ActualReport, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { checkReportDate } from './_internal/check-reports.ts';
import { loadReportContext } from './_internal/report-context.ts';
import { withTransactionRetry } from './_internal/transaction-retry.ts';
import { keepVersion } from './_internal/upsert-reports.ts';

const MAX_REASON_LENGTH = 500;

function requireReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed === '' || trimmed.length > MAX_REASON_LENGTH) {
    throw new PlanningInputError({
      path: 'reason',
      code: 'range',
      expected: `a reason of 1 to ${MAX_REASON_LENGTH} characters`,
      received: reason,
    });
  }
  return trimmed;
}

/** Applies `change` to the locked report as a new version; a report already so is left as it is. */
async function amend(
  prisma: PrismaClient,
  id: string,
  change: (existing: ActualReport, tx: Prisma.TransactionClient) => Promise<Partial<ActualReport> | null>,
  recordedBy: string,
  reason: string,
): Promise<ActualReport> {
  return withTransactionRetry(() =>
    prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "ActualReport" WHERE "id" = ${id} FOR UPDATE`;
      const existing = await tx.actualReport.findUnique({ where: { id } });
      if (!existing) throw new NotFoundError('report', id, 'id');
      const data = await change(existing, tx);
      if (data === null) return existing;
      await keepVersion(tx, existing);
      return tx.actualReport.update({
        where: { id },
        data: { ...data, recordedBy, changeReason: reason, version: existing.version + 1 },
      });
    }),
  );
}

/** Voids a report: kept with its history, counted nowhere; voiding it again changes nothing. */
export function voidReport(
  prisma: PrismaClient,
  id: string,
  reason: string,
  by: string,
): Promise<ActualReport> {
  const why = requireReason(reason);
  return amend(prisma, id, async (existing) => (existing.voided ? null : { voided: true }), by, why);
}

/**
 * Moves a report to another date (a report sent with the wrong day). The date follows the rules
 * of a new report; another report already on that date, area and team is refused.
 */
export async function correctReportDate(
  prisma: PrismaClient,
  id: string,
  date: string,
  reason: string,
  by: string,
): Promise<ActualReport> {
  const why = requireReason(reason);
  const current = await prisma.actualReport.findUnique({ where: { id }, select: { areaCode: true } });
  if (!current) throw new NotFoundError('report', id, 'id');
  checkReportDate(date, current.areaCode, await loadReportContext(prisma, [current]), 'date');
  return amend(
    prisma,
    id,
    async (existing, tx) => {
      if (existing.date === date) return null;
      const { areaCode, teamKey } = existing;
      const there = await tx.actualReport.findFirst({
        where: { date, areaCode, teamKey },
        select: { voided: true },
      });
      // A report keeps its day once voided (its history stays there): only recording that day
      // again, which corrects it, brings these figures to that date.
      if (there) {
        throw new PlanningInputError({
          path: 'date',
          code: 'conflict',
          expected: `a date with no other report of the same area and team (the one on ${date}${
            there.voided ? ', voided,' : ''
          } keeps its day: record the figures for ${date} again, which corrects it, and void this one)`,
          received: date,
        });
      }
      return { date };
    },
    by,
    why,
  );
}
