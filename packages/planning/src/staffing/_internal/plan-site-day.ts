import { optionalNumber } from '../../_internal/validate.ts';
import type { ResolvedTarget } from '../../queueing/_internal/target.ts';
import type { HourlyStaffingPlan } from '../types.ts';
import { chooseMachines } from './choose-machines.ts';
import { describeDay } from './describe-day.ts';
import {
  checkModelWork,
  MAX_MACHINES,
  readQueueService,
  readWaitFigures,
  type SitePeriods,
} from './site-day.ts';

/** A site's day read and checked: everything its plan depends on, nothing else. */
export type SiteDayToPlan = {
  periods: SitePeriods;
  service: { serviceMinutes: number; serviceCv: number };
  figures: { target: ResolvedTarget; withinMinutes: number; percentile: number };
  bounds: { available: number; minimum: number };
};

/** Reads the rest of a site's options (service, target, machine bounds) from `record`, its periods already read. */
export function readSiteDayToPlan(record: Record<string, unknown>, periods: SitePeriods): SiteDayToPlan {
  const service = readQueueService(record);
  const figures = readWaitFigures(record, true);
  const target = figures.target as NonNullable<typeof figures.target>;
  const available =
    optionalNumber(record.machinesAvailable, 'machinesAvailable', {
      min: 1,
      max: MAX_MACHINES,
      integer: true,
    }) ?? MAX_MACHINES;
  const minimum = Math.min(
    optionalNumber(record.minMachinesOpen, 'minMachinesOpen', { min: 0, max: MAX_MACHINES, integer: true }) ??
      1,
    available,
  );
  checkModelWork(
    periods,
    periods.arrivalsPerHour.map((r) =>
      Math.min(available, Math.max(minimum, Math.ceil((r * service.serviceMinutes) / 60))),
    ),
    service.serviceMinutes,
    record.dailyVisitors != null ? 'dailyVisitors' : 'arrivalsPerHour',
  );
  return { periods, service, figures: { ...figures, target }, bounds: { available, minimum } };
}

/** The plan of a site's day read by {@link readSiteDayToPlan}. */
export function planReadSiteDay(day: SiteDayToPlan): HourlyStaffingPlan {
  const { periods, service, figures, bounds } = day;
  const choice = chooseMachines(periods, service, figures, bounds);
  // With a target every hour's meetsTarget is a boolean, and the plan's hours carry machinesNeeded.
  return describeDay(
    periods,
    choice.open,
    choice.day,
    { ...figures, serviceCv: service.serviceCv },
    choice.needed,
  ) as HourlyStaffingPlan;
}

/** The plan for a site's periods, the rest of its options (service, target, machine bounds) read from `record`. */
export function planSiteDay(record: Record<string, unknown>, periods: SitePeriods): HourlyStaffingPlan {
  return planReadSiteDay(readSiteDayToPlan(record, periods));
}
