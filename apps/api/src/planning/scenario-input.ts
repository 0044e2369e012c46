// Turns a stored scenario and the area tree into the planning library's CampaignInput.
import type { AreaInput, CampaignInput, MachineAllocation } from '@muster/planning';
import { PlanningInputError } from '@muster/planning';
import { subtreeOf } from '../auth/access.ts';
import { NotFoundError } from '../errors.ts';
import type { Area, PrismaClient, Scenario, ScenarioMachines } from '../generated/prisma/client.ts';

export type ScenarioPlanInput = {
  scenario: ScenarioWithMachines;
  /** The area asked about; inside the scenario's area. */
  area: Area;
  /** The whole scenario area, so that machine pools above the asked area are shared as planned. */
  input: CampaignInput;
  /** Centroids of the areas that have one, for mobile-team travel. */
  points: Map<string, GeoPoint>;
};

export type GeoPoint = { latitude: number; longitude: number };

/** The centroids of the areas that have one. */
function pointsOf(areas: readonly Pick<Area, 'code' | 'latitude' | 'longitude'>[]): Map<string, GeoPoint> {
  const points = new Map<string, GeoPoint>();
  for (const area of areas) {
    if (area.latitude != null && area.longitude != null) {
      points.set(area.code, { latitude: area.latitude, longitude: area.longitude });
    }
  }
  return points;
}

export type ScenarioWithMachines = Scenario & { machines: Pick<ScenarioMachines, 'areaCode' | 'machines'>[] };

/** Machines per area, as the planning library takes them. */
export function machinesOf(
  pools: readonly Pick<ScenarioMachines, 'areaCode' | 'machines'>[],
): MachineAllocation[] {
  return pools.map(({ areaCode, machines }) => ({ areaCode, machines }));
}

/** The library's input for a scenario over its area's subtree, from areas ordered parents first. */
function campaignInputOf(scenario: ScenarioWithMachines, subtree: readonly Area[]): CampaignInput {
  const parents = new Set(subtree.map((area) => area.parentCode));
  const rootCode = scenario.areaCode;
  const areas = subtree.map((area): AreaInput => {
    const row: AreaInput = { code: area.code, name: area.name, level: area.level };
    if (area.code !== rootCode && area.parentCode) row.parentCode = area.parentCode;
    if (area.turnout != null) row.turnout = area.turnout;
    // Parents' stored figures are sums of their children: only leaves carry population.
    if (!parents.has(area.code)) {
      if (area.population != null) row.population = area.population;
      if (area.eligibleShare != null) row.eligibleShare = area.eligibleShare;
      if (area.eligible != null) row.eligible = area.eligible;
      if (area.alreadyServed > 0) row.alreadyServed = area.alreadyServed;
    }
    return row;
  });
  const service: CampaignInput['service'] = { minutesPerDossier: scenario.minutesPerDossier };
  if (scenario.serviceCv != null) service.serviceCv = scenario.serviceCv;
  if (scenario.availability != null) service.availability = scenario.availability;
  if (scenario.hardCaseShare != null) service.hardCaseShare = scenario.hardCaseShare;
  if (scenario.hardCaseExtraMinutes != null) service.hardCaseExtraMinutes = scenario.hardCaseExtraMinutes;
  const machines = machinesOf(scenario.machines);
  return {
    areas,
    calendar: {
      start: scenario.start,
      deadline: scenario.deadline,
      timeZone: scenario.timeZone,
      closedDates: scenario.closedDates,
      closedWeekdays: scenario.closedWeekdays,
    },
    hours: { open: scenario.open, close: scenario.close },
    service,
    ...(machines.length > 0 ? { machines } : {}),
  };
}

/** The areas of a subtree, parents before children. */
function loadSubtree(prisma: PrismaClient, root: Area): Promise<Area[]> {
  return prisma.area.findMany({
    where: subtreeOf(root.path),
    orderBy: [{ depth: 'asc' }, { code: 'asc' }],
  });
}

export async function loadScenarioPlanInput(
  prisma: PrismaClient,
  scenarioId: string,
  areaCode: string,
): Promise<ScenarioPlanInput> {
  const scenario = await prisma.scenario.findUnique({
    where: { id: scenarioId },
    include: { area: true, machines: true },
  });
  if (!scenario) throw new NotFoundError('scenario', scenarioId, 'scenarioId');
  const { area: root, ...stored } = scenario;
  const subtree = await loadSubtree(prisma, root);
  // The area asked about is one of the subtree's; only a refusal needs to know whether it exists.
  const area = subtree.find((candidate) => candidate.code === areaCode);
  if (!area) {
    if (!(await prisma.area.findUnique({ where: { code: areaCode }, select: { code: true } }))) {
      throw new NotFoundError('area', areaCode, 'areaCode');
    }
    throw new PlanningInputError({
      path: 'areaCode',
      code: 'unknown-reference',
      expected: `an area within the scenario's area ${root.code} (${root.name})`,
      received: areaCode,
    });
  }
  return { scenario: stored, area, input: campaignInputOf(stored, subtree), points: pointsOf(subtree) };
}
