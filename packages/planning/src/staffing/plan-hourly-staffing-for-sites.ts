import { requireArray, requireRecord } from '../_internal/validate.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { planReadSiteDay, readSiteDayToPlan, type SiteDayToPlan } from './_internal/plan-site-day.ts';
import { readSiteArrivals } from './_internal/site-day.ts';
import type { HourlyStaffingOptions, HourlyStaffingPlan } from './types.ts';

/**
 * `planHourlyStaffing` for many sites at once (every commune of a province or of the country),
 * each site's plan exactly the one `planHourlyStaffing` gives it. Sites whose days are the same
 * once read — the same arrivals per clock hour, service, target and machine bounds, as communes
 * with the same whole daily target and profile are — are planned once and share one plan object
 * (treat the plans as read-only). Nothing is kept between calls.
 *
 * @example
 * const plans = planHourlyStaffingForSites([120, 120, 240].map((dailyVisitors) => ({ dailyVisitors,
 *   hours: { open: '07:00', close: '19:00' }, service: { minutesPerDossier: 3.5 }, target: { meanWaitMinutes: 15 } })));
 * [plans[0] === plans[1], plans[2]?.peakMachines] // => [true, 3]  (two communes of 120 a day share one plan)
 */
export function planHourlyStaffingForSites(sites: readonly HourlyStaffingOptions[]): HourlyStaffingPlan[] {
  const list = requireArray(sites, 'sites');
  const days: SiteDayToPlan[] = list.map((site, i) => {
    const record = requireRecord(site, `sites[${i}]`);
    try {
      return readSiteDayToPlan(record, readSiteArrivals(record));
    } catch (error) {
      throw error instanceof PlanningInputError ? PlanningInputError.within(`sites[${i}]`, error) : error;
    }
  });
  const plans = new Map<string, HourlyStaffingPlan>();
  return days.map((day) => {
    const key = JSON.stringify(day);
    let plan = plans.get(key);
    if (plan === undefined) {
      plan = planReadSiteDay(day);
      plans.set(key, plan);
    }
    return plan;
  });
}
