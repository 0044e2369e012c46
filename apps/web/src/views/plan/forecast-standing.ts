// Where the reports put an area against the deadline: plan vs actual's expected completion (the
// rest done at the mean rate reported) after the deadline is late, on it or before is on time. The
// plan's headline status and forecast, each status and forecast of its plan per area (the statuses
// through status-shown.ts) and the offer of a re-plan all ask this one question: the page never says
// "on time" beside a forecast it flags late.
import type { AreaStatus } from '../../gql/graphql.ts';

/** The reports' word on an area: late or on time; null before they forecast a completion. */
export type ForecastStanding = Extract<AreaStatus, 'LATE' | 'ON_TIME'> | null;

/**
 * Whether the reports' forecast completion misses the deadline.
 *
 * @param forecastCompletion Plan vs actual's expected completion, ISO date; null before any day is reported whole.
 * @param deadline The scenario's deadline, ISO date.
 *
 * @example forecastStanding('2024-03-24', '2023-11-30') // 'LATE'
 */
export function forecastStanding(
  forecastCompletion: string | null | undefined,
  deadline: string,
): ForecastStanding {
  if (forecastCompletion == null) return null;
  // ISO dates compare as strings.
  return forecastCompletion > deadline ? 'LATE' : 'ON_TIME';
}
