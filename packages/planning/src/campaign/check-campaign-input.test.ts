import { describe, expect, it } from 'vitest';
import { MalformedInputError } from '../errors/malformed-input-error.ts';
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

  it('names every bad figure at once, in the order of the input, reading as the first', () => {
    // A planner's three typos: Sunday written 8, a close past midnight written 25:00, a minus sign.
    const input = {
      ...HUNG_NGUYEN,
      calendar: { ...HUNG_NGUYEN.calendar, closedWeekdays: [6, 8] },
      hours: { open: '07:30', close: '25:00' },
      machines: [{ areaCode: '18001', machines: -2 }],
    };
    let thrown: unknown;
    try {
      checkCampaignInput(input, 'input');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MalformedInputError);
    const error = thrown as MalformedInputError;
    expect(error.problems.map((problem) => [problem.path, problem.code, problem.message])).toEqual([
      [
        'input.calendar.closedWeekdays[1]',
        'range',
        'input.calendar.closedWeekdays[1] must be an integer at least 1 and at most 7, got 8',
      ],
      [
        'input.hours.close',
        'format',
        'input.hours.close must be a time of day "HH:mm" from 00:00 to 24:00, got "25:00"',
      ],
      [
        'input.machines[0].machines',
        'range',
        'input.machines[0].machines must be a non-negative integer, got -2',
      ],
    ]);
    expect([error.path, error.code, error.message]).toEqual([
      'input.calendar.closedWeekdays[1]',
      'range',
      'input.calendar.closedWeekdays[1] must be an integer at least 1 and at most 7, got 8',
    ]);
  });

  it("names every bad area with the campaign's other bad figures, areas first, in the order of the input", () => {
    // An import's two bad rows (a minus sign, a turnout typed as text) and a bad machine count.
    const input = {
      ...HUNG_NGUYEN,
      areas: [
        { code: '412', name: 'Hưng Nguyên' },
        { code: '18001', name: 'Thị trấn Hưng Nguyên', parentCode: '412', population: -9660 },
        { code: '18004', name: 'Hưng Trung', parentCode: '412', turnout: '90%' },
      ],
      calendar: { ...HUNG_NGUYEN.calendar, closedWeekdays: [0] },
      machines: [{ areaCode: '18001', machines: -2 }],
    } as unknown as CampaignInput;
    let thrown: unknown;
    try {
      checkCampaignInput(input, 'input');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MalformedInputError);
    expect((thrown as MalformedInputError).problems.map((problem) => problem.path)).toEqual([
      'input.areas[1].population',
      'input.areas[2].turnout',
      'input.calendar.closedWeekdays[0]',
      'input.machines[0].machines',
    ]);
  });
});
