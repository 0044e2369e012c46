// The reports plan vs actual reads, voided ones left out. The figures come one row per
// date, each column an array (array_agg): a province's month of reports is 13,800 rows one by
// one, which cost about 110 ms to decode on PGlite, and 30 rows of arrays about 17 ms. Grouping by
// area and date in SQL as well would not shorten them (the field sends one report per commune and
// day) and costs PGlite more than it saves; the library sums a day's team reports itself.
import type { ActualDayReport, ReviewedReport } from '@muster/planning';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { MAX_MACHINES_PER_AREA } from '../../planning/campaign-bounds.ts';
import { machinesCountedInPace } from './review-reports.ts';

/** Days compared or replanned, both included; null: unbounded on that side. */
export type ReportDays = { from: string | null; to: string | null };

type DayRow = {
  date: string;
  areaCodes: string[];
  teamCodes: (string | null)[];
  dossiers: number[];
  machinesWorking: (number | null)[];
  doubtfulIds: string[] | null;
  unmachined: boolean;
};

/**
 * The campaign's days, `start` to `lastDay` included: the library's `campaignLastDay` (its deadline,
 * or its plan's completion when later, carried on by the days reported late).
 */
export type CampaignDays = { start: string; lastDay: string };

/** At most this many reports dated outside the campaign's days are warned about: the earliest. */
export const MAX_OUTSIDE_CAMPAIGN_WARNINGS = 1_000;

/** Below this share of the 24-hour ceiling a report is surely not above it, whatever the rounding. */
const CEILING_MARGIN = 0.999_999;

/**
 * The reports of `areaCodes` on `days`, as the library's `ActualDayReport`s, dates ascending; and,
 * of those `warned` about, the ids of the ones the review may find impossible or unlikely at
 * `minutesPerDossier` (dossiers with no machine or no hour open, or near the 24-hour ceiling of the
 * machines reported, or more machines than an area may be given, or more downtime than the minutes
 * open), so that only these few are read
 * whole (`readReviewedReports`; the dates outside the campaign are {@link readOutsideCampaign}'s).
 * A report's machines are as the pace counts them (`machinesCountedInPace`: none above the bound).
 * `unmachined`: whether one of them has dossiers and no machines working, which only the machines
 * planned in its area judge (`readAbovePlanned`). `dates`: the dates with a report, ascending.
 */
export async function readDayReports(
  prisma: PrismaClient,
  areaCodes: readonly string[],
  days: ReportDays,
  minutesPerDossier: number,
  /** The first day whose reports are warned about (to the days' end); null: none are. */
  warnedFrom: string | null = null,
): Promise<{ reports: ActualDayReport[]; dates: string[]; doubtfulIds: string[]; unmachined: boolean }> {
  const rows = await prisma.$queryRaw<DayRow[]>`
    SELECT "date",
      array_agg("areaCode") AS "areaCodes",
      array_agg("teamCode") AS "teamCodes",
      array_agg("dossiers") AS "dossiers",
      array_agg("machinesWorking") AS "machinesWorking",
      array_agg("id") FILTER (WHERE ${warnedFrom}::text IS NOT NULL AND "date" >= ${warnedFrom}
        AND (("dossiers" > 0 AND ("machinesWorking" = 0 OR "hoursOpen" = 0
          OR "dossiers" * ${minutesPerDossier}::float8 > "machinesWorking" * ${1440 * CEILING_MARGIN}::float8))
          OR "machinesWorking" > ${MAX_MACHINES_PER_AREA}::int
          OR "downtimeMinutes" > "hoursOpen" * ${60 * CEILING_MARGIN}::float8)
      ) AS "doubtfulIds",
      coalesce(bool_or(${warnedFrom}::text IS NOT NULL AND "date" >= ${warnedFrom}
        AND "dossiers" > 0 AND "machinesWorking" IS NULL), false) AS "unmachined"
    FROM "ActualReport"
    WHERE "areaCode" = ANY(${[...areaCodes]}) AND NOT "voided"
      AND (${days.from}::text IS NULL OR "date" >= ${days.from})
      AND (${days.to}::text IS NULL OR "date" <= ${days.to})
    GROUP BY "date"
    ORDER BY "date"`;
  const reports: ActualDayReport[] = [];
  const doubtfulIds: string[] = [];
  let unmachined = false;
  for (const row of rows) {
    unmachined ||= row.unmachined;
    row.areaCodes.forEach((areaCode, k) => {
      reports.push({
        date: row.date,
        areaCode,
        teamCode: row.teamCodes[k] ?? null,
        dossiers: row.dossiers[k] as number,
        machinesWorking: machinesCountedInPace(row.machinesWorking[k] ?? null),
      });
    });
    doubtfulIds.push(...(row.doubtfulIds ?? []));
  }
  return { reports, dates: rows.map((row) => row.date), doubtfulIds, unmachined };
}

/**
 * The ids of the reports of `areaCodes` on `days` dated outside the `campaign`'s days, the earliest
 * {@link MAX_OUTSIDE_CAMPAIGN_WARNINGS}: a campaign long over may hold many (a national one read
 * whole would be a list of every report after it).
 */
export async function readOutsideCampaign(
  prisma: PrismaClient,
  areaCodes: readonly string[],
  days: ReportDays,
  campaign: CampaignDays,
): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "ActualReport"
    WHERE "areaCode" = ANY(${[...areaCodes]}) AND NOT "voided"
      AND (${days.from}::text IS NULL OR "date" >= ${days.from})
      AND (${days.to}::text IS NULL OR "date" <= ${days.to})
      AND ("date" < ${campaign.start} OR "date" > ${campaign.lastDay})
    ORDER BY "date", "areaCode", "id"
    LIMIT ${MAX_OUTSIDE_CAMPAIGN_WARNINGS}`;
  return rows.map((row) => row.id);
}

/**
 * The ids of the reports on `days` that no machines working stand behind and that their area's
 * planned machines (`plannedMachines`, by area code) cannot have done in 24 hours at
 * `minutesPerDossier`: a report above them alone, and each report of a day whose teams' reports in
 * one area (more than one, none giving machines, no area total beside them) add up to more. These
 * are the doubtful ones `readDayReports` cannot tell; `reviewActualReports` judges them exactly once
 * read. One pass over the reports of the planned areas.
 */
export async function readAbovePlanned(
  prisma: PrismaClient,
  days: ReportDays,
  minutesPerDossier: number,
  plannedMachines: Readonly<Record<string, number | null>>,
): Promise<string[]> {
  const planned = Object.entries(plannedMachines).filter(
    (entry): entry is [string, number] => entry[1] !== null && entry[1] > 0,
  );
  if (planned.length === 0) return [];
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    WITH "planned" AS (
      SELECT r."id", r."areaCode", r."date", r."teamCode", r."machinesWorking",
        r."dossiers" * ${minutesPerDossier}::float8 AS "minutes",
        p."machines" * ${1440 * CEILING_MARGIN}::float8 AS "ceiling"
      FROM "ActualReport" AS r
      JOIN unnest(${planned.map(([code]) => code)}::text[], ${planned.map(([, machines]) => machines)}::float8[])
        AS p("areaCode", "machines") ON p."areaCode" = r."areaCode"
      WHERE NOT r."voided"
        AND (${days.from}::text IS NULL OR r."date" >= ${days.from})
        AND (${days.to}::text IS NULL OR r."date" <= ${days.to})
    )
    SELECT "id" FROM "planned" WHERE "machinesWorking" IS NULL AND "minutes" > "ceiling"
    UNION
    SELECT unnest(array_agg("id")) FROM "planned"
    GROUP BY "areaCode", "date", "ceiling"
    HAVING count(*) > 1 AND bool_and("teamCode" IS NOT NULL AND "machinesWorking" IS NULL)
      AND sum("minutes") > "ceiling"`;
  return rows.map((row) => row.id);
}

/** A stored report with what names it and what `reviewActualReports` judges. */
export type StoredReviewedReport = ReviewedReport & { id: string; teamCode: string | null };

/** The reports `ids` whole, as `reviewActualReports` reads them: dates, areas and teams ascending. */
export async function readReviewedReports(
  prisma: PrismaClient,
  ids: readonly string[],
): Promise<StoredReviewedReport[]> {
  if (ids.length === 0) return [];
  return prisma.actualReport.findMany({
    // Voided since the days were read: no longer warned about.
    where: { id: { in: [...ids] }, voided: false },
    select: {
      id: true,
      date: true,
      areaCode: true,
      teamCode: true,
      dossiers: true,
      machinesWorking: true,
      hoursOpen: true,
      downtimeMinutes: true,
    },
    orderBy: [{ date: 'asc' }, { areaCode: 'asc' }, { teamKey: 'asc' }],
  });
}

/** A team day of a batch being recorded: its date and area, and the teams the batch sends for it. */
export type SentTeamDay = {
  date: string;
  areaCode: string;
  /** The `teamKey` of each report the batch sends that day (`''` for the area's own total). */
  teamKeys: readonly string[];
};

/**
 * The stored reports of `days`, voided ones left out, but for those the batch sends again (same
 * date, area and team: its report replaces them, as recording's upsert does): what the batch's
 * reports of those days add up with. Dates, areas and teams ascending. One statement, the batch's
 * reports read once as a set (a file's 46,000 rows in about 0.3 s on PGlite, half the time of a
 * join of its days and an anti-join of its reports).
 */
export async function readStoredTeamDays(
  prisma: PrismaClient,
  days: readonly SentTeamDay[],
): Promise<ReviewedReport[]> {
  if (days.length === 0) return [];
  const sent = days.flatMap((day) => day.teamKeys.map((teamKey) => ({ ...day, teamKey })));
  // `teamKey` is never null (`''` for an area's own total): NOT IN reads as an anti-join.
  return prisma.$queryRaw<ReviewedReport[]>`
    WITH "sent" AS MATERIALIZED (
      SELECT * FROM unnest(${sent.map((s) => s.date)}::text[], ${sent.map((s) => s.areaCode)}::text[],
        ${sent.map((s) => s.teamKey)}::text[]) AS s("date", "areaCode", "teamKey"))
    SELECT r."date", r."areaCode", r."teamCode", r."dossiers", r."machinesWorking"
    FROM "ActualReport" AS r
    WHERE NOT r."voided"
      AND (r."date", r."areaCode") IN (SELECT s."date", s."areaCode" FROM "sent" AS s)
      AND (r."date", r."areaCode", r."teamKey") NOT IN (SELECT s."date", s."areaCode", s."teamKey" FROM "sent" AS s)
    ORDER BY r."date", r."areaCode", r."teamKey"`;
}
