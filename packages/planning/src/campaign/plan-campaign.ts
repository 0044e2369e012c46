import { planPreparedCampaign } from './_internal/plan-prepared-campaign.ts';
import { prepareCampaign } from './_internal/prepare-campaign.ts';
import type { CampaignInput, CampaignPlan } from './types.ts';

/**
 * Plans a campaign: demand per area from population, eligibility, turnout and what is already
 * done; capacity per machine from the service time, breakdowns and hard cases; and over the
 * calendar either how many machines finish by the deadline (no machines given) or when the
 * machines given finish (per area, pools given for any area of the tree). Refusals name the
 * field, under `path` when the input sits inside the caller's own arguments (`input` →
 * `input.areas[3].population`), as `machineCapacity` and `resolveCalendar` do.
 *
 * @example
 * const plan = planCampaign({
 *   areas: [{ code: '40', name: 'Nghệ An', eligible: 489_280 }],
 *   calendar: { start: '2021-03-01', deadline: '2021-03-31', timeZone: 'Asia/Ho_Chi_Minh' },
 *   hours: { open: '00:00', close: '24:00' },
 *   service: { minutesPerDossier: 1440 / 278 },
 *   machines: [{ areaCode: '40', machines: 176 }],
 * });
 * plan.areas[0]?.completionDate // => '2021-03-10' (176 × 278 = 48,928 a day, 10 days)
 */
export function planCampaign(input: CampaignInput, path?: string): CampaignPlan {
  return planPreparedCampaign(prepareCampaign(input, path));
}
