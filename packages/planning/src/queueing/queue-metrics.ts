import { requireNumber } from '../_internal/validate.ts';
import { erlangCUnchecked } from './_internal/erlang.ts';
import { readQueueBase, requireQueueRecord, requireServers } from './_internal/queue-input.ts';
import {
  allenCunneenFactor,
  meanWait,
  serviceLevel,
  type WaitLaw,
  waitPercentile,
} from './_internal/wait.ts';

/** A queue with Poisson arrivals in front of identical machines. */
export type QueueInput = {
  arrivalsPerHour: number;
  /** Mean service time of one dossier on one machine. */
  serviceMinutes: number;
  servers: number;
  /** Coefficient of variation of the service time (standard deviation ÷ mean). Default 1 (exponential). */
  serviceCv?: number;
};

/** What a stationary queue does to the people in it. */
export type QueueMetrics = {
  /** Offered load per server, capped at 1 (an unstable queue keeps every machine busy). */
  utilization: number;
  offeredLoadErlangs: number;
  /** False when the load reaches the number of servers: the queue grows for as long as arrivals last. */
  stable: boolean;
  probabilityOfWait: number;
  /** Mean time in queue before service; `Infinity` only when `stable` is false. */
  meanWaitMinutes: number;
  /** P(wait ≤ `withinMinutes`). */
  serviceLevel(withinMinutes: number): number;
  /** The wait that a share `p` (in (0, 1)) of arrivals do not exceed. */
  waitPercentileMinutes(p: number): number;
};

/**
 * Stationary waiting figures of an M/G/c queue. With `serviceCv` 1 (the default) this is the
 * exact M/M/c (Erlang C) result. For other coefficients of variation it is the Allen–Cunneen
 * approximation: the probability of waiting stays Erlang C and the conditional wait is scaled by
 * (1 + cv²)/2, which is exact for one server in the mean (Pollaczek–Khinchine) and usually within
 * about 10 % for several servers at moderate to high load. Its known limits: it is rougher at low
 * load with many servers, it treats the wait of a waiting arrival as exponential (so percentiles
 * far in the tail are rougher than the mean), and it uses only two moments of the service time.
 *
 * @example
 * const m = queueMetrics({ arrivalsPerHour: 30, serviceMinutes: 3, servers: 2 });
 * m.meanWaitMinutes // => 3.857142857142857 (M/M/2 at ρ = 0.75: C = 2ρ²/(1 + ρ) = 9/14, wait = C·3/(2 − 1.5))
 * m.utilization // => 0.75
 */
export function queueMetrics(q: QueueInput): QueueMetrics {
  const record = requireQueueRecord(q, '');
  const base = readQueueBase(record, '');
  const servers = requireServers(record.servers, 'servers');
  return metricsUnchecked(base.arrivalsPerHour, base.serviceMinutes, servers, base.serviceCv);
}

function waitLawUnchecked(
  arrivalsPerHour: number,
  serviceMinutes: number,
  servers: number,
  serviceCv: number,
): WaitLaw {
  const load = (arrivalsPerHour * serviceMinutes) / 60;
  const stable = load < servers;
  return {
    probabilityOfWait: erlangCUnchecked(servers, load),
    rate: stable ? (servers - load) / (serviceMinutes * allenCunneenFactor(serviceCv)) : 0,
    stable,
  };
}

function metricsUnchecked(
  arrivalsPerHour: number,
  serviceMinutes: number,
  servers: number,
  serviceCv: number,
): QueueMetrics {
  const load = (arrivalsPerHour * serviceMinutes) / 60;
  const law = waitLawUnchecked(arrivalsPerHour, serviceMinutes, servers, serviceCv);
  return {
    utilization: Math.min(1, load / servers),
    offeredLoadErlangs: load,
    stable: law.stable,
    probabilityOfWait: law.probabilityOfWait,
    meanWaitMinutes: meanWait(law),
    serviceLevel: (withinMinutes: number) =>
      serviceLevel(law, requireNumber(withinMinutes, 'withinMinutes', { min: 0 })),
    waitPercentileMinutes: (p: number) =>
      waitPercentile(law, requireNumber(p, 'p', { min: 0, max: 1, minExclusive: true, maxExclusive: true })),
  };
}
