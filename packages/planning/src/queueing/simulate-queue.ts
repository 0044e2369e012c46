import { optionalNumber, requireArray, requireNumber, requireRecord } from '../_internal/validate.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { EventHeap } from './_internal/event-heap.ts';
import { createRandom, exponential } from './_internal/prng.ts';
import { MAX_SERVICE_CV } from './_internal/queue-input.ts';
import { type ServiceDistribution, serviceSampler } from './_internal/service-time.ts';

export type { ServiceDistribution } from './_internal/service-time.ts';

/** One simulated day (or any run of periods) at a site. */
export type SimulateQueueOptions = {
  /** Any integer; the same seed and input give the same result, byte for byte. */
  seed: number;
  /** Poisson arrival rate in each period (non-homogeneous over the run, constant inside a period). */
  arrivalsPerHour: readonly number[];
  /** Length of each period. Default 60 for every period (hours). */
  periodMinutes?: readonly number[];
  /** Machines open in each period, or one count for all. A machine closing mid-service finishes its dossier first. */
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
};

/** Figures of one period of a simulated run. */
export type SimulatedPeriod = {
  arrived: number;
  /** Mean wait of those who arrived in the period and were served. */
  meanWaitMinutes: number;
  /** People waiting (not in service) when the period ended. */
  queueAtEnd: number;
};

export type SimulationResult = {
  arrived: number;
  served: number;
  /** Waiting (not in service) at closing time. */
  leftInQueueAtClosing: number;
  /** Never served: sent home at closing, or stuck with no machine open after closing. */
  unserved: number;
  meanWaitMinutes: number;
  /** 90th percentile (nearest rank) of the waits of those served. */
  p90WaitMinutes: number;
  maxWaitMinutes: number;
  maxQueue: number;
  /** When the last dossier was finished, in minutes after the run started. */
  lastDepartureMinute: number;
  /** Events processed: arrivals, service ends, breakdowns, repairs, period changes. */
  events: number;
  periods: SimulatedPeriod[];
};

const MAX_PERIODS = 10_000;
const MAX_MACHINES = 10_000;
/** Keeps one call under a few seconds; a day at the busiest site is far below. */
const MAX_EXPECTED_ARRIVALS = 5_000_000;

const ARRIVAL = 0;
const COMPLETION = 1;
const FAILURE = 2;
const REPAIR = 3;
const PERIOD_END = 4;

/**
 * Seeded discrete-event simulation of a FIFO queue in front of a varying number of machines:
 * Poisson arrivals whose rate changes per period, gamma (or lognormal) service times with a given
 * mean and cv, and machine breakdowns drawn from an availability figure. It is the independent
 * check on the formulas (`queueMetrics`) and on the hour-by-hour staffing plan.
 *
 * @example
 * const day = simulateQueue({ seed: 7, arrivalsPerHour: [30, 30, 30, 30], machinesOpen: 2, serviceMinutes: 3 });
 * [day.arrived === day.served, day.leftInQueueAtClosing] // => [true, 0]  (every dossier done, queue served after closing)
 */
export function simulateQueue(options: SimulateQueueOptions): SimulationResult {
  const input = readOptions(options);
  const { rates, lengths, machines } = input;
  const periods = rates.length;
  const random = createRandom(input.seed);
  const sample = serviceSampler(random, input.serviceMinutes, input.serviceCv, input.distribution);
  const heap = new EventHeap();

  const ends = new Float64Array(periods);
  let total = 0;
  for (let p = 0; p < periods; p++) {
    total += lengths[p] as number;
    ends[p] = total;
    heap.push(total, PERIOD_END, p, 0);
  }

  const pool = Math.max(...machines);
  const up = new Uint8Array(pool).fill(1);
  const busy = new Uint8Array(pool);
  const stamps = new Int32Array(pool);
  const completion = new Float64Array(pool);
  const remaining = new Float64Array(pool);
  const breakdowns = input.availability < 1;
  const meanUpMinutes = (input.meanRepairMinutes * input.availability) / (1 - input.availability);
  if (breakdowns) {
    for (let m = 0; m < pool; m++) {
      // Start each machine in its long-run state so the first hour is not unusually reliable.
      if (random.next() < input.availability) heap.push(exponential(random, meanUpMinutes), FAILURE, m, 0);
      else {
        up[m] = 0;
        heap.push(exponential(random, input.meanRepairMinutes), REPAIR, m, 0);
      }
    }
  }

  // FIFO queue of arrival times and arrival periods, consumed from `head`.
  const queueTimes: number[] = [];
  const queuePeriods: number[] = [];
  let head = 0;
  const waits: number[] = [];
  const periodWaitSum = new Float64Array(periods);
  const periodServed = new Float64Array(periods);
  const periodArrived = new Float64Array(periods);
  const periodQueueAtEnd = new Float64Array(periods);

  let open = machines[0] as number;
  let busyCount = 0;
  let closed = false;
  let arrived = 0;
  let served = 0;
  let unserved = 0;
  let leftAtClosing = 0;
  let maxQueue = 0;
  let lastDeparture = 0;
  let events = 0;

  let arrivalPeriod = 0;
  const scheduleArrival = (from: number) => {
    let t = from;
    while (arrivalPeriod < periods) {
      const perMinute = (rates[arrivalPeriod] as number) / 60;
      const end = ends[arrivalPeriod] as number;
      if (perMinute > 0) {
        const candidate = t + exponential(random, 1 / perMinute);
        if (candidate < end) {
          heap.push(candidate, ARRIVAL, arrivalPeriod, 0);
          return;
        }
      }
      // Memorylessness: restarting the clock at the period's end with the next rate is exact.
      t = end;
      arrivalPeriod++;
    }
  };

  const startService = (m: number, now: number) => {
    const arrivedAt = queueTimes[head] as number;
    const period = queuePeriods[head] as number;
    head++;
    if (arrivedAt >= input.warmupMinutes) {
      const wait = now - arrivedAt;
      waits.push(wait);
      periodWaitSum[period] = (periodWaitSum[period] as number) + wait;
      periodServed[period] = (periodServed[period] as number) + 1;
    }
    busy[m] = 1;
    busyCount++;
    const end = now + sample();
    completion[m] = end;
    heap.push(end, COMPLETION, m, stamps[m] as number);
  };

  const dispatch = (now: number) => {
    for (let m = 0; m < open && head < queueTimes.length; m++) {
      if (up[m] === 1 && busy[m] === 0) startService(m, now);
    }
  };

  scheduleArrival(0);
  while (heap.length > 0) {
    const now = heap.topTime();
    const kind = heap.topKind();
    const subject = heap.topSubject();
    const stamp = heap.topStamp();
    heap.pop();
    if (kind === COMPLETION && stamp !== stamps[subject]) continue;
    events++;
    if (kind === ARRIVAL) {
      arrived++;
      periodArrived[subject] = (periodArrived[subject] as number) + 1;
      queueTimes.push(now);
      queuePeriods.push(subject);
      dispatch(now);
      maxQueue = Math.max(maxQueue, queueTimes.length - head);
      scheduleArrival(now);
    } else if (kind === COMPLETION) {
      busy[subject] = 0;
      busyCount--;
      served++;
      lastDeparture = now;
      if (subject < open && head < queueTimes.length) startService(subject, now);
    } else if (kind === FAILURE) {
      up[subject] = 0;
      if (busy[subject] === 1) {
        remaining[subject] = (completion[subject] as number) - now;
        stamps[subject] = (stamps[subject] as number) + 1;
      }
      heap.push(now + exponential(random, input.meanRepairMinutes), REPAIR, subject, 0);
    } else if (kind === REPAIR) {
      up[subject] = 1;
      if (busy[subject] === 1) {
        completion[subject] = now + (remaining[subject] as number);
        heap.push(completion[subject] as number, COMPLETION, subject, stamps[subject] as number);
      } else if (subject < open && head < queueTimes.length) startService(subject, now);
      heap.push(now + exponential(random, meanUpMinutes), FAILURE, subject, 0);
    } else {
      periodQueueAtEnd[subject] = queueTimes.length - head;
      if (subject === periods - 1) {
        closed = true;
        leftAtClosing = queueTimes.length - head;
        if (input.afterClosing === 'leave') {
          unserved += leftAtClosing;
          head = queueTimes.length;
        }
      } else {
        open = machines[subject + 1] as number;
        dispatch(now);
      }
    }
    if (closed && head === queueTimes.length && busyCount === 0) break;
    if (closed && open === 0 && busyCount === 0) {
      unserved += queueTimes.length - head;
      break;
    }
  }

  waits.sort((a, b) => a - b);
  const counted = waits.length;
  let waitSum = 0;
  for (const w of waits) waitSum += w;
  return {
    arrived,
    served,
    leftInQueueAtClosing: leftAtClosing,
    unserved,
    meanWaitMinutes: counted === 0 ? 0 : waitSum / counted,
    p90WaitMinutes: counted === 0 ? 0 : (waits[Math.ceil(0.9 * counted) - 1] as number),
    maxWaitMinutes: counted === 0 ? 0 : (waits[counted - 1] as number),
    maxQueue,
    lastDepartureMinute: Math.max(lastDeparture, 0),
    events,
    periods: Array.from({ length: periods }, (_, p) => ({
      arrived: periodArrived[p] as number,
      meanWaitMinutes:
        (periodServed[p] as number) === 0 ? 0 : (periodWaitSum[p] as number) / (periodServed[p] as number),
      queueAtEnd: periodQueueAtEnd[p] as number,
    })),
  };
}

type ReadOptions = {
  seed: number;
  rates: number[];
  lengths: number[];
  machines: number[];
  serviceMinutes: number;
  serviceCv: number;
  distribution: ServiceDistribution;
  availability: number;
  meanRepairMinutes: number;
  afterClosing: 'serve' | 'leave';
  warmupMinutes: number;
};

function readOptions(options: unknown): ReadOptions {
  const record = requireRecord(options, 'options');
  const seed = requireNumber(record.seed, 'seed', { integer: true });
  const ratesRaw = requireArray(record.arrivalsPerHour, 'arrivalsPerHour');
  if (ratesRaw.length === 0 || ratesRaw.length > MAX_PERIODS) {
    throw new PlanningInputError({
      path: 'arrivalsPerHour',
      code: 'range',
      expected: `an array of 1 to ${MAX_PERIODS} rates`,
      received: ratesRaw,
    });
  }
  const rates = ratesRaw.map((r, i) => requireNumber(r, `arrivalsPerHour[${i}]`, { min: 0 }));
  const lengths =
    record.periodMinutes === undefined
      ? rates.map(() => 60)
      : sameLength(requireArray(record.periodMinutes, 'periodMinutes'), rates.length, 'periodMinutes').map(
          (m, i) => requireNumber(m, `periodMinutes[${i}]`, { min: 0, minExclusive: true, max: 1440 }),
        );
  const machineRule = { min: 0, max: MAX_MACHINES, integer: true };
  const machines =
    typeof record.machinesOpen === 'number'
      ? rates.map(() => requireNumber(record.machinesOpen, 'machinesOpen', machineRule))
      : sameLength(requireArray(record.machinesOpen, 'machinesOpen'), rates.length, 'machinesOpen').map(
          (m, i) => requireNumber(m, `machinesOpen[${i}]`, machineRule),
        );
  let expected = 0;
  for (let p = 0; p < rates.length; p++) expected += ((rates[p] as number) * (lengths[p] as number)) / 60;
  if (expected > MAX_EXPECTED_ARRIVALS) {
    throw new PlanningInputError({
      path: 'arrivalsPerHour',
      code: 'range',
      expected: `rates that bring at most ${MAX_EXPECTED_ARRIVALS} expected arrivals in one run`,
      received: expected,
    });
  }
  const serviceMinutes = requireNumber(record.serviceMinutes, 'serviceMinutes', {
    min: 0,
    minExclusive: true,
  });
  const serviceCv = optionalNumber(record.serviceCv, 'serviceCv', { min: 0, max: MAX_SERVICE_CV }) ?? 1;
  const distribution = record.serviceDistribution ?? 'gamma';
  if (distribution !== 'gamma' && distribution !== 'lognormal') {
    throw new PlanningInputError({
      path: 'serviceDistribution',
      code: 'format',
      expected: '"gamma" or "lognormal"',
      received: distribution,
    });
  }
  const availability =
    optionalNumber(record.availability, 'availability', { min: 0, max: 1, minExclusive: true }) ?? 1;
  const meanRepairMinutes =
    optionalNumber(record.meanRepairMinutes, 'meanRepairMinutes', { min: 0, minExclusive: true }) ?? 30;
  const afterClosing = record.afterClosing ?? 'serve';
  if (afterClosing !== 'serve' && afterClosing !== 'leave') {
    throw new PlanningInputError({
      path: 'afterClosing',
      code: 'format',
      expected: '"serve" or "leave"',
      received: afterClosing,
    });
  }
  const warmupMinutes = optionalNumber(record.warmupMinutes, 'warmupMinutes', { min: 0 }) ?? 0;
  return {
    seed,
    rates,
    lengths,
    machines,
    serviceMinutes,
    serviceCv,
    distribution,
    availability,
    meanRepairMinutes,
    afterClosing,
    warmupMinutes,
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
