import {
  optionalNumber,
  requireArray,
  requireBoolean,
  requireNumber,
  requireRecord,
} from '../_internal/validate.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import type { ShiftTemplate } from './cover-shifts.ts';

/** Rules that candidate shifts follow, in periods (hours, half hours, 15 minutes: the caller's unit). */
export type GenerateShiftsInput = {
  /** Periods in the day or week being covered. */
  periods: number;
  /** Allowed shift lengths in periods. */
  lengths: number[];
  /** A shift may start every this many periods, counted from `earliestStart`. Default 1. */
  startEvery?: number;
  /** First period a shift may start in. Default 0. */
  earliestStart?: number;
  /** A shift must end by this period boundary (exclusive end). Default `periods`. */
  latestEnd?: number;
  /** Shifts may run past the last period into the first (overnight, round the clock). Default `false`. */
  overnight?: boolean;
};

/**
 * Every candidate shift the rules allow, named `start+length`, ready for {@link coverShifts}
 * (pass `cyclic: overnight`).
 *
 * @example
 * generateShifts({ periods: 24, lengths: [8], startEvery: 8 })
 * // => [{ start: 0, length: 8, name: '0+8' }, { start: 8, length: 8, name: '8+8' }, { start: 16, length: 8, name: '16+8' }]
 */
export function generateShifts(input: GenerateShiftsInput): ShiftTemplate[] {
  const record = requireRecord(input, 'input');
  const periods = requireNumber(record.periods, 'periods', { min: 1, integer: true });
  const lengths = requireArray(record.lengths, 'lengths').map((v, i) =>
    requireNumber(v, `lengths[${i}]`, { min: 1, max: periods, integer: true }),
  );
  const startEvery = optionalNumber(record.startEvery, 'startEvery', { min: 1, integer: true }) ?? 1;
  const earliestStart =
    optionalNumber(record.earliestStart, 'earliestStart', { min: 0, max: periods - 1, integer: true }) ?? 0;
  const overnight = record.overnight === undefined ? false : requireBoolean(record.overnight, 'overnight');
  const latestEnd =
    optionalNumber(record.latestEnd, 'latestEnd', {
      min: 1,
      max: overnight ? 2 * periods : periods,
      integer: true,
    }) ?? (overnight ? 2 * periods : periods);
  if (latestEnd <= earliestStart) {
    throw new PlanningInputError({
      path: 'latestEnd',
      code: 'conflict',
      expected: `after earliestStart (${earliestStart})`,
      received: latestEnd,
    });
  }
  const shifts: ShiftTemplate[] = [];
  for (let start = earliestStart; start < periods; start += startEvery) {
    for (const length of [...new Set(lengths)].sort((a, b) => a - b)) {
      const end = start + length;
      if (end > latestEnd || (!overnight && end > periods)) continue;
      shifts.push({ start, length, name: `${start}+${length}` });
    }
  }
  return shifts;
}
