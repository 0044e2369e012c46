import { requireRecord } from '../_internal/validate.ts';
import { planSiteDay } from './_internal/plan-site-day.ts';
import { readSiteArrivals } from './_internal/site-day.ts';
import type { HourlyStaffingOptions, HourlyStaffingPlan } from './types.ts';

/**
 * Machines per clock hour for a site's day: in each hour the fewest that meet the wait target
 * for the people arriving in it, with the queue carried in from earlier hours, within the
 * machines the site has (`machinesAvailable`) and those always kept open (`minMachinesOpen`).
 * Each hour is judged with the transient queue model of `evaluateStaffing` as if its machines
 * stayed open until its arrivals are served; the day chosen is then evaluated as a whole, and an
 * hour that a later drop in machines would push past the target keeps one more machine in the
 * next hour. `machinesNeeded` is the fewest an hour needs whatever the site has; the figures of
 * each hour are those of the whole day as staffed.
 *
 * @example
 * const plan = planHourlyStaffing({ dailyVisitors: 500, hours: { open: '07:30', close: '22:00' },
 *   service: { minutesPerDossier: 3.48 }, machinesAvailable: 2, target: { meanWaitMinutes: 15 } });
 * [plan.meetsTarget, plan.peakMachines] // => [false, 2]  (Hưng Nguyên: 2 scanners cannot keep waits under 15 minutes)
 */
export function planHourlyStaffing(options: HourlyStaffingOptions): HourlyStaffingPlan {
  const record = requireRecord(options, 'options');
  return planSiteDay(record, readSiteArrivals(record));
}
