import { requireArray, requireNumber } from '../_internal/validate.ts';

/**
 * Staff needed per period from machines open per period: every open machine needs
 * `operatorsPerMachine` people (a computer, a fingerprint scanner and their operators).
 *
 * @example
 * crewsFromMachines([0, 2, 3], 2) // => [0, 4, 6]
 */
export function crewsFromMachines(machinesPerPeriod: number[], operatorsPerMachine: number): number[] {
  const perMachine = requireNumber(operatorsPerMachine, 'operatorsPerMachine', { min: 1, integer: true });
  return requireArray(machinesPerPeriod, 'machinesPerPeriod').map(
    (v, t) => requireNumber(v, `machinesPerPeriod[${t}]`, { min: 0, integer: true }) * perMachine,
  );
}
