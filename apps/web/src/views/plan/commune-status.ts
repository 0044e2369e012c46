// The status the plan's map paints a commune in, by the rule of the headline and of each row of the
// plan per area (status-shown.ts): once the reports forecast a completion, theirs; before, the saved
// plan's. A commune whose own reports forecast nothing takes the forecast of the nearest area above
// it whose reports do (a district that reports its total, not each commune's, covers its communes
// so): the map then never paints on time the communes of a district the table says is late by the
// reports, and says whose reports it read.

import { STATUS_COLOURS } from '../../components/status-badge.tsx';
import type { AreaStatus } from '../../gql/graphql.ts';
import { type StatusShown, statusShown } from './status-shown.ts';

export type CommuneStatus = StatusShown & {
  /** The area above the commune whose reports' forecast decides its status; null for its own or the plan's. */
  reportsOf: string | null;
  /** The map's fill for the status: the badge's colour. */
  colour: string;
};

/**
 * The status, and colour, the map gives a commune.
 *
 * @param code The commune's code.
 * @param planStatus The saved plan's status for the commune.
 * @param forecastOf Plan vs actual's expected completion (ISO date) by area code, for the areas whose
 *   reports forecast one: the commune's, and those of the areas above it that the page compared.
 * @param parentOf Each area's parent code (null for the root).
 * @param deadline The scenario's deadline, ISO date.
 *
 * @example
 * communeStatus('24688', 'ON_TIME', new Map([['664', '2022-10-09']]), new Map([['24688', '664']]), '2022-06-30')
 * // { status: 'LATE', byReports: true, reportsOf: '664', colour: '#b91c1c' }
 */
export function communeStatus(
  code: string,
  planStatus: AreaStatus,
  forecastOf: ReadonlyMap<string, string | null | undefined>,
  parentOf: ReadonlyMap<string, string | null | undefined>,
  deadline: string,
): CommuneStatus {
  for (let at: string | null | undefined = code; at; at = parentOf.get(at)) {
    const forecast = forecastOf.get(at);
    if (forecast == null) continue;
    const shown = statusShown(planStatus, forecast, deadline);
    return { ...shown, reportsOf: at === code ? null : at, colour: STATUS_COLOURS[shown.status] };
  }
  return { ...statusShown(planStatus, null, deadline), reportsOf: null, colour: STATUS_COLOURS[planStatus] };
}
