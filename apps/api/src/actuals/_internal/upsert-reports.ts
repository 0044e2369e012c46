// Writes a checked batch in one transaction: a report is found again by its idempotency key, or
// else by its natural key (date, area, team); the same figures count once, new figures are a
// correction whose earlier version goes to the history.
import { PlanningInputError } from '@muster/planning';
import { type ActualReport, Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import type { CheckedReport } from './check-reports.ts';
import { ConcurrentClaim } from './transaction-retry.ts';

/**
 * The longest a transaction writing reports may run: a report's `updatedAt` (its transaction's
 * start, `now()`) is at most this much before its commit, which a replay of live actuals reaches
 * back for.
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
type Keyed = NaturalKey & { report: CheckedReport; index: number };

/**
 * How a batch finds its existing rows. `named`: exactly the rows of its (date, area, team) triples
 * and idempotency keys. `covering`: every row of its teams on its dates in its areas, which names a
 * file's 100,000 reports by a dozen dates, a few teams and a few thousand area codes rather than
 * 100,000 triples (other teams' writers there go on); found by joins (hashed) rather than by
 * `IN`/`ANY` over large arrays evaluated row by row. The extra rows are locked and read but never
 * written: lookups are by the batch's keys.
 */
type Lookup = 'named' | 'covering';

/** Each report's outcome in input order, with its row as written when the rows were asked for. */
type Written = { outcomes: RecordOutcome[]; rows: ActualReport[] | null };

/**
 * One attempt at writing a batch, in a few statements whatever its size. Concurrent batches
 * (several requests, several instances) give the result of running them one after the other: the
 * transaction first locks every existing row the batch names, in id order, and reads it in the
 * same statement, so batches sharing a report queue behind each other and see each other's
 * result; new rows are then inserted in natural-key order, so two batches creating the same new
 * reports collide on the first one (a unique violation, not a deadlock), which the caller retries.
 * New rows take their ids (v4 UUIDs, as Prisma's) and times from the database.
 */
function writeReports(
  prisma: PrismaClient,
  reports: readonly CheckedReport[],
  recordedBy: string,
  { lookup, returnRows }: { lookup: Lookup; returnRows: boolean },
): Promise<Written> {
  const keys = [
    ...new Set(reports.flatMap((report) => (report.idempotencyKey ? [report.idempotencyKey] : []))),
  ];
  const returning = returnRows ? Prisma.sql`RETURNING r.*` : Prisma.empty;
  return prisma.$transaction(
    async (tx) => {
      // Under READ COMMITTED a row locked after a wait is read as the concurrent writer committed it.
      const found =
        lookup === 'named'
          ? await tx.$queryRaw<ActualReport[]>`
              SELECT r.* FROM "ActualReport" AS r
              WHERE (r."date", r."areaCode", r."teamKey") IN (
                  SELECT * FROM unnest(${reports.map((r) => r.date)}::text[], ${reports.map((r) => r.areaCode)}::text[], ${reports.map((r) => r.teamCode ?? '')}::text[]))
                OR r."idempotencyKey" = ANY(${keys}::text[])
              ORDER BY r."id"
              FOR UPDATE`
          : await tx.$queryRaw<ActualReport[]>`
              SELECT r.* FROM "ActualReport" AS r
              WHERE r."id" IN (
                  SELECT n."id" FROM "ActualReport" AS n
                  JOIN unnest(${[...new Set(reports.map((report) => report.areaCode))]}::text[]) AS a(code) ON n."areaCode" = a.code
                  WHERE n."date" = ANY(${[...new Set(reports.map((report) => report.date))]}::text[])
                    AND n."teamKey" = ANY(${[...new Set(reports.map((report) => report.teamCode ?? ''))]}::text[])
                  UNION
                  SELECT k."id" FROM "ActualReport" AS k JOIN unnest(${keys}::text[]) AS u(key) ON k."idempotencyKey" = u.key)
              ORDER BY r."id"
              FOR UPDATE OF r`;
      requireOwnKeys(reports, found);

      // A batch names each report once (checked before), so the reports are independent.
      const byNaturalKey = new Map(found.map((row) => [naturalKeyOf(row), row]));
      const outcomes: RecordOutcome[] = new Array(reports.length);
      const rows: ActualReport[] = new Array(reports.length);
      const created: Keyed[] = [];
      const corrected: { existing: ActualReport; keyed: Keyed }[] = [];
      // Keys sent with a report whose row keeps another key (or none) are not written here, so a
      // concurrent batch may take them meanwhile; a key written here is guarded by its unique index.
      const unwritten: string[] = [];
      const keepsOtherKey = (existing: ActualReport, report: CheckedReport) =>
        report.idempotencyKey != null && existing.idempotencyKey !== report.idempotencyKey;
      const order: Keyed[] = reports
        .map((report, index) => ({
          report,
          index,
          date: report.date,
          areaCode: report.areaCode,
          teamKey: report.teamCode ?? '',
        }))
        .sort(compareNaturalKeys);
      for (const keyed of order) {
        const { report, index } = keyed;
        const existing = byNaturalKey.get(naturalKeyOf(keyed));
        if (!existing) {
          outcomes[index] = 'CREATED';
          created.push(keyed);
        } else if (sameFigures(existing, figuresOf(report))) {
          // A voided report sent again as it was stays voided: the resend is the report voided.
          outcomes[index] = 'UNCHANGED';
          rows[index] = existing;
          if (keepsOtherKey(existing, report)) unwritten.push(report.idempotencyKey as string);
        } else {
          outcomes[index] = 'CORRECTED';
          corrected.push({ existing, keyed });
          if (existing.idempotencyKey !== null && keepsOtherKey(existing, report)) {
            unwritten.push(report.idempotencyKey as string);
          }
        }
      }
      for (const part of chunks(created, INSERT_CHUNK)) {
        const column = <K extends keyof CheckedReport>(key: K) =>
          part.map(({ report }) => report[key] ?? null);
        // unnest yields the rows in the arrays' order: natural-key order.
        const inserted = await tx.$queryRaw<ActualReport[]>`
          INSERT INTO "ActualReport" AS r ("id", "date", "areaCode", "teamCode", "teamKey", "idempotencyKey",
            "dossiers", "machinesWorking", "hoursOpen", "downtimeMinutes", "note", "recordedBy", "updatedAt")
          SELECT gen_random_uuid()::text, v.date, v.area, v.team, COALESCE(v.team, ''), v.key,
            v.dossiers, v.machines, v.hours, v.downtime, v.note, ${recordedBy}, now()
          FROM unnest(
            ${column('date')}::text[], ${column('areaCode')}::text[], ${column('teamCode')}::text[],
            ${column('idempotencyKey')}::text[], ${column('dossiers')}::int[], ${column('machinesWorking')}::int[],
            ${column('hoursOpen')}::float8[], ${column('downtimeMinutes')}::int[], ${column('note')}::text[])
            AS v(date, area, team, key, dossiers, machines, hours, downtime, note)
          ${returning}`;
        placeRows(part, inserted, rows);
      }
      for (const part of chunks(corrected)) {
        const figures = part.map(({ keyed }) => figuresOf(keyed.report));
        const ids = part.map(({ existing }) => existing.id);
        // The rows' current versions go to the history first: the statement's parts all read the
        // rows as they were before it.
        const updated = await tx.$queryRaw<ActualReport[]>`
          WITH kept AS (
            INSERT INTO "ActualReportRevision" ("id", "reportId", "version", "date", "dossiers", "machinesWorking",
              "hoursOpen", "downtimeMinutes", "note", "recordedBy", "voided", "changeReason")
            SELECT gen_random_uuid()::text, o."id", o."version", o."date", o."dossiers", o."machinesWorking",
              o."hoursOpen", o."downtimeMinutes", o."note", o."recordedBy", o."voided", o."changeReason"
            FROM "ActualReport" AS o WHERE o."id" = ANY(${ids}::text[]))
          UPDATE "ActualReport" AS r SET
            "dossiers" = v.dossiers, "machinesWorking" = v.machines, "hoursOpen" = v.hours,
            "downtimeMinutes" = v.downtime, "note" = v.note, "recordedBy" = ${recordedBy},
            "version" = r."version" + 1, "voided" = false, "changeReason" = NULL,
            "idempotencyKey" = COALESCE(r."idempotencyKey", v.key), "updatedAt" = now()
          FROM unnest(
            ${ids}::text[],
            ${figures.map((f) => f.dossiers)}::int[],
            ${figures.map((f) => f.machinesWorking)}::int[],
            ${figures.map((f) => f.hoursOpen)}::float8[],
            ${figures.map((f) => f.downtimeMinutes)}::int[],
            ${figures.map((f) => f.note)}::text[],
            ${part.map(({ keyed }) => keyed.report.idempotencyKey ?? null)}::text[]
          ) AS v(id, dossiers, machines, hours, downtime, note, key)
          WHERE r."id" = v.id
          ${returning}`;
        placeRows(
          part.map(({ keyed }) => keyed),
          updated,
          rows,
        );
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
      return { outcomes, rows: returnRows ? rows : null };
    },
    { timeout: REPORT_WRITE_TIMEOUT_MS, maxWait: 30_000 },
  );
}

/** Puts the rows a statement returned (none unless asked for) at their reports' places, by natural key. */
function placeRows(part: readonly Keyed[], written: readonly ActualReport[], rows: ActualReport[]): void {
  const byKey = new Map(written.map((row) => [naturalKeyOf(row), row]));
  for (const keyed of part) {
    const row = byKey.get(naturalKeyOf(keyed));
    if (row !== undefined) rows[keyed.index] = row;
  }
}

/**
 * Writes a checked batch in one transaction: a report is found again by its idempotency key, or
 * else by its natural key (date, area, team); the same figures count once, new figures are a
 * correction whose earlier version goes to the history. Answers each report's outcome and row.
 */
export async function upsertReports(
  prisma: PrismaClient,
  reports: readonly CheckedReport[],
  recordedBy: string,
): Promise<UpsertedReport[]> {
  const { outcomes, rows } = await writeReports(prisma, reports, recordedBy, {
    lookup: 'named',
    returnRows: true,
  });
  return outcomes.map((outcome, index) => {
    const report = rows?.[index];
    // Every statement returned its rows: one missing is a fault here, not an answer to give.
    if (report === undefined) throw new Error(`the row of report ${index} was not read back`);
    return { outcome, report };
  });
}

/**
 * {@link upsertReports} for a spreadsheet's worth of reports (up to 100,000): the same locks, the
 * same outcome for each report and the same late check of the keys, answered with counts. The
 * arrays sent are what costs on the embedded database (the client carries some tens of
 * nanoseconds a byte), so nothing written is read back.
 */
export async function upsertReportsInBulk(
  prisma: PrismaClient,
  reports: readonly CheckedReport[],
  recordedBy: string,
): Promise<BulkOutcome> {
  const { outcomes } = await writeReports(prisma, reports, recordedBy, {
    lookup: 'covering',
    returnRows: false,
  });
  const count = (outcome: RecordOutcome) => outcomes.filter((each) => each === outcome).length;
  return { created: count('CREATED'), corrected: count('CORRECTED'), unchanged: count('UNCHANGED') };
}
