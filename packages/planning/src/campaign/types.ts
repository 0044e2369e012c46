import type { MachineCapacity, ServiceInput } from '../capacity/machine-capacity.ts';
import type { AreaInput, CommuneType } from '../demand/area-tree.ts';
import type { GeoPoint } from '../geo/geo-point.ts';
import type { CalendarInput } from '../time/open-days.ts';
import type { OpeningHours } from '../time/opening-window.ts';

/** Everything a campaign plan is computed from. */
export type CampaignInput = {
  /** Flat list; `parentCode` links the tree (any depth). */
  areas: AreaInput[];
  /** ISO dates, both ends included. */
  calendar: CalendarInput;
  /** Daily window `HH:mm`; a close at or before the open ends after midnight. */
  hours: OpeningHours;
  service: ServiceInput;
  /**
   * Machines available, one entry per area. Given: each figure is a pool that serves its area's
   * subtree (less any descendant with its own figure), and the plan says when it finishes.
   * Absent: the plan says how many machines are needed.
   */
  machines?: MachineAllocation[];
  /**
   * Services that differ from `service` in part of the tree, one entry per area: each holds for
   * its area's subtree, less any descendant with its own entry (the nearest entry up the tree
   * wins). A replan sets them from the pace observed per area. Absent: `service` everywhere.
   */
  serviceOverrides?: ServiceOverride[];
};

/** The service of an area's subtree where it differs from the campaign's. */
export type ServiceOverride = {
  areaCode: string;
  service: ServiceInput;
};

/** Machines given to an area: a pool that serves its subtree, less descendants with their own. */
export type MachineAllocation = {
  areaCode: string;
  /** Whole machines, zero or more. */
  machines: number;
};

/**
 * Where an area stands:
 * - `nothing-to-do`: no demand left;
 * - `no-capacity`: the calendar and window give no open hour before the deadline;
 * - `sized`: no machines given, `machinesNeeded` says how many finish by the deadline;
 * - `on-time` / `late`: machines given, they finish by / after the deadline;
 * - `no-machines`: demand that no machine serves;
 * - `beyond-horizon`: the machines given would need more than ten years.
 */
export type AreaStatus =
  | 'nothing-to-do'
  | 'no-capacity'
  | 'sized'
  | 'on-time'
  | 'late'
  | 'no-machines'
  | 'beyond-horizon';

/**
 * Why an area is late, unserved or without capacity: the code of its `reason` sentence, so a
 * reader can word it in its own language.
 */
export type AreaReasonCode =
  /** Some of its dossiers are in areas that no machine serves. */
  | 'no-machines'
  /** Zero machines are given for an area with demand. */
  | 'zero-machines'
  /** The daily window is open zero hours. */
  | 'zero-hour-window'
  /** The deadline is before the start. */
  | 'deadline-before-start'
  /** No day from the start to the deadline is open. */
  | 'no-open-days'
  /** The machines given would need more than the ten-year horizon (`machinesNeeded` finish on time). */
  | 'beyond-horizon'
  /**
   * The machines given finish after the deadline: on `completionDate`, `daysNeeded − openDays`
   * open days late; `machinesNeeded` finish on time (null when no day is open to the deadline).
   */
  | 'late';

/** The plan of one area (leaf or parent). Integers roll up exactly: a parent's is the sum of its children's. */
export type AreaPlan = {
  code: string;
  name: string;
  parentCode: string | null;
  level: string | null;
  depth: number;
  isLeaf: boolean;
  /** The area's location as given; null when none was. */
  location: GeoPoint | null;
  /** Land area in km², as given; null when none was. */
  areaKm2: number | null;
  /** Share of the residents living in urban areas (0–1), as given; null when none was. */
  urbanShare: number | null;
  /** The commune's type, as given; null when none was. */
  communeType: CommuneType | null;
  /** Sums of the leaves below (or the leaf's own figures). */
  population: number;
  eligible: number;
  alreadyServed: number;
  demand: number;
  /** Open days from start to deadline (the same for every area). */
  openDays: number;
  /**
   * Dossiers one machine does on an average open day of the period, at the area's service (a
   * parent whose areas differ in service: its demand over its machine-days).
   */
  dailyCapacityPerMachine: number;
  /** Days of one machine's work the demand takes (a parent's is the sum of its children's). */
  machineDays: number | null;
  /** Fewest machines that finish this area's demand by the deadline when they may move within the area. Not additive. */
  machinesNeeded: number | null;
  /** Machines needed if every leaf had its own fixed site: a leaf's `machinesNeeded`, summed up the tree. */
  machinesNeededAtSites: number | null;
  /** Dossiers a day to finish by the deadline: `ceil(demand / openDays)` on a leaf, summed up the tree. */
  dailyTarget: number | null;
  /** `dailyTarget` over the machines given or, without them, needed. */
  dailyTargetPerMachine: number | null;
  /** Whole machines stationed here (given, or this area's share of a pool above); null when it shares its parent's. */
  machines: number | null;
  /** Code of the area whose pool serves this one (itself when its own figure was given); null when none does. */
  servedBy: string | null;
  /** Open days from the start until the last dossier is done (machines given). */
  daysNeeded: number | null;
  /** The open day on which the last dossier is done, after the deadline when late; null when never or nothing to do. */
  completionDate: string | null;
  /** Machines given: whether they finish by the deadline; null without machines. */
  meetsDeadline: boolean | null;
  status: AreaStatus;
  /** Why an area is late, unserved or without capacity, in words (English); null otherwise. */
  reason: string | null;
  /** The code of `reason`; null when it is. */
  reasonCode: AreaReasonCode | null;
};

/** The figures of the whole input (all roots summed). */
export type CampaignTotals = Omit<
  AreaPlan,
  | 'code'
  | 'name'
  | 'parentCode'
  | 'level'
  | 'depth'
  | 'isLeaf'
  | 'location'
  | 'areaKm2'
  | 'urbanShare'
  | 'communeType'
  | 'servedBy'
> & {
  areaCount: number;
  leafCount: number;
};

/** One assumption the plan rests on, given or defaulted. */
export type Assumption = {
  key: string;
  value: string | number | boolean;
  source: 'given' | 'default' | 'derived';
  note: string;
};

/** Something in the input worth a second look that did not stop the plan. */
export type PlanWarning = { path: string; message: string };

/** Why a plan cannot be met as asked. */
export type Infeasibility = {
  code: AreaStatus | 'deadline-before-start' | 'zero-hour-window';
  message: string;
  areaCode?: string;
};

export type CampaignPlan = {
  /** `sizing` without machines (how many are needed), `completion` with machines (when they finish). */
  mode: 'sizing' | 'completion';
  /** Sizing: some capacity exists. Completion: every area with demand is served and finishes by the deadline. */
  feasible: boolean;
  infeasibilities: Infeasibility[];
  period: {
    start: string;
    deadline: string;
    timeZone: string;
    openDays: number;
    openHours: number;
    firstOpenDate: string | null;
    lastOpenDate: string | null;
  };
  /** The campaign's `service` (areas with a service override differ: see their rows). */
  capacity: MachineCapacity & { hoursPerDay: number; dailyCapacityPerMachine: number };
  /** One row per area, parents before children, siblings in input order. */
  areas: AreaPlan[];
  totals: CampaignTotals;
  /** The latest completion over all areas (machines given). */
  completionDate: string | null;
  assumptions: Assumption[];
  warnings: PlanWarning[];
};

/** One open day of an area's plan: dossiers planned that day and up to it. */
export type PlannedDay = { date: string; planned: number; cumulativePlanned: number };

export type SolveForUnknown = 'machines' | 'days' | 'hoursPerDay' | 'minutesPerDossier';

/** The answer of `trySolveFor`: the value, or why there is none. */
export type SolveForResult =
  | { feasible: true; unknown: SolveForUnknown; value: number; step: number; unit: string }
  | { feasible: false; unknown: SolveForUnknown; reason: string; detail: string };
