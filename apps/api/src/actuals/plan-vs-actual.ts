// Plan against what the field reported: the stored scenario and reports, compared by
// @muster/planning's compareAreasWithActuals (the campaign's days only, its start to its last day,
// campaignLastDay; what was reported after added up apart), with the warnings about the reports of the days
// asked, by the review recording makes (review-reports.ts: figures unlikely at the scenario's
// service time with the machines reported or planned, downtime above the hours open, dates outside
// the campaign). Voided reports count nowhere.
//
// Every area a request asks about for the same scenario and dates (aliases, an area's children)
// is compared in one computation: the fields ask for their areas as they start, and the batch
// runs once they all have (after the current turn of the event loop), so the plan is computed
// once however many areas or aliases there are.
import { type PlanComparison, plannedMachinesByArea } from '@muster/planning';
import { isInSubtree } from '../auth/access.ts';
import { cached } from '../cache/shared-cache.ts';
import type { Memo } from '../compute/memo.ts';
import { compute } from '../compute/pool.ts';
import type { Area, PrismaClient } from '../generated/prisma/client.ts';
import { areaOfScenario, type StoredScenario } from '../planning/scenario-input.ts';
import { BYTES_KEPT, scenarioKey, storedPlan, storedScenario } from '../planning/stored-plan.ts';
import {
  type CampaignDays,
  type ReportDays,
  readAbovePlanned,
  readDayReports,
  readOutsideCampaign,
  readReviewedReports,
  type StoredReviewedReport,
} from './_internal/read-day-reports.ts';
import { type IndexedFinding, reviewReports } from './_internal/review-reports.ts';
import { type TurnBatch, turnBatches } from './_internal/turn-batches.ts';

/** A warning about a stored report, named by its id (`<id>.dossiers`) and its day. */
export type ReportWarning = Omit<IndexedFinding, 'index'> & {
  /** The stored report it is about (its own key), for the schema to load it. */
  reportId: string;
};

export type PlanVsActual = PlanComparison & {
  scenarioId: string;
  /**
   * The reports of the days asked (`from`, else the scenario's start, to `to`, else no end) whose
   * figures are unlikely or impossible, or whose date is outside the campaign's days.
   */
  reportWarnings: ReportWarning[];
  /** The dates the comparison was asked for (null: the default). */
  asked: { from: string | null; to: string | null };
  /** The areas right below, compared in the same computation; null when not asked for with it. */
  children: PlanVsActual[] | null;
  /** Pages of the areas of a level below, compared in the same computation, by `pageKey`. */
  pages: ReadonlyMap<string, AreaPage>;
};

/** A page of the areas of `level` below an area, ordered by code: `limit` of them from `offset`. */
export type PageAsk = { level: string; offset: number; limit: number };

/** One page of the areas of a level below an area, and how many such areas there are in all. */
export type AreaPage = { totalCount: number; nodes: PlanVsActual[] };

export const pageKey = (page: PageAsk): string => `${page.level}:${page.offset}:${page.limit}`;

/** What is asked of one area: its children, pages of the areas of a level below it. */
type Wants = { children: boolean; pages: Map<string, PageAsk> };

const holds = (had: Wants, wants: Wants): boolean =>
  (had.children || !wants.children) && [...wants.pages.keys()].every((key) => had.pages.has(key));

export type PlanVsActualArgs = {
  scenarioId: string;
  areaCode: string;
  from?: string | null;
  to?: string | null;
};

/** The areas one computation compares, and what each asker waits for. */
type AreasAsked = {
  args: Omit<PlanVsActualArgs, 'areaCode'>;
  /** Areas asked for, and what with them. */
  areas: Map<string, Wants>;
};

/** The computations of a request, by scenario and dates: each area's answer, or why it is refused. */
const comparisons = turnBatches<AreasAsked, Map<string, PlanVsActual | Error>>();

/**
 * Plan against reports for one area of a stored scenario (with its children and pages of the areas
 * of a level below when asked): kept
 * across requests under the scenario's, the areas' and the reports' versions, and otherwise
 * compared in the request's batch for the same scenario and dates.
 */
export async function planVsActual(
  prisma: PrismaClient,
  memo: Memo,
  args: PlanVsActualArgs,
  options: { withChildren?: boolean; pages?: readonly PageAsk[] } = {},
): Promise<PlanVsActual> {
  const wants: Wants = {
    children: options.withChildren ?? false,
    pages: new Map((options.pages ?? []).map((page) => [pageKey(page), page])),
  };
  const data = await scenarioKey(memo, prisma, args.scenarioId, { reports: true });
  const key = `plan-vs-actual:${data}:${JSON.stringify([args.areaCode, args.from ?? null, args.to ?? null, wants.children, [...wants.pages.keys()].sort()])}`;
  return cached(
    memo,
    key,
    async () => {
      const batch = batchFor(prisma, memo, args, wants);
      const answer = (await batch.result).get(args.areaCode);
      if (answer instanceof Error) throw answer;
      if (!answer) throw new Error(`plan vs actual: ${args.areaCode} missing from its batch`);
      return answer;
    },
    (result) =>
      (1 +
        (result.children?.length ?? 0) +
        [...result.pages.values()].reduce((n, page) => n + page.nodes.length, 0)) *
      result.days.length *
      BYTES_KEPT.comparedDay,
  );
}

/** A batch not started yet, or one already holding the area with what is wanted of it. */
function batchFor(
  prisma: PrismaClient,
  memo: Memo,
  args: PlanVsActualArgs,
  wants: Wants,
): TurnBatch<AreasAsked, Map<string, PlanVsActual | Error>> {
  const key = JSON.stringify([args.scenarioId, args.from ?? null, args.to ?? null]);
  const holding = comparisons.opened(memo, key).find((batch) => {
    const asked = batch.asked.areas.get(args.areaCode);
    return asked !== undefined && holds(asked, wants);
  });
  if (holding) return holding;
  const open = comparisons.open(
    memo,
    key,
    () => ({
      args: { scenarioId: args.scenarioId, from: args.from ?? null, to: args.to ?? null },
      areas: new Map(),
    }),
    (asked) => compareBatch(prisma, memo, asked),
  );
  const had = open.asked.areas.get(args.areaCode);
  open.asked.areas.set(args.areaCode, {
    children: wants.children || (had?.children ?? false),
    pages: new Map([...(had?.pages ?? []), ...wants.pages]),
  });
  return open;
}

/** Whether `date` is one of `days`. */
function withinDays(days: ReportDays, date: string): boolean {
  return (days.from === null || date >= days.from) && (days.to === null || date <= days.to);
}

/** Each area asked about (or why it is refused), compared in one computation. */
async function compareBatch(
  prisma: PrismaClient,
  memo: Memo,
  batch: AreasAsked,
): Promise<Map<string, PlanVsActual | Error>> {
  const { scenarioId, from, to } = batch.args;
  const answers = new Map<string, PlanVsActual | Error>();
  let loaded: StoredScenario;
  try {
    loaded = await storedScenario(memo, prisma, scenarioId);
  } catch (error) {
    for (const code of batch.areas.keys()) answers.set(code, error as Error);
    return answers;
  }
  const { scenario, input, subtree } = loaded;
  const areas = new Map<string, Area>();
  for (const code of batch.areas.keys()) {
    try {
      areas.set(code, await areaOfScenario(prisma, loaded, code));
    } catch (error) {
      answers.set(code, error as Error);
    }
  }
  const childrenOf = (code: string) => subtree.filter((area) => area.parentCode === code);
  // The areas of each level below each area asked, ordered by code, for the pages asked of them.
  const below = new Map<string, Area[]>();
  const areasBelow = (area: Area, level: string): Area[] => {
    const key = JSON.stringify([area.code, level]);
    let list = below.get(key);
    if (!list) {
      list = subtree
        .filter(
          (other) => other.level === level && other.code !== area.code && isInSubtree(other.path, area.path),
        )
        .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      below.set(key, list);
    }
    return list;
  };
  const pageOf = (area: Area, page: PageAsk) =>
    areasBelow(area, page.level).slice(page.offset, page.offset + page.limit);
  const compared = [...areas.keys()];
  for (const [code, wants] of batch.areas) {
    const area = areas.get(code);
    if (!area) continue;
    if (wants.children) compared.push(...childrenOf(code).map((child) => child.code));
    for (const page of wants.pages.values()) compared.push(...pageOf(area, page).map((other) => other.code));
  }
  const codes = [...new Set(compared)];
  if (codes.length === 0) return answers;

  const earliest = from != null && from < scenario.start ? from : scenario.start;
  // The scenario's areas are loaded already: naming them spares a join on the area tree.
  const subtreeCodes = subtree.map((area) => area.code);
  const days = { from: earliest, to: to ?? null };
  // The days whose reports are warned about: those asked, from the scenario's start by default.
  const warnedFrom = from ?? scenario.start;
  const warned: ReportDays = { from: warnedFrom, to: to ?? null };
  const { reports, dates, doubtfulIds, unmachined } = await readDayReports(
    prisma,
    subtreeCodes,
    days,
    scenario.minutesPerDossier,
    warnedFrom,
  );
  // The arguments `from` and `to` are the library's options of those names.
  const comparing = compute('compareAreasWithActuals', input, codes, reports, {
    ...(from != null ? { from } : {}),
    ...(to != null ? { to } : {}),
  });
  // The campaign's days as the library counted them: to the deadline, the plan's completion when
  // later, carried on by the days reported late (the same for every area compared). The warnings'
  // other reads go on beside the computation; only the reports outside those days wait for it.
  const lastDay = comparing.then((compared) => compared[0]?.campaignLastDay ?? scenario.deadline);
  // A failed comparison is answered through `comparing`; the warnings may have stopped before reading this.
  lastDay.catch(() => {});
  // The campaign's last day is its deadline or later: without a report of the days warned about
  // before the start or after the deadline, none lies outside the campaign's days.
  const outsideDeadline = dates.some(
    (date) => withinDays(warned, date) && (date < scenario.start || date > scenario.deadline),
  );
  const [comparison, review] = await Promise.allSettled([
    comparing,
    reportWarnings(prisma, memo, loaded, lastDay, warned, { doubtfulIds, unmachined, outsideDeadline }),
  ]);
  if (comparison.status === 'rejected' || review.status === 'rejected') {
    const error =
      comparison.status === 'rejected' ? comparison.reason : (review as PromiseRejectedResult).reason;
    for (const code of areas.keys()) answers.set(code, error as Error);
    return answers;
  }
  const comparisons = comparison.value;
  const warnings = review.value;
  const pathOf = new Map(subtree.map((area) => [area.code, area.path]));
  const byCode = new Map<string, PlanVsActual>();
  codes.forEach((code, i) => {
    const path = pathOf.get(code) ?? code;
    byCode.set(code, {
      ...(comparisons[i] as PlanComparison),
      scenarioId: scenario.id,
      asked: { from: from ?? null, to: to ?? null },
      reportWarnings: warnings
        .filter((warning) => isInSubtree(pathOf.get(warning.areaCode) ?? '', path))
        .map(({ areaCode: _area, ...warning }) => warning),
      children: null,
      pages: new Map(),
    });
  });
  const comparedOf = (list: readonly Area[]) => list.map((other) => byCode.get(other.code) as PlanVsActual);
  for (const [code, wants] of batch.areas) {
    const own = byCode.get(code);
    const area = areas.get(code);
    if (!own || !area) continue;
    const pages = new Map<string, AreaPage>();
    for (const [key, page] of wants.pages) {
      pages.set(key, {
        totalCount: areasBelow(area, page.level).length,
        nodes: comparedOf(pageOf(area, page)),
      });
    }
    answers.set(code, {
      ...own,
      children: wants.children ? comparedOf(childrenOf(code)) : null,
      pages,
    });
  }
  return answers;
}

/**
 * The warnings about the reports of `warned` in the scenario's areas, by the review recording
 * makes, against this scenario alone: its service, the machines its plan puts in each report's area
 * (read only when some report gives none), its days. A report outside them says what became of it.
 */
async function reportWarnings(
  prisma: PrismaClient,
  memo: Memo,
  loaded: StoredScenario,
  /** The campaign's last day, once the comparison has counted it. */
  lastDayCounted: Promise<string>,
  warned: ReportDays,
  /**
   * What the read of the days found: the ids of the reports the review may find unlikely, whether
   * one gives no machines working, whether one is dated before the start or after the deadline.
   */
  found: { doubtfulIds: readonly string[]; unmachined: boolean; outsideDeadline: boolean },
): Promise<(ReportWarning & { areaCode: string })[]> {
  const { doubtfulIds, unmachined, outsideDeadline } = found;
  const { scenario } = loaded;
  let planned: Record<string, number | null> = {};
  let ids = doubtfulIds;
  if (unmachined) {
    planned = plannedMachinesByArea((await storedPlan(memo, prisma, scenario.id)).plan);
    // A report above them alone, and the teams' reports of a day above them together.
    const above = await readAbovePlanned(prisma, warned, scenario.minutesPerDossier, planned);
    ids = [...new Set([...doubtfulIds, ...above])];
  }
  // Nothing to review: the comparison's last day is not waited for.
  if (ids.length === 0 && !outsideDeadline) return [];
  const campaign: CampaignDays = { start: scenario.start, lastDay: await lastDayCounted };
  const areaCodes = loaded.subtree.map((area) => area.code);
  const outside = outsideDeadline ? await readOutsideCampaign(prisma, areaCodes, warned, campaign) : [];
  ids = [...new Set([...ids, ...outside])];
  const doubtful = (await readReviewedReports(prisma, ids)).filter((report) =>
    withinDays(warned, report.date),
  );
  const { start, lastDay } = campaign;
  const { minutesPerDossier } = scenario;
  const findings = reviewReports(
    doubtful,
    (areaCode) => [
      { start, deadline: lastDay, minutesPerDossier, plannedMachines: planned[areaCode] ?? null },
    ],
    // Days on past the deadline (a plan or a campaign running late): "… after the deadline of this
    // scenario's campaign as reported (the latest 2021-07-28)".
    {
      campaignsNamed: () =>
        lastDay > scenario.deadline ? "this scenario's campaign as planned and reported" : 'this scenario',
    },
  );
  // A total below its teams' reports is the comparison's own warning (`total-below-team-reports` in
  // `warnings`, with the figures kept and set aside): not said again of the reports it reviewed.
  return named(
    doubtful,
    findings.filter((finding) => finding.code !== 'total-below-team-reports'),
    campaign,
  );
}

/** What plan vs actual did with a report dated outside the campaign's days. */
function outsideOutcome(date: string, campaign: CampaignDays): string {
  return date > campaign.lastDay
    ? 'Counted as served after the campaign (servedAfterCampaign), not in the days, pace or forecast.'
    : 'Counted nowhere in this scenario.';
}

/** The review names reports by their index in the list it read: name them by id and day. */
function named(
  reports: readonly StoredReviewedReport[],
  findings: readonly IndexedFinding[],
  campaign: CampaignDays,
): (ReportWarning & { areaCode: string })[] {
  return findings.flatMap(({ index, ...finding }) => {
    const report = reports[index];
    if (!report) return [];
    const which = `report of ${report.date}, area ${report.areaCode}${report.teamCode ? `, team ${report.teamCode}` : ''}`;
    const reason =
      finding.code === 'outside-campaign'
        ? `${finding.reason}${/[.?!]$/.test(finding.reason) ? '' : '.'} ${outsideOutcome(report.date, campaign)}`
        : finding.reason;
    return [
      {
        ...finding,
        areaCode: report.areaCode,
        reportId: report.id,
        path: `${report.id}.${finding.field}`,
        reason,
        message: `${which}: ${reason}`,
      },
    ];
  });
}
