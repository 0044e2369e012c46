import { capacityOf, type PreparedCampaign } from '../../campaign/_internal/prepare-campaign.ts';
import type { AreaPlan } from '../../campaign/types.ts';
import type { DayRollUp } from './roll-up.ts';

/**
 * What the observed pace counts a figure on, per node index (see `rollUpDay`): the machines the plan
 * stations in its area for one that gives none, the service its machines' 24 hours are reckoned at,
 * and the area's demand and planned pace that tell a demand-bound day ({@link demandBound}).
 */
export type PaceBasis = {
  /** Machines the plan stations in the area; null where none of its own. */
  machines: readonly (number | null)[];
  /** The mean minutes per dossier of the area's service, that its figure's 24 hours are reckoned at. */
  meanMinutesPerDossier: Float64Array;
  /** The area's demand in the plan, dossiers (`AreaPlan.demand`). */
  demandDossiers: Float64Array;
  /** Dossiers one machine does on an average open day of the plan (`AreaPlan.dailyCapacityPerMachine`). */
  plannedDossiersPerMachineDay: Float64Array;
};

/**
 * "A figure that gives no machines working was worked on the machines the plan stations in its
 * area": those given there or its share of a pool above (`AreaPlan.machines`). None for an area
 * that shares its parent's pool (its share is not known), nor in a plan sized without machines.
 * With each area's demand and planned pace, for {@link demandBound}.
 */
export function paceBasisByNode(prep: PreparedCampaign, rows: readonly AreaPlan[]): PaceBasis {
  const n = rows.length;
  const meanMinutesPerDossier = new Float64Array(n);
  const demandDossiers = new Float64Array(n);
  const plannedDossiersPerMachineDay = new Float64Array(n);
  for (let index = 0; index < n; index++) {
    const row = rows[index] as AreaPlan;
    meanMinutesPerDossier[index] = capacityOf(prep, index).meanMinutesPerDossier;
    demandDossiers[index] = row.demand;
    plannedDossiersPerMachineDay[index] = row.dailyCapacityPerMachine;
  }
  return {
    machines: rows.map((row) => (prep.machines === null ? null : row.machines)),
    meanMinutesPerDossier,
    demandDossiers,
    plannedDossiersPerMachineDay,
  };
}

/** The observed pace added up day by day, per node index, and what each area reported before the next day. */
export type PaceTally = {
  basis: PaceBasis;
  /**
   * Dossiers reported in the area on the days tallied so far (its figure: its own total winning
   * over its children's): what it had served at the start of the next day.
   */
  reportedBefore: Float64Array;
  /** Machines counted in the pace, summed over the days tallied: the machine-days behind it. */
  machineDays: Float64Array;
  /** Dossiers done on those machines. */
  dossiers: Float64Array;
  /** Days with machines counted. */
  days: Int32Array;
};

export function createPaceTally(basis: PaceBasis, nodes: number): PaceTally {
  return {
    basis,
    reportedBefore: new Float64Array(nodes),
    machineDays: new Float64Array(nodes),
    dossiers: new Float64Array(nodes),
    days: new Int32Array(nodes),
  };
}

/** Clears what `tally` added up for the nodes `indices`, so that it tallies another area afresh. */
export function clearPaceTally(tally: PaceTally, indices: Iterable<number>): void {
  for (const index of indices) {
    tally.reportedBefore[index] = 0;
    tally.machineDays[index] = 0;
    tally.dossiers[index] = 0;
    tally.days[index] = 0;
  }
}

/**
 * "A day says something about machine speed only when the area had more work left than its
 * machines do at the planned pace": a figure is demand-bound, and counts in no pace (neither its
 * machine-days, nor its dossiers, nor as a day, in its area or any above it), when the area's
 * demand less what it reported before that day is below `machines × planned dossiers per
 * machine-day` and its `dossiers` fell short of that too. Its machines waited for people rather
 * than worked flat out, as in a finished district's last weeks, and would read as slow machines. A
 * day at the planned pace or above did not wait for people, however little work the plan left:
 * where more people come than the plan's demand (turnout above it), such days still count.
 */
export function demandBound(tally: PaceTally, index: number, machines: number, dossiers: number): boolean {
  const { demandDossiers, plannedDossiersPerMachineDay } = tally.basis;
  const atPlannedPace = machines * (plannedDossiersPerMachineDay[index] as number);
  const left = (demandDossiers[index] as number) - (tally.reportedBefore[index] as number);
  return left < atPlannedPace && dossiers < atPlannedPace;
}

/**
 * Adds one day rolled up over `order` (`rollUpDay` with `tally`) to it: each area reported adds its
 * machines and dossiers counted in the pace when `counts` (the day is among those compared), and
 * its figure, always, to what it reported before the next day.
 */
export function tallyPaceDay(
  order: readonly number[],
  roll: DayRollUp,
  tally: PaceTally,
  counts: boolean,
): void {
  const { reportedBefore, machineDays, dossiers, days } = tally;
  for (const index of order) {
    if (roll.reported[index] === 0) continue;
    reportedBefore[index] = (reportedBefore[index] as number) + (roll.dossiers[index] as number);
    const machines = roll.paceMachines[index] as number;
    // NaN (a figure its machines cannot have done) is no day either.
    if (!counts || !(machines > 0)) continue;
    machineDays[index] = (machineDays[index] as number) + machines;
    dossiers[index] = (dossiers[index] as number) + (roll.paceDossiers[index] as number);
    days[index] = (days[index] as number) + 1;
  }
}
