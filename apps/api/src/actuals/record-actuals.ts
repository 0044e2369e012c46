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

type NaturalKey = { date: string; areaCode: string; teamKey: string };

function naturalKeyOf(report: NaturalKey): string {
  return JSON.stringify([report.date, report.areaCode, report.teamKey]);
}

/** A stable total order on natural keys (code units, not locale), the same in every instance. */
function compareNaturalKeys(a: NaturalKey, b: NaturalKey): number {
  for (const field of ['date', 'areaCode', 'teamKey'] as const) {
    if (a[field] !== b[field]) return a[field] < b[field] ? -1 : 1;
  }
  return 0;
}

/** Thrown inside the transaction when a concurrent batch took an idempotency key this one read as free. */
class ConcurrentKeyClaim extends Error {
  override readonly name = 'ConcurrentKeyClaim';
}

/** Attempts of one batch before a conflict with concurrent batches is given up and reported. */
const MAX_ATTEMPTS = 8;
/** Ceiling of the jittered pause between attempts, so a retry never waits long. */
const MAX_BACKOFF_MS = 250;

/**
 * SQLSTATEs that mean "a concurrent transaction got there first; the same work may succeed now":
 * unique violation (two creates of one key), serialization failure, deadlock.
 */
const TRANSIENT_SQLSTATES = new Set(['23505', '40001', '40P01']);

/**
 * True for failures that retrying the whole transaction can resolve. As observed with Prisma 6.19
 * and `@prisma/adapter-pg`: a unique violation in a model query is `P2002` (and 23505 in
 * `meta.driverAdapterError.cause.originalCode`); 40001 is `P2034`; a failing raw query is `P2010`
 * with the SQLSTATE in the same place; a deadlock in a model query inside an interactive
 * transaction arrives unwrapped as a `DriverAdapterError` whose `cause.originalCode` is 40P01.
 */
function isTransient(error: unknown): boolean {
  if (error instanceof ConcurrentKeyClaim) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { code, meta, cause } = error as {
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
    cause?: { originalCode?: unknown; code?: unknown };
  };
  if (code === 'P2002' || code === 'P2034') return true;
  const sqlState = meta?.driverAdapterError?.cause?.originalCode ?? cause?.originalCode ?? cause?.code;
  return typeof sqlState === 'string' && TRANSIENT_SQLSTATES.has(sqlState);
}

/** "Full jitter": a random pause below a ceiling that doubles with each attempt. */
function backoffMs(attempt: number): number {
  return Math.random() * Math.min(MAX_BACKOFF_MS, 10 * 2 ** attempt);
}

/** Refuses a report whose idempotency key already belongs to the report of another day, area or team. */
function requireOwnKeys(reports: readonly ActualReportInput[], found: readonly ActualReport[]): void {
  const byIdempotencyKey = new Map(
    found.flatMap((row) => (row.idempotencyKey ? [[row.idempotencyKey, row]] : [])),
  );
  reports.forEach((report, index) => {
    const owner = report.idempotencyKey ? byIdempotencyKey.get(report.idempotencyKey) : undefined;
    if (owner && compareNaturalKeys(owner, { ...report, teamKey: report.teamCode ?? '' }) !== 0) {
      throw new PlanningInputError({
        path: `reports[${index}].idempotencyKey`,
        code: 'conflict',
        expected: `a key not already used by the report of ${owner.date}, area ${owner.areaCode}${owner.teamCode ? `, team ${owner.teamCode}` : ''}`,
        received: report.idempotencyKey,
      });
    }
  });
}

/**
 * Records a batch of actual reports in one transaction. A report is found again by its
 * idempotency key, or else by its natural key (date, area, team).
 *
 * Concurrent batches (several requests, several instances) give the result of running them one
 * after the other: the transaction first locks every existing row the batch names, in id order,
 * so batches sharing a report queue behind each other and see each other's result; it then writes
 * in natural-key order, so two batches creating the same new reports collide on the first one
 * (a unique violation, not a deadlock). A collision, a deadlock or a serialization failure rolls
 * the batch back and runs it again, up to {@link MAX_ATTEMPTS} times with a short random pause.
 */
export async function recordActuals(
  prisma: PrismaClient,
  sent: readonly ActualReportInput[],
  writer: Principal,
): Promise<RecordActualsResult> {
  validate(sent);
  const reports = authorize(writer, sent, await requireKnown(prisma, sent));
  requireDistinct(reports);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await recordOnce(prisma, reports, writer.name);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
    }
  }
}

async function recordOnce(
  prisma: PrismaClient,
  reports: readonly ActualReportInput[],
  recordedBy: string,
): Promise<RecordActualsResult> {
  const keys = [
    ...new Set(reports.flatMap((report) => (report.idempotencyKey ? [report.idempotencyKey] : []))),
  ];
  return prisma.$transaction(
    async (tx) => {
      // Under READ COMMITTED a locked row cannot change until this transaction ends, and every
      // read after the lock sees the latest committed state of the rows not yet created.
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "ActualReport"
        WHERE ("date", "areaCode", "teamKey") IN (
            SELECT * FROM unnest(${reports.map((r) => r.date)}::text[], ${reports.map((r) => r.areaCode)}::text[], ${reports.map((r) => r.teamCode ?? '')}::text[]))
          OR "idempotencyKey" = ANY(${keys}::text[])
        ORDER BY "id"
        FOR UPDATE`;
      const found =
        locked.length > 0
          ? await tx.actualReport.findMany({ where: { id: { in: locked.map((row) => row.id) } } })
          : [];
      requireOwnKeys(reports, found);

      // A batch names each report once (requireDistinct), so the reports are independent and can
      // be written in the order every instance uses.
      const byNaturalKey = new Map(found.map((row) => [naturalKeyOf(row), row]));
      const results: RecordActualsResult['results'] = new Array(reports.length);
      const order = reports
        .map((report, index) => ({ ...report, index, teamKey: report.teamCode ?? '' }))
        .sort(compareNaturalKeys);
      for (const { index, teamKey, ...report } of order) {
        const figures = figuresOf(report);
        const existing = byNaturalKey.get(naturalKeyOf({ ...report, teamKey }));
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
          results[index] = { outcome: 'CREATED', report: created };
        } else if (sameFigures(existing, figures)) {
          results[index] = { outcome: 'UNCHANGED', report: existing };
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
          results[index] = { outcome: 'CORRECTED', report: updated };
        }
      }

      // A key this batch read as free but did not write (sent with a report whose row already
      // had another key) may have been taken meanwhile by a batch that is now committed.
      if (keys.length > 0) {
        const known = new Set(results.map((result) => result.report.id));
        const holders = await tx.actualReport.findMany({
          where: { idempotencyKey: { in: keys } },
          select: { id: true },
        });
        if (holders.some((holder) => !known.has(holder.id))) {
          throw new ConcurrentKeyClaim('an idempotency key of the batch was taken by a concurrent batch');
        }
      }
      const count = (outcome: RecordOutcome) => results.filter((result) => result.outcome === outcome).length;
      return {
        created: count('CREATED'),
        corrected: count('CORRECTED'),
        unchanged: count('UNCHANGED'),
        results,
      };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
