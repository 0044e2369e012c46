import type { ServiceOverride } from '../campaign/types.ts';

/** What the field reported for one day: for an area as a whole, or for one team in it. */
export type ActualDayReport = {
  /** ISO date in the campaign's time zone. */
  date: string;
  areaCode: string;
  /** The team that reported; absent or null for the area's own total. */
  teamCode?: string | null;
  dossiers: number;
  machinesWorking?: number | null;
};

/** A report as the field sends it, with the figures that describe its day. */
export type ReviewedReport = {
  /** ISO date. */
  date: string;
  areaCode: string;
  teamCode?: string | null;
  dossiers: number;
  machinesWorking?: number | null;
  /** Hours the site was open that day, 0 to 24. */
  hoursOpen?: number | null;
  /**
   * Minutes machines stood still that day while the site was open, a whole number from 0 to
   * `1440 × machinesWorking` (machine-minutes when the minutes of several machines are added up;
   * 1440 when no machines, or 0, are given): 4320 for 3 machines standing still a whole day.
   * Above that it is malformed (`range`). At most `hoursOpen × 60`, or
   * `hoursOpen × 60 × machinesWorking`: above the latter impossible, between the two unlikely.
   */
  downtimeMinutes?: number | null;
};

/**
 * Something a report's figures cannot or are unlikely to be: `impossible` (dossiers taken with no
 * machine working or with the site closed all day; more downtime than the machines working were
 * open, even counted per machine: `downtime-above-hours-open`), `unlikely` (more dossiers per
 * machine-day than the service time allows in 24 hours: `above-service-capacity` for one report,
 * `day-above-planned-machines` for the teams' reports of one area and day that give no machines,
 * added up against the machines planned there; an area's own total below its teams' reports of the
 * same day, which it sets aside: `total-below-team-reports`; more downtime than the minutes open,
 * possible only as several machines' minutes added up: `downtime-above-hours-open`).
 */
export type ReportFinding = {
  /** The report and figure, e.g. `reports[3].dossiers`. */
  path: string;
  /** The report's place in the list reviewed, from 0: 3 for `reports[3].dossiers`. */
  index: number;
  /** The report's field the finding is about: `dossiers` for `reports[3].dossiers`. */
  field: keyof ReviewedReport;
  severity: 'impossible' | 'unlikely';
  code:
    | 'dossiers-without-machines'
    | 'dossiers-while-closed'
    | 'above-service-capacity'
    | 'day-above-planned-machines'
    | 'total-below-team-reports'
    | 'downtime-above-hours-open';
  /** What is wrong, in a sentence with the figures (English), the path left out. */
  reason: string;
  /** `<path>: <reason>`. */
  message: string;
};

export type ReviewActualReportsOptions = {
  /**
   * Minutes a machine takes per dossier at best (the fastest service of the campaigns the reports
   * belong to). Without it, no report is judged unlikely.
   */
  minutesPerDossier?: number;
  /**
   * Machines the plan puts in each area, by area code (`plannedMachinesByArea`): a report that
   * gives no machines working is judged against its area's, as `compareWithActuals` judges a day.
   * Without it (or for an area it leaves out or gives none), such a report is not judged unlikely.
   * Every count is checked, those of areas no report names too.
   */
  plannedMachines?: Readonly<Record<string, number | null>>;
};

/** When the rest is done at the observed daily rates. */
export type CompletionForecast = {
  /** Dossiers still to take after the last reported day. */
  remaining: number;
  /** The open day the last dossier is expected at the mean observed daily rate. */
  expected: string | null;
  /** At the best observed day's rate. */
  earliest: string | null;
  /** At the worst observed day's rate. */
  latest: string | null;
  meanDailyRate: number;
  minDailyRate: number;
  maxDailyRate: number;
  /** Complete days with dossiers that the rates come from (partial days are left out). */
  basedOnDays: number;
};

/**
 * How much of an area one day's reports cover:
 * - `complete`: the area reported (its own total or a team of its own), or every area below it
 *   did, down to the leaves;
 * - `partial`: some areas below it reported and some did not: its figure is theirs alone, never
 *   read as zero for the others;
 * - `none`: nothing was reported in the area.
 */
export type DayReporting = 'complete' | 'partial' | 'none';

/** How fully an area reported, over the open days so far and on the last of them. */
export type ReportingCompleteness = {
  /** Open days of the calendar from its start to the day asked about, both included. */
  openDaysSoFar: number;
  /** Those with a report in the area (complete or partial). */
  daysReported: number;
  completeDays: number;
  partialDays: number;
  /** `daysReported ÷ openDaysSoFar`; null before the first open day. */
  shareOfDaysReported: number | null;
  /** The last open day so far; null before the first. */
  lastOpenDay: string | null;
  /** Leaves (communes) under the area; 1 for a leaf. */
  leaves: number;
  /** Leaves covered by a report on the last open day: their own, or one of an area above them within this area. */
  leavesReportedOnLastDay: number;
  /** `leavesReportedOnLastDay ÷ leaves`. */
  shareOfLeavesReportedOnLastDay: number;
};

/**
 * A day's figure above what its machines can do in 24 hours at the area's modelled service
 * time (mean minutes per dossier, hard cases included, no breakdowns): a typing error, a figure
 * that belongs to several days or areas, or machines not reported.
 */
export type DayAboveMaximumWarning = {
  kind: 'day-above-maximum';
  areaCode: string;
  date: string;
  dossiers: number;
  machines: number;
  /** Whether `machines` is what the report said or, when it said none, what the plan stations there. */
  machinesFrom: 'reported' | 'planned';
  /** `⌊machines × 1440 ÷ meanMinutesPerDossier⌋`. */
  maximumDossiers: number;
  message: string;
};

/** An area whose observed dossiers per machine-day differ from the plan's by more than the margin. */
export type PaceDiffersWarning = {
  kind: 'pace-differs';
  areaCode: string;
  observedDossiersPerMachineDay: number;
  plannedDossiersPerMachineDay: number;
  /** `(observed − planned) ÷ planned`: +0.36 is 36 % faster than planned. */
  differenceShare: number;
  /** The margin it is beyond (`paceWarningShare`). */
  marginShare: number;
  /**
   * Days with machines (reported, else planned) behind the observed pace, its demand-bound days left
   * out (see `ReplannedArea.observedDossiersPerMachineDay`).
   */
  observedDays: number;
  message: string;
};

/** A day when some areas below an area reported and others did not. */
export type PartialDayWarning = {
  kind: 'partial-day';
  areaCode: string;
  date: string;
  leavesReported: number;
  leaves: number;
  /** Codes of the areas right below it with no report that day. */
  missingAreaCodes: string[];
  message: string;
};

/**
 * An area's own total for a day below what its teams reported there that day: the total is counted
 * (an area's own total wins over its teams' reports), the teams' reports are set aside. A total
 * typed before the teams' reports came in, a team's figure typed wrong, or a total of part of the
 * area.
 */
export type TotalBelowTeamReportsWarning = {
  kind: 'total-below-team-reports';
  areaCode: string;
  date: string;
  /** The area's own total, the figure counted for the day: dossiers. */
  totalDossiers: number;
  /** The teams' reports of the area that day, added up: dossiers set aside. */
  teamDossiers: number;
  /** How many team reports are set aside. */
  teamReports: number;
  message: string;
};

/**
 * More machines working reported in an area on one day, added up over the reports counted for it,
 * than the plan stations there (`AreaPlan.machines`: the machines given, or the area's share of a
 * pool above): machines counted in several reports (one machine serving several communes), or
 * machines added beyond the plan. Judged for the area compared and the pools below it.
 */
export type MachinesAbovePlannedWarning = {
  kind: 'machines-above-planned';
  areaCode: string;
  date: string;
  /** Machines working, added up over the day's reports counted in the area that give them. */
  machinesReported: number;
  /** Machines the plan stations in the area (`AreaPlan.machines`). */
  machinesPlanned: number;
  message: string;
};

/** Something in the reports worth a second look: a union on `kind`. */
export type ActualsWarning =
  | DayAboveMaximumWarning
  | PaceDiffersWarning
  | PartialDayWarning
  | TotalBelowTeamReportsWarning
  | MachinesAbovePlannedWarning;

/**
 * How a replan paces the remaining campaign in each area: `planned` at the plan's service,
 * `observed` at the dossiers per machine-day reported so far, `blended` at a mix that leans on
 * the plan while few days are reported (see `replanFromActuals`).
 */
export type ReplanPace = 'planned' | 'observed' | 'blended';

/** One area of a replan: what was reported, what is left, and the pace it is replanned at. */
export type ReplannedArea = {
  areaCode: string;
  name: string;
  parentCode: string | null;
  /** Demand of the whole campaign (the input's plan). */
  demandDossiers: number;
  /** The area's reports up to `asOf` added up: its own total where it gave one, else its teams' and children's. */
  reportedDossiers: number;
  /**
   * Served up to `asOf` as the replan counts it: the reports placed on its leaves, with its share of
   * totals reported for areas above it (see `replanFromActuals`). Rolls up exactly.
   */
  servedDossiers: number;
  /** Demand left: over its leaves, demand − served, never negative. Rolls up exactly. */
  remainingDossiers: number;
  /**
   * Dossiers per machine working over the days with machines: those the reports give or, where a
   * report gives none, those the plan stations in its area (`AreaPlan.machines`), when they can do its
   * dossiers in 24 hours (a day above, warned `day-above-maximum`, counts in no pace). A figure is
   * left out when it is demand-bound: its area's demand less what it reported before that day is
   * below its machines × `plannedDossiersPerMachineDay`, and its dossiers are below that too (a
   * finished district's last days, when its machines wait for people: they say nothing of a
   * machine's speed; a day at the planned pace counts, however little work the plan left). Neither
   * its machine-days nor its dossiers count, in its area or in the areas above it, which add up
   * their other figures. Null without such days.
   */
  observedDossiersPerMachineDay: number | null;
  /** Machines working summed over those days, demand-bound figures left out: the machine-days behind the observed pace. */
  observedMachineDays: number;
  /** The days with such machines (a day whose every figure is demand-bound is not one). */
  observedDays: number;
  /** Dossiers one machine does on an average open day in the input's plan. */
  plannedDossiersPerMachineDay: number;
  /** Weight of the observed pace in this area's own replan pace: 0 as planned, 1 as observed, n ÷ (n + k) blended. */
  observedPaceWeight: number;
  /** Dossiers per machine-day the remaining plan counts for the area (its own pace or its areas'). */
  paceDossiersPerMachineDay: number;
  reporting: ReportingCompleteness;
};

/** Machines of one allocation before and after an alternative. */
export type MachineChange = {
  areaCode: string;
  name: string;
  /** Null when the area had no allocation of its own. */
  machinesBefore: number | null;
  machinesAfter: number;
};

/** Machines taken from a pool that finishes early to one that is late. */
export type MachineMove = { fromAreaCode: string; toAreaCode: string; machines: number };

/**
 * An area whose work is left to a pool short of machines: where the machines a
 * {@link MachinesAlternative} moves or adds must go. It lies just below the pool (the pool itself
 * when it is a leaf with machines of its own), within the areas asked about: the area asked about
 * itself when that lies deeper below the pool (a commune asked about under a province's pool). A
 * pool's machines move within it, so all of its late areas finish on the pool's day.
 */
export type LateArea = {
  areaCode: string;
  name: string;
  /** The area whose pool serves it and gains the machines (a `MachineChange.areaCode`). */
  poolAreaCode: string;
  /** Dossiers left in its leaves that the pool serves (a part with machines of its own is not counted). */
  remainingDossiers: number;
};

/**
 * More machines where the pools are late: first moved from pools that finish early with
 * machines to spare (largest spare to largest shortfall), then new ones. Each late pool gets
 * exactly the machines that finish it by the deadline: one fewer anywhere and it is late.
 */
export type MachinesAlternative = {
  kind: 'machines';
  addedMachines: number;
  movedMachines: number;
  changes: MachineChange[];
  moves: MachineMove[];
  /**
   * The areas with work left in the pools that gain machines, most dossiers left first (ties in
   * the tree's order); an area finished is not one.
   */
  lateAreas: LateArea[];
  sentence: string;
};

/** A longer day: the same opening time, closing later, to the minute. */
export type HoursAlternative = {
  kind: 'hours-per-day';
  hours: { open: string; close: string };
  hoursPerDay: number;
  addedMinutesPerDay: number;
  sentence: string;
};

/** A faster pace in the areas asked about, to the whole dossier per machine-day. */
export type PaceAlternative = {
  kind: 'pace';
  dossiersPerMachineDay: number;
  /** The pace the remaining plan counts now. */
  currentDossiersPerMachineDay: number;
  /**
   * Whether it is more than a machine can do in 24 hours at the modelled service time: the
   * scenario's, before the replan's paces override it (1,440 ÷ its mean minutes per dossier).
   */
  aboveDayMaximum: boolean;
  /** The overrides that set it: one per area asked about, replacing those at or below it. */
  serviceOverrides: ServiceOverride[];
  sentence: string;
};

/** A later deadline: the open day the remaining plan finishes on. */
export type DeadlineAlternative = {
  kind: 'deadline';
  deadline: string;
  slipCalendarDays: number;
  slipOpenDays: number;
  sentence: string;
};

/** An alternative that cannot meet the deadline, and why. */
export type InfeasibleAlternative = {
  kind: 'infeasible';
  alternative: 'machines' | 'hours-per-day' | 'pace' | 'deadline';
  reason: string;
  sentence: string;
};

/** One way to meet the deadline: a union on `kind`. */
export type ReplanAlternative =
  | MachinesAlternative
  | HoursAlternative
  | PaceAlternative
  | DeadlineAlternative
  | InfeasibleAlternative;

/** What must change for the areas asked about to finish by the deadline at the chosen pace. */
export type WhatMustChange = {
  /** The area asked about; null for the whole input. */
  areaCode: string | null;
  deadline: string;
  /** The open day the remaining plan finishes on; null when never (no machines, or beyond ten years). */
  completionDate: string | null;
  /** Each checked by planning with it, in the order machines, hours, pace, deadline. */
  alternatives: ReplanAlternative[];
  /** The alternatives in a planner's words. */
  sentence: string;
};

export type CompareWithActualsOptions = {
  /** First day shown. Default: the campaign start. */
  from?: string;
  /**
   * Last day shown. Default: the last planned day or the last day reported within the campaign,
   * whichever is later (a report after the campaign's last day does not stretch the days shown).
   * The campaign's last day is counted from the reports up to it.
   */
  to?: string;
  /** Pace warning beyond this share of the planned dossiers per machine-day. Default 0.2. */
  paceWarningShare?: number;
};

export type ComparedDay = {
  date: string;
  planned: number;
  cumulativePlanned: number;
  /** Null when nobody in the area reported that day; on a partial day, what the areas that reported did. */
  actual: number | null;
  /** Everything reported in the campaign's days (from its start, to its deadline) up to this day. */
  cumulativeActual: number;
  /** Whether the day's reports cover the whole area, part of it, or none of it. */
  reporting: DayReporting;
  /** Leaves covered by the day's reports (of `PlanComparison.leaves`). */
  reportedLeaves: number;
  /** The plan of the part that reported: `planned` on a complete day, null on a day without reports. */
  plannedOfReported: number | null;
  /** `actual − plannedOfReported`: on a partial day only the areas that reported are compared. */
  variance: number | null;
  /** `cumulativeActual − cumulativePlanned`: what is recorded against the plan, unreported days counting nothing yet. */
  cumulativeVariance: number;
  /** Machines working as the day's reports give them; null when a report counted gives none. */
  machinesWorking: number | null;
  /** `actual ÷ machinesWorking`, of the machines reported only. */
  dossiersPerMachineDay: number | null;
};

export type PlanComparison = {
  areaCode: string;
  from: string;
  to: string;
  demand: number;
  /** Leaves (communes) under the area. */
  leaves: number;
  plannedCompletionDate: string | null;
  days: ComparedDay[];
  totalPlanned: number;
  totalActual: number;
  /**
   * Dossiers per machine-day over the days with machines working: those the reports give or, where
   * a report gives none, those the plan stations in its area (`AreaPlan.machines`), so that on the
   * planned machines it is the forecast's daily rate; a day above what they do in 24 hours, reported
   * or planned (warned `day-above-maximum`), counts in no pace, and neither does a demand-bound
   * figure (its area had less work left at the start of the day than its machines do at
   * `plannedDossiersPerMachineDay`, and its dossiers fell short of that too: see
   * `ReplannedArea.observedDossiersPerMachineDay`). Null without such days (a plan sized without
   * machines, reports without machines in areas sharing a pool above).
   */
  observedDossiersPerMachineDay: number | null;
  /** Machines working summed over the days behind `observedDossiersPerMachineDay`, demand-bound figures left out. */
  observedMachineDays: number;
  /** Dossiers one machine does on an average open day in the plan, at the area's service. */
  plannedDossiersPerMachineDay: number;
  /**
   * Null until at least one complete day with dossiers was reported. From the campaign's days
   * alone: its `remaining` is what is left after them, the dossiers served after the campaign not
   * taken off (a campaign running later than its plan does them on the days the forecast counts).
   */
  forecast: CompletionForecast | null;
  /**
   * Dossiers reported in the area after the campaign's last day (up to `to` when given), each day
   * rolled up as a compared day is: the work of a campaign running later than its plan, or reports
   * on a wrong date, or the areas' work once the campaign's is done. The campaign's last day is
   * `campaignLastDay`. Counted here alone, never in `days`, the totals, the pace or the forecast (a
   * report dated before the start counts nowhere).
   */
  servedAfterCampaign: number;
  /**
   * The campaign's last day as counted (`campaignLastDay`), ISO date: its deadline, or the plan's
   * completion when later, carried on by the days reported late while the campaign's dossiers are
   * not all reported, each at most 14 days after the one before. The same for every area of the
   * input (counted from the reports given, up to `to`).
   */
  campaignLastDay: string;
  /**
   * Figures above a day's maximum in the area or below it, a pace off the plan's, partial days, an
   * area's own total below its teams' reports, more machines reported than planned.
   */
  warnings: ActualsWarning[];
};
