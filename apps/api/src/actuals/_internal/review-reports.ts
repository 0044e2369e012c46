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
 * A finding about the report at `index` of the list: the library's, or the service's about its date
 * (`outside-campaign`), its machines beyond an area's (`machines-above-bound`) or its team's
 * (`machines-above-team`, at recording: check-reports.ts).
 */
export type IndexedFinding = Omit<ReportFinding, 'code'> & {
  code: ReportFinding['code'] | 'outside-campaign' | 'machines-above-bound' | 'machines-above-team';
  index: number;
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
): IndexedFinding[] {
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
  const findings: IndexedFinding[] = [];
  for (const [minutesPerDossier, { indices, planned }] of groups) {
    const group = indices.map((index) => reports[index] as ReviewedReport);
    const options = minutesPerDossier === null ? {} : { minutesPerDossier, plannedMachines: planned };
    for (const finding of reviewActualReports(group, options)) {
      const index = indices[Number(/^reports\[(\d+)\]/.exec(finding.path)?.[1])] as number;
      const rename = (text: string) => text.replace(/^reports\[\d+\]/, `reports[${index}]`);
      findings.push({ ...finding, index, path: rename(finding.path), message: rename(finding.message) });
    }
  }
  return findings;
}

/** What a rule of machines working finds of one report: its severity, code and words. */
export type MachinesJudged = Pick<IndexedFinding, 'severity' | 'code'> & {
  /** What is wrong, after `reports[i].machinesWorking: `. */
  says: string;
};

/**
 * The findings of a rule about the machines a report gives working (`judge`, asked of each report
 * that gives some), each of `reports[i].machinesWorking`, its message naming it first.
 *
 * @example
 * findingsOfMachinesWorking([{ date: '2021-03-20', areaCode: '665', dossiers: 9, machinesWorking: 7 }], (machines) =>
 *   machines > 5 ? { severity: 'unlikely', code: 'machines-above-team', says: `${machines} machines` } : null,
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
    const path = `reports[${index}].machinesWorking`;
    return [
      { index, path, severity: judged.severity, code: judged.code, message: `${path}: ${judged.says}` },
    ];
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
          says: `${machines.toLocaleString('en')} machines working is more than the ${MAX_MACHINES_PER_AREA.toLocaleString('en')} an area may be given; read as not given, so the pace counts the report on the machines planned in its area, as one that gives none (its dossiers still count)`,
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
    const path = `reports[${index}].date`;
    const named = campaignsNamed(report.areaCode);
    const when =
      report.date < earliest
        ? `before the start of ${named} (the earliest ${earliest})`
        : report.date > latest
          ? `after the deadline of ${named} (the latest ${latest}): a campaign running late, or the wrong day?`
          : `between the campaigns over area ${report.areaCode}, in none of their days: the wrong day?`;
    findings.push({
      index,
      path,
      severity: 'unlikely',
      code: 'outside-campaign',
      message: `${path}: ${report.date} is ${when}`,
    });
  });
  return findings;
}

/**
 * Every finding about `reports` (named `reports[i]`, in list order): figures impossible or
 * unlikely against the campaigns over each report's area, machines working beyond an area's bound,
 * and a date outside all their days.
 * `campaignsOf` is asked once per area. A report no campaign covers is judged by its figures alone.
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
    ...findingsOfFigures(reports, judged),
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

/** The findings about a day's reports together, named on the last of them: judged again with the stored ones. */
const DAY_CODES: ReadonlySet<IndexedFinding['code']> = new Set([
  'day-above-planned-machines',
  'total-below-team-reports',
]);

/**
 * The warnings of a batch (`warnings`, as `checkReports` found them in the batch alone) with each
 * day of an area judged with the reports already stored for it (`stored`, read for the batch: none
 * of them one the batch replaces): the day's `day-above-planned-machines` and
 * `total-below-team-reports` are found again over the stored reports and the batch's of that day,
 * as plan vs actual will add them up, and name the batch's last report of the day, saying how many
 * were recorded before. Other warnings, and the days with nothing stored, are left as they are.
 *
 * @example
 * // 300 stored by one team, 300 sent by another: 600 above the 480 that 2 planned machines do at 6 minutes
 * withStoredTeamDays([], [{ date: '2021-05-06', areaCode: 'T7201', teamCode: 'B', dossiers: 300 }],
 *   [{ date: '2021-05-06', areaCode: 'T7201', teamCode: 'A', dossiers: 300 }],
 *   () => [{ start: '2021-05-03', deadline: '2021-05-16', minutesPerDossier: 6, plannedMachines: 2 }],
 * ).map((finding) => finding.message)
 * // => ['reports[0].dossiers: the 2 reports of area T7201 on 2021-05-06, none giving machines working, add up to 600 dossiers, above the 480 that the 2 machines planned there do in 24 hours at 6 minutes a dossier (1 of them recorded before this batch)']
 */
export function withStoredTeamDays(
  warnings: readonly IndexedFinding[],
  reports: readonly ReviewedReport[],
  stored: readonly ReviewedReport[],
  campaignsOf: (areaCode: string) => readonly ReviewCampaign[],
): IndexedFinding[] {
  if (stored.length === 0) return [...warnings];
  const dayOf = (report: ReviewedReport) => JSON.stringify([report.date, report.areaCode]);
  const storedOfDay = new Map<string, number>();
  for (const report of stored) storedOfDay.set(dayOf(report), (storedOfDay.get(dayOf(report)) ?? 0) + 1);
  const sent = reports.flatMap((report, index) => (storedOfDay.has(dayOf(report)) ? [index] : []));
  // The stored reports first: the day's finding names the last of its reports, the batch's last.
  const days = reviewReports(
    [...stored, ...sent.map((index) => reports[index] as ReviewedReport)],
    campaignsOf,
  ).flatMap((finding): IndexedFinding[] => {
    const index = sent[finding.index - stored.length];
    if (!DAY_CODES.has(finding.code) || index === undefined) return [];
    const before = storedOfDay.get(dayOf(reports[index] as ReviewedReport)) ?? 0;
    const rename = (text: string) => text.replace(/^reports\[\d+\]/, `reports[${index}]`);
    const which = finding.code === 'day-above-planned-machines' ? 'of them' : "of the day's reports";
    return [
      {
        ...finding,
        index,
        path: rename(finding.path),
        message: `${rename(finding.message)} (${before} ${which} recorded before this batch)`,
      },
    ];
  });
  const judgedAgain = (warning: IndexedFinding) =>
    DAY_CODES.has(warning.code) && storedOfDay.has(dayOf(reports[warning.index] as ReviewedReport));
  // A stable sort: a report's day finding first, where the batch's review puts its figures' findings.
  return [...days, ...warnings.filter((warning) => !judgedAgain(warning))].sort((a, b) => a.index - b.index);
}
