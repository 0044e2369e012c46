import { capacityOf, type PreparedCampaign } from '../../campaign/_internal/prepare-campaign.ts';
import type { AreaPlan, CampaignInput, ServiceOverride } from '../../campaign/types.ts';
import type { MachineCapacity, ServiceInput } from '../../capacity/machine-capacity.ts';
import { minutesPerDossierFromThroughput } from '../../capacity/minutes-per-dossier-from-throughput.ts';
import type { AreaNode } from '../../demand/area-tree.ts';
import type { ReplanPace } from '../types.ts';
import type { AccumulatedActuals } from './accumulate.ts';
import type { PaceTally } from './observed-pace.ts';

/** A pace of zero observed (machines that did nothing) is read as this, so that it stays a service time. */
export const SLOWEST_PACE_DOSSIERS_PER_MACHINE_DAY = 1;

/**
 * Weight of the observed pace in the replan's: 0 for `planned` or without machine-days
 * reported, 1 for `observed`, and for `blended` the credibility n ÷ (n + k), n the days with
 * machines reported and k `credibilityDays`.
 */
export function observedWeight(pace: ReplanPace, observedDays: number, credibilityDays: number): number {
  if (pace === 'planned' || observedDays === 0) return 0;
  if (pace === 'observed') return 1;
  return observedDays / (observedDays + credibilityDays);
}

/**
 * The service that does `dossiersPerMachineDay` in a machine-day of `hoursPerMachineDay` hours:
 * the area's own service with the ordinary time that gives that pace, breakdowns and hard cases
 * kept; when hard cases alone would take longer, a service without losses at that pace.
 */
export function serviceAtPace(
  service: ServiceInput,
  capacity: MachineCapacity,
  dossiersPerMachineDay: number,
  hoursPerMachineDay: number,
): ServiceInput {
  const meanMinutes = (hoursPerMachineDay * 60 * capacity.availability) / dossiersPerMachineDay;
  if (meanMinutes > capacity.hardCaseShare * capacity.hardCaseExtraMinutes) {
    return {
      ...service,
      minutesPerDossier: minutesPerDossierFromThroughput({
        dossiersPerMachineDay,
        hoursPerDay: hoursPerMachineDay,
        availability: capacity.availability,
        hardCaseShare: capacity.hardCaseShare,
        hardCaseExtraMinutes: capacity.hardCaseExtraMinutes,
      }),
    };
  }
  return {
    ...service,
    minutesPerDossier: (hoursPerMachineDay * 60) / dossiersPerMachineDay,
    availability: 1,
    hardCaseShare: 0,
    hardCaseExtraMinutes: 0,
  };
}

/** The service each override of the input gives, by the node index of its area. */
export function givenServices(input: CampaignInput, prep: PreparedCampaign): Map<number, ServiceInput> {
  const services = new Map<number, ServiceInput>();
  for (const override of input.serviceOverrides ?? []) {
    services.set(prep.tree.byCode.get(override.areaCode) as number, override.service);
  }
  return services;
}

/**
 * The overrides of the remaining campaign: one for each area with an observed pace that holds for
 * some of its leaves (those below an area with its own observed pace keep that one), and the
 * input's own where no area at or above them has an observed pace.
 */
export function overridesAtPace(
  input: CampaignInput,
  prep: PreparedCampaign,
  paced: ReadonlyMap<number, ServiceInput>,
): ServiceOverride[] | undefined {
  const { tree } = prep;
  if (paced.size === 0) return input.serviceOverrides;
  const n = tree.nodes.length;
  // Whether every leaf under a node has an observed pace at or below the node.
  const allPaced = new Uint8Array(n);
  for (let k = tree.order.length - 1; k >= 0; k--) {
    const index = tree.order[k] as number;
    const children = (tree.nodes[index] as AreaNode).children;
    allPaced[index] =
      paced.has(index) || (children.length > 0 && children.every((child) => allPaced[child] === 1)) ? 1 : 0;
  }
  const underPace = new Uint8Array(n);
  for (const index of tree.order) {
    const parent = (tree.nodes[index] as AreaNode).parent;
    underPace[index] = paced.has(index) || (parent >= 0 && underPace[parent] === 1) ? 1 : 0;
  }
  const kept = (input.serviceOverrides ?? []).filter(
    (override) => underPace[tree.byCode.get(override.areaCode) as number] === 0,
  );
  const added: ServiceOverride[] = [];
  for (const index of tree.order) {
    const service = paced.get(index);
    if (service === undefined) continue;
    const children = (tree.nodes[index] as AreaNode).children;
    if (children.length > 0 && children.every((child) => allPaced[child] === 1)) continue;
    added.push({ areaCode: (tree.nodes[index] as AreaNode).code, service });
  }
  return [...kept, ...added];
}

/** Dossiers per machine-day observed in an area over its days with machines (reported, else planned); null without such days. */
export function observedPace(pace: PaceTally, index: number): number | null {
  const machineDays = pace.machineDays[index] as number;
  return machineDays > 0 ? (pace.dossiers[index] as number) / machineDays : null;
}

/**
 * Each area's weight of the observed pace, and the service of those replanned at a pace of their
 * own: `w × observed + (1 − w) × planned` dossiers per machine-day (never below the slowest pace).
 */
export function pacedServices(
  input: CampaignInput,
  prep: PreparedCampaign,
  rows: readonly AreaPlan[],
  actuals: AccumulatedActuals,
  options: { pace: ReplanPace; credibilityDays: number },
  hoursPerMachineDay: number,
): { weights: Float64Array; services: Map<number, ServiceInput> } {
  const given = givenServices(input, prep);
  const weights = new Float64Array(prep.tree.nodes.length);
  const services = new Map<number, ServiceInput>();
  for (const index of prep.tree.order) {
    const observed = observedPace(actuals.pace, index);
    const weight = observedWeight(options.pace, actuals.pace.days[index] as number, options.credibilityDays);
    weights[index] = weight;
    if (observed === null || weight === 0 || hoursPerMachineDay === 0) continue;
    const planned = (rows[index] as AreaPlan).dailyCapacityPerMachine;
    const pace = Math.max(SLOWEST_PACE_DOSSIERS_PER_MACHINE_DAY, weight * observed + (1 - weight) * planned);
    services.set(
      index,
      serviceAtPace(
        given.get(prep.serviceOf[index] as number) ?? input.service,
        capacityOf(prep, index),
        pace,
        hoursPerMachineDay,
      ),
    );
  }
  return { weights, services };
}
