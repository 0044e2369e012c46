import { describe, expect, it } from 'vitest';
import { demoProvinceAreas } from '../../bench/_data.ts';
import { planCampaign } from '../campaign/plan-campaign.ts';
import type { CampaignInput } from '../campaign/types.ts';
import { refusal } from '../errors/_fixtures/refusal.ts';
import { compareWithActuals } from './compare-with-actuals.ts';
import { replanFromActuals } from './replan-from-actuals.ts';
import type { ActualDayReport, ReplannedArea } from './types.ts';

// One area, 10,000 people to enrol over the 30 open days of April 2021, open 08:00–18:00 (10 h),
// 6 minutes a dossier: 10 an hour, 100 a machine-day. 4 machines plan 400 a day: done on the
// 25th open day, 25 April.
const oneArea: CampaignInput = {
  areas: [{ code: 'x', name: 'X', eligible: 10_000 }],
  calendar: { start: '2021-04-01', deadline: '2021-04-30' },
  hours: { open: '08:00', close: '18:00' },
  service: { minutesPerDossier: 6 },
  machines: [{ areaCode: 'x', machines: 4 }],
};
// Three days reported, each on 4 machines: 300 + 320 + 340 = 960 dossiers over 12 machine-days,
// 80 dossiers per machine-day.
const threeDays: ActualDayReport[] = [
  { date: '2021-04-01', areaCode: 'x', dossiers: 300, machinesWorking: 4 },
  { date: '2021-04-02', areaCode: 'x', dossiers: 320, machinesWorking: 4 },
  { date: '2021-04-03', areaCode: 'x', dossiers: 340, machinesWorking: 4 },
];

const areaOf = (areas: ReplannedArea[], code: string) =>
  areas.find((a) => a.areaCode === code) as ReplannedArea;

describe('replanFromActuals on one area with three days reported', () => {
  it('leaves 9,040 to do from 4 April at the observed 80 dossiers per machine-day', () => {
    const replan = replanFromActuals(oneArea, threeDays, { asOf: '2021-04-03', pace: 'observed' });
    expect(replan.input.calendar.start).toBe('2021-04-04');
    expect(replan.input.areas[0]?.alreadyServed).toBe(960);
    // 10 h at 80 a machine-day is 7.5 minutes a dossier.
    expect(replan.input.serviceOverrides).toEqual([{ areaCode: 'x', service: { minutesPerDossier: 7.5 } }]);
    expect(areaOf(replan.areas, 'x')).toMatchObject({
      demandDossiers: 10_000,
      reportedDossiers: 960,
      servedDossiers: 960,
      remainingDossiers: 9_040,
      observedDossiersPerMachineDay: 80,
      observedMachineDays: 12,
      observedDays: 3,
      plannedDossiersPerMachineDay: 100,
      observedPaceWeight: 1,
      reporting: {
        openDaysSoFar: 3,
        daysReported: 3,
        completeDays: 3,
        partialDays: 0,
        shareOfDaysReported: 1,
        lastOpenDay: '2021-04-03',
        leaves: 1,
        leavesReportedOnLastDay: 1,
        shareOfLeavesReportedOnLastDay: 1,
      },
    });
    // 4 machines × 80 = 320 a day: 9,040 take 28.25, so 29 open days from 4 April: 2 May.
    expect(replan.plan.completionDate).toBe('2021-05-02');
  });

  it('says exactly what must change to finish by 30 April at that pace', () => {
    // 27 open days are left (4–30 April).
    // Machines: 9,040 ÷ (80 × 27) = 4.19, so 5: one more (4 do 8,640).
    // Hours: 80 a machine-day over 10 h is 8 an hour; 9,040 ÷ (4 × 8) = 282.5 machine-hours over
    //   27 days is 10.463 h, 627.8 minutes: 628 (10 h 28 min; 627 do 9,028.8).
    // Pace: 9,040 ÷ (4 × 27) = 83.7, so 84 (83 do 8,964).
    // Deadline: the 29th open day, 2 May, two days late.
    const replan = replanFromActuals(oneArea, threeDays, { asOf: '2021-04-03', pace: 'observed' });
    const change = replan.whatMustChange;
    expect(change?.completionDate).toBe('2021-05-02');
    expect(change?.alternatives).toEqual([
      {
        kind: 'machines',
        addedMachines: 1,
        movedMachines: 0,
        changes: [{ areaCode: 'x', name: 'X', machinesBefore: 4, machinesAfter: 5 }],
        moves: [],
        // X's machines are its own: the late area is X, with its 9,040 left, not named twice.
        lateAreas: [{ areaCode: 'x', name: 'X', poolAreaCode: 'x', remainingDossiers: 9_040 }],
        sentence: '+1 machine in X',
      },
      {
        kind: 'hours-per-day',
        hours: { open: '08:00', close: '18:28' },
        hoursPerDay: 628 / 60,
        addedMinutesPerDay: 28,
        sentence: 'open 28 min longer (08:00–18:28)',
      },
      expect.objectContaining({ kind: 'pace', dossiersPerMachineDay: 84, currentDossiersPerMachineDay: 80 }),
      {
        kind: 'deadline',
        deadline: '2021-05-02',
        slipCalendarDays: 2,
        slipOpenDays: 2,
        sentence: 'finish 2 days late (2021-05-02)',
      },
    ]);
    expect(change?.sentence).toBe(
      'To finish the campaign by 2021-04-30: +1 machine in X, or open 28 min longer (08:00–18:28), or reach 84 dossiers per machine-day (now 80), or finish 2 days late (2021-05-02).',
    );
  });

  it('blends towards the plan while few days are reported', () => {
    // n = 3 days with machines, k = 7: weight 0.3, pace 0.3 × 80 + 0.7 × 100 = 94. 4 × 94 = 376 a
    // day do 9,040 in 24.04, so 25 open days from 4 April: 28 April, on time.
    const replan = replanFromActuals(oneArea, threeDays, { asOf: '2021-04-03' });
    expect(replan.pace).toBe('blended');
    expect(areaOf(replan.areas, 'x').observedPaceWeight).toBeCloseTo(0.3, 12);
    expect(areaOf(replan.areas, 'x').paceDossiersPerMachineDay).toBeCloseTo(94, 9);
    expect(replan.plan.completionDate).toBe('2021-04-28');
    expect(replan.whatMustChange).toBeNull();
    // At the planned 400 a day: 22.6, 23 open days: 26 April.
    const planned = replanFromActuals(oneArea, threeDays, { asOf: '2021-04-03', pace: 'planned' });
    expect(planned.plan.completionDate).toBe('2021-04-26');
    expect(planned.input.serviceOverrides).toBeUndefined();
  });

  it('is the plan from the next open day when nothing was reported', () => {
    const input = { ...oneArea, calendar: { ...oneArea.calendar, closedDates: ['2021-04-04'] } };
    const replan = replanFromActuals(input, [], { asOf: '2021-04-03', pace: 'observed' });
    expect(replan.input.calendar.start).toBe('2021-04-05');
    expect(replan.plan).toEqual(
      planCampaign({ ...input, calendar: { ...input.calendar, start: '2021-04-05' } }),
    );
  });

  it('ignores reports after asOf', () => {
    const later = [...threeDays, { date: '2021-04-04', areaCode: 'x', dossiers: 5_000, machinesWorking: 4 }];
    const replan = replanFromActuals(oneArea, later, { asOf: '2021-04-03', pace: 'observed' });
    expect(areaOf(replan.areas, 'x').remainingDossiers).toBe(9_040);
  });

  it('counts nothing reported before the campaign’s start (a mistyped year), as plan vs actual', () => {
    // 2020-04-02 is a year before the start: still 960 served over 12 machine-days (80 each).
    const mistyped = [
      ...threeDays,
      { date: '2020-04-02', areaCode: 'x', dossiers: 5_000, machinesWorking: 1 },
    ];
    const replan = replanFromActuals(oneArea, mistyped, { asOf: '2021-04-03', pace: 'observed' });
    expect(areaOf(replan.areas, 'x')).toMatchObject({
      reportedDossiers: 960,
      servedDossiers: 960,
      remainingDossiers: 9_040,
      observedDossiersPerMachineDay: 80,
      observedMachineDays: 12,
      observedDays: 3,
    });
    expect(replan.plan.completionDate).toBe('2021-05-02');
  });

  it('flags a pace beyond the margin and a day above 24 hours of its machines', () => {
    // −20 % is on the default margin, not beyond it; beyond a 10 % margin.
    expect(replanFromActuals(oneArea, threeDays, { asOf: '2021-04-03' }).warnings).toEqual([]);
    const strict = replanFromActuals(oneArea, threeDays, { asOf: '2021-04-03', paceWarningShare: 0.1 });
    expect(strict.warnings).toEqual([
      expect.objectContaining({
        kind: 'pace-differs',
        areaCode: 'x',
        observedDossiersPerMachineDay: 80,
        plannedDossiersPerMachineDay: 100,
        observedDays: 3,
      }),
    ]);
    expect(strict.warnings[0]?.kind === 'pace-differs' && strict.warnings[0].differenceShare).toBeCloseTo(
      -0.2,
      12,
    );
    // One machine at 6 minutes does at most 1,440 ÷ 6 = 240 in 24 hours.
    const day = replanFromActuals(
      oneArea,
      [
        { date: '2021-04-01', areaCode: 'x', dossiers: 240, machinesWorking: 1 },
        { date: '2021-04-02', areaCode: 'x', dossiers: 241, machinesWorking: 1 },
      ],
      { asOf: '2021-04-02', paceWarningShare: 10 },
    );
    expect(day.warnings).toEqual([
      expect.objectContaining({
        kind: 'day-above-maximum',
        date: '2021-04-02',
        dossiers: 241,
        machines: 1,
        machinesFrom: 'reported',
        maximumDossiers: 240,
      }),
    ]);
  });
});

describe('replanFromActuals on a day above what its reported machines do in 24 hours', () => {
  // The three days at 80 a machine-day, then 1,200 dossiers on 4 machines on 4 April: 4 machines
  // at 6 minutes do at most 4 × 1,440 ÷ 6 = 960 in 24 hours, so they cannot have done it (a
  // typing error). Served 960 + 1,200 = 2,160; 7,840 left from 5 April.
  const aboveDay = [...threeDays, { date: '2021-04-04', areaCode: 'x', dossiers: 1_200, machinesWorking: 4 }];

  it('counts it in no pace, as a day above its planned machines, and finishes at the pace of the others', () => {
    // Pace: the three days only, 960 ÷ 12 machine-days = 80 (with the 4th, 2,160 ÷ 16 = 135).
    // At 80, 4 machines do 320 a day: 7,840 ÷ 320 = 24.5, so 25 open days from 5 April: 29 April
    // (at 135, 540 a day: 14.5, 15 open days: 19 April, ten days too early).
    const replan = replanFromActuals(oneArea, aboveDay, { asOf: '2021-04-04', pace: 'observed' });
    expect(areaOf(replan.areas, 'x')).toMatchObject({
      servedDossiers: 2_160,
      remainingDossiers: 7_840,
      observedDossiersPerMachineDay: 80,
      observedMachineDays: 12,
      observedDays: 3,
    });
    expect(replan.plan.completionDate).toBe('2021-04-29');
    expect(replan.warnings).toEqual([
      expect.objectContaining({
        kind: 'day-above-maximum',
        date: '2021-04-04',
        dossiers: 1_200,
        machines: 4,
        machinesFrom: 'reported',
        maximumDossiers: 960,
      }),
    ]);
    const compared = compareWithActuals(oneArea, 'x', aboveDay);
    expect([compared.observedDossiersPerMachineDay, compared.observedMachineDays]).toEqual([80, 12]);
  });
});

describe('replanFromActuals bounding the pace by what a machine does in 24 hours', () => {
  // The same area and three days at 80 a machine-day, with more people. A machine at the
  // scenario's 6 minutes a dossier does 1,440 ÷ 6 = 240 in 24 hours, whatever pace it is replanned
  // at: the observed 80 is a service of 600 ÷ 80 = 7.5 minutes (1,440 ÷ 7.5 = 192), the blended
  // 0.3 × 80 + 0.7 × 100 = 94 one of 6.38 minutes (225.6); neither is the machine's bound.
  // 27 open days are left (4–30 April) on 4 machines, 960 served.
  const withEligible = (eligible: number): CampaignInput => ({
    ...oneArea,
    areas: [{ code: 'x', name: 'X', eligible }],
  });
  const paceOf = (replan: ReturnType<typeof replanFromActuals>) =>
    replan.whatMustChange?.alternatives.find((a) => a.kind === 'pace');

  for (const [pace, now] of [
    ['observed', 80],
    ['blended', 94],
  ] as const) {
    it(`offers a pace a machine can do in 24 hours at the ${pace} pace (230, under 240)`, () => {
      // 25,700 − 960 = 24,740 ÷ (4 × 27) = 229.07, so 230 (229 do 24,732).
      const replan = replanFromActuals(withEligible(25_700), threeDays, { asOf: '2021-04-03', pace });
      expect(paceOf(replan)).toMatchObject({
        dossiersPerMachineDay: 230,
        aboveDayMaximum: false,
        sentence: `reach 230 dossiers per machine-day (now ${now})`,
      });
    });

    it(`names 240 as a machine's 24 hours at the ${pace} pace when more is needed (269)`, () => {
      // 30,000 − 960 = 29,040 ÷ (4 × 27) = 268.9, so 269 (268 do 28,944).
      const replan = replanFromActuals(withEligible(30_000), threeDays, { asOf: '2021-04-03', pace });
      expect(paceOf(replan)).toMatchObject({
        dossiersPerMachineDay: 269,
        aboveDayMaximum: true,
        sentence: `reach 269 dossiers per machine-day (now ${now}), more than a machine does in 24 hours at the modelled service time (240)`,
      });
    });
  }
});

describe('replanFromActuals where totals above the leaves were reported', () => {
  // A province P with districts A, B, C of 6,000, 3,000 and 1,000 people.
  const province: CampaignInput = {
    areas: [
      { code: 'P', name: 'P' },
      { code: 'A', name: 'A', parentCode: 'P', eligible: 6_000 },
      { code: 'B', name: 'B', parentCode: 'P', eligible: 3_000 },
      { code: 'C', name: 'C', parentCode: 'P', eligible: 1_000 },
    ],
    calendar: { start: '2021-04-01', deadline: '2021-04-30' },
    hours: { open: '08:00', close: '18:00' },
    service: { minutesPerDossier: 6 },
    machines: [{ areaCode: 'P', machines: 4 }],
  };

  it('places each total on the areas that did not report, in proportion to their demand', () => {
    // 1 April: P reports 1,000 and A 400 of them; the other 600 go to B and C as 3 : 1, 450 and 150.
    // 2 April: P reports 500 but A and B report 300 each: P's total wins, 250 each.
    // 3 April: a team of P reports 90 (no total of P), A 10: the 90 go to B and C, 67.5 and 22.5,
    //   the spare one to B, the earlier: 68 and 22.
    // Served: A 400 + 250 + 10 = 660, B 450 + 250 + 68 = 768, C 150 + 22 = 172; 1,600 in all.
    const reports: ActualDayReport[] = [
      { date: '2021-04-01', areaCode: 'P', dossiers: 1_000 },
      { date: '2021-04-01', areaCode: 'A', dossiers: 400 },
      { date: '2021-04-02', areaCode: 'P', dossiers: 500 },
      { date: '2021-04-02', areaCode: 'A', dossiers: 300 },
      { date: '2021-04-02', areaCode: 'B', dossiers: 300 },
      { date: '2021-04-03', areaCode: 'P', teamCode: 'mobile-1', dossiers: 90 },
      { date: '2021-04-03', areaCode: 'A', dossiers: 10 },
    ];
    const replan = replanFromActuals(province, reports, { asOf: '2021-04-03' });
    const figures = (code: string) => {
      const area = areaOf(replan.areas, code);
      return [area.reportedDossiers, area.servedDossiers, area.remainingDossiers];
    };
    expect(figures('P')).toEqual([1_600, 1_600, 8_400]);
    expect(figures('A')).toEqual([710, 660, 5_340]);
    expect(figures('B')).toEqual([300, 768, 2_232]);
    expect(figures('C')).toEqual([0, 172, 828]);
    expect(replan.input.areas.map((a) => a.alreadyServed)).toEqual([undefined, 660, 768, 172]);
  });

  it('counts a partial day as partial and its pace from the districts that reported', () => {
    // 1 April: A does 250 on 2 machines, B 60 on 1, C nothing reported. P's day is partial (2 of
    // 3 districts) at (250 + 60) ÷ 3 machine-days, not diluted by C.
    const replan = replanFromActuals(
      province,
      [
        { date: '2021-04-01', areaCode: 'A', dossiers: 250, machinesWorking: 2 },
        { date: '2021-04-01', areaCode: 'B', dossiers: 60, machinesWorking: 1 },
      ],
      { asOf: '2021-04-01', areaCode: 'P', paceWarningShare: 10 },
    );
    const p = areaOf(replan.areas, 'P');
    expect(p.observedDossiersPerMachineDay).toBeCloseTo(310 / 3, 12);
    expect(p.reporting).toMatchObject({
      completeDays: 0,
      partialDays: 1,
      leavesReportedOnLastDay: 2,
      leaves: 3,
    });
    expect(replan.warnings).toEqual([
      expect.objectContaining({
        kind: 'partial-day',
        areaCode: 'P',
        date: '2021-04-01',
        leavesReported: 2,
        leaves: 3,
        missingAreaCodes: ['C'],
      }),
    ]);
  });
});

describe('replanFromActuals choosing where machines go', () => {
  // Districts with machines of their own: A 1,000 people on 5 machines, B on 1; 10 open days of
  // 10 h at 6 minutes, 100 a machine-day. A needs 1 machine and has 4 to spare.
  const districts = (bEligible: number): CampaignInput => ({
    areas: [
      { code: 'P', name: 'Province' },
      { code: 'A', name: 'District A', parentCode: 'P', eligible: 1_000 },
      { code: 'B', name: 'District B', parentCode: 'P', eligible: bEligible },
    ],
    calendar: { start: '2021-04-01', deadline: '2021-04-10' },
    hours: { open: '08:00', close: '18:00' },
    service: { minutesPerDossier: 6 },
    machines: [
      { areaCode: 'A', machines: 5 },
      { areaCode: 'B', machines: 1 },
    ],
  });

  it('moves machines from a district ahead to one behind before adding any', () => {
    // B: 3,000 need 3 machines, 2 more: both moved from A.
    const replan = replanFromActuals(districts(3_000), [], { asOf: '2021-03-31', areaCode: 'P' });
    expect(replan.whatMustChange?.alternatives[0]).toEqual({
      kind: 'machines',
      addedMachines: 0,
      movedMachines: 2,
      changes: [
        { areaCode: 'A', name: 'District A', machinesBefore: 5, machinesAfter: 3 },
        { areaCode: 'B', name: 'District B', machinesBefore: 1, machinesAfter: 3 },
      ],
      moves: [{ fromAreaCode: 'A', toAreaCode: 'B', machines: 2 }],
      // B's machines are its own and nothing was reported: all its 3,000 are left.
      lateAreas: [{ areaCode: 'B', name: 'District B', poolAreaCode: 'B', remainingDossiers: 3_000 }],
      sentence: 'move 2 machines from District A to District B',
    });
  });

  it('adds what moving cannot cover', () => {
    // B: 8,000 need 8 machines, 7 more: A's 4 spare and 3 new.
    const replan = replanFromActuals(districts(8_000), [], { asOf: '2021-03-31', areaCode: 'P' });
    expect(replan.whatMustChange?.alternatives[0]).toMatchObject({
      addedMachines: 3,
      movedMachines: 4,
      sentence: 'move 4 machines from District A to District B and +3 machines in District B',
    });
  });
});

describe('replanFromActuals on the Đắk Nông field reports (19–20 March 2021)', () => {
  // Demo scenario: 437,513 people aged 14+ in the 71 communes, 24 machines for the province,
  // 05:00–24:00 at 3.5 minutes a dossier (325.7 a machine-day), from 15 March. Reported: 15,574
  // province-wide over 19–20 March (no split by day: half each), Đắk Song 1,085 and Đắk Glong
  // 1,123 on the 20th. No report says how many machines worked.
  const dakNong = (deadline: string): CampaignInput => ({
    areas: demoProvinceAreas('67'),
    calendar: { start: '2021-03-15', deadline, timeZone: 'Asia/Ho_Chi_Minh' },
    hours: { open: '05:00', close: '24:00' },
    service: { minutesPerDossier: 3.5 },
    machines: [{ areaCode: '67', machines: 24 }],
  });
  const fieldReports: ActualDayReport[] = [
    { date: '2021-03-19', areaCode: '67', dossiers: 7_787 },
    { date: '2021-03-20', areaCode: '67', dossiers: 7_787 },
    { date: '2021-03-20', areaCode: '665', dossiers: 1_085 },
    { date: '2021-03-20', areaCode: '661', dossiers: 1_123 },
  ];

  it('leaves 421,939 from 21 March and flags Đắk Glong’s 1,123 on its 2 planned machines', () => {
    const replan = replanFromActuals(dakNong('2021-06-30'), fieldReports, {
      asOf: '2021-03-20',
      areaCode: '67',
    });
    expect(replan.input.calendar.start).toBe('2021-03-21');
    expect(areaOf(replan.areas, '67')).toMatchObject({
      reportedDossiers: 15_574,
      servedDossiers: 15_574,
      remainingDossiers: 437_513 - 15_574,
      // No report says how many machines worked: the province's own totals count on the 24 it is
      // planned to have, 15,574 ÷ (2 days × 24) = 324.46 (the forecast carries its 7,787 a day on).
      observedDossiersPerMachineDay: 15_574 / 48,
      observedMachineDays: 48,
      reporting: {
        openDaysSoFar: 6,
        daysReported: 2,
        completeDays: 2,
        leaves: 71,
        leavesReportedOnLastDay: 71,
      },
    });
    // Đắk Glong (44,030 of the 437,513) keeps its 1,123 and takes its share of the 19th's 7,787:
    // 7,787 × 44,030 ÷ 437,513 = 783.7.
    expect(areaOf(replan.areas, '661').servedDossiers).toBeGreaterThanOrEqual(1_123 + 783);
    expect(areaOf(replan.areas, '661').servedDossiers).toBeLessThanOrEqual(1_123 + 784);
    // Two machines at 3.5 minutes do at most 2 × 1,440 ÷ 3.5 = 822.9 in 24 hours: they cannot have
    // done it, so the day counts in no pace of Đắk Glong's (Đắk Song's 1,085 on its 3 planned,
    // 361.7 a machine-day, is 11 % above the plan's 325.7, within the margin).
    expect(areaOf(replan.areas, '661').observedDossiersPerMachineDay).toBeNull();
    expect(areaOf(replan.areas, '665').observedDossiersPerMachineDay).toBeCloseTo(1_085 / 3, 9);
    expect(replan.warnings).toEqual([
      expect.objectContaining({
        kind: 'day-above-maximum',
        areaCode: '661',
        date: '2021-03-20',
        dossiers: 1_123,
        machines: 2,
        machinesFrom: 'planned',
        maximumDossiers: 822,
      }),
    ]);
    expect(replan.whatMustChange).toBeNull();
  });

  it('warns, as plan vs actual does, of 71 commune rows of 1 machine each and of a total below its team’s report', () => {
    // 23 March: each of the 71 communes says 1 machine and 110 dossiers, 71 machines against the
    // province's 24; Xã Nam Bình (24721) also has a planner's tally of 142 beside the Đắk Song
    // team's 300, set aside (the tally stands in for its row of 110).
    const communes = dakNong('2021-06-30').areas.filter((area) => area.level === 'commune');
    const reports: ActualDayReport[] = [
      ...communes
        .filter((commune) => commune.code !== '24721')
        .map((commune) => ({
          date: '2021-03-23',
          areaCode: commune.code,
          dossiers: 110,
          machinesWorking: 1,
        })),
      { date: '2021-03-23', areaCode: '24721', dossiers: 142, machinesWorking: 1 },
      { date: '2021-03-23', areaCode: '24721', teamCode: 'DN-DAK-SONG', dossiers: 300 },
    ];
    const replan = replanFromActuals(dakNong('2021-06-30'), reports, { asOf: '2021-03-23', areaCode: '67' });
    expect(
      replan.warnings.flatMap((warning) =>
        warning.kind === 'machines-above-planned'
          ? [[warning.areaCode, warning.machinesReported, warning.machinesPlanned]]
          : warning.kind === 'total-below-team-reports'
            ? [[warning.areaCode, warning.totalDossiers, warning.teamDossiers]]
            : [],
      ),
    ).toEqual([
      ['24721', 142, 300],
      ['67', 71, 24],
    ]);
  });

  it('says what must change had the province aimed at 30 April', () => {
    // 41 open days from 21 March to 30 April, 325.71 a machine-day:
    // machines 421,939 ÷ (325.71 × 41) = 31.6, so 32: 8 more;
    // pace 421,939 ÷ (24 × 41) = 428.8, so 429 — above the 411.4 a machine does in 24 hours;
    // hours: 428.8 a machine-day at 17.14 an hour is 25 hours a day: not possible;
    // deadline: 421,939 ÷ (24 × 325.71) = 53.97, the 54th open day from 21 March: 13 May.
    // The pace counted now, 326, blends the province's 324.5 on its 24 planned machines at
    // 2 ÷ (2 + 7) and Đắk Song's 361.7 on its 3 at 1 ÷ (1 + 7) (Đắk Glong's 1,123 on its 2 is more
    // than they do in 24 hours, counted in no pace).
    const replan = replanFromActuals(dakNong('2021-04-30'), fieldReports, {
      asOf: '2021-03-20',
      areaCode: '67',
    });
    const alternatives = replan.whatMustChange?.alternatives ?? [];
    expect(alternatives.map((a) => a.kind)).toEqual(['machines', 'infeasible', 'pace', 'deadline']);
    expect(alternatives[0]).toMatchObject({
      addedMachines: 8,
      changes: [{ areaCode: '67', machinesAfter: 32 }],
    });
    expect(alternatives[1]).toMatchObject({ alternative: 'hours-per-day', reason: 'more-than-a-day' });
    expect(alternatives[2]).toMatchObject({ dossiersPerMachineDay: 429, aboveDayMaximum: true });
    expect(alternatives[3]).toMatchObject({ deadline: '2021-05-13', slipCalendarDays: 13 });
    // The 8 machines are for the province's 8 districts, all with work left. Most left first: the
    // 19th's 7,787 went to every district by its people (1.78 %), the 20th's 7,787 less Đắk Song's
    // 1,085 and Đắk Glong's 1,123 to the six others (1.65 %): Đắk Mil 70,863 − 2,433 = 68,430, Cư Jút
    // 66,976 − 2,299 = 64,677, Đắk R'Lấp 60,871 − 2,090 = 58,781, ahead of Đắk Song's 56,037 − 997
    // − 1,085 = 53,955; the other 5 are summed up.
    expect(replan.whatMustChange?.sentence).toBe(
      "To finish Tỉnh Đắk Nông (67) by 2021-04-30: +8 machines in Tỉnh Đắk Nông for Huyện Đắk Mil, Huyện Cư Jút, Huyện Đắk R'Lấp and 5 more, or reach 429 dossiers per machine-day (now 326), more than a machine does in 24 hours at the modelled service time (411), or finish 13 days late (2021-05-13). Opening longer cannot do it: the machines given would need more than 24 hours a day for 41 open days.",
    );
  });
});

describe('replanFromActuals and plan vs actual on reports that give no machines', () => {
  // A province P of 2,000 people (A 1,200, B 800), a pool of 2 machines at P, open 08:00–18:00 at
  // 6 minutes a dossier: 100 a machine-day, 200 a day. Every day of 1–12 April is open: the plan
  // is done on the 10th open day, 10 April, two days early.
  const province: CampaignInput = {
    areas: [
      { code: 'P', name: 'P' },
      { code: 'A', name: 'A', parentCode: 'P', eligible: 1_200 },
      { code: 'B', name: 'B', parentCode: 'P', eligible: 800 },
    ],
    calendar: { start: '2021-04-01', deadline: '2021-04-12' },
    hours: { open: '08:00', close: '18:00' },
    service: { minutesPerDossier: 6 },
    machines: [{ areaCode: 'P', machines: 2 }],
  };
  // The province's own totals, with no machines working: 150 a day on 1–3 April, 450 in all.
  const totals: ActualDayReport[] = ['2021-04-01', '2021-04-02', '2021-04-03'].map((date) => ({
    date,
    areaCode: 'P',
    dossiers: 150,
  }));

  it('finishes the rest on the day the forecast says, and says what must change to make the deadline', () => {
    // 1,550 are left. At the 150 a day seen, 1,550 ÷ 150 = 10.33: 11 open days from 4 April, 14 April.
    const compared = compareWithActuals(province, 'P', totals);
    expect(compared.forecast?.expected).toBe('2021-04-14');
    // The same pace per machine-day on the 2 machines the plan puts at P: 450 ÷ (3 days × 2) = 75,
    // 2 × 75 = 150 a day, so the replan finishes on 14 April too, not on the plan's 200 a day
    // (1,550 ÷ 200 = 7.75: 11 April, on time).
    expect(compared.observedDossiersPerMachineDay).toBe(75);
    expect(compared.observedMachineDays).toBe(6);
    const replan = replanFromActuals(province, totals, { asOf: '2021-04-03', pace: 'observed' });
    expect(areaOf(replan.areas, 'P')).toMatchObject({
      remainingDossiers: 1_550,
      observedDossiersPerMachineDay: 75,
      observedMachineDays: 6,
      observedDays: 3,
      observedPaceWeight: 1,
    });
    expect(replan.plan.completionDate).toBe('2021-04-14');
    // 9 open days are left to the deadline (4–12 April).
    // Machines: 1,550 ÷ (75 × 9) = 2.3, so 3: one more (2 do 1,350).
    // Hours: 75 over 10 h is 7.5 an hour; 1,550 ÷ (2 × 7.5 × 9) = 11.48 h, 688.9 minutes: 689,
    //   11 h 29 min, 08:00–19:29 (688 do 2 × 7.5 × 688 ÷ 60 × 9 = 1,548).
    // Pace: 1,550 ÷ (2 × 9) = 86.1, so 87 (86 do 1,548).
    // Deadline: the 11th open day, 14 April, two days late.
    expect(replan.whatMustChange?.completionDate).toBe(compared.forecast?.expected);
    expect(replan.whatMustChange?.alternatives).toEqual([
      expect.objectContaining({ kind: 'machines', addedMachines: 1, movedMachines: 0 }),
      expect.objectContaining({ kind: 'hours-per-day', hours: { open: '08:00', close: '19:29' } }),
      expect.objectContaining({ kind: 'pace', dossiersPerMachineDay: 87, currentDossiersPerMachineDay: 75 }),
      expect.objectContaining({ kind: 'deadline', deadline: '2021-04-14', slipOpenDays: 2 }),
    ]);
  });

  it('counts a day of 0 dossiers without machines in no pace, as the forecast counts it in no rate', () => {
    // 1–3 April as above, then 0 on 4 April (closed, nothing done): still 450 ÷ 6 machine-days = 75.
    // The forecast's 150 a day from 5 April: 1,550 ÷ 150 = 10.33, 11 open days, 15 April; the replan
    // as of 4 April at 2 × 75 = 150 a day finishes then too (on 8 machine-days it would be 56.25 a
    // machine-day, 112.5 a day: 14 open days, 18 April).
    const withClosedDay = [...totals, { date: '2021-04-04', areaCode: 'P', dossiers: 0 }];
    const compared = compareWithActuals(province, 'P', withClosedDay);
    expect(compared.observedDossiersPerMachineDay).toBe(75);
    expect(compared.observedMachineDays).toBe(6);
    expect(compared.forecast?.expected).toBe('2021-04-15');
    const replan = replanFromActuals(province, withClosedDay, { asOf: '2021-04-04', pace: 'observed' });
    expect(areaOf(replan.areas, 'P')).toMatchObject({ observedMachineDays: 6, observedDays: 3 });
    expect(replan.plan.completionDate).toBe('2021-04-15');
  });

  it('flags the pace seen on the planned machines when it is off the plan’s', () => {
    // 75 against 100 is 25 % below, beyond the 20 % margin.
    const expected = expect.objectContaining({
      kind: 'pace-differs',
      areaCode: 'P',
      observedDossiersPerMachineDay: 75,
      plannedDossiersPerMachineDay: 100,
      observedDays: 3,
    });
    expect(compareWithActuals(province, 'P', totals).warnings).toEqual([expected]);
    expect(replanFromActuals(province, totals, { asOf: '2021-04-03', areaCode: 'P' }).warnings).toEqual([
      expected,
    ]);
  });
});

describe('replanFromActuals at the end of a campaign, a district finished and another late', () => {
  // A province P with a pool of 6 machines, open 08:00–18:00 at 6 minutes a dossier: 100 a
  // machine-day planned. A has 640 people, B 4,000, C 1,600 (6,240 in all); every day of
  // 1–12 April is open, and 6 × 100 = 600 a day plan it done on the 11th open day, 11 April.
  const province: CampaignInput = {
    areas: [
      { code: 'P', name: 'P' },
      { code: 'A', name: 'A', parentCode: 'P', eligible: 640 },
      { code: 'B', name: 'B', parentCode: 'P', eligible: 4_000 },
      { code: 'C', name: 'C', parentCode: 'P', eligible: 1_600 },
    ],
    calendar: { start: '2021-04-01', deadline: '2021-04-12' },
    hours: { open: '08:00', close: '18:00' },
    service: { minutesPerDossier: 6 },
    machines: [{ areaCode: 'P', machines: 6 }],
  };
  const april = (day: number) => `2021-04-0${day}`;
  const days = [1, 2, 3, 4, 5, 6, 7, 8];
  // A and B each work on 2 machines, at 80 a machine-day (160 a day) while they have people; A is
  // finished on 4 April (480 + 120 = 600) and its last 40 come 10 a day on 5–8 April, on the same 2
  // machines. C sent no report.
  const aDossiers = [160, 160, 160, 120, 10, 10, 10, 10];
  const reports: ActualDayReport[] = days.flatMap((day, k) => [
    { date: april(day), areaCode: 'A', dossiers: aDossiers[k] as number, machinesWorking: 2 },
    { date: april(day), areaCode: 'B', dossiers: 160, machinesWorking: 2 },
  ]);
  // A's work left at the start of each day, against what its 2 machines do at the planned 100:
  // 640, 480, 320 (≥ 200: the days count), then 160, 40, 30, 20, 10 (< 200: demand-bound, out).
  // A: 3 × 160 = 480 on 3 × 2 = 6 machine-days, 80 (all 8 days counted: 640 ÷ 16 = 40).
  // B: never below 4,000 − 7 × 160 = 2,880 left, every day counts: 8 × 160 = 1,280 ÷ 16 = 80.
  // P: 480 + 1,280 = 1,760 on 6 + 16 = 22 machine-days, 80 over 8 days (all of A's days counted:
  // 1,920 ÷ 32 = 60).

  it('counts a finished district’s demand-bound days in no pace, its own or its province’s', () => {
    const replan = replanFromActuals(province, reports, { asOf: '2021-04-08', pace: 'observed' });
    expect(areaOf(replan.areas, 'A')).toMatchObject({
      observedDossiersPerMachineDay: 80,
      observedMachineDays: 6,
      observedDays: 3,
    });
    expect(areaOf(replan.areas, 'B')).toMatchObject({
      observedDossiersPerMachineDay: 80,
      observedMachineDays: 16,
      observedDays: 8,
    });
    expect(areaOf(replan.areas, 'P')).toMatchObject({
      observedDossiersPerMachineDay: 80,
      observedMachineDays: 22,
      observedDays: 8,
    });
    // Plan vs actual reads the same days; 80 against 100 is 20 % below, on the margin, not beyond.
    for (const code of ['P', 'A']) {
      const compared = compareWithActuals(province, code, reports);
      expect(compared.observedDossiersPerMachineDay).toBe(80);
      expect(compared.observedMachineDays).toBe(code === 'P' ? 22 : 6);
      expect(compared.warnings.filter((w) => w.kind === 'pace-differs')).toEqual([]);
    }
    expect(replan.warnings.filter((w) => w.kind === 'pace-differs')).toEqual([]);
  });

  it('counts the days at the planned pace of a district whose people outnumber its planned demand', () => {
    // More people come to A than its 640 eligible: 220 a day on its 2 machines (110 a machine-day)
    // for 7 days, 1,540 in all, then 50 on 8 April. Its work left by the plan: 640, 420, 200, then
    // below 0, under the 200 its 2 machines do at the planned 100. The days of 220 reached that 200:
    // they did not wait for people, and count. The 50 fell short of it: demand-bound, out.
    // A: 7 × 220 = 1,540 on 7 × 2 = 14 machine-days, 110.
    const overflow: ActualDayReport[] = days.map((day, k) => ({
      date: april(day),
      areaCode: 'A',
      dossiers: k < 7 ? 220 : 50,
      machinesWorking: 2,
    }));
    const replan = replanFromActuals(province, overflow, { asOf: '2021-04-08', pace: 'observed' });
    expect(areaOf(replan.areas, 'A')).toMatchObject({
      observedDossiersPerMachineDay: 110,
      observedMachineDays: 14,
      observedDays: 7,
    });
    expect(compareWithActuals(province, 'A', overflow).observedMachineDays).toBe(14);
  });

  it('asks for the machines the late districts need at the pace machines work', () => {
    // Left from 9 April: A 0, B 4,000 − 1,280 = 2,720, C 1,600 (at P's 80, having none of its own):
    // 4,320 at 80 is 54 machine-days, 9 days of 6 machines: done 17 April, 5 days late.
    // The 4 open days to 12 April need 54 ÷ 4 = 13.5, so 14 machines: +8 at P (13 do 4,160).
    // (At P's 60 counting A's last days, C alone would take 26.7 machine-days: 16 machines, +10.)
    // Pace: 4,320 ÷ (6 × 4) = 180 a machine-day (179 do 4,296); now 4,320 ÷ 54 = 80.
    const replan = replanFromActuals(province, reports, { asOf: '2021-04-08', pace: 'observed' });
    expect(replan.plan.completionDate).toBe('2021-04-17');
    const alternatives = replan.whatMustChange?.alternatives;
    expect(alternatives?.[0]).toEqual({
      kind: 'machines',
      addedMachines: 8,
      movedMachines: 0,
      changes: [{ areaCode: 'P', name: 'P', machinesBefore: 6, machinesAfter: 14 }],
      moves: [],
      // P's machines are for its districts with work left, B (2,720) before C (1,600); A is done.
      lateAreas: [
        { areaCode: 'B', name: 'B', poolAreaCode: 'P', remainingDossiers: 2_720 },
        { areaCode: 'C', name: 'C', poolAreaCode: 'P', remainingDossiers: 1_600 },
      ],
      sentence: '+8 machines in P for B and C',
    });
    expect(alternatives?.[2]).toMatchObject({
      kind: 'pace',
      dossiersPerMachineDay: 180,
      currentDossiersPerMachineDay: 80,
    });
    expect(alternatives?.[3]).toMatchObject({ kind: 'deadline', deadline: '2021-04-17', slipOpenDays: 5 });
  });

  it('names the two late districts the machines are for, with what each has left, and not the finished one', () => {
    // Counted from the reports: A 3 × 160 + 120 + 4 × 10 = 640 of its 640, none left; B 8 × 160 =
    // 1,280 of 4,000, 2,720 left; C reported nothing, all its 1,600 left. The whole province asked
    // about and asked about P alone, the late districts are the same.
    for (const areaCode of [undefined, 'P']) {
      const replan = replanFromActuals(province, reports, {
        asOf: '2021-04-08',
        pace: 'observed',
        ...(areaCode ? { areaCode } : {}),
      });
      const machines = replan.whatMustChange?.alternatives[0];
      expect(machines?.kind === 'machines' && machines.lateAreas).toEqual([
        { areaCode: 'B', name: 'B', poolAreaCode: 'P', remainingDossiers: 2_720 },
        { areaCode: 'C', name: 'C', poolAreaCode: 'P', remainingDossiers: 1_600 },
      ]);
      expect(machines?.sentence).toBe('+8 machines in P for B and C');
    }
    // Asked about B alone: P's machines serve B, which is the one late area named; the pool is still
    // short of what all its areas have left (2,720 + 1,600 at 80 = 54 machine-days, 14 machines over
    // the 4 open days left): +8, as above.
    const b = replanFromActuals(province, reports, { asOf: '2021-04-08', pace: 'observed', areaCode: 'B' });
    const forB = b.whatMustChange?.alternatives[0];
    expect(forB?.kind === 'machines' && forB.lateAreas).toEqual([
      { areaCode: 'B', name: 'B', poolAreaCode: 'P', remainingDossiers: 2_720 },
    ]);
    expect(forB?.sentence).toBe('+8 machines in P for B');
  });
});

describe('replanFromActuals naming the late areas of many pools', () => {
  // 10 open days (1–10 April) of 10 h at 6 minutes a dossier: 100 a machine-day, 1,000 a machine
  // over the campaign. Nothing is reported; the replan starts on 1 April.
  const calendar = { start: '2021-04-01', deadline: '2021-04-10' };
  const common = { calendar, hours: { open: '08:00', close: '18:00' }, service: { minutesPerDossier: 6 } };

  it('names three late districts of a province’s pool, most left first, and sums up the rest', () => {
    // P's pool of 1 machine serves six districts: D 2,000, B 1,500, C 1,000, E 800, A 500 left,
    // F already done (300 of 300). 5,800 need 6 machines (5 do 5,000): +5 at P, for the five with
    // work left, named by what is left: D, B, C, then 2 more.
    const input: CampaignInput = {
      ...common,
      areas: [
        { code: 'P', name: 'Tỉnh P' },
        { code: 'A', name: 'Huyện A', parentCode: 'P', eligible: 500 },
        { code: 'B', name: 'Huyện B', parentCode: 'P', eligible: 1_500 },
        { code: 'C', name: 'Huyện C', parentCode: 'P', eligible: 1_000 },
        { code: 'D', name: 'Huyện D', parentCode: 'P', eligible: 2_000 },
        { code: 'E', name: 'Huyện E', parentCode: 'P', eligible: 800 },
        { code: 'F', name: 'Huyện F', parentCode: 'P', eligible: 300, alreadyServed: 300 },
      ],
      machines: [{ areaCode: 'P', machines: 1 }],
    };
    const machines = replanFromActuals(input, [], { asOf: '2021-03-31' }).whatMustChange?.alternatives[0];
    expect(machines).toMatchObject({ kind: 'machines', addedMachines: 5 });
    expect(machines?.kind === 'machines' && machines.lateAreas).toEqual([
      { areaCode: 'D', name: 'Huyện D', poolAreaCode: 'P', remainingDossiers: 2_000 },
      { areaCode: 'B', name: 'Huyện B', poolAreaCode: 'P', remainingDossiers: 1_500 },
      { areaCode: 'C', name: 'Huyện C', poolAreaCode: 'P', remainingDossiers: 1_000 },
      { areaCode: 'E', name: 'Huyện E', poolAreaCode: 'P', remainingDossiers: 800 },
      { areaCode: 'A', name: 'Huyện A', poolAreaCode: 'P', remainingDossiers: 500 },
    ]);
    expect(machines?.sentence).toBe('+5 machines in Tỉnh P for Huyện D, Huyện B, Huyện C and 2 more');
  });

  it('puts the machines of districts no pool serves at the area asked about, for those districts', () => {
    // A has 2 machines for its 1,000 (done in 5 of the 10 days: 1 machine to spare); B (600) and C
    // (300) have none and no pool above them. The new pool goes at the area asked about above them,
    // P: 900 need 1 machine (1,000 over the campaign), moved from A's spare. Its late areas are B
    // and C, most left first; A, on time, is none.
    const input: CampaignInput = {
      ...common,
      areas: [
        { code: 'P', name: 'Tỉnh P' },
        { code: 'A', name: 'Huyện A', parentCode: 'P', eligible: 1_000 },
        { code: 'B', name: 'Huyện B', parentCode: 'P', eligible: 600 },
        { code: 'C', name: 'Huyện C', parentCode: 'P', eligible: 300 },
      ],
      machines: [{ areaCode: 'A', machines: 2 }],
    };
    const machines = replanFromActuals(input, [], { asOf: '2021-03-31' }).whatMustChange?.alternatives[0];
    expect(machines).toMatchObject({ kind: 'machines', addedMachines: 0, movedMachines: 1 });
    expect(machines?.kind === 'machines' && machines.lateAreas).toEqual([
      { areaCode: 'B', name: 'Huyện B', poolAreaCode: 'P', remainingDossiers: 600 },
      { areaCode: 'C', name: 'Huyện C', poolAreaCode: 'P', remainingDossiers: 300 },
    ]);
    expect(machines?.sentence).toBe('move 1 machine from Huyện A to Tỉnh P for Huyện B and Huyện C');
  });

  it('sums up more than three changes by the late areas they are for, most left first', () => {
    // Four districts with 1 machine each: A 1,500, B 1,800, C 1,200, D 1,100 people, each needing 2
    // (1 does 1,000): +1 in each, four changes, summed up. Each district is its own pool's one late
    // area; B has most left, then A, C, D.
    const input: CampaignInput = {
      ...common,
      areas: [
        { code: 'P', name: 'Tỉnh P' },
        { code: 'A', name: 'Huyện A', parentCode: 'P', eligible: 1_500 },
        { code: 'B', name: 'Huyện B', parentCode: 'P', eligible: 1_800 },
        { code: 'C', name: 'Huyện C', parentCode: 'P', eligible: 1_200 },
        { code: 'D', name: 'Huyện D', parentCode: 'P', eligible: 1_100 },
      ],
      machines: ['A', 'B', 'C', 'D'].map((areaCode) => ({ areaCode, machines: 1 })),
    };
    const machines = replanFromActuals(input, [], { asOf: '2021-03-31' }).whatMustChange?.alternatives[0];
    expect(machines?.kind === 'machines' && machines.lateAreas).toEqual([
      { areaCode: 'B', name: 'Huyện B', poolAreaCode: 'B', remainingDossiers: 1_800 },
      { areaCode: 'A', name: 'Huyện A', poolAreaCode: 'A', remainingDossiers: 1_500 },
      { areaCode: 'C', name: 'Huyện C', poolAreaCode: 'C', remainingDossiers: 1_200 },
      { areaCode: 'D', name: 'Huyện D', poolAreaCode: 'D', remainingDossiers: 1_100 },
    ]);
    expect(machines?.sentence).toBe('+4 machines for Huyện B, Huyện A, Huyện C and 1 more');
  });
});

describe('replanFromActuals refusals', () => {
  it('names the refused field', () => {
    expect(refusal(() => replanFromActuals(oneArea, [], { asOf: '2021-02-30' }))).toEqual(['asOf', 'format']);
    expect(refusal(() => replanFromActuals(oneArea, [], {} as never))).toEqual(['asOf', 'required']);
    expect(
      refusal(() => replanFromActuals(oneArea, [], { asOf: '2021-04-03', pace: 'fast' as never })),
    ).toEqual(['pace', 'format']);
    expect(refusal(() => replanFromActuals(oneArea, [], { asOf: '2021-04-03', areaCode: 'zz' }))).toEqual([
      'areaCode',
      'unknown-reference',
    ]);
    expect(refusal(() => replanFromActuals(oneArea, [], { asOf: '2021-04-03', credibilityDays: 0 }))).toEqual(
      ['credibilityDays', 'range'],
    );
    expect(
      refusal(() =>
        replanFromActuals(oneArea, [{ date: '2021-04-01', areaCode: 'x', dossiers: 1.5 }], {
          asOf: '2021-04-03',
        }),
      ),
    ).toEqual(['reports[0].dossiers', 'integer']);
    expect(
      refusal(() =>
        replanFromActuals(
          oneArea,
          [{ date: '2021-04-01', areaCode: 'x', dossiers: 1, machinesWorking: -1 }],
          {
            asOf: '2021-04-03',
          },
        ),
      ),
    ).toEqual(['reports[0].machinesWorking', 'range']);
  });

  it('answers a campaign past its deadline with the slip alone', () => {
    // asOf after the deadline: no open hour is left, so only a later deadline can do it.
    const replan = replanFromActuals(oneArea, threeDays, { asOf: '2021-05-05', pace: 'observed' });
    const kinds = replan.whatMustChange?.alternatives.map((a) =>
      a.kind === 'infeasible' ? `${a.alternative}: ${a.reason}` : a.kind,
    );
    expect(kinds).toEqual([
      'machines: no-open-days',
      'hours-per-day: no-open-days',
      'pace: no-open-days',
      'deadline',
    ]);
    // 9,040 at 320 a day: 29 open days from 6 May, 3 June.
    expect(replan.whatMustChange?.alternatives[3]).toMatchObject({ deadline: '2021-06-03' });
  });
});
