// Every figure of a scenario's campaign (calendar, hours, service, machines) that the service's
// bounds or the planning library refuse, not only the first. Both stop at the first figure they
// refuse, so each figure is judged alone, the others at values both accept; the library names
// each refusal by its own path. Rules between figures (a deadline before the start, ten years at
// most) are judged once every figure they compare is read.
import {
  type AreaInput,
  type CalendarInput,
  checkCampaignInput,
  type MachineAllocation,
  type OpeningHours,
  PlanningInputError,
  resolveCalendar,
  type ServiceInput,
} from '@muster/planning';
import { checkCampaignBounds, MINUTES_PER_DOSSIER } from '../../planning/campaign-bounds.ts';

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

/** Figures both checks accept, for the other figures while one is judged: a one-day campaign. */
const ACCEPTED: Omit<ScenarioCampaign, 'machines'> = {
  calendar: {
    start: '2021-01-01',
    deadline: '2021-01-01',
    timeZone: 'UTC',
    closedDates: [],
    closedWeekdays: [],
  },
  hours: { open: '00:00', close: '24:00' },
  service: { minutesPerDossier: MINUTES_PER_DOSSIER.min },
};

/** The root of the tree a figure other than a machine count is judged in. */
const ANY_AREA: AreaInput = { code: 'root', name: 'root' };

/** The refusal `check` throws, or none; anything else than a refusal goes on up. */
function refusalOf(check: () => void): PlanningInputError[] {
  try {
    check();
    return [];
  } catch (error) {
    if (error instanceof PlanningInputError) return [error];
    throw error;
  }
}

/** The campaign judged by the service's bounds, then by the library as it will plan it. */
function checkCampaign(campaign: ScenarioCampaign, areas: AreaInput[]): void {
  checkCampaignBounds(campaign, 'input');
  checkCampaignInput({ areas, ...campaign }, 'input');
}

/** The campaign with `part` as given and every other figure accepted, judged. */
function judgeAlone(part: Partial<ScenarioCampaign>): void {
  checkCampaign({ ...ACCEPTED, machines: [], ...part }, [ANY_AREA]);
}

/** Each figure of `part` judged alone: in `accepted`, the part's values both checks take. */
function figureRefusals<T extends object>(
  part: T,
  accepted: T,
  check: (part: T) => void,
): PlanningInputError[] {
  return Object.entries(part)
    .filter(([, value]) => value !== undefined)
    .flatMap(([figure, value]) => refusalOf(() => check({ ...accepted, [figure]: value })));
}

/** Each date, zone and closed day alone; then, both read, the deadline against the start and the span. */
function calendarRefusals(
  calendar: ScenarioCampaign['calendar'],
  calendarTyped: boolean,
): PlanningInputError[] {
  const refused = figureRefusals(calendar, ACCEPTED.calendar, (figures) =>
    resolveCalendar(figures, 'input.calendar'),
  );
  // A date not read cannot be compared with the other. Compared, they name the deadline: before
  // the zone and the closed days in the input.
  const { start, deadline } = calendar;
  if (refused.some((refusal) => /^input\.calendar\.(start|deadline)$/.test(refusal.path))) return refused;
  if (calendarTyped && deadline < start) {
    const expected = `a date on or after the start, ${start}`;
    const early = new PlanningInputError({
      path: 'input.calendar.deadline',
      code: 'range',
      expected,
      received: deadline,
    });
    return [early, ...refused];
  }
  const dates = { ...ACCEPTED.calendar, start, deadline };
  return [...refusalOf(() => judgeAlone({ calendar: dates })), ...refused];
}

/** The stand-in area of the machines entry at `index`: a code no area has (areas never hold NUL). */
const standInCode = (index: number): string => `\u0000${index}`;

/** Where a machines entry's refusal sits: its entry, the area before the count. */
function machineRank(refusal: PlanningInputError): number {
  const at = /^input\.machines\[(\d+)\]\.(areaCode|machines)$/.exec(refusal.path);
  return at ? Number(at[1]) * 2 + (at[2] === 'machines' ? 1 : 0) : -1;
}

/**
 * Every machines entry's refused area and count, with `areaRefusals` (the entries whose area the
 * caller refused already), in the order of the entries. The checks name the first; that figure is
 * set aside (an area by a stand-in area of its own, a count at 0) and the checks asked again,
 * until they accept.
 */
function machineRefusals(
  machines: readonly MachineAllocation[],
  areas: AreaInput[] | null,
  areaRefusals: ReadonlyMap<number, PlanningInputError>,
): PlanningInputError[] {
  const root = areas?.[0] ?? ANY_AREA;
  const entries = machines.map(({ areaCode, machines: count }, index) => ({
    areaCode: areas === null || areaRefusals.has(index) ? standInCode(index) : areaCode,
    machines: count,
  }));
  const tree = [
    ...(areas ?? [root]),
    ...machines.map((_, index) => ({ code: standInCode(index), name: 'stand-in', parentCode: root.code })),
  ];
  const refused = [...areaRefusals.values()];
  // Each round sets one figure aside: at most two an entry, then the round that accepts.
  for (let round = 0; round <= 2 * entries.length; round++) {
    const [refusal] = refusalOf(() => checkCampaign({ ...ACCEPTED, machines: entries }, tree));
    if (refusal === undefined) break;
    refused.push(refusal);
    const rank = machineRank(refusal);
    const entry = entries[Math.floor(rank / 2)];
    if (rank < 0 || entry === undefined) break;
    if (rank % 2 === 0) entry.areaCode = standInCode(Math.floor(rank / 2));
    else entry.machines = 0;
  }
  // A stable sort: the bounds judge every count before the library reads the first entry.
  return refused.sort((a, b) => machineRank(a) - machineRank(b));
}

/**
 * Every figure of `campaign` refused, in the order of the input (the calendar's, the hours', the
 * service's, then the machines entry by entry), named under `input`. When none is, the whole
 * campaign is judged once more as it will be planned.
 *
 * @example
 * campaignRefusals({ ...campaign, hours: { open: '25:00', close: '22:00' }, service: { minutesPerDossier: -3 } },
 *   { areas, calendarTyped: true }).map((refusal) => refusal.path)
 * // => ['input.hours.open', 'input.service.minutesPerDossier']
 */
export function campaignRefusals(
  campaign: ScenarioCampaign,
  options: CampaignRefusalOptions,
): PlanningInputError[] {
  const { calendar, hours, service, machines } = campaign;
  const refused = [
    ...calendarRefusals(calendar, options.calendarTyped),
    ...figureRefusals(hours, ACCEPTED.hours, (figures) => judgeAlone({ hours: figures })),
    ...figureRefusals(service, ACCEPTED.service, (figures) => judgeAlone({ service: figures })),
    ...machineRefusals(machines, options.areas, options.areaRefusals ?? new Map()),
  ];
  if (refused.length > 0 || options.areas === null) return refused;
  return refusalOf(() => checkCampaign({ calendar, hours, service, machines }, options.areas as AreaInput[]));
}
