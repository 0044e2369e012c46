import { requireRecord } from '../_internal/validate.ts';
import { solveTransientDay } from '../queueing/_internal/transient-day.ts';
import { describeDay } from './_internal/describe-day.ts';
import {
  checkModelWork,
  readMachinesOpen,
  readQueueService,
  readSiteArrivals,
  readWaitFigures,
} from './_internal/site-day.ts';
import type { EvaluateStaffingInput, StaffingEvaluation } from './types.ts';

/**
 * The waits a given schedule gives a site: for the people arriving in each clock hour, their
 * mean wait, the share waiting longer than `withinMinutes` and a percentile, with the queue at
 * the end of each hour and the people still waiting at closing.
 *
 * The model is the transient queue of the day, not a steady state taken hour by hour: arrivals
 * at a constant rate within each clock hour, `machinesOpen[h]` machines in hour h, first come
 * first served, the queue carried from hour to hour. When the count drops, idle machines close
 * first and a busy one that closes finishes its dossier while the others keep serving; after the
 * last hour nobody arrives and its machines serve the queue to the end (those waits count too).
 * For exponential service (cv 1) it is exact: the birth–death equations solved by uniformisation,
 * with the probability dropped by truncation reported in `truncationError`. For other service it
 * counts the queue in units of (1 + cv²)/2 dossiers, checked against `simulateQueue` with gamma
 * and lognormal service.
 *
 * @example
 * const day = evaluateStaffing({ arrivalsPerHour: [30, 40, 20], machinesOpen: 2, serviceMinutes: 3.48 });
 * day.hours.map((h) => Math.round(h.meanWaitMinutes)) // => [4, 13, 11]  (2 scanners serve 34.5 an hour: the second hour's 40 leave 10 waiting, and the third hour's arrivals queue behind them)
 */
export function evaluateStaffing(input: EvaluateStaffingInput): StaffingEvaluation {
  const record = requireRecord(input, 'input');
  const periods = readSiteArrivals(record);
  const service = readQueueService(record);
  const figures = readWaitFigures(record, false);
  const machines = readMachinesOpen(record.machinesOpen, periods);
  checkModelWork(
    periods,
    machines,
    service.serviceMinutes,
    record.dailyVisitors != null ? 'dailyVisitors' : 'arrivalsPerHour',
  );
  const day = solveTransientDay(
    {
      minutes: Float64Array.from(periods.minutes),
      arrivalsPerMinute: Float64Array.from(periods.arrivalsPerHour, (r) => r / 60),
      servers: Int32Array.from(machines),
      serviceRatePerMinute: 1 / service.serviceMinutes,
      unit: (1 + service.serviceCv * service.serviceCv) / 2,
    },
    figures,
  );
  return describeDay(periods, machines, day, { ...figures, serviceCv: service.serviceCv });
}
