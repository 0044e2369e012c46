// The one review of reports' figures and dates, at recording (a batch, against every campaign over
// each report's area; a day of team reports with those already stored for it) and in plan vs actual
// (the stored reports, against the scenario compared): the same report gets the same warnings in both.
import { type ReportFinding, type ReviewedReport, reviewActualReports } from '@muster/planning';
import { MAX_MACHINES_PER_AREA } from '../../planning/campaign-bounds.ts';

/** A campaign a report is reviewed against: its days, its service and its plan in the report's area. */
export type ReviewCampaign = {
  /** First day, ISO date in the campaign's time zone. */
  start: string;
  /** Last day, included. */
  deadline: string;
  minutesPerDossier: number;
  /** Machines its plan puts in the report's area: null when none or not known (nothing judged by them). */
  plannedMachines: number | null;
};

/**
 * A finding about `field` of the report at `index` of the list, named `reports[index].field` in
 * `path` and in front of `reason` in `message`: the library's, or the service's about its date
 * (`outside-campaign`), its machines beyond an area's (`machines-above-bound`) or its team's
 * (`machines-above-team`, at recording: check-reports.ts).
 */
export type IndexedFinding = Omit<ReportFinding, 'code'> & {
  code: ReportFinding['code'] | 'outside-campaign' | 'machines-above-bound' | 'machines-above-team';
};

/**
 * A report's machines working as the observed pace counts them: none when above
 * {@link MAX_MACHINES_PER_AREA}. Recording refuses such a report; one stored before it did (20,000,000
 * machines) would otherwise set its area's pace, and every replan's, near zero.
 *
 * @example
 * [3, null, 20_000_000].map(machinesCountedInPace) // => [3, null, null]
 */
export function machinesCountedInPace(machinesWorking: number | null): number | null {
  return machinesWorking !== null && machinesWorking > MAX_MACHINES_PER_AREA ? null : machinesWorking;
}

export type ReviewReportsOptions = {
  /** The campaigns of an area as a message names them. Default: `every campaign over area <code>`. */
  campaignsNamed?: (areaCode: string) => string;
  /**
   * Reports already stored for days the reports name (at recording: the batch's, none of them one
   * the batch replaces): a day of an area with some is judged with them, as plan vs actual will add
   * them up. Default none.
   */
  stored?: readonly ReviewedReport[];
};

/** What a report is judged against: the fastest service and the most machines its campaigns plan there. */
type Judged = { minutesPerDossier: number; plannedMachines: number | null };

function judgedAgainst(campaigns: readonly ReviewCampaign[]): Judged | null {
  if (campaigns.length === 0) return null;
  const planned = campaigns.flatMap((campaign) =>
    campaign.plannedMachines == null ? [] : [campaign.plannedMachines],
  );
  return {
    minutesPerDossier: Math.min(...campaigns.map((campaign) => campaign.minutesPerDossier)),
    plannedMachines: planned.length > 0 ? Math.max(...planned) : null,
  };
}

/** A finding about the report at `index` of a list, before it is named by its place in the list reviewed. */
type FigureFinding = Omit<IndexedFinding, 'path' | 'message'>;

/**
 * The library's finding about a report of one service time's group, as one about the report at
 * `indices[i]` of the list reviewed: the library gives a report's place in the group it was given.
 */
function figureFinding(finding: ReportFinding, indices: readonly number[]): FigureFinding {
  const { field, severity, code, reason } = finding;
  return { index: indices[finding.index] as number, field, severity, code, reason };
}

/**
 * `finding` named `reports[index]` and its field in `path`, its reason ending with `more`, its
 * message naming them first.
 */
function indexedFinding(finding: Omit<FigureFinding, 'index'>, index: number, more = ''): IndexedFinding {
  const { field, severity, code } = finding;
  const path = `reports[${index}].${field}`;
  const reason = `${finding.reason}${more}`;
  return { path, index, field, severity, code, reason, message: `${path}: ${reason}` };
}

/**
 * The library's findings about each report's figures (`reviewActualReports`): impossible ones, and
 * dossiers above what its machines do in 24 hours at the fastest service of its campaigns, its
 * machines being those it reports or, when it reports none, the most any of them plans in its area.
 * One review per service time rather than one per report: a file of 100,000 reports over a few
 * campaigns costs a few passes.
 */
function findingsOfFigures(
  reports: readonly ReviewedReport[],
  judged: (areaCode: string) => Judged | null,
): FigureFinding[] {
  const groups = new Map<number | null, { indices: number[]; planned: Record<string, number | null> }>();
  reports.forEach((report, index) => {
    const against = judged(report.areaCode);
    const key = against?.minutesPerDossier ?? null;
    let group = groups.get(key);
    if (!group) {
      group = { indices: [], planned: {} };
      groups.set(key, group);
    }
    group.indices.push(index);
    if (against) group.planned[report.areaCode] = against.plannedMachines;
  });
  const findings: FigureFinding[] = [];
  for (const [minutesPerDossier, { indices, planned }] of groups) {
    const group = indices.map((index) => reports[index] as ReviewedReport);
    const options = minutesPerDossier === null ? {} : { minutesPerDossier, plannedMachines: planned };
    for (const finding of reviewActualReports(group, options)) findings.push(figureFinding(finding, indices));
  }
  return findings;
}

/** The findings about a day's reports together, named on the last of them: judged again with the stored ones. */
const DAY_CODES: ReadonlySet<IndexedFinding['code']> = new Set([
  'day-above-planned-machines',
  'total-below-team-reports',
]);

/**
 * The findings about the reports' figures, each day of an area judged with the reports already
 * stored for it (`stored`): one review, the stored reports before the others, so that a day's
 * `day-above-planned-machines` and `total-below-team-reports` add them up as plan vs actual will,
 * and name the last of the reports of the day, saying how many were recorded before. What the
 * review finds of a stored report, or names on one, is left out.
 */
function findingsWithStoredDays(
  reports: readonly ReviewedReport[],
  stored: readonly ReviewedReport[],
  judged: (areaCode: string) => Judged | null,
): IndexedFinding[] {
  const dayOf = (report: ReviewedReport) => JSON.stringify([report.date, report.areaCode]);
  const storedOfDay = new Map<string, number>();
  for (const report of stored) storedOfDay.set(dayOf(report), (storedOfDay.get(dayOf(report)) ?? 0) + 1);
  const days: IndexedFinding[] = [];
  const others: IndexedFinding[] = [];
  for (const finding of findingsOfFigures([...stored, ...reports], judged)) {
    const index = finding.index - stored.length;
    if (index < 0) continue;
    const before = storedOfDay.get(dayOf(reports[index] as ReviewedReport));
    if (before === undefined || !DAY_CODES.has(finding.code)) others.push(indexedFinding(finding, index));
    else {
      const which = finding.code === 'day-above-planned-machines' ? 'of them' : "of the day's reports";
      days.push(indexedFinding(finding, index, ` (${before} ${which} recorded before this batch)`));
    }
  }
  // A report's day judged with the stored ones before its own figures' findings, as recording lists them.
  return [...days, ...others];
}

/** What a rule of machines working finds of one report: its severity, code and what is wrong. */
export type MachinesJudged = Pick<IndexedFinding, 'severity' | 'code' | 'reason'>;

/**
 * The findings of a rule about the machines a report gives working (`judge`, asked of each report
 * that gives some), each of `reports[i].machinesWorking`, its message naming it first.
 *
 * @example
 * findingsOfMachinesWorking([{ date: '2021-03-20', areaCode: '665', dossiers: 9, machinesWorking: 7 }], (machines) =>
 *   machines > 5 ? { severity: 'unlikely', code: 'machines-above-team', reason: `${machines} machines` } : null,
 * ).map((finding) => finding.message)
 * // => ['reports[0].machinesWorking: 7 machines']
 */
export function findingsOfMachinesWorking<R extends ReviewedReport>(
  reports: readonly R[],
  judge: (machines: number, report: R) => MachinesJudged | null,
): IndexedFinding[] {
  return reports.flatMap((report, index) => {
    const machines = report.machinesWorking;
    const judged = machines == null ? null : judge(machines, report);
    if (judged === null) return [];
    return [indexedFinding({ ...judged, field: 'machinesWorking' }, index)];
  });
}

/**
 * "A report gives at most as many machines working as an area may be given" (the bound recording
 * holds to). One stored before recording did is impossible, and read as giving none
 * ({@link machinesCountedInPace}): the pace counts it on the machines planned in its area, as one
 * that gives none, its dossiers still count.
 */
function findingsOfMachines(reports: readonly ReviewedReport[]): IndexedFinding[] {
  return findingsOfMachinesWorking(reports, (machines) =>
    machinesCountedInPace(machines) !== null
      ? null
      : {
          severity: 'impossible',
          code: 'machines-above-bound',
          reason: `${machines.toLocaleString('en')} machines working is more than the ${MAX_MACHINES_PER_AREA.toLocaleString('en')} an area may be given; read as not given, so the pace counts the report on the machines planned in its area, as one that gives none (its dossiers still count)`,
        },
  );
}

/**
 * "A report is dated within the days of one of its campaigns." One outside them all (before the
 * earliest start, after the latest deadline, or between two campaigns) is a phone left on today's
 * date for a campaign long over, or a campaign running late: a warning, not a refusal.
 */
function findingsOfDates(
  reports: readonly ReviewedReport[],
  campaignsOf: (areaCode: string) => readonly ReviewCampaign[],
  campaignsNamed: (areaCode: string) => string,
): IndexedFinding[] {
  const findings: IndexedFinding[] = [];
  reports.forEach((report, index) => {
    const campaigns = campaignsOf(report.areaCode);
    if (campaigns.length === 0) return;
    if (campaigns.some((campaign) => campaign.start <= report.date && report.date <= campaign.deadline))
      return;
    const earliest = campaigns.map((campaign) => campaign.start).sort()[0] as string;
    const latest = campaigns
      .map((campaign) => campaign.deadline)
      .sort()
      .at(-1) as string;
    const named = campaignsNamed(report.areaCode);
    const when =
      report.date < earliest
        ? `before the start of ${named} (the earliest ${earliest})`
        : report.date > latest
          ? `after the deadline of ${named} (the latest ${latest}): a campaign running late, or the wrong day?`
          : `between the campaigns over area ${report.areaCode}, in none of their days: the wrong day?`;
    const reason = `${report.date} is ${when}`;
    findings.push(
      indexedFinding({ field: 'date', severity: 'unlikely', code: 'outside-campaign', reason }, index),
    );
  });
  return findings;
}

/**
 * Every finding about `reports` (named `reports[i]`, in list order): figures impossible or
 * unlikely against the campaigns over each report's area, machines working beyond an area's bound,
 * and a date outside all their days; a day of an area judged with the reports `options.stored`
 * holds for it. Each report is reviewed once, `campaignsOf` asked once per area. A report no
 * campaign covers is judged by its figures alone.
 *
 * @example
 * reviewReports([{ date: '2021-07-02', areaCode: '24718', dossiers: 900 }], () => [
 *   { start: '2021-03-15', deadline: '2021-06-30', minutesPerDossier: 3.5, plannedMachines: 1 },
 * ]).map((finding) => finding.path)
 * // => ['reports[0].dossiers', 'reports[0].date']
 */
export function reviewReports(
  reports: readonly ReviewedReport[],
  campaignsOf: (areaCode: string) => readonly ReviewCampaign[],
  options: ReviewReportsOptions = {},
): IndexedFinding[] {
  const campaignsNamed = options.campaignsNamed ?? ((areaCode) => `every campaign over area ${areaCode}`);
  // A file's 100,000 reports name a few thousand areas: each area's campaigns are asked for once.
  const ofArea = new Map<string, readonly ReviewCampaign[]>();
  const campaignsOfArea = (areaCode: string) => {
    let campaigns = ofArea.get(areaCode);
    if (campaigns === undefined) {
      campaigns = campaignsOf(areaCode);
      ofArea.set(areaCode, campaigns);
    }
    return campaigns;
  };
  const judgedOf = new Map<string, Judged | null>();
  const judged = (areaCode: string) => {
    let against = judgedOf.get(areaCode);
    if (against === undefined) {
      against = judgedAgainst(campaignsOfArea(areaCode));
      judgedOf.set(areaCode, against);
    }
    return against;
  };
  return withoutRestatedDays([
    ...findingsWithStoredDays(reports, options.stored ?? [], judged),
    ...findingsOfMachines(reports),
    ...findingsOfDates(reports, campaignsOfArea, campaignsNamed),
  ]).sort((a, b) => a.index - b.index);
}

/**
 * "A report above the planned machines alone is not warned again for its day." Its day's finding
 * (`day-above-planned-machines`) names a report that gives no machines, so its own finding
 * (`above-service-capacity`) is against the same planned machines at the same service time: its
 * dossiers alone are above them, the day's sum the more so. The day's says nothing more of it.
 */
function withoutRestatedDays(findings: readonly IndexedFinding[]): IndexedFinding[] {
  const aboveAlone = new Set(
    findings.flatMap((finding) => (finding.code === 'above-service-capacity' ? [finding.index] : [])),
  );
  return findings.filter(
    (finding) => !(finding.code === 'day-above-planned-machines' && aboveAlone.has(finding.index)),
  );
}
