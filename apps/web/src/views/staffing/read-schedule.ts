// The planner's machines per hour as typed in the staffing table, checked in the browser before
// the service is asked to evaluate them (the page asks as the planner types): each box a whole
// number of machines from 0 to what the service takes in an hour, a wrong one named under its
// hour's box in the reader's language rather than as the service's English refusal under none.
import { type FieldProblem, MAX_MACHINES_AT_A_SITE, readNumber } from '../../i18n/field-checks.ts';

export type ReadSchedule =
  /** Every box read: the machines of each hour, in order. */
  | { ok: true; machinesOpen: number[] }
  /** Some box blank or wrong: the problem of each hour's box (blank boxes have none). */
  | { ok: false; problems: (FieldProblem | null)[] };

/**
 * Reads the hours' boxes.
 *
 * @example readSchedule(['2', '-2', ''])
 * // { ok: false, problems: [null, { key: 'check.wholeRange', min: 0, max: 10000 }, null] }
 */
export function readSchedule(boxes: readonly string[]): ReadSchedule {
  const read = boxes.map((text) => readNumber(text, { min: 0, max: MAX_MACHINES_AT_A_SITE, whole: true }));
  const machinesOpen = read.map((one) => ('value' in one ? one.value : null));
  if (machinesOpen.every((machines): machines is number => machines !== null))
    return { ok: true, machinesOpen };
  return { ok: false, problems: read.map((one) => ('problem' in one ? one.problem : null)) };
}
