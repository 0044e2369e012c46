import { allRead, attempt } from '../_internal/problems.ts';
import { optionalNumber, requireNumber, requireRecord } from '../_internal/validate.ts';
import type { PlanningInputError } from '../errors/planning-input-error.ts';
import { readServiceLosses, SERVICE_DEFAULTS } from './_internal/read-service.ts';

/** How one machine (computer + scanner + operators) serves dossiers. */
export type ServiceInput = {
  /** Mean minutes to take one ordinary dossier. */
  minutesPerDossier: number;
  /** Coefficient of variation of the service time (1 = exponential). Default 1. */
  serviceCv?: number;
  /** Share of open time a machine works (unstable equipment breaks down). Default 1. */
  availability?: number;
  /** Share of dossiers that take longer (fingerprints hard to scan, retried). Default 0. */
  hardCaseShare?: number;
  /** Extra minutes a hard case takes on top of `minutesPerDossier`. Default 0. */
  hardCaseExtraMinutes?: number;
};

/** The throughput of one machine that follows from a {@link ServiceInput}. */
export type MachineCapacity = {
  minutesPerDossier: number;
  serviceCv: number;
  availability: number;
  hardCaseShare: number;
  hardCaseExtraMinutes: number;
  /** Mean service time with hard cases: `minutesPerDossier + hardCaseShare × hardCaseExtraMinutes`. */
  meanMinutesPerDossier: number;
  /** Coefficient of variation of the mixed service time (ordinary and hard cases). */
  effectiveServiceCv: number;
  /** Dossiers per open machine-hour, breakdowns included: `60 × availability / meanMinutesPerDossier`. */
  dossiersPerMachineHour: number;
};

/**
 * Effective capacity of one machine per open hour, from its service time, breakdowns and hard
 * cases. The service time of a hard case is the ordinary time plus the extra, so the mean is a
 * mixture and so is the variance (which the queueing stage needs). Every malformed figure is
 * refused at once (a `MalformedInputError` that reads as the first).
 *
 * @example
 * machineCapacity({ minutesPerDossier: 3, availability: 0.9, hardCaseShare: 0.1, hardCaseExtraMinutes: 6 }).dossiersPerMachineHour
 * // => 15
 */
export function machineCapacity(service: unknown, path = 'service'): MachineCapacity {
  const record = requireRecord(service, path);
  const problems: PlanningInputError[] = [];
  const minutes = attempt(
    () =>
      requireNumber(record.minutesPerDossier, `${path}.minutesPerDossier`, { min: 0, minExclusive: true }),
    problems,
  );
  const serviceCv =
    attempt(() => optionalNumber(record.serviceCv, `${path}.serviceCv`, { min: 0 }), problems) ??
    SERVICE_DEFAULTS.serviceCv;
  const losses = attempt(() => readServiceLosses(record, path), problems);
  const { minutesPerDossier, read } = allRead({ minutesPerDossier: minutes, read: losses }, problems);
  const { availability, hardCaseShare, hardCaseExtraMinutes } = read;

  const meanMinutesPerDossier = minutesPerDossier + hardCaseShare * hardCaseExtraMinutes;
  const ordinaryVariance = (serviceCv * minutesPerDossier) ** 2;
  const mixtureVariance = ordinaryVariance + hardCaseExtraMinutes ** 2 * hardCaseShare * (1 - hardCaseShare);
  return {
    minutesPerDossier,
    serviceCv,
    availability,
    hardCaseShare,
    hardCaseExtraMinutes,
    meanMinutesPerDossier,
    effectiveServiceCv: Math.sqrt(mixtureVariance) / meanMinutesPerDossier,
    dossiersPerMachineHour: (60 * availability) / meanMinutesPerDossier,
  };
}
