import { optionalNumber } from '../../_internal/validate.ts';

/** Defaults of the optional service figures, filled in here for every reader. */
export const SERVICE_DEFAULTS = {
  serviceCv: 1,
  availability: 1,
  hardCaseShare: 0,
  hardCaseExtraMinutes: 0,
} as const;

/** What takes a machine's time besides ordinary dossiers: breakdowns and hard cases. */
export type ServiceLosses = { availability: number; hardCaseShare: number; hardCaseExtraMinutes: number };

/**
 * Reads `availability`, `hardCaseShare` and `hardCaseExtraMinutes` of a service or an observed
 * throughput, with the same rules and defaults for both (`machineCapacity` and its inverse).
 */
export function readServiceLosses(record: Record<string, unknown>, path: string): ServiceLosses {
  return {
    availability:
      optionalNumber(record.availability, `${path}.availability`, { min: 0, minExclusive: true, max: 1 }) ??
      SERVICE_DEFAULTS.availability,
    hardCaseShare:
      optionalNumber(record.hardCaseShare, `${path}.hardCaseShare`, { min: 0, max: 1 }) ??
      SERVICE_DEFAULTS.hardCaseShare,
    hardCaseExtraMinutes:
      optionalNumber(record.hardCaseExtraMinutes, `${path}.hardCaseExtraMinutes`, { min: 0 }) ??
      SERVICE_DEFAULTS.hardCaseExtraMinutes,
  };
}
