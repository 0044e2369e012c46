// The hours of the planner's schedule that open more machines than the site has. The service
// evaluates such a schedule all the same (the site's machines bound only the hours it recommends,
// not a schedule it is given), so the page warns under the box and still asks, never refuses.
import { MAX_MACHINES_AT_A_SITE, readNumber } from '../../i18n/field-checks.ts';

/** An hour's box above the site's machines: what it opens and what the site has. */
export type MachinesAboveSite = { machinesOpen: number; machinesAvailable: number };

/**
 * For each hour's box as typed, the machines it opens beyond the site's `machinesAvailable` (null
 * when unbounded), or null when it opens no more (or is blank or wrong: readSchedule names those).
 *
 * @example machinesAboveSite(['2', '10', ''], 4)
 * // [null, { machinesOpen: 10, machinesAvailable: 4 }, null]
 */
export function machinesAboveSite(
  boxes: readonly string[],
  machinesAvailable: number | null,
): (MachinesAboveSite | null)[] {
  return boxes.map((text) => {
    const read = readNumber(text, { min: 0, max: MAX_MACHINES_AT_A_SITE, whole: true });
    if (machinesAvailable === null || !('value' in read) || read.value === null) return null;
    return read.value > machinesAvailable ? { machinesOpen: read.value, machinesAvailable } : null;
  });
}
