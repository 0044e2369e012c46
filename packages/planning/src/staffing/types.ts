import type { ServiceInput } from '../capacity/machine-capacity.ts';
import type { QueueTarget } from '../queueing/_internal/target.ts';
import type { OpeningHours } from '../time/opening-window.ts';
import type { ArrivalProfileInput } from './arrival-profiles.ts';

/**
 * Who comes to a site and when: either `dailyVisitors` spread over the opening `hours` by a
 * `profile`, or `arrivalsPerHour` given per clock hour. Give one of the two.
 */
export type SiteArrivals = {
  /** People expected in the day (a plan's daily target, or the site's own count). Needs `hours`. */
  dailyVisitors?: number | null;
  /**
   * When they come: a preset or 24 weights per clock hour. Default `'mixed'`. Visitors whose
   * preferred hour is closed come at an open hour in the same proportions. With `dailyVisitors` only.
   */
  profile?: ArrivalProfileInput | null;
  /**
   * Poisson arrival rate in each clock hour the site is open, the first for the hour it opens in
   * (07:30–08:00 for an opening at 07:30, a rate per hour over that half hour). Without `hours`,
   * whole hours from 00:00.
   */
  arrivalsPerHour?: readonly number[] | null;
  /** Opening window, `HH:mm`; may pass midnight (`05:00`–`02:00`). */
  hours?: OpeningHours | null;
};

/**
 * How fast a machine serves: the campaign's `service` (breakdowns and hard cases folded in by
 * `machineCapacity`), or the queue's own `serviceMinutes` and `serviceCv`. Give one of the two.
 */
export type StaffingService = {
  service?: ServiceInput | null;
  /** Mean minutes a machine takes per dossier. */
  serviceMinutes?: number | null;
  /** Coefficient of variation of the service time. Default 1 (exponential). */
  serviceCv?: number | null;
};

/** Which wait figures each hour reports besides the mean. */
export type WaitFigureOptions = {
  /** `shareWaitingLonger` counts waits longer than this. Default the target's `serviceLevel.withinMinutes`, else 30. */
  withinMinutes?: number | null;
  /** `waitPercentileMinutes` is the wait this share of arrivals do not exceed, in (0, 1). Default 0.9. */
  percentile?: number | null;
};

/** A given schedule at a site: machines open in each hour. */
export type EvaluateStaffingInput = SiteArrivals &
  StaffingService &
  WaitFigureOptions & {
    /** Machines open in each clock hour of the day, or one count for all. */
    machinesOpen: number | readonly number[];
    /** When given, each hour says whether it meets it. */
    target?: QueueTarget | null;
  };

/** A site's day to staff: who comes, how fast machines serve, and what waiting is acceptable. */
export type HourlyStaffingOptions = SiteArrivals &
  StaffingService &
  WaitFigureOptions & {
    target: QueueTarget;
    /** Machines the site has; hours that would need more run with these. Default 10,000. */
    machinesAvailable?: number | null;
    /** Machines kept open in every hour, even a quiet one. Default 1. */
    minMachinesOpen?: number | null;
  };

/** One clock hour of a site's day (the first and last may be partial: 07:30–08:00). */
export type StaffedHour = {
  start: string;
  end: string;
  /** Expected arrivals in the hour, and the rate they come at. */
  arrivals: number;
  arrivalsPerHour: number;
  machinesOpen: number;
  /** Expected busy share of the open machines' time. */
  utilization: number;
  /** Expected people waiting (not in service) just after the hour's machines took over, and at its end. */
  queueAtStart: number;
  queueAtEnd: number;
  /** Mean wait of the people who arrive in this hour, however long it lasts. */
  meanWaitMinutes: number;
  /** Share of them who wait longer than `withinMinutes`. */
  shareWaitingLonger: number;
  /** The wait that a share `percentile` of them do not exceed. */
  waitPercentileMinutes: number;
  /** Null when no target was given. */
  meetsTarget: boolean | null;
};

/** What a site's day looks like under the queueing model. */
export type StaffingEvaluation = {
  open: string;
  close: string;
  hours: StaffedHour[];
  /** Expected arrivals over the day. */
  arrivals: number;
  /** Mean wait over every arrival of the day. */
  meanWaitMinutes: number;
  /** Share of the day's arrivals waiting longer than `withinMinutes`. */
  shareWaitingLonger: number;
  worstMeanWaitMinutes: number;
  worstWaitPercentileMinutes: number;
  /** Expected people still waiting at closing time; the last hour's machines serve them. */
  waitingAtClose: number;
  /** Expected minutes after closing until the last of them starts. */
  minutesToClearAfterClose: number;
  machineHours: number;
  peakMachines: number;
  /** Every hour meets the target; null when no target was given. */
  meetsTarget: boolean | null;
  withinMinutes: number;
  percentile: number;
  /** Probability mass the numerical solution dropped: a bound on the error of every probability it gives. */
  truncationError: number;
  assumptions: string[];
};

/** An hour of a plan: the machines it needs and those it opens. */
export type StaffingHour = StaffedHour & {
  /** Fewest machines meeting the target for this hour's arrivals, with the queue carried in. */
  machinesNeeded: number;
  meetsTarget: boolean;
};

export type HourlyStaffingPlan = Omit<StaffingEvaluation, 'hours' | 'meetsTarget'> & {
  hours: StaffingHour[];
  meetsTarget: boolean;
};
