import { optionalNumber, requireNumber, requireRecord } from '../../_internal/validate.ts';
import { MAX_SERVICE_CV } from '../../queueing/_internal/queue-input.ts';
import { readTarget } from '../../queueing/_internal/target.ts';
import { arrivalProfile } from '../arrival-profiles.ts';
import type { SiteDay } from './hourly-model.ts';

/** Validated site, demand and target fields shared by the staffing functions (window left to the caller). */
export function readSiteDay(record: Record<string, unknown>): Omit<SiteDay, 'openMinute' | 'closeMinute'> {
  const visitors = requireNumber(record.dailyVisitors, 'dailyVisitors', { min: 0, max: 10_000_000 });
  const shares = arrivalProfile(record.profile ?? 'mixed', 'profile');
  const serviceMinutes = requireNumber(record.serviceMinutes, 'serviceMinutes', {
    min: 0,
    minExclusive: true,
    max: 1440,
  });
  const serviceCv = optionalNumber(record.serviceCv, 'serviceCv', { min: 0, max: MAX_SERVICE_CV }) ?? 1;
  const availability =
    optionalNumber(record.availability, 'availability', { min: 0, max: 1, minExclusive: true }) ?? 1;
  const target = readTarget(record.target, 'target');
  const maxMachines =
    optionalNumber(record.machinesAvailable, 'machinesAvailable', { min: 1, max: 100_000, integer: true }) ??
    100_000;
  const minMachines = Math.min(
    optionalNumber(record.minMachinesOpen, 'minMachinesOpen', { min: 0, max: 100_000, integer: true }) ?? 1,
    maxMachines,
  );
  return { visitors, shares, serviceMinutes, serviceCv, availability, target, maxMachines, minMachines };
}

export { requireRecord };
