import { PlanningInfeasibleError } from '../errors/planning-infeasible-error.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { MINUTES_PER_DAY } from '../time/_internal/minutes-per-day.ts';
import { listOpenDays } from '../time/open-days.ts';
import type { OpeningWindow } from '../time/opening-window.ts';
import { type PoolPlan, planPools } from './_internal/pools.ts';
import {
  ceilTolerant,
  type PreparedCampaign,
  prepareCampaign,
  RELATIVE_EPSILON,
} from './_internal/prepare-campaign.ts';
import type { CampaignInput, SolveForResult, SolveForUnknown } from './types.ts';

/** The resolution of each answer: one step worse than the answer misses the deadline. */
const SOLVE_FOR_STEPS: Record<SolveForUnknown, { step: number; unit: string }> = {
  machines: { step: 1, unit: 'machines' },
  days: { step: 1, unit: 'open days' },
  hoursPerDay: { step: 1 / 60, unit: 'hours (whole minutes)' },
  minutesPerDossier: { step: 0.01, unit: 'minutes' },
};

const UNKNOWNS = Object.keys(SOLVE_FOR_STEPS) as SolveForUnknown[];
/** A search that tightens a float answer to its step never needs more than a few moves. */
const MAX_ADJUSTMENTS = 200;

/**
 * A pool with demand: `demand` is what it serves at the campaign's service, `fixedHours` the
 * machine-hours its areas with a service of their own take (0 without overrides).
 */
type Pool = { demand: number; fixedHours: number; machines: number };

/** The pools with demand and the pool plan they come from, or why the machines given cannot finish. */
function poolsOf(
  prep: PreparedCampaign,
): { pools: Pool[]; plan: PoolPlan } | { reason: string; detail: string } {
  if (!prep.machines) {
    return {
      reason: 'machines-required',
      detail: 'give machines per area to solve for anything but machines',
    };
  }
  const plan = planPools(prep, prep.machines);
  const list: Pool[] = [];
  const fixed = new Map<number, { demand: number; hours: number }>();
  let unserved = 0;
  prep.tree.nodes.forEach((node, index) => {
    if (node.children.length > 0) return;
    const pool = plan.poolOf[index] as number;
    const demand = prep.demand[index]?.demand ?? 0;
    if (pool < 0) unserved += demand;
    const own = prep.overrides?.get(prep.serviceOf[index] as number);
    if (pool < 0 || own === undefined || demand === 0) return;
    const entry = fixed.get(pool) ?? { demand: 0, hours: 0 };
    entry.demand += demand;
    entry.hours += demand / own.dossiersPerMachineHour;
    fixed.set(pool, entry);
  });
  for (const [pool, machines] of prep.machines) {
    const own = fixed.get(pool);
    list.push({
      demand: (plan.demandInPool[pool] as number) - (own?.demand ?? 0),
      fixedHours: own?.hours ?? 0,
      machines,
    });
  }
  if (unserved > 0)
    return { reason: 'no-machines', detail: `${unserved} dossiers are in areas that no machine serves` };
  const empty = list.find((pool) => (pool.demand > 0 || pool.fixedHours > 0) && pool.machines === 0);
  if (empty) return { reason: 'no-machines', detail: 'zero machines are given for an area with demand' };
  return { pools: list.filter((pool) => pool.demand > 0 || pool.fixedHours > 0), plan };
}

/** Open hours of a window over the campaign period (clock changes included). */
function periodHoursWith(prep: PreparedCampaign, window: OpeningWindow): number {
  return listOpenDays(prep.calendar, window).reduce((sum, day) => sum + day.hours, 0);
}

/** Open hours a machine of the pool needs to finish its demand. */
function hoursNeeded(pool: Pool, perHour: number): number {
  return (pool.demand / perHour + pool.fixedHours) / pool.machines;
}

/**
 * Whether every pool finishes within `hours` open hours. The float noise is forgiven relative to
 * the hours compared, as `planPools` does when it dates a pool's last day, so the answer and
 * `planCampaign` agree: a tolerance on a difference near 0 would forgive nothing.
 */
function meetsAll(pools: Pool[], perHour: number, hours: number): boolean {
  return pools.every((pool) => hours >= hoursNeeded(pool, perHour) * (1 - RELATIVE_EPSILON));
}

/**
 * Solves the what-if for one unknown and says when there is no answer:
 * - `machines`: the fewest machines, in one pool over the whole tree, that finish by the deadline;
 * - `days`: the fewest open days from the start in which the machines given finish;
 * - `hoursPerDay`: the shortest daily window (same opening time, whole minutes) in which they finish;
 * - `minutesPerDossier`: the longest ordinary service time (to 0.01 min) at which they finish
 *   (areas with a service override keep theirs).
 * Fed back into `planCampaign` the answer meets the deadline; one step worse does not.
 *
 * @example
 * // Hưng Nguyên: 2 scanners open 07:30–22:00 did 500 dossiers in a day.
 * trySolveFor('minutesPerDossier', {
 *   areas: [{ code: '18001', name: 'Hưng Nguyên', eligible: 500 }],
 *   calendar: { start: '2021-03-20', deadline: '2021-03-20' },
 *   hours: { open: '07:30', close: '22:00' },
 *   service: { minutesPerDossier: 5 },
 *   machines: [{ areaCode: '18001', machines: 2 }],
 * })
 * // => { feasible: true, unknown: 'minutesPerDossier', value: 3.48, step: 0.01, unit: 'minutes' }
 */
export function trySolveFor(unknown: SolveForUnknown, input: CampaignInput): SolveForResult {
  if (!UNKNOWNS.includes(unknown)) {
    throw new PlanningInputError({
      path: 'unknown',
      code: 'format',
      expected: `one of ${UNKNOWNS.join(', ')}`,
      received: unknown,
    });
  }
  const prep = prepareCampaign(input);
  const { step, unit } = SOLVE_FOR_STEPS[unknown];
  const answer = (value: number): SolveForResult => ({ feasible: true, unknown, value, step, unit });
  const fail = (reason: string, detail: string): SolveForResult => ({
    feasible: false,
    unknown,
    reason,
    detail,
  });
  const totalWorkload = prep.tree.roots.reduce((sum, root) => sum + (prep.workload[root] as number), 0);
  const perHour = prep.capacity.dossiersPerMachineHour;

  if (unknown === 'machines') {
    if (totalWorkload === 0) return answer(0);
    if (prep.periodHours === 0)
      return fail('no-capacity', 'the calendar and window give no open hour before the deadline');
    return answer(ceilTolerant(totalWorkload / (perHour * prep.periodHours)));
  }

  const served = poolsOf(prep);
  if ('reason' in served) return fail(served.reason, served.detail);
  const { pools, plan } = served;
  if (pools.length === 0) return answer(0);

  if (unknown === 'days') {
    if (prep.window.nominalHours === 0)
      return fail('zero-hour-window', 'the daily window is open zero hours');
    const days = Math.max(...plan.poolDays.values());
    if (!Number.isFinite(days))
      return fail('beyond-horizon', 'the machines given would need more than ten years');
    return answer(days);
  }

  const openDays = prep.period.length;
  if (openDays === 0) return fail('no-open-days', 'the calendar has no open day between start and deadline');

  if (unknown === 'hoursPerDay') {
    const needed = Math.max(...pools.map((pool) => hoursNeeded(pool, perHour)));
    const windowOf = (minutes: number): OpeningWindow => ({
      openMinute: prep.window.openMinute,
      closeMinute: prep.window.openMinute + minutes,
      nominalHours: minutes / 60,
    });
    const meets = (minutes: number) => meetsAll(pools, perHour, periodHoursWith(prep, windowOf(minutes)));
    const moreThanADay = () =>
      fail(
        'more-than-a-day',
        `the machines given would need more than 24 hours a day for ${openDays} open days`,
      );
    // A whole day is the longest window: when it is not enough, no search is needed.
    if (!meets(MINUTES_PER_DAY)) return moreThanADay();
    let minutes = Math.min(MINUTES_PER_DAY, Math.max(1, ceilTolerant((needed * 60) / openDays)));
    for (let i = 0; i < MAX_ADJUSTMENTS && minutes < MINUTES_PER_DAY && !meets(minutes); i++) minutes++;
    for (let i = 0; i < MAX_ADJUSTMENTS && minutes > 1 && meets(minutes - 1); i++) minutes--;
    if (!meets(minutes)) return moreThanADay();
    return answer(minutes / 60);
  }

  // minutesPerDossier: the mean time may grow until the tightest pool just fits. Areas with a
  // service of their own keep it: their hours are fixed.
  const c = prep.capacity;
  const hardMinutes = c.hardCaseShare * c.hardCaseExtraMinutes;
  const meets = (ordinary: number) =>
    meetsAll(pools, (60 * c.availability) / (ordinary + hardMinutes), prep.periodHours);
  const overbooked = pools.find((pool) => pool.fixedHours > pool.machines * prep.periodHours);
  if (overbooked) {
    return fail(
      'too-little-time',
      'areas with a service of their own alone take more hours than the machines have before the deadline',
    );
  }
  const atCampaignService = pools.filter((pool) => pool.demand > 0);
  if (atCampaignService.length === 0) {
    return fail(
      'service-overridden',
      'every area with demand has a service of its own, so the campaign’s minutesPerDossier does not change the plan',
    );
  }
  const tightest = Math.min(
    ...atCampaignService.map(
      (pool) => (60 * c.availability * (pool.machines * prep.periodHours - pool.fixedHours)) / pool.demand,
    ),
  );
  let hundredths = Math.floor((tightest - hardMinutes) * 100 + RELATIVE_EPSILON);
  for (let i = 0; i < MAX_ADJUSTMENTS && hundredths > 0 && !meets(hundredths / 100); i++) hundredths--;
  for (let i = 0; i < MAX_ADJUSTMENTS && meets((hundredths + 1) / 100); i++) hundredths++;
  if (hundredths <= 0) {
    return fail(
      'too-little-time',
      `hard cases alone take ${hardMinutes} minutes per dossier, more than the machines have`,
    );
  }
  return answer(hundredths / 100);
}

/**
 * {@link trySolveFor} for callers that want the number: throws {@link PlanningInfeasibleError}
 * when there is none.
 *
 * @example
 * solveFor('machines', {
 *   areas: [{ code: '40', name: 'Nghệ An', eligible: 48_928 * 30 }],
 *   calendar: { start: '2021-04-01', deadline: '2021-04-30' },
 *   hours: { open: '00:00', close: '24:00' },
 *   service: { minutesPerDossier: 1440 / 278 },
 * })
 * // => 176
 */
export function solveFor(unknown: SolveForUnknown, input: CampaignInput): number {
  const result = trySolveFor(unknown, input);
  if (!result.feasible) throw new PlanningInfeasibleError(result.reason, result.detail);
  return result.value;
}
