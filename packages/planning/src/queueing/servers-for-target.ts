import { readQueueBase, requireQueueRecord } from './_internal/queue-input.ts';
import { type QueueTarget, readTarget, serversForTargetUnchecked } from './_internal/target.ts';

export type { QueueTarget } from './_internal/target.ts';

/** What {@link serversForTarget} sizes: a queue without its server count, and the target to meet. */
export type ServersForTargetInput = {
  arrivalsPerHour: number;
  serviceMinutes: number;
  /** Default 1 (exponential service, exact Erlang C); otherwise Allen–Cunneen, as in `queueMetrics`. */
  serviceCv?: number;
  target: QueueTarget;
};

/**
 * The fewest servers meeting every part of `target` in the stationary queue that `queueMetrics`
 * describes (with no target part given: the fewest that keep the queue stable). Nobody arriving
 * needs 0 servers. Throws `PlanningInfeasibleError` only past a million servers.
 *
 * @example
 * serversForTarget({ arrivalsPerHour: 500 / 14.5, serviceMinutes: 3.48, target: { meanWaitMinutes: 10 } })
 * // => 3 (Hưng Nguyên: 500 dossiers a day spread evenly over 07:30–22:00 saturate its 2 scanners exactly)
 */
export function serversForTarget(q: ServersForTargetInput): number {
  const record = requireQueueRecord(q, '');
  const base = readQueueBase(record, '');
  const target = readTarget(record.target, 'target');
  return serversForTargetUnchecked(base.arrivalsPerHour, base.serviceMinutes, base.serviceCv, target);
}
