import { type NumberRule, optionalNumber, requireNumber } from '../../_internal/validate.ts';
import { MAX_SERVICE_CV } from '../../queueing/_internal/queue-input.ts';
import { readTarget } from '../../queueing/_internal/target.ts';
import { arrivalProfile } from '../arrival-profiles.ts';
import type { SiteDemand } from './hourly-model.ts';

const VISITORS: NumberRule = Object.freeze({ min: 0, max: 10_000_000 });
const SERVICE_MINUTES: NumberRule = Object.freeze({ min: 0, minExclusive: true, max: 1440 });
const SERVICE_CV: NumberRule = Object.freeze({ min: 0, max: MAX_SERVICE_CV });
const AVAILABILITY: NumberRule = Object.freeze({ min: 0, max: 1, minExclusive: true });
const MACHINES: NumberRule = Object.freeze({ min: 1, max: 100_000, integer: true });
const MIN_MACHINES: NumberRule = Object.freeze({ min: 0, max: 100_000, integer: true });

/** Validated site, demand and target fields shared by the staffing functions (window left to the caller). */
export function readSiteDay(record: Record<string, unknown>): SiteDemand {
  const visitors = requireNumber(record.dailyVisitors, 'dailyVisitors', VISITORS);
  const shares = arrivalProfile(record.profile ?? 'mixed', 'profile');
  const serviceMinutes = requireNumber(record.serviceMinutes, 'serviceMinutes', SERVICE_MINUTES);
  const serviceCv = optionalNumber(record.serviceCv, 'serviceCv', SERVICE_CV) ?? 1;
  const availability = optionalNumber(record.availability, 'availability', AVAILABILITY) ?? 1;
  const target = readTarget(record.target, 'target');
  const maxMachines = optionalNumber(record.machinesAvailable, 'machinesAvailable', MACHINES) ?? 100_000;
  const minMachines = Math.min(
    optionalNumber(record.minMachinesOpen, 'minMachinesOpen', MIN_MACHINES) ?? 1,
    maxMachines,
  );
  return { visitors, shares, serviceMinutes, serviceCv, availability, target, maxMachines, minMachines };
}
