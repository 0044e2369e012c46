import { requireArray, requireNumber, requireRecord, requireString } from '../../_internal/validate.ts';
import { type MachineCapacity, machineCapacity } from '../../capacity/machine-capacity.ts';
import { type AreaTree, buildAreaTree } from '../../demand/area-tree.ts';
import { type AreaDemand, computeDemand, type DemandDefaultsUsed } from '../../demand/compute-demand.ts';
import { PlanningInputError } from '../../errors/planning-input-error.ts';
import { listOpenDays, type OpenDay, type ResolvedCalendar, resolveCalendar } from '../../time/open-days.ts';
import { type OpeningWindow, resolveOpeningWindow } from '../../time/opening-window.ts';

/** A campaign input checked once and read into the shapes every campaign function walks. */
export type PreparedCampaign = {
  tree: AreaTree;
  demand: AreaDemand[];
  defaultsUsed: DemandDefaultsUsed;
  calendar: ResolvedCalendar;
  window: OpeningWindow;
  capacity: MachineCapacity;
  /** Machines given per node index; null when the input gives none. */
  machines: Map<number, number> | null;
  /** Open days from start to deadline. */
  period: OpenDay[];
  periodHours: number;
  given: { timeZone: boolean; serviceCv: boolean; availability: boolean; hardCases: boolean };
};

/** Machines given per node index, from the list of allocations; an area listed twice is refused. */
function readMachines(value: unknown, tree: AreaTree, at: string): Map<number, number> | null {
  if (value === undefined || value === null) return null;
  const machines = new Map<number, number>();
  requireArray(value, at).forEach((item, i) => {
    const path = `${at}[${i}]`;
    const allocation = requireRecord(item, path);
    const code = requireString(allocation.areaCode, `${path}.areaCode`);
    const index = tree.byCode.get(code);
    if (index === undefined) {
      throw new PlanningInputError({
        path: `${path}.areaCode`,
        code: 'unknown-reference',
        expected: 'the code of an area in the list',
        received: code,
      });
    }
    if (machines.has(index)) {
      throw new PlanningInputError({
        path: `${path}.areaCode`,
        code: 'duplicate',
        expected: 'an area code listed once',
        received: code,
      });
    }
    machines.set(index, requireNumber(allocation.machines, `${path}.machines`, { min: 0, integer: true }));
  });
  return machines;
}

/** The node index of `areaCode` in a prepared campaign, or a PlanningInputError naming `path`. */
export function requireAreaIndex(prep: PreparedCampaign, areaCode: unknown, path = 'areaCode'): number {
  const code = requireString(areaCode, path);
  const area = prep.tree.byCode.get(code);
  if (area === undefined) {
    throw new PlanningInputError({
      path,
      code: 'unknown-reference',
      expected: 'the code of an area in the plan',
      received: code,
    });
  }
  return area;
}

/**
 * Checks a campaign input once; refusals name fields under `path` when given (`input` →
 * `input.areas[3].population`), else from the input's own fields (`areas[3].population`).
 */
export function prepareCampaign(input: unknown, path?: string): PreparedCampaign {
  const record = requireRecord(input, path ?? 'input');
  const under = (field: string): string => (path === undefined ? field : `${path}.${field}`);
  const tree = buildAreaTree(record.areas, under('areas'));
  const { demand, defaultsUsed } = computeDemand(tree);
  const calendar = resolveCalendar(record.calendar, under('calendar'));
  const window = resolveOpeningWindow(record.hours, under('hours'));
  const capacity = machineCapacity(record.service, under('service'));
  const machines = readMachines(record.machines, tree, under('machines'));
  const period = listOpenDays(calendar, window);
  const service = record.service as Record<string, unknown>;
  return {
    tree,
    demand,
    defaultsUsed,
    calendar,
    window,
    capacity,
    machines,
    period,
    periodHours: period.reduce((sum, day) => sum + day.hours, 0),
    given: {
      timeZone: (record.calendar as Record<string, unknown>).timeZone !== undefined,
      serviceCv: service.serviceCv !== undefined,
      availability: service.availability !== undefined,
      hardCases: service.hardCaseShare !== undefined,
    },
  };
}

/** Tolerance for float noise when a ratio that should be whole is compared or rounded up. */
export const RELATIVE_EPSILON = 1e-9;

/** `ceil`, forgiving the float noise of a ratio that is whole in exact arithmetic. */
export function ceilTolerant(x: number): number {
  return Math.ceil(x - RELATIVE_EPSILON * Math.max(1, Math.abs(x)));
}
