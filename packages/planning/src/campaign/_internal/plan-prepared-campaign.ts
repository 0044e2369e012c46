import type { AreaNode } from '../../demand/area-tree.ts';
import type { AreaDemand } from '../../demand/compute-demand.ts';
import { DEFAULT_HORIZON_DAYS } from '../../time/_internal/horizon.ts';
import { formatTimeOfDay } from '../../time/parse-time-of-day.ts';
import type {
  AreaPlan,
  AreaReasonCode,
  AreaStatus,
  Assumption,
  CampaignPlan,
  CampaignTotals,
  Infeasibility,
  PlanWarning,
} from '../types.ts';
import { planPools } from './pools.ts';
import { capacityOf, ceilTolerant, type PreparedCampaign } from './prepare-campaign.ts';

type Progress = {
  /** Demand under the area that no pool serves. */
  unserved: number;
  /** Largest open-day count of the pools serving the area (0 when nothing to do). */
  daysNeeded: number;
  /** Whether a pool serving the area has no machine at all. */
  emptyPool: boolean;
};

/** Adds the progress of one part of an area (a child, or a root for the totals) into `into`. */
function addProgress(into: Progress, part: Progress): void {
  into.unserved += part.unserved;
  into.daysNeeded = Math.max(into.daysNeeded, part.daysNeeded);
  into.emptyPool ||= part.emptyPool;
}

/** Open days until the area's last dossier is done; null when some are unserved or never done. */
function finishedIn(progress: Progress | null): number | null {
  return progress && progress.unserved === 0 && !progress.emptyPool && Number.isFinite(progress.daysNeeded)
    ? progress.daysNeeded
    : null;
}

type Reason = { reasonCode: AreaReasonCode; reason: string };
type Verdict = { status: AreaStatus; meetsDeadline: boolean | null } & (
  | Reason
  | { reasonCode: null; reason: null }
);

const NO_REASON = { reasonCode: null, reason: null } as const;

/** Why no hour is open before the deadline: a window of zero hours, or no open day in the period. */
function noCapacityReason(prep: PreparedCampaign): Reason {
  if (prep.window.nominalHours === 0) {
    return {
      reasonCode: 'zero-hour-window',
      reason: `the window ${formatTimeOfDay(prep.window.openMinute)}–${formatTimeOfDay(prep.window.closeMinute)} is open zero hours (write round the clock as 00:00–24:00)`,
    };
  }
  const start = prep.calendar.start.toISODate();
  const deadline = prep.calendar.deadline.toISODate();
  if (prep.calendar.deadline < prep.calendar.start) {
    return {
      reasonCode: 'deadline-before-start',
      reason: `the deadline ${deadline} is before the start ${start}`,
    };
  }
  return { reasonCode: 'no-open-days', reason: `no day from ${start} to ${deadline} is open` };
}

function judge(
  prep: PreparedCampaign,
  demand: number,
  progress: Progress | null,
  needed: number | null,
  completionDate: string | null,
): Verdict {
  if (demand === 0) return { status: 'nothing-to-do', ...NO_REASON, meetsDeadline: progress ? true : null };
  if (progress === null) {
    if (prep.periodHours === 0)
      return { status: 'no-capacity', ...noCapacityReason(prep), meetsDeadline: null };
    return { status: 'sized', ...NO_REASON, meetsDeadline: null };
  }
  if (progress.unserved > 0) {
    return {
      status: 'no-machines',
      reasonCode: 'no-machines',
      reason: `${progress.unserved} dossiers are in areas that no machine serves: give machines for them or for an area above them`,
      meetsDeadline: false,
    };
  }
  if (progress.emptyPool) {
    return {
      status: 'no-machines',
      reasonCode: 'zero-machines',
      reason: 'zero machines are given for an area with demand',
      meetsDeadline: false,
    };
  }
  if (prep.window.nominalHours === 0)
    return { status: 'no-capacity', ...noCapacityReason(prep), meetsDeadline: false };
  if (!Number.isFinite(progress.daysNeeded)) {
    return {
      status: 'beyond-horizon',
      reasonCode: 'beyond-horizon',
      reason: `the machines given would need more than ${DEFAULT_HORIZON_DAYS} calendar days${needed === null ? '' : `; ${needed} machines finish by the deadline`}`,
      meetsDeadline: false,
    };
  }
  if (progress.daysNeeded <= prep.period.length)
    return { status: 'on-time', ...NO_REASON, meetsDeadline: true };
  const late = progress.daysNeeded - prep.period.length;
  const fix = needed === null ? noCapacityReason(prep).reason : `${needed} machines finish by the deadline`;
  return {
    status: 'late',
    reasonCode: 'late',
    reason: `finishes on ${completionDate}, ${late} open day${late === 1 ? '' : 's'} after the deadline; ${fix}`,
    meetsDeadline: false,
  };
}

function assumptionsOf(prep: PreparedCampaign, hoursPerDay: number): Assumption[] {
  const c = prep.capacity;
  const d = prep.defaultsUsed;
  const leaves = prep.tree.nodes.filter((node) => node.children.length === 0).length;
  const list: Assumption[] = [
    {
      key: 'timeZone',
      value: prep.calendar.timeZone,
      source: prep.given.timeZone ? 'given' : 'default',
      note: 'dates and hours are local to this zone',
    },
    {
      key: 'hoursPerDay',
      value: hoursPerDay,
      source: 'derived',
      note: 'from the daily window; days when the clocks change count their real hours',
    },
    {
      key: 'openDays',
      value: prep.period.length,
      source: 'derived',
      note: 'calendar days from start to deadline, both included, less closed dates and weekdays',
    },
    {
      key: 'minutesPerDossier',
      value: c.minutesPerDossier,
      source: 'given',
      note: 'mean time of an ordinary dossier',
    },
    {
      key: 'serviceCv',
      value: c.serviceCv,
      source: prep.given.serviceCv ? 'given' : 'default',
      note: 'variability of service; used by the queueing stage, not by sizing',
    },
    {
      key: 'availability',
      value: c.availability,
      source: prep.given.availability ? 'given' : 'default',
      note: 'share of open time a machine works (breakdowns)',
    },
    {
      key: 'hardCases',
      value: `${c.hardCaseShare} × +${c.hardCaseExtraMinutes} min`,
      source: prep.given.hardCases ? 'given' : 'default',
      note: 'dossiers that take longer, such as fingerprints that need retries',
    },
    {
      key: 'meanMinutesPerDossier',
      value: c.meanMinutesPerDossier,
      source: 'derived',
      note: 'minutesPerDossier + hardCaseShare × hardCaseExtraMinutes',
    },
    {
      key: 'dossiersPerMachineHour',
      value: c.dossiersPerMachineHour,
      source: 'derived',
      note: '60 × availability ÷ meanMinutesPerDossier',
    },
    {
      key: 'demand',
      value: 'leaves',
      source: 'default',
      note: 'demand = round(eligible × turnout) − alreadyServed, never negative, on leaves; parents sum their children',
    },
    {
      key: 'eligibleShare',
      value:
        d.leavesWithoutEligibleShare === 0
          ? 'given'
          : `1 for ${d.leavesWithoutEligibleShare} of ${leaves} leaves`,
      source: d.leavesWithoutEligibleShare === 0 ? 'given' : 'default',
      note: 'share of the population eligible, inherited from the nearest area above that gives one',
    },
    {
      key: 'turnout',
      value: d.leavesWithoutTurnout === 0 ? 'given' : `1 for ${d.leavesWithoutTurnout} of ${leaves} leaves`,
      source: d.leavesWithoutTurnout === 0 ? 'given' : 'default',
      note: 'share of the eligible expected to come, inherited like eligibleShare',
    },
    {
      key: 'machinesNeeded',
      value: 'pooled',
      source: 'default',
      note: 'machines that may move within the area (mobile teams); machinesNeededAtSites counts one fixed site per leaf',
    },
  ];
  if (prep.machines) {
    list.push({
      key: 'machines',
      value: 'pools',
      source: 'given',
      note: "machines given for an area serve its subtree in proportion to demand, so its areas finish together; they are stationed over its children by Adams' method (each child with demand gets one, then by demand per machine) while there are enough, and below that children share their parent's",
    });
  }
  if (prep.overrides) {
    list.push({
      key: 'serviceOverrides',
      value: prep.overrides.size,
      source: 'given',
      note: "areas with a service of their own: it holds for their subtree (the nearest up the tree wins); machines of a pool are shared by hours of work (demand at each area's speed), so a slower area draws more of them and the pool's areas still finish together",
    });
  }
  return list;
}

/** `planCampaign` on an input already prepared, for stages that also need the preparation. */
export function planPreparedCampaign(prep: PreparedCampaign): CampaignPlan {
  const { tree, demand, capacity, period, workload } = prep;
  const n = tree.nodes.length;
  const openDays = period.length;
  const periodCapacityPerMachine = capacity.dossiersPerMachineHour * prep.periodHours;
  const hoursPerDay = openDays > 0 ? prep.periodHours / openDays : prep.window.nominalHours;
  const dailyCapacityPerMachine = capacity.dossiersPerMachineHour * hoursPerDay;
  const pools = prep.machines ? planPools(prep, prep.machines) : null;

  // Sizing counts the workload (dossiers at the campaign's service), which is the demand itself
  // unless some areas have a service of their own.
  const neededFor = (work: number): number | null =>
    work === 0 ? 0 : periodCapacityPerMachine > 0 ? ceilTolerant(work / periodCapacityPerMachine) : null;
  const dailyCapacityOf = (index: number): number => {
    if (!prep.overrides) return dailyCapacityPerMachine;
    const d = demand[index]?.demand ?? 0;
    const work = workload[index] as number;
    return d > 0 && work > 0
      ? (dailyCapacityPerMachine * d) / work
      : capacityOf(prep, index).dossiersPerMachineHour * hoursPerDay;
  };

  // Leaves first, then parents as sums, in reverse tree order.
  const atSites = new Array<number | null>(n).fill(null);
  const dailyTarget = new Array<number | null>(n).fill(null);
  const machineDays = new Array<number | null>(n).fill(null);
  const nested = new Array<number>(n).fill(0);
  const progress: (Progress | null)[] = new Array(n).fill(null);
  for (let k = tree.order.length - 1; k >= 0; k--) {
    const index = tree.order[k] as number;
    const node = tree.nodes[index] as AreaNode;
    const d = demand[index]?.demand ?? 0;
    if (node.children.length === 0) {
      const work = workload[index] as number;
      atSites[index] = neededFor(work);
      dailyTarget[index] = openDays > 0 ? Math.ceil(d / openDays) : d === 0 ? 0 : null;
      machineDays[index] =
        dailyCapacityPerMachine > 0 ? work / dailyCapacityPerMachine : work === 0 ? 0 : null;
      if (pools) {
        const pool = pools.poolOf[index] as number;
        const days = pool >= 0 ? (pools.poolDays.get(pool) ?? 0) : 0;
        progress[index] = {
          unserved: pool < 0 ? d : 0,
          daysNeeded: d === 0 ? 0 : days,
          emptyPool: pool >= 0 && d > 0 && prep.machines?.get(pool) === 0,
        };
      }
    } else {
      let sites: number | null = 0;
      let target: number | null = 0;
      let days: number | null = 0;
      const rolled: Progress = { unserved: 0, daysNeeded: 0, emptyPool: false };
      for (const child of node.children) {
        sites = sites === null || atSites[child] === null ? null : sites + (atSites[child] as number);
        target =
          target === null || dailyTarget[child] === null ? null : target + (dailyTarget[child] as number);
        days = days === null || machineDays[child] === null ? null : days + (machineDays[child] as number);
        const p = progress[child];
        if (p) addProgress(rolled, p);
        nested[index] =
          (nested[index] as number) +
          (prep.machines?.has(child)
            ? (pools?.share[child] ?? 0) + (nested[child] as number)
            : (nested[child] as number));
      }
      atSites[index] = sites;
      dailyTarget[index] = target;
      machineDays[index] = days;
      if (pools) progress[index] = rolled;
    }
  }

  const dateOfDay = (daysNeeded: number | null): string | null =>
    pools && daysNeeded !== null && daysNeeded > 0 ? (pools.days[daysNeeded - 1]?.date ?? null) : null;

  const areas: AreaPlan[] = [];
  for (const index of tree.order) {
    const node = tree.nodes[index] as AreaNode;
    const figures = demand[index] as AreaDemand;
    const machinesNeeded = neededFor(workload[index] as number);
    const p = progress[index] ?? null;
    const own = pools?.share[index];
    const stationed = pools
      ? own === null || own === undefined
        ? (nested[index] as number) || null
        : own + (nested[index] as number)
      : null;
    const daysNeeded = finishedIn(p);
    const completionDate = dateOfDay(daysNeeded);
    const verdict = judge(prep, figures.demand, p, machinesNeeded, completionDate);
    const perMachine = stationed ?? machinesNeeded;
    const target = dailyTarget[index] ?? null;
    areas.push({
      code: node.code,
      name: node.name,
      parentCode: node.parent >= 0 ? (tree.nodes[node.parent] as AreaNode).code : null,
      level: node.level,
      depth: node.depth,
      isLeaf: node.children.length === 0,
      location: node.location,
      areaKm2: node.areaKm2,
      urbanShare: node.urbanShare,
      communeType: node.communeType,
      population: figures.population,
      eligible: figures.eligible,
      alreadyServed: figures.alreadyServed,
      demand: figures.demand,
      openDays,
      dailyCapacityPerMachine: dailyCapacityOf(index),
      machineDays: machineDays[index] ?? null,
      machinesNeeded,
      machinesNeededAtSites: atSites[index] ?? null,
      dailyTarget: target,
      dailyTargetPerMachine: target !== null && perMachine ? target / perMachine : null,
      machines: stationed,
      servedBy:
        pools && (pools.poolOf[index] as number) >= 0
          ? (tree.nodes[pools.poolOf[index] as number]?.code ?? null)
          : null,
      daysNeeded,
      completionDate,
      meetsDeadline: verdict.meetsDeadline,
      status: verdict.status,
      reason: verdict.reason,
      reasonCode: verdict.reasonCode,
    });
  }

  const totals = totalsOf(prep, areas, progress, neededFor, dateOfDay, dailyCapacityPerMachine);
  const infeasibilities: Infeasibility[] = [];
  if (prep.periodHours === 0) {
    infeasibilities.push({
      code:
        prep.window.nominalHours === 0
          ? 'zero-hour-window'
          : prep.calendar.deadline < prep.calendar.start
            ? 'deadline-before-start'
            : 'no-capacity',
      message: noCapacityReason(prep).reason,
    });
  }
  const bad = new Set<AreaStatus>(['late', 'no-machines', 'beyond-horizon']);
  const badCodes = new Set<string>();
  for (const area of areas) {
    if (!bad.has(area.status)) continue;
    badCodes.add(area.code);
    // Report the top-most area of each troubled subtree, not every leaf below it.
    if (area.parentCode !== null && badCodes.has(area.parentCode)) continue;
    infeasibilities.push({
      code: area.status,
      message: `${area.name} (${area.code}): ${area.reason}`,
      areaCode: area.code,
    });
  }
  const warnings: PlanWarning[] = prep.defaultsUsed.parentsWhosePopulationDiffers.map((diff) => ({
    path: `areas[${tree.byCode.get(diff.code)}].population`,
    message: `${diff.code} gives population ${diff.given} but its children sum to ${diff.sumOfChildren}; the plan uses the children's sum`,
  }));
  if (prep.defaultsUsed.leavesWithoutPopulation > 0) {
    warnings.push({
      path: 'areas',
      message: `${prep.defaultsUsed.leavesWithoutPopulation} leaf areas give neither population nor eligible: their demand is 0`,
    });
  }

  return {
    mode: pools ? 'completion' : 'sizing',
    feasible: infeasibilities.length === 0,
    infeasibilities,
    period: {
      start: prep.calendar.start.toISODate() ?? '',
      deadline: prep.calendar.deadline.toISODate() ?? '',
      timeZone: prep.calendar.timeZone,
      openDays,
      openHours: prep.periodHours,
      firstOpenDate: period[0]?.date ?? null,
      lastOpenDate: period.at(-1)?.date ?? null,
    },
    capacity: { ...capacity, hoursPerDay, dailyCapacityPerMachine },
    areas,
    totals,
    completionDate: totals.completionDate,
    assumptions: assumptionsOf(prep, hoursPerDay),
    warnings,
  };
}

function totalsOf(
  prep: PreparedCampaign,
  areas: AreaPlan[],
  progress: (Progress | null)[],
  neededFor: (work: number) => number | null,
  dateOfDay: (days: number | null) => string | null,
  dailyCapacityPerMachine: number,
): CampaignTotals {
  const rows = areas.filter((row) => row.parentCode === null);
  const sum = (pick: (row: AreaPlan) => number | null): number | null =>
    rows.reduce<number | null>(
      (acc, row) => (acc === null || pick(row) === null ? null : acc + (pick(row) as number)),
      0,
    );
  const figures = {
    population: sum((r) => r.population) ?? 0,
    eligible: sum((r) => r.eligible) ?? 0,
    alreadyServed: sum((r) => r.alreadyServed) ?? 0,
    demand: sum((r) => r.demand) ?? 0,
  };
  let p: Progress | null = null;
  for (const root of prep.tree.roots) {
    const q = progress[root];
    if (!q) continue;
    p ??= { unserved: 0, daysNeeded: 0, emptyPool: false };
    addProgress(p, q);
  }
  const work = prep.tree.roots.reduce((total, root) => total + (prep.workload[root] as number), 0);
  const machinesNeeded = neededFor(work);
  const daysNeeded = finishedIn(p);
  const completionDate = dateOfDay(daysNeeded);
  const dailyTarget = sum((r) => r.dailyTarget);
  const machines = prep.machines ? sum((r) => r.machines ?? 0) : null;
  const perMachine = machines ?? machinesNeeded;
  const first = rows[0];
  return {
    ...figures,
    openDays: prep.period.length,
    dailyCapacityPerMachine:
      prep.overrides && figures.demand > 0 && work > 0
        ? (dailyCapacityPerMachine * figures.demand) / work
        : (first?.dailyCapacityPerMachine ?? 0),
    machineDays: sum((r) => r.machineDays),
    machinesNeeded,
    machinesNeededAtSites: sum((r) => r.machinesNeededAtSites),
    dailyTarget,
    dailyTargetPerMachine: dailyTarget !== null && perMachine ? dailyTarget / perMachine : null,
    machines,
    daysNeeded,
    completionDate,
    ...judge(prep, figures.demand, p, machinesNeeded, completionDate),
    areaCount: areas.length,
    leafCount: areas.filter((a) => a.isLeaf).length,
  };
}
