// Writes a checked batch in one transaction: a report is found again by its idempotency key, or
// else by its natural key (date, area, team); the same figures count once, new figures are a
// correction whose earlier version goes to the history.
import { PlanningInputError } from '@muster/planning';
import type { ActualReport, Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { CheckedReport } from './check-reports.ts';
import { ConcurrentClaim } from './transaction-retry.ts';

/**
 * The longest a transaction writing reports may run: a report's `updatedAt` (the statement's time)
 * is at most this much before its commit, which a replay of live actuals reaches back for.
 */
export const REPORT_WRITE_TIMEOUT_MS = 120_000;

export type RecordOutcome = 'CREATED' | 'CORRECTED' | 'UNCHANGED';

export type UpsertedReport = { outcome: RecordOutcome; report: ActualReport };

type Figures = Pick<ActualReport, 'dossiers' | 'machinesWorking' | 'hoursOpen' | 'downtimeMinutes' | 'note'>;

function figuresOf(report: CheckedReport): Figures {
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

/** A report's current version as a row of its history. */
function revisionOf(existing: ActualReport): Prisma.ActualReportRevisionCreateManyInput {
  return {
    reportId: existing.id,
    version: existing.version,
    date: existing.date,
    dossiers: existing.dossiers,
    machinesWorking: existing.machinesWorking,
    hoursOpen: existing.hoursOpen,
    downtimeMinutes: existing.downtimeMinutes,
    note: existing.note,
    recordedBy: existing.recordedBy,
    voided: existing.voided,
    changeReason: existing.changeReason,
  };
}

/** Keeps a report's current version in its history, before it changes. */
export function keepVersion(tx: Prisma.TransactionClient, existing: ActualReport): Promise<unknown> {
  return tx.actualReportRevision.create({ data: revisionOf(existing) });
}

/** Refuses a report whose idempotency key already belongs to the report of another day, area or team. */
function requireOwnKeys(reports: readonly CheckedReport[], found: readonly ActualReport[]): void {
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
 * One attempt at writing a batch. Concurrent batches (several requests, several instances) give
 * the result of running them one after the other: the transaction first locks every existing row
 * the batch names, in id order, so batches sharing a report queue behind each other and see each
 * other's result; it then writes in natural-key order, so two batches creating the same new
 * reports collide on the first one (a unique violation, not a deadlock), which the caller retries.
 */
export function upsertReports(
  prisma: PrismaClient,
  reports: readonly CheckedReport[],
  recordedBy: string,
): Promise<UpsertedReport[]> {
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

      // A batch names each report once (checked before), so the reports are independent and can
      // be written in the order every instance uses.
      const byNaturalKey = new Map(found.map((row) => [naturalKeyOf(row), row]));
      const results: UpsertedReport[] = new Array(reports.length);
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
          // A voided report sent again as it was stays voided: the resend is the report voided.
          results[index] = { outcome: 'UNCHANGED', report: existing };
        } else {
          await keepVersion(tx, existing);
          const updated = await tx.actualReport.update({
            where: { id: existing.id },
            data: {
              ...figures,
              recordedBy,
              version: existing.version + 1,
              voided: false,
              changeReason: null,
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
          throw new ConcurrentClaim('an idempotency key of the batch was taken by a concurrent batch');
        }
      }
      return results;
    },
    { timeout: REPORT_WRITE_TIMEOUT_MS, maxWait: 30_000 },
  );
}

/** What a bulk write did, counted (the rows themselves stay in the database). */
export type BulkOutcome = { created: number; corrected: number; unchanged: number };

/** Rows per statement of a bulk correction: within PGlite's memory and PostgreSQL's 65,535 parameters. */
const BULK_CHUNK = 1000;
/** Rows per INSERT of new reports: one array parameter per column, so only memory bounds it. */
const INSERT_CHUNK = 20_000;

function chunks<T>(items: readonly T[], size = BULK_CHUNK): T[][] {
  const out: T[][] = [];
  for (let from = 0; from < items.length; from += size) out.push(items.slice(from, from + size));
  return out;
}

/** A report of the batch with its natural key spelled out, so sorting builds no objects. */
type Keyed = NaturalKey & { report: CheckedReport };

/**
 * {@link upsertReports} for a spreadsheet's worth of reports (up to 100,000): the same locks, the
 * same outcome for each report (found again by idempotency key or by date, area and team; the
 * same figures count once; new figures are a correction whose earlier version goes to the
 * history) and the same late check of the keys, but written in a few statements instead of one a
 * report, and answered with counts. The arrays sent are what costs on the embedded database (the
 * client carries some tens of nanoseconds a byte), so the lock returns the rows it finds whole, and new rows
 * take their ids, team keys and times from the database.
 */
export function upsertReportsInBulk(
  prisma: PrismaClient,
  reports: readonly CheckedReport[],
  recordedBy: string,
): Promise<BulkOutcome> {
  const keys = [
    ...new Set(reports.flatMap((report) => (report.idempotencyKey ? [report.idempotencyKey] : []))),
  ];
  return prisma.$transaction(
    async (tx) => {
      // The rows upsertReports locks and a few more: every report of the batch's teams on its
      // dates in its areas, which names a file's 100,000 reports by a dozen dates, a few teams and
      // a few thousand area codes rather than 100,000 triples (other teams' writers there go on). Found by joins (hashed) rather than by
      // `IN`/`ANY` over large arrays evaluated row by row, and read in the same statement. The
      // extra rows are locked and read but never written: lookups below are by the batch's keys.
      const dates = [...new Set(reports.map((report) => report.date))];
      const areas = [...new Set(reports.map((report) => report.areaCode))];
      const teamKeys = [...new Set(reports.map((report) => report.teamCode ?? ''))];
      const found = await tx.$queryRaw<ActualReport[]>`
        SELECT r.* FROM "ActualReport" AS r
        WHERE r."id" IN (
            SELECT n."id" FROM "ActualReport" AS n
            JOIN unnest(${areas}::text[]) AS a(code) ON n."areaCode" = a.code
            WHERE n."date" = ANY(${dates}::text[]) AND n."teamKey" = ANY(${teamKeys}::text[])
            UNION
            SELECT k."id" FROM "ActualReport" AS k JOIN unnest(${keys}::text[]) AS u(key) ON k."idempotencyKey" = u.key)
        ORDER BY r."id"
        FOR UPDATE OF r`;
      requireOwnKeys(reports, found);

      const byNaturalKey = new Map(found.map((row) => [naturalKeyOf(row), row]));
      const created: CheckedReport[] = [];
      const corrected: { existing: ActualReport; report: CheckedReport }[] = [];
      let unchanged = 0;
      // Keys sent with a report whose row keeps another key (or none) are not written here, so a
      // concurrent batch may take them meanwhile; a key written here is guarded by its unique index.
      const unwritten: string[] = [];
      const keepsOtherKey = (existing: ActualReport, report: CheckedReport) =>
        report.idempotencyKey != null && existing.idempotencyKey !== report.idempotencyKey;
      const order: Keyed[] = reports
        .map((report) => ({
          report,
          date: report.date,
          areaCode: report.areaCode,
          teamKey: report.teamCode ?? '',
        }))
        .sort(compareNaturalKeys);
      for (const keyed of order) {
        const { report } = keyed;
        const existing = byNaturalKey.get(naturalKeyOf(keyed));
        if (!existing) created.push(report);
        else if (sameFigures(existing, figuresOf(report))) {
          unchanged += 1;
          if (keepsOtherKey(existing, report)) unwritten.push(report.idempotencyKey as string);
        } else {
          corrected.push({ existing, report });
          if (existing.idempotencyKey !== null && keepsOtherKey(existing, report)) {
            unwritten.push(report.idempotencyKey as string);
          }
        }
      }
      for (const part of chunks(created, INSERT_CHUNK)) {
        const column = <K extends keyof CheckedReport>(key: K) => part.map((row) => row[key] ?? null);
        // unnest yields the rows in the arrays' order: natural-key order, as upsertReports writes them.
        await tx.$executeRaw`
          INSERT INTO "ActualReport" ("id", "date", "areaCode", "teamCode", "teamKey", "idempotencyKey",
            "dossiers", "machinesWorking", "hoursOpen", "downtimeMinutes", "note", "recordedBy", "updatedAt")
          SELECT gen_random_uuid()::text, v.date, v.area, v.team, COALESCE(v.team, ''), v.key,
            v.dossiers, v.machines, v.hours, v.downtime, v.note, ${recordedBy}, now()
          FROM unnest(
            ${column('date')}::text[], ${column('areaCode')}::text[], ${column('teamCode')}::text[],
            ${column('idempotencyKey')}::text[], ${column('dossiers')}::int[], ${column('machinesWorking')}::int[],
            ${column('hoursOpen')}::float8[], ${column('downtimeMinutes')}::int[], ${column('note')}::text[])
            AS v(date, area, team, key, dossiers, machines, hours, downtime, note)`;
      }
      for (const part of chunks(corrected)) {
        await tx.actualReportRevision.createMany({ data: part.map(({ existing }) => revisionOf(existing)) });
        const figures = part.map(({ report }) => figuresOf(report));
        await tx.$executeRaw`
          UPDATE "ActualReport" AS r SET
            "dossiers" = v.dossiers, "machinesWorking" = v.machines, "hoursOpen" = v.hours,
            "downtimeMinutes" = v.downtime, "note" = v.note, "recordedBy" = ${recordedBy},
            "version" = r."version" + 1, "voided" = false, "changeReason" = NULL,
            "idempotencyKey" = COALESCE(r."idempotencyKey", v.key), "updatedAt" = now()
          FROM unnest(
            ${part.map(({ existing }) => existing.id)}::text[],
            ${figures.map((f) => f.dossiers)}::int[],
            ${figures.map((f) => f.machinesWorking)}::int[],
            ${figures.map((f) => f.hoursOpen)}::float8[],
            ${figures.map((f) => f.downtimeMinutes)}::int[],
            ${figures.map((f) => f.note)}::text[],
            ${part.map(({ report }) => report.idempotencyKey ?? null)}::text[]
          ) AS v(id, dossiers, machines, hours, downtime, note, key)
          WHERE r."id" = v.id`;
      }

      if (unwritten.length > 0) {
        // A new row of this batch never holds one of these keys: a batch names each key once, and
        // these were sent with reports that found their rows.
        const [taken] = await tx.$queryRaw<{ count: number }[]>`
          SELECT count(*)::int AS count FROM "ActualReport" AS r
          JOIN unnest(${unwritten}::text[]) AS u(key) ON r."idempotencyKey" = u.key
          WHERE NOT EXISTS (SELECT 1 FROM unnest(${found.map((row) => row.id)}::text[]) AS k(id) WHERE k.id = r."id")`;
        if ((taken?.count ?? 0) > 0) {
          throw new ConcurrentClaim('an idempotency key of the batch was taken by a concurrent batch');
        }
      }
      return { created: created.length, corrected: corrected.length, unchanged };
    },
    { timeout: REPORT_WRITE_TIMEOUT_MS, maxWait: 30_000 },
  );
}
