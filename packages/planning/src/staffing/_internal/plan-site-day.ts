import { optionalNumber } from '../../_internal/validate.ts';
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

/** The plan for a site's periods, the rest of its options (service, target, machine bounds) read from `record`. */
export function planSiteDay(record: Record<string, unknown>, periods: SitePeriods): HourlyStaffingPlan {
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
  const choice = chooseMachines(periods, service, { ...figures, target }, { available, minimum });
  // With a target every hour's meetsTarget is a boolean, and the plan's hours carry machinesNeeded.
  return describeDay(
    periods,
    choice.open,
    choice.day,
    { ...figures, serviceCv: service.serviceCv },
    choice.needed,
  ) as HourlyStaffingPlan;
}
