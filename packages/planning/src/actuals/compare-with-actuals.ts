import { requireAreaIndex } from '../campaign/_internal/prepare-campaign.ts';
import type { CampaignInput } from '../campaign/types.ts';
import { compareArea, prepareComparison } from './_internal/compare-area.ts';
import type { ActualDayReport, CompareWithActualsOptions, PlanComparison } from './types.ts';

/**
 * An area's plan day by day next to what the field reported: variance, throughput per
 * machine-day where reports say how many machines worked, warnings, and when the rest will be
 * done at the mean, best and worst observed daily rates (counting only open days). Reports below
 * the area roll up the tree; where an area reports its own total for a day, that total wins over
 * its children's (a province figure is not added to its districts'). A day when only some areas
 * below reported is `partial`: its variance compares what they did with their part of the plan,
 * and the forecast leaves it out, so a missing report is never read as zero. Only the campaign's
 * days count, from its start to its last day (`campaignLastDay`: the deadline, or the plan's
 * completion when later, carried on by the days reported late while its work is not done): a
 * report dated before counts nowhere, one dated after is added up apart as `servedAfterCampaign`
 * (a phone left on today's date for a campaign long over moves neither the pace nor the forecast).
 * The observed pace counts a day on the machines its reports give, else those the plan stations
 * there, and not at all when they cannot have done its dossiers, more than they do in 24 hours
 * (warned `day-above-maximum`). An area's own total below its teams' reports of the day, which it
 * sets aside, is warned `total-below-team-reports`; more machines reported in the area, or in a
 * pool below it, than the plan stations there is warned `machines-above-planned` and still counts
 * in the pace (machines added beyond the plan make it true; one machine given in the report of
 * every commune it served does not).
 *
 * @example
 * const input = {
 *   areas: [{ code: 'x', name: 'X', eligible: 1000 }],
 *   calendar: { start: '2021-03-19', deadline: '2021-03-28' },
 *   hours: { open: '07:30', close: '22:00' },
 *   service: { minutesPerDossier: 3.48 },
 * };
 * compareWithActuals(input, 'x', [{ date: '2021-03-19', areaCode: 'x', dossiers: 50 }]).forecast?.expected
 * // => '2021-04-07'
 */
export function compareWithActuals(
  input: CampaignInput,
  areaCode: string,
  reports: readonly ActualDayReport[],
  options: CompareWithActualsOptions = {},
): PlanComparison {
  let area = -1;
  const comparison = prepareComparison(
    input,
    (prep) => {
      area = requireAreaIndex(prep, areaCode);
    },
    reports,
    options,
  );
  return compareArea(comparison, area);
}
