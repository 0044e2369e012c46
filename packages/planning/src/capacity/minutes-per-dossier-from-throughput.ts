import { requireNumber, requireRecord } from '../_internal/validate.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { resolveOpeningWindow } from '../time/opening-window.ts';
import { readServiceLosses } from './_internal/read-service.ts';

/** What was observed: dossiers one machine did in a day open for a given window. */
export type ThroughputObservation = {
  dossiersPerMachineDay: number;
  /** The window the machine was open, `{ open: '07:30', close: '22:00' }`; or give `hoursPerDay`. */
  hours?: { open: string; close: string };
  hoursPerDay?: number;
  availability?: number;
  hardCaseShare?: number;
  hardCaseExtraMinutes?: number;
};

/**
 * The ordinary service time implied by an observed throughput: the inverse of
 * `machineCapacity`. Breakdowns and hard cases observed along the way are taken out.
 *
 * @example
 * // Hưng Nguyên: 2 scanners open 07:30–22:00 did 500 dossiers a day, 250 each.
 * minutesPerDossierFromThroughput({ dossiersPerMachineDay: 250, hours: { open: '07:30', close: '22:00' } })
 * // => 3.48
 */
export function minutesPerDossierFromThroughput(observation: unknown, path = 'observation'): number {
  const record = requireRecord(observation, path);
  const dossiers = requireNumber(record.dossiersPerMachineDay, `${path}.dossiersPerMachineDay`, {
    min: 0,
    minExclusive: true,
  });
  const hoursPerDay =
    record.hours !== undefined
      ? resolveOpeningWindow(record.hours, `${path}.hours`).nominalHours
      : requireNumber(record.hoursPerDay, `${path}.hoursPerDay`, { min: 0, minExclusive: true, max: 24 });
  if (hoursPerDay === 0) {
    throw new PlanningInputError({
      path: `${path}.hours`,
      code: 'range',
      expected: 'a window longer than zero',
      received: 0,
    });
  }
  const { availability, hardCaseShare, hardCaseExtraMinutes } = readServiceLosses(record, path);
  const meanMinutes = (hoursPerDay * 60 * availability) / dossiers;
  const ordinary = meanMinutes - hardCaseShare * hardCaseExtraMinutes;
  if (ordinary <= 0) {
    throw new PlanningInputError({
      path: `${path}.dossiersPerMachineDay`,
      code: 'range',
      expected: `fewer than ${Math.floor((hoursPerDay * 60 * availability) / (hardCaseShare * hardCaseExtraMinutes))} when hard cases alone take ${hardCaseShare * hardCaseExtraMinutes} minutes per dossier`,
      received: dossiers,
    });
  }
  return ordinary;
}
