import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { planCampaign } from './plan-campaign.ts';
import type { CampaignInput } from './types.ts';

const ROUND_THE_CLOCK = { open: '00:00', close: '24:00' };
// Nghệ An ran three teams day and night, 278 dossiers per machine per day (field report 004).
const NGHE_AN_MINUTES_PER_DOSSIER = 1440 / 278;

const ngheAn = (eligible: number, machines?: number): CampaignInput => ({
  areas: [{ code: '40', name: 'Nghệ An', eligible }],
  calendar: { start: '2021-03-22', deadline: '2021-06-30', timeZone: 'Asia/Ho_Chi_Minh' },
  hours: ROUND_THE_CLOCK,
  service: { minutesPerDossier: NGHE_AN_MINUTES_PER_DOSSIER },
  ...(machines === undefined ? {} : { machines: [{ areaCode: '40', machines }] }),
});

describe('planCampaign on the field figures', () => {
  it('gives Nghệ An 176 machines × 278 = 48,928 dossiers a day', () => {
    const plan = planCampaign(ngheAn(1_000_000, 176));
    expect(plan.capacity.dailyCapacityPerMachine).toBeCloseTo(278, 9);
    expect((plan.areas[0]?.machines ?? 0) * plan.capacity.dailyCapacityPerMachine).toBeCloseTo(48_928, 6);
  });

  it('finishes 2,446,400 dossiers (50 days of 48,928) on the 50th open day, 10 May 2021', () => {
    // 22 March + 49 days = 10 May, counted on a calendar.
    const plan = planCampaign(ngheAn(50 * 48_928, 176));
    expect(plan.areas[0]).toMatchObject({ daysNeeded: 50, completionDate: '2021-05-10', status: 'on-time' });
  });

  it('finishes a day later when one dossier more than 50 full days is asked', () => {
    const plan = planCampaign(ngheAn(50 * 48_928 + 1, 176));
    expect(plan.areas[0]).toMatchObject({ daysNeeded: 51, completionDate: '2021-05-11' });
  });

  it('counts the same 50 days in any year: from 1 January of the year 1, 19 February of the year 1', () => {
    // 1 January + 49 days = 19 February (31 + 19 = 50), counted on a calendar; Date.UTC read the
    // year 1 as 1901.
    const input = ngheAn(50 * 48_928, 176);
    input.calendar = { start: '0001-01-01', deadline: '0001-06-30', timeZone: 'UTC' };
    expect(planCampaign(input).areas[0]).toMatchObject({ daysNeeded: 50, completionDate: '0001-02-19' });
  });

  it('skips closed dates when it counts the completion day', () => {
    const input = ngheAn(2 * 48_928, 176);
    input.calendar.closedDates = ['2021-03-23'];
    expect(planCampaign(input).areas[0]?.completionDate).toBe('2021-03-24');
  });

  it('says a plan is late, when, and how many machines would be on time', () => {
    // 101 open days from 22 March to 30 June; 176 machines do 4,941,728 by then.
    const plan = planCampaign(ngheAn(6_000_000, 176));
    const row = plan.areas[0];
    expect(row?.status).toBe('late');
    expect(row?.meetsDeadline).toBe(false);
    expect(row?.daysNeeded).toBe(Math.ceil(6_000_000 / 48_928));
    expect(row?.machinesNeeded).toBe(Math.ceil(6_000_000 / (278 * 101)));
    expect(row?.reason).toContain(`${Math.ceil(6_000_000 / (278 * 101))} machines finish by the deadline`);
    expect(plan.feasible).toBe(false);
  });

  it('sizes Hưng Nguyên: 500 a day at 3.48 minutes in 07:30–22:00 needs 2 scanners', () => {
    const plan = planCampaign({
      areas: [{ code: '18001', name: 'Thị trấn Hưng Nguyên', eligible: 500 }],
      calendar: { start: '2021-03-20', deadline: '2021-03-20' },
      hours: { open: '07:30', close: '22:00' },
      service: { minutesPerDossier: 3.48 },
    });
    expect(plan.areas[0]).toMatchObject({ machinesNeeded: 2, dailyTarget: 500, status: 'sized' });
  });
});

describe('planCampaign roll-ups', () => {
  const tree: CampaignInput = {
    areas: [
      { code: 'P', name: 'Province', eligibleShare: 0.75 },
      { code: 'D1', name: 'District 1', parentCode: 'P', turnout: 0.8 },
      { code: 'c1', name: 'Commune 1', parentCode: 'D1', population: 10_000 },
      { code: 'c2', name: 'Commune 2', parentCode: 'D1', population: 5_001, alreadyServed: 1_000 },
      { code: 'D2', name: 'District 2', parentCode: 'P' },
      {
        code: 'c3',
        name: 'Commune 3',
        parentCode: 'D2',
        population: 2_000,
        eligible: 1_500,
        alreadyServed: 2_000,
      },
    ],
    calendar: { start: '2021-03-01', deadline: '2021-03-10' },
    hours: { open: '07:00', close: '17:00' },
    service: { minutesPerDossier: 6 },
  };

  it('computes demand on leaves from eligible share and turnout inherited from above, never negative', () => {
    const plan = planCampaign(tree);
    const demand = Object.fromEntries(plan.areas.map((a) => [a.code, a.demand]));
    // c1: 10,000 × 0.75 × 0.8 = 6,000; c2: round(5,001 × 0.75) = 3,751 → round(3,751 × 0.8) = 3,001 − 1,000 = 2,001;
    // c3: 1,500 eligible given, 2,000 already served → 0.
    expect(demand).toEqual({ P: 8_001, D1: 8_001, c1: 6_000, c2: 2_001, D2: 0, c3: 0 });
  });

  it('sizes pooled machines per area and one site per leaf', () => {
    const plan = planCampaign(tree);
    const row = (code: string) => plan.areas.find((a) => a.code === code);
    // 10 open days × 10 h × 10 dossiers an hour = 1,000 dossiers per machine over the period.
    expect(row('c1')?.machinesNeeded).toBe(6);
    expect(row('c2')?.machinesNeeded).toBe(3);
    expect(row('D1')?.machinesNeeded).toBe(9);
    expect(row('P')?.machinesNeededAtSites).toBe(9);
    expect(row('c1')?.dailyTarget).toBe(600);
    expect(row('c2')?.dailyTarget).toBe(201);
    expect(row('P')?.dailyTarget).toBe(801);
  });

  it('splits a province pool over districts and communes by demand in whole machines', () => {
    const plan = planCampaign({ ...tree, machines: [{ areaCode: 'P', machines: 4 }] });
    const row = (code: string) => plan.areas.find((a) => a.code === code);
    expect(row('P')?.machines).toBe(4);
    expect(row('D1')?.machines).toBe(4);
    expect(row('D2')?.machines).toBe(0);
    // Adams: one each, then the next two to the commune with most dossiers per machine (c1: 6,000 / 1, then 6,000 / 2 > 2,001 / 1).
    expect([row('c1')?.machines, row('c2')?.machines]).toEqual([3, 1]);
    // A pool of 4 does 400 a day: 8,001 dossiers take 21 open days, so it is late.
    expect(row('P')).toMatchObject({ daysNeeded: 21, completionDate: '2021-03-21', status: 'late' });
    expect(row('c2')?.completionDate).toBe('2021-03-21');
  });

  it('keeps a district with its own machines apart from the province pool', () => {
    const plan = planCampaign({
      ...tree,
      machines: [
        { areaCode: 'P', machines: 0 },
        { areaCode: 'D1', machines: 9 },
      ],
    });
    const row = (code: string) => plan.areas.find((a) => a.code === code);
    expect(row('D1')).toMatchObject({ machines: 9, servedBy: 'D1', status: 'on-time', daysNeeded: 9 });
    expect(row('P')).toMatchObject({ machines: 9, status: 'on-time' });
  });

  it('reports areas that no machine serves', () => {
    const plan = planCampaign({ ...tree, machines: [{ areaCode: 'c1', machines: 10 }] });
    const row = (code: string) => plan.areas.find((a) => a.code === code);
    expect(row('c1')?.status).toBe('on-time');
    expect(row('c2')).toMatchObject({ status: 'no-machines', completionDate: null });
    expect(row('P')?.status).toBe('no-machines');
    expect(plan.infeasibilities.map((i) => i.areaCode)).toEqual(['P']);
  });
});

describe('planCampaign infeasible asks', () => {
  const base = ngheAn(10_000);

  it('answers a deadline before the start as infeasible, with why', () => {
    const plan = planCampaign({ ...base, calendar: { start: '2021-06-30', deadline: '2021-06-01' } });
    expect(plan.feasible).toBe(false);
    expect(plan.infeasibilities[0]?.code).toBe('deadline-before-start');
    expect(plan.areas[0]).toMatchObject({ machinesNeeded: null, status: 'no-capacity' });
    expect(plan.areas[0]?.reason).toContain('before the start');
  });

  it('answers a window of zero hours as infeasible', () => {
    const plan = planCampaign({ ...base, hours: { open: '08:00', close: '08:00' } });
    expect(plan.infeasibilities[0]?.code).toBe('zero-hour-window');
    expect(plan.areas[0]?.machinesNeeded).toBeNull();
  });

  it('answers zero machines with demand as no machines, never NaN or Infinity', () => {
    const plan = planCampaign(ngheAn(10_000, 0));
    expect(plan.areas[0]).toMatchObject({ status: 'no-machines', daysNeeded: null, completionDate: null });
    expect(JSON.stringify(plan)).not.toMatch(/NaN|Infinity/);
  });
});

describe('planCampaign reasons as codes', () => {
  const base = ngheAn(10_000);
  const tree: CampaignInput = {
    areas: [
      { code: 'P', name: 'Province' },
      { code: 'c1', name: 'Commune 1', parentCode: 'P', eligible: 1_000 },
      { code: 'c2', name: 'Commune 2', parentCode: 'P', eligible: 2_001 },
    ],
    calendar: { start: '2021-03-01', deadline: '2021-03-10' },
    hours: { open: '07:00', close: '17:00' },
    service: { minutesPerDossier: 6 },
    machines: [{ areaCode: 'c1', machines: 10 }],
  };

  // Each sentence counted by hand: Nghệ An's 101 open days from 22 March to 30 June do 278 dossiers
  // a machine-day, 28,078 a machine; 6,000,000 at 176 machines (48,928 a day) take 123 open days,
  // the 123rd being 22 July, 22 after the deadline, and ⌈6,000,000 / 28,078⌉ = 214 machines finish
  // on time; 2,000,000 at one machine need 7,195 days, beyond the 3,660-day horizon, and 72 machines
  // finish on time.
  it.each([
    [
      'late',
      ngheAn(6_000_000, 176),
      '40',
      'finishes on 2021-07-22, 22 open days after the deadline; 214 machines finish by the deadline',
    ],
    [
      'no-machines',
      tree,
      'P',
      '2001 dossiers are in areas that no machine serves: give machines for them or for an area above them',
    ],
    ['zero-machines', ngheAn(10_000, 0), '40', 'zero machines are given for an area with demand'],
    [
      'deadline-before-start',
      { ...base, calendar: { start: '2021-06-30', deadline: '2021-06-01' } },
      '40',
      'the deadline 2021-06-01 is before the start 2021-06-30',
    ],
    [
      'zero-hour-window',
      { ...base, hours: { open: '08:00', close: '08:00' } },
      '40',
      'the window 08:00–08:00 is open zero hours (write round the clock as 00:00–24:00)',
    ],
    [
      'no-open-days',
      {
        ...base,
        calendar: { start: '2021-03-20', deadline: '2021-03-21', closedDates: ['2021-03-20', '2021-03-21'] },
      },
      '40',
      'no day from 2021-03-20 to 2021-03-21 is open',
    ],
    [
      'beyond-horizon',
      ngheAn(2_000_000, 1),
      '40',
      'the machines given would need more than 3660 calendar days; 72 machines finish by the deadline',
    ],
  ] as const)(
    'gives the reason %s its code beside the English sentence',
    (code, input, areaCode, sentence) => {
      const row = planCampaign(input as CampaignInput).areas.find((area) => area.code === areaCode);
      expect([row?.reasonCode, row?.reason]).toEqual([code, sentence]);
    },
  );

  it('gives no code where there is no reason', () => {
    const row = planCampaign(ngheAn(50 * 48_928, 176)).areas[0];
    expect([row?.status, row?.reasonCode, row?.reason]).toEqual(['on-time', null, null]);
  });
});

describe('planCampaign bad input', () => {
  it.each([
    [
      { areas: [{ code: 'a', name: 'A', population: -5 }] },
      'areas[0].population must be a non-negative integer, got -5',
    ],
    [{ areas: [{ code: 'a', name: 'A', eligibleShare: 1.2 }] }, 'areas[0].eligibleShare'],
    [
      {
        areas: [
          { code: 'a', name: 'A' },
          { code: 'a', name: 'B' },
        ],
      },
      'areas[1].code must be unique',
    ],
    [{ areas: [{ code: 'a', name: 'A', parentCode: 'zz' }] }, 'areas[0].parentCode'],
    [
      {
        areas: [
          { code: 'a', name: 'A', parentCode: 'b' },
          { code: 'b', name: 'B', parentCode: 'a' },
        ],
      },
      'must be a parent that does not lead back',
    ],
    [{ calendar: { start: '2021-02-30', deadline: '2021-03-01' } }, 'calendar.start must be an ISO date'],
    [{ hours: { open: '25:00', close: '22:00' } }, 'hours.open'],
    [{ service: { minutesPerDossier: 0 } }, 'service.minutesPerDossier must be a positive number, got 0'],
    [{ service: { minutesPerDossier: 3, availability: 0 } }, 'service.availability'],
    [{ machines: [{ areaCode: 'nowhere', machines: 3 }] }, 'machines[0].areaCode'],
    [
      { machines: [{ areaCode: '40', machines: 2.5 }] },
      'machines[0].machines must be a non-negative integer, got 2.5',
    ],
    [
      {
        machines: [
          { areaCode: '40', machines: 1 },
          { areaCode: '40', machines: 2 },
        ],
      },
      'machines[1].areaCode must be an area code listed once, got "40"',
    ],
  ])('refuses %j naming the field', (patch, message) => {
    const input = { ...ngheAn(1000), ...patch } as CampaignInput;
    expect(() => planCampaign(input)).toThrow(PlanningInputError);
    expect(() => planCampaign(input)).toThrow(message);
  });

  it('names the field under the path the input sits at in the caller’s arguments', () => {
    const input = { ...ngheAn(1000), machines: [{ areaCode: '40', machines: -1 }] };
    expect(() => planCampaign(input, 'input')).toThrow(
      /^input\.machines\[0\]\.machines must be a non-negative integer, got -1$/,
    );
  });
});
