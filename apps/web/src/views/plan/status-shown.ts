// The status the plan page shows for an area, in its headline and in each row of its plan per area:
// once the reports forecast a completion, theirs (forecast-standing.ts), late or on time whatever the
// saved plan said; before, the saved plan's. The page never says "on time" beside a forecast it flags
// late, and says whose status it shows.
import type { AreaStatus } from '../../gql/graphql.ts';
import { forecastStanding } from './forecast-standing.ts';

export type StatusShown = {
  status: AreaStatus;
  /** The status is the reports' word, not the saved plan's. */
  byReports: boolean;
};

/**
 * The status shown for an area.
 *
 * @param planStatus The saved plan's status for the area.
 * @param forecastCompletion Plan vs actual's expected completion for the area, ISO date; null before
 *   a day is reported whole (or when nobody in it reported).
 * @param deadline The scenario's deadline, ISO date.
 *
 * @example statusShown('ON_TIME', '2022-10-09', '2022-06-30') // { status: 'LATE', byReports: true }
 */
export function statusShown(
  planStatus: AreaStatus,
  forecastCompletion: string | null | undefined,
  deadline: string,
): StatusShown {
  const standing = forecastStanding(forecastCompletion, deadline);
  return standing === null ? { status: planStatus, byReports: false } : { status: standing, byReports: true };
}
