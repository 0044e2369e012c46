// Every figure of a scenario's campaign (calendar, hours, service, machines) that the service's
// bounds or the planning library refuse, not only the first: both name every figure they refuse,
// the library each by its own path. A figure both refuse is named once, by the first to refuse it
// (the caller's judgement of a machines entry's area, then the bounds, then the library). The
// deadline against the start is judged here, once both dates are read.
import {
  type AreaInput,
  type CalendarInput,
  checkCampaignInput,
  type MachineAllocation,
  type OpeningHours,
  PlanningInputError,
  type ServiceInput,
} from '@muster/planning';
import { refusalsOf } from '../../errors.ts';
import { campaignBoundsRefusals } from '../../planning/campaign-bounds.ts';
import { refusalsInInputOrder } from '../../planning/refusals-in-input-order.ts';

/** A scenario's campaign, in the library's shapes. */
export type ScenarioCampaign = {
  calendar: Required<CalendarInput>;
  hours: OpeningHours;
  service: ServiceInput;
  machines: MachineAllocation[];
};

export type CampaignRefusalOptions = {
  /**
   * The areas the machines may name (the scenario's root first, the others under it); null when
   * the root is unknown: the counts are then judged, and not the areas.
   */
  areas: AreaInput[] | null;
  /**
   * The calendar was typed by the caller: a deadline before its start is a typo, refused. A
   * replan's remaining campaign may start after its deadline (saved as of its deadline), and a
   * stored calendar not changed now is not judged for it.
   */
  calendarTyped: boolean;
  /** Machines entries whose area the caller refused already (outside the root), by index. */
  areaRefusals?: ReadonlyMap<number, PlanningInputError>;
};

/** The tree the machines are judged in when the scenario's root is unknown. */
const ANY_AREA: AreaInput = { code: 'root', name: 'root' };

/** Where a machines entry names its area. */
const MACHINES_AREA = /^input\.machines\[\d+\]\.areaCode$/;

/**
 * Every refusal of the library, judging the campaign as it will plan it; with no `areas` known,
 * the machines' areas are not judged (their counts are).
 */
function libraryRefusals(campaign: ScenarioCampaign, areas: AreaInput[] | null): PlanningInputError[] {
  try {
    checkCampaignInput({ areas: areas ?? [ANY_AREA], ...campaign }, 'input');
    return [];
  } catch (error) {
    const refusals = refusalsOf(error);
    if (refusals === null) throw error;
    if (areas !== null) return refusals.problems;
    return refusals.problems.filter((problem) => !MACHINES_AREA.test(problem.path));
  }
}

/** A typed deadline before the start, once the library read both dates (`refused`: its refusals). */
function earlyDeadline(
  { start, deadline }: ScenarioCampaign['calendar'],
  calendarTyped: boolean,
  refused: readonly PlanningInputError[],
): PlanningInputError[] {
  if (!calendarTyped || !(deadline < start)) return [];
  if (refused.some((refusal) => /^input\.calendar\.(start|deadline)$/.test(refusal.path))) return [];
  return [
    new PlanningInputError({
      path: 'input.calendar.deadline',
      code: 'range',
      expected: `a date on or after the start, ${start}`,
      received: deadline,
    }),
  ];
}

/**
 * Every figure of `campaign` refused, in the order of the input (the calendar's, the hours', the
 * service's, then the machines entry by entry), named under `input`.
 *
 * @example
 * campaignRefusals({ ...campaign, hours: { open: '25:00', close: '22:00' }, service: { minutesPerDossier: -3 } },
 *   { areas, calendarTyped: true }).map((refusal) => refusal.path)
 * // => ['input.hours.open', 'input.service.minutesPerDossier']
 */
export function campaignRefusals(
  { calendar, hours, service, machines }: ScenarioCampaign,
  options: CampaignRefusalOptions,
): PlanningInputError[] {
  const campaign = { calendar, hours, service, machines };
  const library = libraryRefusals(campaign, options.areas);
  return refusalsInInputOrder(
    [
      ...(options.areaRefusals?.values() ?? []),
      ...earlyDeadline(calendar, options.calendarTyped, library),
      ...campaignBoundsRefusals(campaign, 'input'),
      ...library,
    ],
    campaign,
    'input',
  );
}
