export { PlanningInfeasibleError } from './errors/planning-infeasible-error.ts';
export type { PlanningInputErrorCode, PlanningInputErrorOptions } from './errors/planning-input-error.ts';
export { PlanningInputError } from './errors/planning-input-error.ts';
export type { CalendarInput, ListOpenDaysOptions, OpenDay, ResolvedCalendar } from './time/open-days.ts';
export { listOpenDays, resolveCalendar } from './time/open-days.ts';
export type { OpeningHours, OpeningWindow } from './time/opening-window.ts';
export { resolveOpeningWindow, windowHoursOn } from './time/opening-window.ts';
export type { ParseTimeOfDayOptions } from './time/parse-time-of-day.ts';
export { formatTimeOfDay, parseTimeOfDay } from './time/parse-time-of-day.ts';
