// Writes a batch of field reports: the same report twice counts once, a changed report is a
// correction whose earlier value goes to the history, and the batch is all or nothing.
import { PlanningInputError } from '@muster/planning';
import { DateTime } from 'luxon';
import { describePrincipal, withinScope } from '../auth/access.ts';
import type { Principal } from '../auth/tokens.ts';
import { forbidden } from '../errors.ts';
import type { ActualReport, PrismaClient } from '../generated/prisma/client.ts';

export type ActualReportInput = {
  date: string;
  areaCode: string;
  teamCode?: string | null;
  /** The sender's own key for this report; resending it with new figures is a correction. */
  idempotencyKey?: string | null;
  dossiers: number;
  machinesWorking?: number | null;
  hoursOpen?: number | null;
  downtimeMinutes?: number | null;
  note?: string | null;
};

export type RecordOutcome = 'CREATED' | 'CORRECTED' | 'UNCHANGED';

export type RecordActualsResult = {
  created: number;
  corrected: number;
  unchanged: number;
  /** One entry per input report, in input order. */
  results: { outcome: RecordOutcome; report: ActualReport }[];
};

/** Largest batch accepted in one call: bigger ones belong in several calls. */
export const MAX_REPORTS_PER_BATCH = 5000;
const MAX_NOTE_LENGTH = 2000;
const MAX_KEY_LENGTH = 200;

function requireCount(value: unknown, path: string, max = Number.MAX_SAFE_INTEGER): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new PlanningInputError({
      path,
      code: typeof value === 'number' && !Number.isInteger(value) ? 'integer' : 'range',
      expected: max === Number.MAX_SAFE_INTEGER ? 'a non-negative integer' : `an integer from 0 to ${max}`,
      received: value,
    });
  }
}

function validate(reports: readonly ActualReportInput[]): void {
  if (reports.length > MAX_REPORTS_PER_BATCH) {
    throw new PlanningInputError({
      path: 'reports',
      code: 'range',
      expected: `at most ${MAX_REPORTS_PER_BATCH} reports per batch`,
      received: `${reports.length} reports`,
    });
  }
  reports.forEach((report, index) => {
    const at = `reports[${index}]`;
    const day = DateTime.fromFormat(report.date, 'yyyy-MM-dd', { zone: 'utc' });
    if (!day.isValid) {
      throw new PlanningInputError({
        path: `${at}.date`,
        code: 'format',
        expected: 'an ISO date yyyy-MM-dd',
        received: report.date,
      });
    }
    requireCount(report.dossiers, `${at}.dossiers`);
    if (report.machinesWorking != null) requireCount(report.machinesWorking, `${at}.machinesWorking`);
    if (report.downtimeMinutes != null) requireCount(report.downtimeMinutes, `${at}.downtimeMinutes`, 1440);
    if (report.hoursOpen != null && !(report.hoursOpen >= 0 && report.hoursOpen <= 24)) {
      throw new PlanningInputError({
        path: `${at}.hoursOpen`,
        code: 'range',
        expected: 'a number of hours from 0 to 24',
        received: report.hoursOpen,
      });
    }
    if (report.note != null && report.note.length > MAX_NOTE_LENGTH) {
      throw new PlanningInputError({
        path: `${at}.note`,
        code: 'range',
        expected: `at most ${MAX_NOTE_LENGTH} characters`,
        received: `${report.note.length} characters`,
      });
    }
    if (
      report.idempotencyKey != null &&
      !(report.idempotencyKey.length >= 1 && report.idempotencyKey.length <= MAX_KEY_LENGTH)
    ) {
      throw new PlanningInputError({
        path: `${at}.idempotencyKey`,
        code: 'format',
        expected: `null or a key of 1 to ${MAX_KEY_LENGTH} characters`,
        received: report.idempotencyKey,
      });
    }
  });
}

/** Checks that every area and team exists; returns each area's path. */
async function requireKnown(
  prisma: PrismaClient,
  reports: readonly ActualReportInput[],
): Promise<Map<string, string>> {
  const areaCodes = [...new Set(reports.map((report) => report.areaCode))];
  const teamCodes = [...new Set(reports.flatMap((report) => (report.teamCode ? [report.teamCode] : [])))];
  const [areas, teams] = await Promise.all([
    prisma.area.findMany({ where: { code: { in: areaCodes } }, select: { code: true, path: true } }),
    teamCodes.length > 0
      ? prisma.team.findMany({ where: { code: { in: teamCodes } }, select: { code: true } })
      : Promise.resolve([]),
  ]);
  const knownAreas = new Map(areas.map((area) => [area.code, area.path]));
  const knownTeams = new Set(teams.map((team) => team.code));
  reports.forEach((report, index) => {
    if (!knownAreas.has(report.areaCode)) {
      throw new PlanningInputError({
        path: `reports[${index}].areaCode`,
        code: 'unknown-reference',
        expected: 'the code of a known area',
        received: report.areaCode,
      });
    }
    if (report.teamCode && !knownTeams.has(report.teamCode)) {
      throw new PlanningInputError({
        path: `reports[${index}].teamCode`,
        code: 'unknown-reference',
        expected: 'the code of a known team',
        received: report.teamCode,
      });
    }
  });
  return knownAreas;
}

/**
 * One batch names each report once: by its idempotency key and by its date, area and team. Two
 * entries for one report would make the batch's outcome depend on their order.
 */
function requireDistinct(reports: readonly ActualReportInput[]): void {
  const byKey = new Map<string, number>();
  const byDay = new Map<string, number>();
  reports.forEach((report, index) => {
    const at = `reports[${index}]`;
    if (report.idempotencyKey != null) {
      const earlier = byKey.get(report.idempotencyKey);
      if (earlier !== undefined) {
        throw new PlanningInputError({
          path: `${at}.idempotencyKey`,
          code: 'duplicate',
          expected: `a key not already used by reports[${earlier}] of this batch`,
          received: report.idempotencyKey,
        });
      }
      byKey.set(report.idempotencyKey, index);
    }
    const day = JSON.stringify([report.date, report.areaCode, report.teamCode ?? '']);
    const earlier = byDay.get(day);
    if (earlier !== undefined) {
      throw new PlanningInputError({
        path: at,
        code: 'duplicate',
        expected: `one report per date, area and team in a batch (reports[${earlier}] has the same)`,
        received: `${report.date}, area ${report.areaCode}${report.teamCode ? `, team ${report.teamCode}` : ''}`,
      });
    }
    byDay.set(day, index);
  });
}

/**
 * A reporter records for its own team, inside its area; a report without a team is taken as its
 * team's. Admins record anything. The whole batch is refused at the first report out of scope.
 */
function authorize(
  writer: Principal,
  reports: readonly ActualReportInput[],
  areaPaths: Map<string, string>,
): ActualReportInput[] {
  if (writer.role === 'ADMIN') return [...reports];
  if (writer.role !== 'REPORTER')
    throw forbidden(`${describePrincipal(writer)} may not record actuals.`, 'reports');
  return reports.map((report, index) => {
    if (report.teamCode != null && report.teamCode !== writer.teamCode) {
      throw forbidden(
        `reports[${index}].teamCode: ${describePrincipal(writer)} records for team ${writer.teamCode} only, not ${report.teamCode}.`,
        `reports[${index}].teamCode`,
      );
    }
    if (!withinScope(writer, areaPaths.get(report.areaCode) ?? '')) {
      throw forbidden(
        `reports[${index}].areaCode: area ${report.areaCode} is outside the area of ${describePrincipal(writer)}.`,
        `reports[${index}].areaCode`,
      );
    }
    return { ...report, teamCode: writer.teamCode };
  });
}

type Figures = Pick<ActualReport, 'dossiers' | 'machinesWorking' | 'hoursOpen' | 'downtimeMinutes' | 'note'>;

function figuresOf(report: ActualReportInput): Figures {
  return {
    dossiers: report.dossiers,
    machinesWorking: report.machinesWorking ?? null,
    hoursOpen: report.hoursOpen ?? null,
    downtimeMinutes: report.downtimeMinutes ?? null,
    note: report.note ?? null,
  };
}

function sameFigures(a: Figures, b: Figures): boolean {
  return (
    a.dossiers === b.dossiers &&
    a.machinesWorking === b.machinesWorking &&
    a.hoursOpen === b.hoursOpen &&
    a.downtimeMinutes === b.downtimeMinutes &&
    a.note === b.note
  );
}

/**
 * Records a batch of actual reports in one transaction. A report is found again by its
 * idempotency key, or else by its natural key (date, area, team).
 */
export async function recordActuals(
  prisma: PrismaClient,
  sent: readonly ActualReportInput[],
  writer: Principal,
): Promise<RecordActualsResult> {
  validate(sent);
  const reports = authorize(writer, sent, await requireKnown(prisma, sent));
  requireDistinct(reports);
  const recordedBy = writer.name;
  return prisma.$transaction(
    async (tx) => {
      const result: RecordActualsResult = { created: 0, corrected: 0, unchanged: 0, results: [] };
      for (const [index, report] of reports.entries()) {
        const teamKey = report.teamCode ?? '';
        const byKey = report.idempotencyKey
          ? await tx.actualReport.findUnique({ where: { idempotencyKey: report.idempotencyKey } })
          : null;
        if (
          byKey &&
          (byKey.date !== report.date || byKey.areaCode !== report.areaCode || byKey.teamKey !== teamKey)
        ) {
          throw new PlanningInputError({
            path: `reports[${index}].idempotencyKey`,
            code: 'conflict',
            expected: `a key not already used by the report of ${byKey.date}, area ${byKey.areaCode}${byKey.teamCode ? `, team ${byKey.teamCode}` : ''}`,
            received: report.idempotencyKey,
          });
        }
        const existing =
          byKey ??
          (await tx.actualReport.findUnique({
            where: { date_areaCode_teamKey: { date: report.date, areaCode: report.areaCode, teamKey } },
          }));
        const figures = figuresOf(report);
        if (!existing) {
          const created = await tx.actualReport.create({
            data: {
              date: report.date,
              areaCode: report.areaCode,
              teamCode: report.teamCode ?? null,
              teamKey,
              idempotencyKey: report.idempotencyKey ?? null,
              ...figures,
              recordedBy,
            },
          });
          result.created += 1;
          result.results.push({ outcome: 'CREATED', report: created });
        } else if (sameFigures(existing, figures)) {
          result.unchanged += 1;
          result.results.push({ outcome: 'UNCHANGED', report: existing });
        } else {
          await tx.actualReportRevision.create({
            data: {
              reportId: existing.id,
              version: existing.version,
              dossiers: existing.dossiers,
              machinesWorking: existing.machinesWorking,
              hoursOpen: existing.hoursOpen,
              downtimeMinutes: existing.downtimeMinutes,
              note: existing.note,
              recordedBy: existing.recordedBy,
            },
          });
          const updated = await tx.actualReport.update({
            where: { id: existing.id },
            data: {
              ...figures,
              recordedBy,
              version: existing.version + 1,
              idempotencyKey: existing.idempotencyKey ?? report.idempotencyKey ?? null,
            },
          });
          result.corrected += 1;
          result.results.push({ outcome: 'CORRECTED', report: updated });
        }
      }
      return result;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
