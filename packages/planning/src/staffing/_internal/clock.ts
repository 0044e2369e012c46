import { formatTimeOfDay } from '../../time/parse-time-of-day.ts';

/** `HH:mm` of every whole minute of a day, index 1440 being `24:00` (the end of a day). */
let clockTable: string[] | undefined;

/** `formatTimeOfDay(minute, { endOfDay })`, read from a table for whole minutes. */
export function clock(minute: number, endOfDay: boolean): string {
  if (!Number.isInteger(minute)) return formatTimeOfDay(minute, { endOfDay });
  if (clockTable === undefined) {
    clockTable = [];
    for (let m = 0; m < 1440; m++) clockTable.push(formatTimeOfDay(m));
    clockTable.push('24:00');
  }
  if (endOfDay && minute === 1440) return '24:00';
  const wrapped = ((minute % 1440) + 1440) % 1440;
  return clockTable[wrapped] as string;
}
