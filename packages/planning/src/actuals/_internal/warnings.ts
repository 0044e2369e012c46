import type { AreaNode } from '../../demand/area-tree.ts';
import type {
  DayAboveMaximumWarning,
  MachinesAbovePlannedWarning,
  PaceDiffersWarning,
  PartialDayWarning,
  TotalBelowTeamReportsWarning,
} from '../types.ts';
import { aboveTwentyFourHours, dossiersIn24Hours } from './twenty-four-hours.ts';

/** Missing areas named in a message before the rest are counted. */
const NAMED_IN_MESSAGE = 5;

const label = (node: AreaNode) => `${node.name} (${node.code})`;
const round = (x: number) => Math.round(x);

/**
 * "A day's figure is within what its machines can do in 24 hours at the modelled service time."
 * The machines are those reported with the figure or, when the report gives none, those the plan
 * stations in the area; the time is the mean minutes per dossier with hard cases, with no
 * breakdown, so only a figure no machine could reach is flagged.
 */
export function dayAboveMaximum(
  node: AreaNode,
  date: string,
  figure: { dossiers: number; machines: number | null },
  plannedMachines: number | null,
  meanMinutesPerDossier: number,
): DayAboveMaximumWarning | null {
  const machines = figure.machines ?? plannedMachines;
  if (machines === null || !aboveTwentyFourHours(figure.dossiers, machines, meanMinutesPerDossier))
    return null;
  const maximumDossiers = Math.floor(dossiersIn24Hours(machines, meanMinutesPerDossier));
  const machinesFrom = figure.machines === null ? 'planned' : 'reported';
  const each = machines > 0 ? `, ${Math.round((figure.dossiers / machines) * 10) / 10} each` : '';
  return {
    kind: 'day-above-maximum',
    areaCode: node.code,
    date,
    dossiers: figure.dossiers,
    machines,
    machinesFrom,
    maximumDossiers,
    message: `${label(node)} reported ${figure.dossiers} dossiers on ${date} on its ${machines} ${machinesFrom} machine${machines === 1 ? '' : 's'}${each}: more than ${machines === 1 ? 'it' : 'they'} can do in 24 hours at ${round(meanMinutesPerDossier * 100) / 100} minutes a dossier (${maximumDossiers})`,
  };
}

/**
 * "An area's observed dossiers per machine-day are within the margin of the plan's." Both are
 * per open day of the window; the observed pace counts the days with machines working, those
 * reported or, where a report gives none, those the plan stations in its area.
 */
export function paceDiffers(
  node: AreaNode,
  observedDossiersPerMachineDay: number,
  plannedDossiersPerMachineDay: number,
  observedDays: number,
  marginShare: number,
): PaceDiffersWarning | null {
  if (plannedDossiersPerMachineDay <= 0) return null;
  const differenceShare =
    (observedDossiersPerMachineDay - plannedDossiersPerMachineDay) / plannedDossiersPerMachineDay;
  if (Math.abs(differenceShare) <= marginShare) return null;
  const percent = Math.round(Math.abs(differenceShare) * 100);
  return {
    kind: 'pace-differs',
    areaCode: node.code,
    observedDossiersPerMachineDay,
    plannedDossiersPerMachineDay,
    differenceShare,
    marginShare,
    observedDays,
    message: `${label(node)} did ${round(observedDossiersPerMachineDay)} dossiers per machine-day over ${observedDays} day${observedDays === 1 ? '' : 's'} with machines reported or planned, ${percent} % ${differenceShare > 0 ? 'above' : 'below'} the ${round(plannedDossiersPerMachineDay)} planned (margin ${Math.round(marginShare * 100)} %)`,
  };
}

/**
 * "A day's figure covers every area below it." When it does not, the figure is what the areas
 * that reported did: it is compared with their part of the plan, never read as zero for the others.
 */
export function partialDay(
  node: AreaNode,
  date: string,
  leavesReported: number,
  leaves: number,
  missing: readonly AreaNode[],
): PartialDayWarning | null {
  if (leavesReported === 0 || leavesReported >= leaves) return null;
  const named = missing.slice(0, NAMED_IN_MESSAGE).map(label).join(', ');
  const more = missing.length > NAMED_IN_MESSAGE ? ` and ${missing.length - NAMED_IN_MESSAGE} more` : '';
  return {
    kind: 'partial-day',
    areaCode: node.code,
    date,
    leavesReported,
    leaves,
    missingAreaCodes: missing.map((child) => child.code),
    message: `${label(node)} on ${date}: partial, ${leavesReported} of ${leaves} leaf areas covered by reports; nothing yet from ${named}${more}. Its figure and variance count the areas that reported only`,
  };
}

/**
 * "An area's own total for a day is at least what its teams reported there that day." The total
 * wins over its teams' reports (it is the area's figure for the day), so a total below them sets
 * aside dossiers the teams say they took: one of the figures is wrong, or the total is of part of
 * the area.
 */
export function totalBelowTeamReports(
  node: AreaNode,
  date: string,
  totalDossiers: number,
  teamDossiers: number,
  teamReports: number,
): TotalBelowTeamReportsWarning | null {
  if (teamReports === 0 || totalDossiers >= teamDossiers) return null;
  const teams =
    teamReports === 1
      ? `its team's report of ${teamDossiers} dossiers is set aside`
      : `its ${teamReports} team reports, ${teamDossiers} dossiers together, are set aside`;
  return {
    kind: 'total-below-team-reports',
    areaCode: node.code,
    date,
    totalDossiers,
    teamDossiers,
    teamReports,
    message: `${label(node)} on ${date}: its own total of ${totalDossiers} dossiers is counted and ${teams} (an area's own total wins over its teams' reports): check the total and the teams' figures`,
  };
}

/**
 * "The machines reported working in an area on a day, added up over the reports counted for it,
 * are no more than the plan stations there." More is a machine counted in several reports (one
 * machine for several communes, each giving it), or machines added beyond the plan. Warned, and
 * still counted in the pace: unlike a day above its 24 hours, it can be true.
 */
export function machinesAbovePlanned(
  node: AreaNode,
  date: string,
  machinesReported: number,
  machinesPlanned: number,
): MachinesAbovePlannedWarning | null {
  if (machinesReported <= machinesPlanned) return null;
  return {
    kind: 'machines-above-planned',
    areaCode: node.code,
    date,
    machinesReported,
    machinesPlanned,
    message: `${label(node)} reported ${machinesReported} machines working on ${date}, more than the ${machinesPlanned} the plan stations there: a machine counted in several reports, or machines added beyond the plan? The pace counts the ${machinesReported} reported`,
  };
}
