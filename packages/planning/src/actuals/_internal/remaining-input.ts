import { requireIsoDate } from '../../_internal/validate.ts';
import type { PreparedCampaign } from '../../campaign/_internal/prepare-campaign.ts';
import type { CampaignInput } from '../../campaign/types.ts';
import type { ServiceInput } from '../../capacity/machine-capacity.ts';
import type { AreaInput, AreaNode } from '../../demand/area-tree.ts';
import { listOpenDays, resolveCalendar } from '../../time/open-days.ts';
import type { AccumulatedActuals } from './accumulate.ts';
import { overridesAtPace } from './paces.ts';

/** The first open day after `asOf` (or the start, when later); the day after when none is left. */
export function nextOpenDay(input: CampaignInput, prep: PreparedCampaign, asOf: string): string {
  const dayAfter = requireIsoDate(asOf, 'asOf', prep.calendar.timeZone).plus({ days: 1 });
  const from = dayAfter > prep.calendar.start ? (dayAfter.toISODate() as string) : input.calendar.start;
  const open = listOpenDays(
    resolveCalendar({ ...input.calendar, start: from, deadline: from }),
    prep.window,
    {
      atLeast: 1,
    },
  );
  return open[0]?.date ?? from;
}

/** The remaining campaign: the leaves' served raised, the calendar moved, the paces as overrides. */
export function remainingInput(
  input: CampaignInput,
  prep: PreparedCampaign,
  actuals: AccumulatedActuals,
  start: string,
  paced: ReadonlyMap<number, ServiceInput>,
): CampaignInput {
  const areas = input.areas.map((area, index): AreaInput => {
    const served = actuals.served[index] as number;
    if (served === 0 || (prep.tree.nodes[index] as AreaNode).children.length > 0) return area;
    return { ...area, alreadyServed: (area.alreadyServed ?? 0) + served };
  });
  const serviceOverrides = overridesAtPace(input, prep, paced);
  const { serviceOverrides: _given, ...rest } = input;
  return {
    ...rest,
    areas,
    calendar: { ...input.calendar, start },
    ...(serviceOverrides === undefined ? {} : { serviceOverrides }),
  };
}
