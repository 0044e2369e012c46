import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { checkCampaignInput } from './check-campaign-input.ts';
import type { CampaignInput } from './types.ts';

const HUNG_NGUYEN: CampaignInput = {
  areas: [{ code: '18001', name: 'Thị trấn Hưng Nguyên', population: 9660 }],
  calendar: { start: '2021-03-19', deadline: '2021-03-31' },
  hours: { open: '07:30', close: '22:00' },
  service: { minutesPerDossier: 3.5 },
  machines: [{ areaCode: '18001', machines: 2 }],
};

function refusal(input: CampaignInput, path?: string): string {
  try {
    checkCampaignInput(input, path);
  } catch (error) {
    if (error instanceof PlanningInputError) return error.message;
    throw error;
  }
  return 'accepted';
}

describe('checkCampaignInput', () => {
  it('accepts the Hưng Nguyên site as planCampaign would', () => {
    expect(refusal(HUNG_NGUYEN)).toBe('accepted');
  });

  it('refuses each bad field as planCampaign would, under the path given', () => {
    expect(refusal({ ...HUNG_NGUYEN, hours: { open: '22:00', close: '25:00' } })).toBe(
      'hours.close must be a time of day "HH:mm" from 00:00 to 24:00, got "25:00"',
    );
    expect(refusal({ ...HUNG_NGUYEN, machines: [{ areaCode: '18001', machines: -2 }] }, 'input')).toBe(
      'input.machines[0].machines must be a non-negative integer, got -2',
    );
    expect(
      refusal(
        {
          ...HUNG_NGUYEN,
          machines: [
            { areaCode: '18001', machines: 2 },
            { areaCode: '18001', machines: 3 },
          ],
        },
        'scenario',
      ),
    ).toBe('scenario.machines[1].areaCode must be an area code listed once, got "18001"');
    expect(refusal({ ...HUNG_NGUYEN, service: { minutesPerDossier: 0 } }, 'input')).toBe(
      'input.service.minutesPerDossier must be a positive number, got 0',
    );
  });
});
