import { prepareCampaign } from './_internal/prepare-campaign.ts';
import type { CampaignInput } from './types.ts';

/**
 * Checks a campaign input as {@link planCampaign} reads it, without planning: throws the
 * `PlanningInputError` planCampaign would, naming fields under `path` when given, and returns
 * nothing for an input it accepts. For forms and stores that keep an input to plan later. The
 * error is a `MalformedInputError`: it reads as the first malformed figure and its `problems` name
 * every one, part by part (areas, calendar, hours, service, machines, service overrides), in the
 * order of the input, so that a form marks them all.
 *
 * @example
 * checkCampaignInput({
 *   areas: [{ code: '40', name: 'Nghệ An' }],
 *   calendar: { start: '2021-03-22', deadline: '2021-06-30' },
 *   hours: { open: '07:30', close: '22:00' },
 *   service: { minutesPerDossier: 3.5 },
 *   machines: [{ areaCode: '40', machines: -1 }],
 * }, 'input')
 * // throws MalformedInputError: input.machines[0].machines must be a non-negative integer, got -1
 */
export function checkCampaignInput(input: CampaignInput, path?: string): void {
  prepareCampaign(input, path);
}
