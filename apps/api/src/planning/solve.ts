// Solving a campaign for one unknown (@muster/planning's trySolveFor) and planning it at the answer:
// the input of the area asked about (its subtree, with the machines the plan stations there when
// its pool is above it), then the input with the solved value in place.
import {
  type AreaPlan,
  type CampaignInput,
  type CampaignPlan,
  formatTimeOfDay,
  nthOpenDate,
  PlanningInfeasibleError,
  PlanningInputError,
  parseTimeOfDay,
  type SolveForUnknown,
} from '@muster/planning';
import { compute } from '../compute/pool.ts';
import { NotFoundError } from '../errors.ts';

/** The answer: the solved value with its resolution, and the plan at that value. */
export type Solution = {
  unknown: SolveForUnknown;
  value: number;
  step: number;
  unit: string;
  /** What was solved: the area asked about and its subtree. */
  input: CampaignInput;
  /** `input` with the value in place; null when a machine count cannot be given as one pool (several roots). */
  solvedInput: CampaignInput | null;
};

/**
 * The input of `areaCode`'s subtree. Its own allocations and those below it are kept; when the
 * pool that serves it is above it, it gets the machines the plan stations there. Service
 * overrides above it hold for the subtree, so the nearest one moves onto it.
 */
export function subtreeInput(input: CampaignInput, plan: CampaignPlan, areaCode: string): CampaignInput {
  const rows = new Map(plan.areas.map((row) => [row.code, row]));
  const row = rows.get(areaCode);
  if (!row) throw new NotFoundError('area', areaCode, 'areaCode', 'in the input');
  if (row.parentCode === null) {
    const roots = plan.areas.filter((candidate) => candidate.parentCode === null);
    if (roots.length === 1) return input;
  }
  const inside = new Set<string>([areaCode]);
  for (const candidate of plan.areas) {
    if (candidate.parentCode !== null && inside.has(candidate.parentCode)) inside.add(candidate.code);
  }
  const areas = input.areas
    .filter((area) => inside.has(area.code))
    .map((area) => {
      if (area.code !== areaCode) return area;
      const { parentCode: _parent, ...root } = area;
      return root;
    });
  const machines = input.machines?.filter((allocation) => inside.has(allocation.areaCode));
  const fromAbove = row.servedBy !== null && !inside.has(row.servedBy);
  if (input.machines && fromAbove && !machines?.some((allocation) => allocation.areaCode === areaCode)) {
    if (row.machines === null) {
      throw new PlanningInputError({
        path: 'areaCode',
        code: 'unknown-reference',
        expected: 'an area with machines of its own, or machines the plan stations there from a pool above',
        received: areaCode,
      });
    }
    machines?.push({ areaCode, machines: row.machines });
  }
  const serviceOverrides = input.serviceOverrides?.filter((override) => inside.has(override.areaCode));
  const above = nearestOverrideAbove(input, rows, row);
  if (above && serviceOverrides && !serviceOverrides.some((o) => o.areaCode === areaCode)) {
    serviceOverrides.push({ areaCode, service: above });
  }
  return {
    areas,
    calendar: input.calendar,
    hours: input.hours,
    service: input.service,
    ...(machines ? { machines } : {}),
    ...(serviceOverrides && serviceOverrides.length > 0 ? { serviceOverrides } : {}),
  };
}

function nearestOverrideAbove(
  input: CampaignInput,
  rows: ReadonlyMap<string, AreaPlan>,
  row: AreaPlan,
): CampaignInput['service'] | undefined {
  const overrides = new Map((input.serviceOverrides ?? []).map((o) => [o.areaCode, o.service]));
  for (let code = row.parentCode; code !== null; code = rows.get(code)?.parentCode ?? null) {
    const service = overrides.get(code);
    if (service) return service;
  }
  return undefined;
}

/** The input with the solved value in place, or null when a machine count fits no single pool. */
export function withSolvedValue(
  input: CampaignInput,
  unknown: SolveForUnknown,
  value: number,
): CampaignInput | null {
  switch (unknown) {
    case 'machines': {
      const roots = input.areas.filter((area) => area.parentCode == null);
      if (roots.length !== 1) return null;
      return { ...input, machines: [{ areaCode: (roots[0] as { code: string }).code, machines: value }] };
    }
    case 'days': {
      const deadline = value >= 1 ? nthOpenDate(input, value) : null;
      return deadline === null ? input : { ...input, calendar: { ...input.calendar, deadline } };
    }
    case 'hoursPerDay': {
      const minutes = Math.round(value * 60);
      // An equal open and close is a window of zero hours: a whole day is written 00:00–24:00.
      if (minutes >= 1440) return { ...input, hours: { open: '00:00', close: '24:00' } };
      const open = parseTimeOfDay(input.hours.open, { path: 'hours.open' });
      return {
        ...input,
        hours: { open: input.hours.open, close: formatTimeOfDay(open + minutes, { endOfDay: true }) },
      };
    }
    case 'minutesPerDossier':
      return { ...input, service: { ...input.service, minutesPerDossier: value } };
  }
}

/** Solves `input` for `unknown` in the worker pool; an ask without an answer throws why. */
export async function solve(input: CampaignInput, unknown: SolveForUnknown): Promise<Solution> {
  const result = await compute('trySolveFor', unknown, input);
  if (!result.feasible) throw new PlanningInfeasibleError(result.reason, result.detail);
  return {
    unknown,
    value: result.value,
    step: result.step,
    unit: result.unit,
    input,
    solvedInput: withSolvedValue(input, unknown, result.value),
  };
}
