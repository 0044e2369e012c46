import { allRead, attempt } from '../../_internal/problems.ts';
import { requireArray, requireNumber, requireRecord, requireString } from '../../_internal/validate.ts';
import { type MachineCapacity, machineCapacity } from '../../capacity/machine-capacity.ts';
import { type AreaNode, type AreaTree, buildAreaTree } from '../../demand/area-tree.ts';
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
  /** Capacity of each service override by the node index of its area; null when the input gives none. */
  overrides: Map<number, MachineCapacity> | null;
  /** Node index of the override that holds for each node (the nearest up the tree), or -1 for `capacity`. */
  serviceOf: Int32Array;
  /**
   * Demand in dossiers at the campaign's service: a leaf served at another speed counts its demand
   * × the campaign's dossiers per machine-hour ÷ its own; parents sum their children. Equal to the
   * demand, exactly, without overrides.
   */
  workload: Float64Array;
  /** Open days from start to deadline. */
  period: OpenDay[];
  periodHours: number;
  given: { timeZone: boolean; serviceCv: boolean; availability: boolean; hardCases: boolean };
};

/**
 * Machines given per node index, from the list of allocations; an area listed twice is refused.
 * Every entry's area and count are judged, each refused one put into `problems`; with no `tree`
 * (its areas refused), an area code is judged as a code only.
 */
function readMachines(
  value: unknown,
  tree: AreaTree | undefined,
  at: string,
  problems: PlanningInputError[],
): Map<number, number> | null {
  if (value === undefined || value === null) return null;
  const machines = new Map<number, number>();
  const listed = new Set<number>();
  attempt(() => requireArray(value, at), problems)?.forEach((item, i) => {
    const path = `${at}[${i}]`;
    const allocation = attempt(() => requireRecord(item, path), problems);
    if (allocation === undefined) return;
    const index = attempt(
      () => requireAreaCode(allocation.areaCode, `${path}.areaCode`, tree, listed),
      problems,
    );
    const count = attempt(
      () => requireNumber(allocation.machines, `${path}.machines`, { min: 0, integer: true }),
      problems,
    );
    // Listed, whatever its count: a second entry for the area is refused all the same.
    if (index !== undefined) listed.add(index);
    if (index !== undefined && count !== undefined) machines.set(index, count);
  });
  return machines;
}

/**
 * Capacity per node index of the overrides given, each checked like `service`; an area listed
 * twice is refused. Every entry's area and service are judged, as {@link readMachines} does.
 */
function readOverrides(
  value: unknown,
  tree: AreaTree | undefined,
  at: string,
  problems: PlanningInputError[],
): Map<number, MachineCapacity> | null {
  if (value === undefined || value === null) return null;
  const overrides = new Map<number, MachineCapacity>();
  const listed = new Set<number>();
  attempt(() => requireArray(value, at), problems)?.forEach((item, i) => {
    const path = `${at}[${i}]`;
    const override = attempt(() => requireRecord(item, path), problems);
    if (override === undefined) return;
    const index = attempt(
      () => requireAreaCode(override.areaCode, `${path}.areaCode`, tree, listed),
      problems,
    );
    const capacity = attempt(() => machineCapacity(override.service, `${path}.service`), problems);
    if (index !== undefined) listed.add(index);
    if (index !== undefined && capacity !== undefined) overrides.set(index, capacity);
  });
  return overrides;
}

/**
 * The node index of an allocation's or override's area, refusing unknown codes and a second entry
 * for one area; undefined, the code judged as a code only, when the tree is not known.
 */
function requireAreaCode(
  value: unknown,
  path: string,
  tree: AreaTree | undefined,
  listed: ReadonlySet<number>,
): number | undefined {
  const code = requireString(value, path);
  if (tree === undefined) return undefined;
  const index = tree.byCode.get(code);
  if (index === undefined) {
    throw new PlanningInputError({
      path,
      code: 'unknown-reference',
      expected: 'the code of an area in the list',
      received: code,
    });
  }
  if (listed.has(index)) {
    throw new PlanningInputError({
      path,
      code: 'duplicate',
      expected: 'an area code listed once',
      received: code,
    });
  }
  return index;
}

/** The override holding for each node, and the demand as dossiers at the campaign's service. */
function workloadOf(
  tree: AreaTree,
  demand: readonly AreaDemand[],
  capacity: MachineCapacity,
  overrides: ReadonlyMap<number, MachineCapacity> | null,
): { serviceOf: Int32Array; workload: Float64Array } {
  const n = tree.nodes.length;
  const serviceOf = new Int32Array(n).fill(-1);
  const workload = new Float64Array(n);
  for (const index of tree.order) {
    const parent = (tree.nodes[index] as AreaNode).parent;
    serviceOf[index] = overrides?.has(index) ? index : parent >= 0 ? (serviceOf[parent] as number) : -1;
  }
  for (let k = tree.order.length - 1; k >= 0; k--) {
    const index = tree.order[k] as number;
    const node = tree.nodes[index] as AreaNode;
    if (node.children.length === 0) {
      const d = demand[index]?.demand ?? 0;
      const own = overrides?.get(serviceOf[index] as number);
      workload[index] = own ? (d * capacity.dossiersPerMachineHour) / own.dossiersPerMachineHour : d;
      continue;
    }
    let sum = 0;
    for (const child of node.children) sum += workload[child] as number;
    workload[index] = sum;
  }
  return { serviceOf, workload };
}

/** The capacity that serves a node: its override's, or the campaign's. */
export function capacityOf(prep: PreparedCampaign, index: number): MachineCapacity {
  return prep.overrides?.get(prep.serviceOf[index] as number) ?? prep.capacity;
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
 * `input.areas[3].population`), else from the input's own fields (`areas[3].population`). Every
 * part is read, so that one `MalformedInputError` names every malformed figure in the order of the
 * input: the areas' (every one, area by area), then the calendar's, the hours', the service's, the
 * machines' and the overrides'.
 */
export function prepareCampaign(input: unknown, path?: string): PreparedCampaign {
  const problems: PlanningInputError[] = [];
  const { record } = allRead(
    { record: attempt(() => requireRecord(input, path ?? 'input'), problems) },
    problems,
  );
  const under = (field: string): string => (path === undefined ? field : `${path}.${field}`);
  // In the order of the input's fields, so that the refusals come in the order a planner reads them.
  const parts = {
    tree: attempt(() => buildAreaTree(record.areas, under('areas')), problems),
    calendar: attempt(() => resolveCalendar(record.calendar, under('calendar')), problems),
    window: attempt(() => resolveOpeningWindow(record.hours, under('hours')), problems),
    capacity: attempt(() => machineCapacity(record.service, under('service')), problems),
  };
  const machines = readMachines(record.machines, parts.tree, under('machines'), problems);
  const overrides = readOverrides(record.serviceOverrides, parts.tree, under('serviceOverrides'), problems);
  const { tree, calendar, window, capacity } = allRead(parts, problems);
  const { demand, defaultsUsed } = computeDemand(tree);
  const { serviceOf, workload } = workloadOf(tree, demand, capacity, overrides);
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
    overrides,
    serviceOf,
    workload,
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
