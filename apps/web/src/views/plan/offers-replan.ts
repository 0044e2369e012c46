// Whether the plan view offers the re-plan: where the saved plan itself misses the deadline, and
// where the reports do: plan vs actual's expected completion (the rest done at the mean reported
// rate) falls after the deadline though the plan is on time (a province planned to finish on 9 May
// whose reports forecast 26 August). A plan that sizes the machines, or serves the area with none,
// says what it needs itself: a re-plan has no machines given to change.
import type { AreaStatus } from '../../gql/graphql.ts';
import { forecastStanding } from './forecast-standing.ts';

/**
 * Whether an area's plan view offers "what must change".
 *
 * @param status The saved plan's status for the area.
 * @param forecastCompletion Plan vs actual's expected completion, ISO date; null before any report.
 * @param deadline The scenario's deadline, ISO date.
 *
 * @example offersReplan('ON_TIME', '2021-08-26', '2021-06-30') // true
 */
export function offersReplan(
  status: AreaStatus,
  forecastCompletion: string | null | undefined,
  deadline: string,
): boolean {
  if (status === 'LATE' || status === 'BEYOND_HORIZON') return true;
  return status === 'ON_TIME' && forecastStanding(forecastCompletion, deadline) === 'LATE';
}
