import { attempt, throwProblems } from '../../_internal/problems.ts';
import { optionalNumber } from '../../_internal/validate.ts';
import type { PlanningInputError } from '../../errors/planning-input-error.ts';

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
 * throughput, with the same rules and defaults for both (`machineCapacity` and its inverse); every
 * malformed one refused at once.
 */
export function readServiceLosses(record: Record<string, unknown>, path: string): ServiceLosses {
  const problems: PlanningInputError[] = [];
  const availability = attempt(
    () => optionalNumber(record.availability, `${path}.availability`, { min: 0, minExclusive: true, max: 1 }),
    problems,
  );
  const hardCaseShare = attempt(
    () => optionalNumber(record.hardCaseShare, `${path}.hardCaseShare`, { min: 0, max: 1 }),
    problems,
  );
  const hardCaseExtraMinutes = attempt(
    () => optionalNumber(record.hardCaseExtraMinutes, `${path}.hardCaseExtraMinutes`, { min: 0 }),
    problems,
  );
  throwProblems(problems);
  return {
    availability: availability ?? SERVICE_DEFAULTS.availability,
    hardCaseShare: hardCaseShare ?? SERVICE_DEFAULTS.hardCaseShare,
    hardCaseExtraMinutes: hardCaseExtraMinutes ?? SERVICE_DEFAULTS.hardCaseExtraMinutes,
  };
}
