import { optionalNumber, requireArray, requireNumber, requireRecord } from '../_internal/validate.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { MAX_SERVICE_CV } from './_internal/queue-input.ts';
import type { ServiceDistribution } from './_internal/service-time.ts';
import {
  type MeanTally,
  pooledPercentile,
  type RatioTally,
  type SimulationSetup,
  simulateDays,
} from './_internal/simulate-days.ts';

export type { ServiceDistribution } from './_internal/service-time.ts';

/** Days at a site to simulate. */
export type SimulateQueueOptions = {
  /** Any integer; the same seed and input give the same result, byte for byte. */
  seed: number;
  /** Independent days simulated from one random stream. Default 1. */
  replications?: number;
  /** Poisson arrival rate in each period (constant inside a period). */
  arrivalsPerHour: readonly number[];
  /** Length of each period. Default 60 for every period (clock hours). */
  periodMinutes?: readonly number[];
  /**
   * Machines open in each period, or one count for all. When the count drops, idle machines close
   * first; if more must close, busy ones do (those that began their dossier last), each finishing
   * its dossier while the others keep serving the queue. When it rises, the new machines take the
   * head of the queue at once.
   */
  machinesOpen: number | readonly number[];
  serviceMinutes: number;
  /** Coefficient of variation of service times. Default 1. */
  serviceCv?: number;
  /** Shape of service times for a given mean and cv. Default `'gamma'` (cv 1: exponential; cv 0: fixed). */
  serviceDistribution?: ServiceDistribution;
  /**
   * Long-run share of time a machine works. Each machine alternates exponential up times and
   * exponential repairs with this availability; a dossier interrupted by a breakdown resumes after
   * the repair. Default 1 (no breakdowns).
   */
  availability?: number;
  /** Mean repair time after a breakdown. Default 30. */
  meanRepairMinutes?: number;
  /** What happens to the queue at closing: `'serve'` (default) keeps the last period's machines until it empties; `'leave'` sends it home. */
  afterClosing?: 'serve' | 'leave';
  /** Arrivals before this minute are simulated but left out of the wait figures (to measure steady state). Default 0. */
  warmupMinutes?: number;
  /** Wait counted in `shareWaitingLonger`. Default 30. */
  withinMinutes?: number;
};

/** Standard errors of a period's or a day's figures: the spread of the estimate over independent days. */
export type SimulationStandardErrors = {
  meanWaitMinutes: number;
  shareWaitingLonger: number;
  queueAtEnd: number;
};

/** Figures of one period, over the days simulated. */
export type SimulatedPeriod = {
  /** Mean arrivals per day. */
  arrived: number;
  /** Mean wait of those who arrived in the period and were served (total wait ÷ people, over all days). */
  meanWaitMinutes: number;
  /** Share of them who waited longer than `withinMinutes`. */
  shareWaitingLonger: number;
  /** People waiting (not in service) when the period ended, mean over days. */
  queueAtEnd: number;
  /** Null with a single day. */
  standardErrors: SimulationStandardErrors | null;
};

export type SimulationResult = {
  replications: number;
  /** Mean per day of people who came, were served, and were never served (sent home at closing, or no machine left). */
  arrived: number;
  served: number;
  unserved: number;
  /** Waiting (not in service) at closing time, mean per day. */
  leftInQueueAtClosing: number;
  /** Mean wait of everyone served (total wait ÷ people, over all days). */
  meanWaitMinutes: number;
  shareWaitingLonger: number;
  /** Null with a single day; `queueAtEnd` is that of `leftInQueueAtClosing`. */
  standardErrors: SimulationStandardErrors | null;
  /** 90th percentile (nearest rank, to 1/100 minute) of the waits of those served, pooled over days. */
  p90WaitMinutes: number;
  maxWaitMinutes: number;
  maxQueue: number;
  /** When the last dossier was finished, in minutes after the day started; mean over days. */
  lastDepartureMinute: number;
  /** People simulated over all days. */
  customers: number;
  periods: SimulatedPeriod[];
};

const MAX_PERIODS = 10_000;
const MAX_MACHINES = 10_000;
/** Each day keeps its customers' start times: this bounds that memory (40 MB). */
const MAX_EXPECTED_ARRIVALS = 5_000_000;
/**
 * Bounds one call to a few seconds: each arrival scans the open machines, so the work is about
 * expected arrivals × machines; the field's busiest site-day for 20,000 days is far below.
 */
const MAX_WORK = 4_000_000_000;

/**
 * Seeded simulation of a FIFO queue in front of a varying number of machines: Poisson arrivals at
 * a constant rate within each period, gamma (or lognormal) service times with a given mean and
 * cv, and machine breakdowns drawn from an availability figure. It follows the same rules as
 * `evaluateStaffing` (which machines close when the count drops, the queue served after closing),
 * so it is the independent check on that model and on `queueMetrics`. With `replications` it runs
 * many days in one loop and gives each figure with its standard error.
 *
 * @example
 * const day = simulateQueue({ seed: 7, arrivalsPerHour: [30, 30, 30, 30], machinesOpen: 2, serviceMinutes: 3 });
 * [day.arrived === day.served, day.unserved] // => [true, 0]  (every dossier done, the queue served after closing)
 */
export function simulateQueue(options: SimulateQueueOptions): SimulationResult {
  const setup = readOptions(options);
  const totals = simulateDays(setup);
  const several = totals.days > 1;
  const errors = (wait: RatioTally, longer: RatioTally, queue: MeanTally): SimulationStandardErrors | null =>
    several
      ? {
          meanWaitMinutes: wait.standardError(),
          shareWaitingLonger: longer.standardError(),
          queueAtEnd: queue.standardError(),
        }
      : null;
  return {
    replications: totals.days,
    arrived: totals.arrived.mean(),
    served: totals.served.mean(),
    unserved: totals.unserved.mean(),
    leftInQueueAtClosing: totals.leftAtClosing.mean(),
    meanWaitMinutes: totals.wait.ratio(),
    shareWaitingLonger: totals.longer.ratio(),
    standardErrors: errors(totals.wait, totals.longer, totals.leftAtClosing),
    p90WaitMinutes: pooledPercentile(totals, 0.9),
    maxWaitMinutes: totals.maxWaitMinutes,
    maxQueue: totals.maxQueue,
    lastDepartureMinute: totals.lastDeparture.mean(),
    customers: totals.customers,
    periods: totals.periods.map((p) => ({
      arrived: p.arrived.mean(),
      meanWaitMinutes: p.wait.ratio(),
      shareWaitingLonger: p.longer.ratio(),
      queueAtEnd: p.queueAtEnd.mean(),
      standardErrors: errors(p.wait, p.longer, p.queueAtEnd),
    })),
  };
}

function readOptions(options: unknown): SimulationSetup {
  const record = requireRecord(options, 'options');
  const seed = requireNumber(record.seed, 'seed', { integer: true });
  const replications =
    optionalNumber(record.replications, 'replications', { min: 1, max: 10_000_000, integer: true }) ?? 1;
  const ratesRaw = requireArray(record.arrivalsPerHour, 'arrivalsPerHour');
  if (ratesRaw.length === 0 || ratesRaw.length > MAX_PERIODS) {
    throw new PlanningInputError({
      path: 'arrivalsPerHour',
      code: 'range',
      expected: `an array of 1 to ${MAX_PERIODS} rates`,
      received: ratesRaw,
    });
  }
  const periods = ratesRaw.length;
  const rates = ratesRaw.map((r, i) => requireNumber(r, `arrivalsPerHour[${i}]`, { min: 0 }));
  const lengths =
    record.periodMinutes === undefined
      ? rates.map(() => 60)
      : sameLength(requireArray(record.periodMinutes, 'periodMinutes'), periods, 'periodMinutes').map(
          (m, i) => requireNumber(m, `periodMinutes[${i}]`, { min: 0, minExclusive: true, max: 1440 }),
        );
  const machineRule = { min: 0, max: MAX_MACHINES, integer: true };
  const machines =
    typeof record.machinesOpen === 'number'
      ? rates.map(() => requireNumber(record.machinesOpen, 'machinesOpen', machineRule))
      : sameLength(requireArray(record.machinesOpen, 'machinesOpen'), periods, 'machinesOpen').map((m, i) =>
          requireNumber(m, `machinesOpen[${i}]`, machineRule),
        );
  const ends = new Float64Array(periods);
  let total = 0;
  let expected = 0;
  for (let p = 0; p < periods; p++) {
    total += lengths[p] as number;
    ends[p] = total;
    expected += ((rates[p] as number) * (lengths[p] as number)) / 60;
  }
  if (expected > MAX_EXPECTED_ARRIVALS) {
    throw new PlanningInputError({
      path: 'arrivalsPerHour',
      code: 'range',
      expected: `rates that bring at most ${MAX_EXPECTED_ARRIVALS} expected arrivals in a day`,
      received: expected,
    });
  }
  const work = expected * replications * Math.max(1, ...machines);
  if (work > MAX_WORK) {
    throw new PlanningInputError({
      path: 'arrivalsPerHour',
      code: 'range',
      expected: `rates for which expected arrivals × replications × machines stay within ${MAX_WORK.toExponential()}`,
      received: work,
    });
  }
  const distribution = record.serviceDistribution ?? 'gamma';
  if (distribution !== 'gamma' && distribution !== 'lognormal') {
    throw new PlanningInputError({
      path: 'serviceDistribution',
      code: 'format',
      expected: '"gamma" or "lognormal"',
      received: distribution,
    });
  }
  const afterClosing = record.afterClosing ?? 'serve';
  if (afterClosing !== 'serve' && afterClosing !== 'leave') {
    throw new PlanningInputError({
      path: 'afterClosing',
      code: 'format',
      expected: '"serve" or "leave"',
      received: afterClosing,
    });
  }
  return {
    seed,
    replications,
    ends,
    ratesPerMinute: Float64Array.from(rates, (r) => r / 60),
    machines: Int32Array.from(machines),
    serviceMinutes: requireNumber(record.serviceMinutes, 'serviceMinutes', { min: 0, minExclusive: true }),
    serviceCv: optionalNumber(record.serviceCv, 'serviceCv', { min: 0, max: MAX_SERVICE_CV }) ?? 1,
    distribution,
    availability:
      optionalNumber(record.availability, 'availability', { min: 0, max: 1, minExclusive: true }) ?? 1,
    meanRepairMinutes:
      optionalNumber(record.meanRepairMinutes, 'meanRepairMinutes', { min: 0, minExclusive: true }) ?? 30,
    leaveAtClosing: afterClosing === 'leave',
    warmupMinutes: optionalNumber(record.warmupMinutes, 'warmupMinutes', { min: 0 }) ?? 0,
    withinMinutes: optionalNumber(record.withinMinutes, 'withinMinutes', { min: 0 }) ?? 30,
  };
}

function sameLength(values: unknown[], length: number, path: string): unknown[] {
  if (values.length !== length) {
    throw new PlanningInputError({
      path,
      code: 'conflict',
      expected: `an array as long as arrivalsPerHour (${length})`,
      received: values,
    });
  }
  return values;
}
