// What the service plans, beyond what the planning library accepts: figures a campaign can have,
// within what GraphQL's Int carries in the answer (2,147,483,647). The library takes any finite
// positive service time and any calendar; the answer of a plan of 10^300 minutes a dossier, of
// populations summing past the Int, or of a 121-year campaign (the library walks ten years) would
// be an internal error or silently cut.
import { PlanningInputError } from '@muster/planning';
import { DateTime } from 'luxon';

/** A dossier takes from 0.6 seconds (the step `solveFor` gives service times in) to a week. */
export const MINUTES_PER_DOSSIER = { min: 0.01, max: 7 * 24 * 60 } as const;
/** The planning library walks a campaign's days for ten years at most. */
export const MAX_CAMPAIGN_DAYS = 3660;
/** Longest roster answered in one call (days): a year, leap day included. */
export const MAX_ROSTER_DAYS = 366;
/** The largest count an Int field of the answer carries. */
export const MAX_INT = 2_147_483_647;
/** Machines an area's allocation may give: more than any country has had (the web app's what-if takes as many). */
export const MAX_MACHINES_PER_AREA = 100_000;

type Bounded = {
  calendar: { start: string; deadline: string };
  machines?: readonly { machines: number }[] | null;
  service: { minutesPerDossier: number; hardCaseExtraMinutes?: number | null };
  areas?: readonly { population?: number | null; eligible?: number | null }[];
};

function refusal(path: string, expected: string, received: unknown): PlanningInputError {
  return new PlanningInputError({ path, code: 'range', expected, received });
}

function minutesPerDossierRefusal(minutesPerDossier: number, path: string): PlanningInputError | null {
  if (minutesPerDossier >= MINUTES_PER_DOSSIER.min && minutesPerDossier <= MINUTES_PER_DOSSIER.max)
    return null;
  return refusal(
    path,
    `minutes from ${MINUTES_PER_DOSSIER.min} to ${MINUTES_PER_DOSSIER.max.toLocaleString('en')} (a week)`,
    minutesPerDossier,
  );
}

/**
 * Refuses a dossier's service time outside {@link MINUTES_PER_DOSSIER}, naming `path` (the field
 * itself): a campaign's, or a site's own in its staffing.
 *
 * @example
 * checkMinutesPerDossier(0, 'minutesPerDossier')
 * // throws PlanningInputError: minutesPerDossier must be minutes from 0.01 to 10,080 (a week), got 0
 */
export function checkMinutesPerDossier(minutesPerDossier: number, path: string): void {
  const refused = minutesPerDossierRefusal(minutesPerDossier, path);
  if (refused) throw refused;
}

/**
 * Every figure of a campaign the service cannot answer for, named under `path` (`input`): the
 * service's, the calendar's span, the machines' counts, the areas' sums.
 */
export function campaignBoundsRefusals(input: Bounded, path: string): PlanningInputError[] {
  const refused: PlanningInputError[] = [];
  const { minutesPerDossier, hardCaseExtraMinutes } = input.service;
  const minutes = minutesPerDossierRefusal(minutesPerDossier, `${path}.service.minutesPerDossier`);
  if (minutes) refused.push(minutes);
  if (hardCaseExtraMinutes != null && !(hardCaseExtraMinutes <= MINUTES_PER_DOSSIER.max)) {
    refused.push(
      refusal(
        `${path}.service.hardCaseExtraMinutes`,
        `at most ${MINUTES_PER_DOSSIER.max.toLocaleString('en')} minutes (a week)`,
        hardCaseExtraMinutes,
      ),
    );
  }
  // A deadline before the start is a campaign with no open day, which the library plans as
  // infeasible (a replan saved as of its deadline starts after it): not refused.
  const { start, deadline } = input.calendar;
  const days = DateTime.fromISO(deadline, { zone: 'utc' }).diff(
    DateTime.fromISO(start, { zone: 'utc' }),
    'days',
  ).days;
  if (days >= MAX_CAMPAIGN_DAYS) {
    refused.push(
      refusal(
        `${path}.calendar.deadline`,
        `a date within ${MAX_CAMPAIGN_DAYS.toLocaleString('en')} days (ten years) of the start, ${start}`,
        deadline,
      ),
    );
  }
  (input.machines ?? []).forEach(({ machines }, index) => {
    if (machines > MAX_MACHINES_PER_AREA) {
      refused.push(
        refusal(
          `${path}.machines[${index}].machines`,
          `at most ${MAX_MACHINES_PER_AREA.toLocaleString('en')} machines an area`,
          machines,
        ),
      );
    }
  });
  for (const field of ['population', 'eligible'] as const) {
    let total = 0;
    for (const area of input.areas ?? []) total += area[field] ?? 0;
    if (total > MAX_INT) {
      refused.push(
        refusal(
          `${path}.areas`,
          `areas whose ${field} sums to at most ${MAX_INT.toLocaleString('en')}`,
          `${total.toLocaleString('en')}`,
        ),
      );
    }
  }
  return refused;
}
