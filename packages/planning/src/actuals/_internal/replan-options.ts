import { requireIsoDate, requireNumber, requireRecord, requireString } from '../../_internal/validate.ts';
import { type PreparedCampaign, requireAreaIndex } from '../../campaign/_internal/prepare-campaign.ts';
import type { Assumption } from '../../campaign/types.ts';
import { PlanningInputError } from '../../errors/planning-input-error.ts';
import type { ReplanPace } from '../types.ts';
import { ACTUALS_DEFAULTS } from './plan-rows.ts';

const PACES: readonly ReplanPace[] = ['planned', 'observed', 'blended'];

/** `ReplanOptions` checked, defaults filled, and which were given. */
export type ReadOptions = {
  asOf: string;
  pace: ReplanPace;
  area: number | null;
  credibilityDays: number;
  paceWarningShare: number;
  given: { pace: boolean; credibilityDays: boolean; paceWarningShare: boolean };
};

export function readReplanOptions(options: unknown, prep: PreparedCampaign): ReadOptions {
  const opts = requireRecord(options, 'options');
  if (opts.asOf === undefined) {
    throw new PlanningInputError({
      path: 'asOf',
      code: 'required',
      expected: 'the last day whose reports count, an ISO date such as "2021-03-20"',
      received: undefined,
    });
  }
  const asOf = requireIsoDate(opts.asOf, 'asOf', prep.calendar.timeZone).toISODate() as string;
  const pace = opts.pace === undefined ? 'blended' : requireString(opts.pace, 'pace');
  if (!PACES.includes(pace as ReplanPace)) {
    throw new PlanningInputError({
      path: 'pace',
      code: 'format',
      expected: `one of ${PACES.join(', ')}`,
      received: pace,
    });
  }
  return {
    asOf,
    pace: pace as ReplanPace,
    area: opts.areaCode === undefined ? null : requireAreaIndex(prep, opts.areaCode, 'areaCode'),
    credibilityDays:
      opts.credibilityDays === undefined
        ? ACTUALS_DEFAULTS.credibilityDays
        : requireNumber(opts.credibilityDays, 'credibilityDays', { min: 0, minExclusive: true }),
    paceWarningShare:
      opts.paceWarningShare === undefined
        ? ACTUALS_DEFAULTS.paceWarningShare
        : requireNumber(opts.paceWarningShare, 'paceWarningShare', { min: 0 }),
    given: {
      pace: opts.pace !== undefined,
      credibilityDays: opts.credibilityDays !== undefined,
      paceWarningShare: opts.paceWarningShare !== undefined,
    },
  };
}

/** The rules and figures a replan rests on, as the plan's assumptions are listed. */
export function replanAssumptions(
  options: ReadOptions,
  hoursPerMachineDay: number,
  start: string,
): Assumption[] {
  const list: Assumption[] = [
    {
      key: 'asOf',
      value: options.asOf,
      source: 'given',
      note: `reports dated up to this day count (earlier than the start too); the remaining campaign starts on ${start}, the first open day after it`,
    },
    {
      key: 'pace',
      value: options.pace,
      source: options.given.pace ? 'given' : 'default',
      note: 'planned: the plan’s service; observed: dossiers per machine-day reported, on the planned machines where a report gives none; blended: weighted n ÷ (n + k) towards the observed',
    },
    {
      key: 'served',
      value: 'leaves',
      source: 'default',
      note: "each leaf's already served is raised by its reports; what an area reported beyond its children's reports is spread over its children that did not report that day (all of them when every one did) in proportion to their demand, and down to the leaves the same way",
    },
    {
      key: 'hoursPerMachineDay',
      value: hoursPerMachineDay,
      source: 'derived',
      note: "the plan's open hours per open day: a pace in dossiers per machine-day is a service time over them",
    },
    {
      key: 'paceWarningShare',
      value: options.paceWarningShare,
      source: options.given.paceWarningShare ? 'given' : 'default',
      note: 'an observed pace further than this share from the planned one is flagged',
    },
    {
      key: 'dayMaximum',
      value: '24 h',
      source: 'default',
      note: "a day's figure is flagged above what its machines (reported, else planned) do in 24 hours at the mean minutes per dossier with hard cases and no breakdown",
    },
  ];
  if (options.pace === 'blended') {
    list.splice(2, 0, {
      key: 'credibilityDays',
      value: options.credibilityDays,
      source: options.given.credibilityDays ? 'given' : 'default',
      note: 'k of the weight n ÷ (n + k) of the observed pace, n the days with machines (reported, else planned): after k such days it counts as much as the plan',
    });
  }
  return list;
}
