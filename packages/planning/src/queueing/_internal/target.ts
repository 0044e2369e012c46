import { type NumberRule, optionalNumber, requireNumber, requireRecord } from '../../_internal/validate.ts';
import { PlanningInfeasibleError } from '../../errors/planning-infeasible-error.ts';
import { erlangBStep, erlangBUnchecked, erlangCFromB } from './erlang.ts';
import { MAX_SERVERS } from './queue-input.ts';
import { allenCunneenFactor } from './wait.ts';

/** A waiting-time target; every part given must hold. */
export type QueueTarget = {
  /** Mean wait in queue at most this (above 0). */
  meanWaitMinutes?: number;
  /** At least `fraction` (in (0, 1)) of arrivals wait at most `withinMinutes`: "80 % within 30 minutes". */
  serviceLevel?: { withinMinutes: number; fraction: number };
  /** Busy share of each machine at most this (in (0, 1]), to leave slack for breaks and breakdowns. */
  maxUtilization?: number;
};

export type ResolvedTarget = {
  meanWaitMinutes: number | undefined;
  withinMinutes: number | undefined;
  fraction: number | undefined;
  maxUtilization: number | undefined;
};

const MEAN_WAIT: NumberRule = Object.freeze({ min: 0, minExclusive: true });
const WITHIN: NumberRule = Object.freeze({ min: 0 });
const FRACTION: NumberRule = Object.freeze({ min: 0, max: 1, minExclusive: true, maxExclusive: true });
const MAX_UTILIZATION: NumberRule = Object.freeze({ min: 0, max: 1, minExclusive: true });

export function readTarget(value: unknown, path: string): ResolvedTarget {
  const record = requireRecord(value, path);
  const meanWaitMinutes = optionalNumber(record.meanWaitMinutes, `${path}.meanWaitMinutes`, MEAN_WAIT);
  let withinMinutes: number | undefined;
  let fraction: number | undefined;
  if (record.serviceLevel !== undefined && record.serviceLevel !== null) {
    const level = requireRecord(record.serviceLevel, `${path}.serviceLevel`);
    withinMinutes = requireNumber(level.withinMinutes, `${path}.serviceLevel.withinMinutes`, WITHIN);
    fraction = requireNumber(level.fraction, `${path}.serviceLevel.fraction`, FRACTION);
  }
  const maxUtilization = optionalNumber(record.maxUtilization, `${path}.maxUtilization`, MAX_UTILIZATION);
  return { meanWaitMinutes, withinMinutes, fraction, maxUtilization };
}

/**
 * The fewest servers (≥ 1) meeting `target`, or 0 when nobody arrives. Walks up from the fewest
 * servers that keep the queue stable (and under the utilisation cap) with the Erlang B recursion
 * carried along, so a search costs O(answer), not O(answer²).
 */
export function serversForTargetUnchecked(
  arrivalsPerHour: number,
  serviceMinutes: number,
  serviceCv: number,
  target: ResolvedTarget,
): number {
  if (arrivalsPerHour === 0) return 0;
  const load = (arrivalsPerHour * serviceMinutes) / 60;
  const k = allenCunneenFactor(serviceCv);
  let c = Math.max(1, Math.floor(load) + 1);
  if (target.maxUtilization !== undefined) {
    const cap = target.maxUtilization;
    let byCap = Math.max(1, Math.ceil(load / cap));
    while (load / byCap > cap) byCap++;
    while (byCap > 1 && load / (byCap - 1) <= cap) byCap--;
    c = Math.max(c, byCap);
  }
  if (c > MAX_SERVERS) {
    throw new PlanningInfeasibleError(
      'servers-limit',
      `the load of ${load} Erlangs needs more than ${MAX_SERVERS} servers`,
    );
  }
  let b = erlangBUnchecked(c, load);
  for (;;) {
    if (meetsTarget(erlangCFromB(b, c, load), (c - load) / (serviceMinutes * k), target)) return c;
    c++;
    if (c > MAX_SERVERS) {
      throw new PlanningInfeasibleError(
        'servers-limit',
        `no count up to ${MAX_SERVERS} servers meets the target`,
      );
    }
    b = erlangBStep(b, c, load);
  }
}

function meetsTarget(probabilityOfWait: number, rate: number, target: ResolvedTarget): boolean {
  if (target.meanWaitMinutes !== undefined && probabilityOfWait / rate > target.meanWaitMinutes) return false;
  if (target.withinMinutes !== undefined && target.fraction !== undefined) {
    if (1 - probabilityOfWait * Math.exp(-rate * target.withinMinutes) < target.fraction) return false;
  }
  return true;
}
