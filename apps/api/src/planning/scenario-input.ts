// Turns a stored scenario and the area tree into the planning library's CampaignInput: the one
// place where stored rows become the library's input (areas with their centroids, land, urban
// share and commune type; the scenario's calendar, hours, service and machines).
import type { AreaInput, CampaignInput, CommuneType, ServiceOverride } from '@muster/planning';
import { PlanningInputError } from '@muster/planning';
import { subtreeOf } from '../auth/access.ts';
import { NotFoundError } from '../errors.ts';
import type { Area, PrismaClient } from '../generated/prisma/client.ts';
import { fieldsOfRow, type ScenarioRow } from '../scenarios/scenario-fields.ts';

/** The library's input for a scenario over its area's subtree, from areas ordered parents first. */
function campaignInputOf(scenario: ScenarioRow, subtree: readonly Area[]): CampaignInput {
  const parents = new Set(subtree.map((area) => area.parentCode));
  const rootCode = scenario.areaCode;
  // A scenario made from a replan counts its own served figures on the leaves.
  const served = new Map((scenario.served ?? []).map((row) => [row.areaCode, row.alreadyServed]));
  const areas = subtree.map((area): AreaInput => {
    const row: AreaInput = { code: area.code, name: area.name, level: area.level };
    if (area.code !== rootCode && area.parentCode) row.parentCode = area.parentCode;
    if (area.turnout != null) row.turnout = area.turnout;
    if (area.latitude != null && area.longitude != null) {
      row.location = { latitude: area.latitude, longitude: area.longitude };
    }
    // The figures a commune's terrain class (its drive times for mobile teams) is read from.
    if (area.areaKm2 != null) row.areaKm2 = area.areaKm2;
    if (area.urbanShare != null) row.urbanShare = area.urbanShare;
    if (area.communeType != null) row.communeType = area.communeType as CommuneType;
    // A share holds for the areas below that give none (a village imported without its own takes
    // its commune's), as the area import counts their eligible.
    if (area.eligibleShare != null) row.eligibleShare = area.eligibleShare;
    // Parents' stored figures are sums of their children: only leaves carry population.
    if (!parents.has(area.code)) {
      if (area.population != null) row.population = area.population;
      if (area.eligible != null) row.eligible = area.eligible;
      const alreadyServed = served.get(area.code) ?? area.alreadyServed;
      if (alreadyServed > 0) row.alreadyServed = alreadyServed;
    }
    return row;
  });
  const { calendar, hours, service, machines } = fieldsOfRow(scenario);
  const overrides =
    scenario.serviceOverrides == null ? null : (JSON.parse(scenario.serviceOverrides) as ServiceOverride[]);
  return {
    areas,
    calendar,
    hours,
    service,
    ...(machines.length > 0 ? { machines } : {}),
    ...(overrides && overrides.length > 0 ? { serviceOverrides: overrides } : {}),
  };
}

/** The areas of a subtree, parents before children. */
function loadSubtree(prisma: PrismaClient, root: Area): Promise<Area[]> {
  return prisma.area.findMany({
    where: subtreeOf(root.path),
    orderBy: [{ depth: 'asc' }, { code: 'asc' }],
  });
}

/** The refusal of an area outside the scenario's, naming the `areaCode` argument. */
function outsideScenario(root: Area, areaCode: string): PlanningInputError {
  return new PlanningInputError({
    path: 'areaCode',
    code: 'unknown-reference',
    expected: `an area within the scenario's area ${root.code} (${root.name})`,
    received: areaCode,
  });
}

/** A stored scenario with its area's subtree (parents first) and the library's input over it. */
export type StoredScenario = {
  scenario: ScenarioRow;
  /** The scenario's area and its descendants, parents before children. */
  subtree: Area[];
  /** The whole scenario area, so that machine pools above an area asked about are shared as planned. */
  input: CampaignInput;
};

/** A stored scenario as the library's input over its area's subtree; an unknown id is refused. */
export async function loadScenario(prisma: PrismaClient, scenarioId: string): Promise<StoredScenario> {
  const scenario = await prisma.scenario.findUnique({
    where: { id: scenarioId },
    include: { area: true, machines: true, served: true },
  });
  if (!scenario) throw new NotFoundError('scenario', scenarioId, 'scenarioId');
  const { area: root, ...stored } = scenario;
  const subtree = await loadSubtree(prisma, root);
  return { scenario: stored, subtree, input: campaignInputOf(stored, subtree) };
}

/**
 * The area asked about, one of the scenario's subtree. An area outside the scenario's is refused
 * with `outside` (by default naming `areaCode`), an unknown one as not found.
 */
export async function areaOfScenario(
  prisma: PrismaClient,
  loaded: StoredScenario,
  areaCode: string,
  outside: (root: Area, areaCode: string) => PlanningInputError = outsideScenario,
): Promise<Area> {
  const area = loaded.subtree.find((candidate) => candidate.code === areaCode);
  if (area) return area;
  // Only a refusal needs to know whether the area exists at all.
  if (!(await prisma.area.findUnique({ where: { code: areaCode }, select: { code: true } }))) {
    throw new NotFoundError('area', areaCode, 'areaCode');
  }
  throw outside(loaded.subtree[0] as Area, areaCode);
}
