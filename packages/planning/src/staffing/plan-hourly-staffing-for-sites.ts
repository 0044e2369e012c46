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
  // A site written exactly as one before reads exactly as it did: its plan is that one's, with no
  // second reading (a site that fails to read has already thrown).
  const bySite = new Map<string, SiteDayToPlan>();
  const days: SiteDayToPlan[] = list.map((site, i) => {
    const key = plainKey(site);
    const known = key === null ? undefined : bySite.get(key);
    if (known !== undefined) return known;
    const record = requireRecord(site, `sites[${i}]`);
    let day: SiteDayToPlan;
    try {
      day = readSiteDayToPlan(record, readSiteArrivals(record));
    } catch (error) {
      throw error instanceof PlanningInputError ? PlanningInputError.within(`sites[${i}]`, error) : error;
    }
    if (key !== null) bySite.set(key, day);
    return day;
  });
  const plans = new Map<string, HourlyStaffingPlan>();
  const byDay = new Map<SiteDayToPlan, HourlyStaffingPlan>();
  return days.map((day) => {
    let plan = byDay.get(day);
    if (plan !== undefined) return plan;
    const key = JSON.stringify(day);
    plan = plans.get(key);
    if (plan === undefined) {
      plan = planReadSiteDay(day);
      plans.set(key, plan);
    }
    byDay.set(day, plan);
    return plan;
  });
}

/**
 * The site as JSON when that is all a reader can see of it — plain objects and arrays, finite
 * numbers, strings, booleans, null, absent fields — else null (it is then read on its own).
 */
function plainKey(site: unknown): string | null {
  let plain = true;
  let key: string | undefined;
  try {
    key = JSON.stringify(site, function (this: Record<string, unknown>, field: string, value: unknown) {
      // A toJSON method (a Date's, say) shows the reader something else than JSON does.
      if (this[field] !== value) plain = false;
      if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) plain = false;
        return value;
      }
      if (value === undefined) {
        // An absent field reads as undefined either way; a hole in an array would turn into null.
        if (Array.isArray(this)) plain = false;
        return value;
      }
      if (typeof value === 'object') {
        const prototype = Object.getPrototypeOf(value);
        if (prototype !== Object.prototype && prototype !== Array.prototype) plain = false;
        return value;
      }
      plain = false;
      return null;
    });
  } catch {
    // A cycle (or a getter that throws): read on its own, where the reader names what is wrong.
    return null;
  }
  return plain && key !== undefined ? key : null;
}
