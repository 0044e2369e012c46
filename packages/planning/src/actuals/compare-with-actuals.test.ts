import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoProvinceAreas } from '../../bench/_data.ts';
import { plannedDailySeries } from '../campaign/planned-daily-series.ts';
import type { CampaignInput } from '../campaign/types.ts';
import { refusal } from '../errors/_fixtures/refusal.ts';
import { compareWithActuals } from './compare-with-actuals.ts';
import type { ActualDayReport } from './types.ts';

// Đắk Nông as the field report tells it: the province reported 15,574 dossiers for 19–20 March
// 2021 (no split by day published: half each day here), Đắk Song 1,085 and Đắk Glong 1,123 on
// the 20th, open 05:00–24:00. Populations are rounded 2019 census figures of the districts.
const dakNong: CampaignInput = {
  areas: [
    { code: '67', name: 'Đắk Nông', level: 'province' },
    { code: '665', name: 'Đắk Song', level: 'district', parentCode: '67', population: 80_000 },
    { code: '661', name: 'Đắk Glong', level: 'district', parentCode: '67', population: 72_000 },
    { code: '660', name: 'Gia Nghĩa', level: 'district', parentCode: '67', population: 85_000 },
  ],
  calendar: { start: '2021-03-19', deadline: '2021-04-30', timeZone: 'Asia/Ho_Chi_Minh' },
  hours: { open: '05:00', close: '24:00' },
  service: { minutesPerDossier: 3.5 },
};
const fieldReports: ActualDayReport[] = [
  { date: '2021-03-19', areaCode: '67', dossiers: 7_787 },
  { date: '2021-03-20', areaCode: '67', dossiers: 7_787 },
  { date: '2021-03-20', areaCode: '665', dossiers: 1_085 },
  { date: '2021-03-20', areaCode: '661', dossiers: 1_123 },
];

describe('compareWithActuals', () => {
  it("takes the province's own total over its districts' reports, and a district's own", () => {
    const province = compareWithActuals(dakNong, '67', fieldReports, {
      from: '2021-03-19',
      to: '2021-03-20',
    });
    expect(province.days.map((d) => d.actual)).toEqual([7_787, 7_787]);
    expect(province.totalActual).toBe(15_574);
    const dakSong = compareWithActuals(dakNong, '665', fieldReports, {
      from: '2021-03-19',
      to: '2021-03-20',
    });
    expect(dakSong.days.map((d) => d.actual)).toEqual([null, 1_085]);
    const glong = compareWithActuals(dakNong, '661', fieldReports, { from: '2021-03-20', to: '2021-03-20' });
    expect(glong.totalActual).toBe(1_123);
  });

  it('adds teams and children where the area gave no total of its own', () => {
    const reports: ActualDayReport[] = [
      { date: '2021-03-20', areaCode: '665', teamCode: 'mobile-1', dossiers: 300 },
      { date: '2021-03-20', areaCode: '665', teamCode: 'mobile-2', dossiers: 250 },
      { date: '2021-03-20', areaCode: '661', dossiers: 1_123 },
    ];
    const province = compareWithActuals(dakNong, '67', reports, { from: '2021-03-20', to: '2021-03-20' });
    expect(province.days[0]?.actual).toBe(300 + 250 + 1_123);
  });

  it("reads Nghệ An's 278 dossiers per machine-day back from 176 machines' day", () => {
    // Nghệ An, March 2021: 176 machines, 278 dossiers per machine and day round the clock.
    const ngheAn: CampaignInput = {
      areas: [{ code: '40', name: 'Nghệ An', population: 3_327_791, eligibleShare: 0.75 }],
      calendar: { start: '2021-03-15', deadline: '2021-06-30', timeZone: 'Asia/Ho_Chi_Minh' },
      hours: { open: '00:00', close: '24:00' },
      service: { minutesPerDossier: (24 * 60) / 278 },
      machines: [{ areaCode: '40', machines: 176 }],
    };
    const result = compareWithActuals(ngheAn, '40', [
      { date: '2021-03-15', areaCode: '40', dossiers: 176 * 278, machinesWorking: 176 },
    ]);
    expect(result.observedDossiersPerMachineDay).toBe(278);
    expect(result.observedMachineDays).toBe(176);
    expect(result.days[0]).toMatchObject({ planned: 176 * 278, actual: 176 * 278, variance: 0 });
  });

  it('forecasts the open day the rest is done at the mean, best and worst observed rates', () => {
    // 1,000 people eligible; 50 and 30 dossiers on the first two days (mean 40, best 50, worst 30),
    // Sundays closed. 920 left: 23 open days at 40, 19 at 50 (18.4 rounded up), 31 at 30 (30.7).
    const input: CampaignInput = {
      areas: [{ code: 'x', name: 'X', eligible: 1_000 }],
      calendar: { start: '2021-03-19', deadline: '2021-04-30', closedWeekdays: [7] },
      hours: { open: '07:30', close: '22:00' },
      service: { minutesPerDossier: 3.48 },
    };
    const result = compareWithActuals(input, 'x', [
      { date: '2021-03-19', areaCode: 'x', dossiers: 50 },
      { date: '2021-03-20', areaCode: 'x', dossiers: 30 },
    ]);
    // Counted on a calendar from Mon 22 March, skipping Sundays 28 Mar, 4, 11, 18 Apr:
    // 23rd open day → Fri 16 April; 19th → Mon 12 April; 31st → Mon 26 April.
    expect(result.forecast).toEqual({
      remaining: 920,
      expected: '2021-04-16',
      earliest: '2021-04-12',
      latest: '2021-04-26',
      meanDailyRate: 40,
      minDailyRate: 30,
      maxDailyRate: 50,
      basedOnDays: 2,
    });
  });

  it('has no forecast before anything was reported, and says done once the demand is met', () => {
    const input: CampaignInput = {
      areas: [{ code: 'x', name: 'X', eligible: 100 }],
      calendar: { start: '2021-03-19', deadline: '2021-03-31' },
      hours: { open: '07:30', close: '22:00' },
      service: { minutesPerDossier: 3.48 },
    };
    expect(compareWithActuals(input, 'x', []).forecast).toBeNull();
    const done = compareWithActuals(input, 'x', [{ date: '2021-03-22', areaCode: 'x', dossiers: 100 }]);
    expect(done.forecast).toMatchObject({ remaining: 0, expected: '2021-03-22', latest: '2021-03-22' });
  });

  it('counts the campaign’s days only: a report before the start nowhere, one long after the campaign apart', () => {
    // 1,000 eligible, 19–28 March, every day open. Inside: 50 on the 19th and 30 on the 20th, and
    // 70 on the 29th, the day after the deadline (a campaign running late: within 14 days of it).
    // Outside: 200 the day before the start, 40 on 13 April (15 days after the 29th) and 100 on a
    // phone's default date five years on.
    const input: CampaignInput = {
      areas: [{ code: 'x', name: 'X', eligible: 1_000 }],
      calendar: { start: '2021-03-19', deadline: '2021-03-28' },
      hours: { open: '07:30', close: '22:00' },
      service: { minutesPerDossier: 3.48 },
    };
    const reports: ActualDayReport[] = [
      { date: '2021-03-18', areaCode: 'x', dossiers: 200 },
      { date: '2021-03-19', areaCode: 'x', dossiers: 50 },
      { date: '2021-03-20', areaCode: 'x', dossiers: 30 },
      { date: '2021-03-29', areaCode: 'x', dossiers: 70 },
      { date: '2021-04-13', areaCode: 'x', dossiers: 40 },
      { date: '2026-05-04', areaCode: 'x', dossiers: 100 },
    ];
    const result = compareWithActuals(input, 'x', reports);
    // The days run to the last day reported late, not to April or 2026.
    expect([result.from, result.to, result.days.length]).toEqual(['2021-03-19', '2021-03-29', 11]);
    expect(result.days.at(-1)).toMatchObject({ date: '2021-03-29', planned: 0, actual: 70 });
    expect(result.totalActual).toBe(150);
    expect(result.campaignLastDay).toBe('2021-03-29');
    expect(result.servedAfterCampaign).toBe(40 + 100);
    // 850 left after the 29th at 50 a day (best 70, worst 30), counted from 30 March:
    // ⌈850 / 50⌉ = 17th day → 15 April; ⌈850 / 70⌉ = 13th → 11 April; ⌈850 / 30⌉ = 29th → 27 April.
    expect(result.forecast).toEqual({
      remaining: 850,
      expected: '2021-04-15',
      earliest: '2021-04-11',
      latest: '2021-04-27',
      meanDailyRate: 50,
      minDailyRate: 30,
      maxDailyRate: 70,
      basedOnDays: 3,
    });
    // Asked from the day before the start to the 29th: the day before shown, counted nowhere.
    const wider = compareWithActuals(input, 'x', reports, { from: '2021-03-18', to: '2021-03-29' });
    expect([wider.days[0]?.actual, wider.days.at(-1)?.actual, wider.days.at(-1)?.cumulativeActual]).toEqual([
      null,
      70,
      150,
    ]);
    expect(wider.servedAfterCampaign).toBe(0);
    expect(wider.forecast?.expected).toBe('2021-04-15');
  });

  it('compares a late plan’s own days after the deadline, and counts apart only what comes after them', () => {
    // 1,000 eligible, one machine of 870 open minutes a day at 3.48 minutes: 250 a day, so the
    // plan needs four days, 19–22 March, with its deadline on the 20th: its days run late, to the
    // 22nd. Reports: 200 on the 19th and 150 on the 21st (late, but a day the plan plans), 90 on
    // 6 April (15 days after the plan's last day) and 100 on a phone's default date five years on.
    const input: CampaignInput = {
      areas: [{ code: 'x', name: 'X', eligible: 1_000 }],
      calendar: { start: '2021-03-19', deadline: '2021-03-20' },
      hours: { open: '07:30', close: '22:00' },
      service: { minutesPerDossier: 3.48, availability: 1, hardCaseShare: 0 },
      machines: [{ areaCode: 'x', machines: 1 }],
    };
    const result = compareWithActuals(input, 'x', [
      { date: '2021-03-19', areaCode: 'x', dossiers: 200 },
      { date: '2021-03-21', areaCode: 'x', dossiers: 150 },
      { date: '2021-04-06', areaCode: 'x', dossiers: 90 },
      { date: '2026-05-04', areaCode: 'x', dossiers: 100 },
    ]);
    expect([result.from, result.to, result.days.length]).toEqual(['2021-03-19', '2021-03-22', 4]);
    expect(result.days.map((day) => [day.planned, day.actual])).toEqual([
      [250, 200],
      [250, null],
      [250, 150],
      [250, null],
    ]);
    expect(result.totalActual).toBe(350);
    expect(result.campaignLastDay).toBe('2021-03-22');
    expect(result.servedAfterCampaign).toBe(90 + 100);
    // 650 left after the 21st at 175 a day (best 200, worst 150), counted from the 22nd:
    // ⌈650 / 175⌉ = 4th day → 25 March; ⌈650 / 200⌉ = 4th → 25 March; ⌈650 / 150⌉ = 5th → 26 March.
    expect(result.forecast).toMatchObject({
      remaining: 650,
      expected: '2021-03-25',
      earliest: '2021-03-25',
      latest: '2021-03-26',
      basedOnDays: 2,
    });
  });

  it('ends a campaign running late once its work is done: what the area reports after is apart', () => {
    // 10,000 eligible, 1 March – 30 April, 100 reported every day to the end of 2021: 6,100 by the
    // deadline, 10,000 by 8 June (39 days on); the 206 days from 9 June to 31 December, 20,600
    // dossiers, are not this campaign's.
    const input: CampaignInput = {
      areas: [{ code: 'x', name: 'X', eligible: 10_000 }],
      calendar: { start: '2021-03-01', deadline: '2021-04-30' },
      hours: { open: '07:30', close: '22:00' },
      service: { minutesPerDossier: 3.48 },
    };
    const reports: ActualDayReport[] = [];
    for (let day = new Date(Date.UTC(2021, 2, 1)); day.getUTCFullYear() === 2021; ) {
      reports.push({ date: day.toISOString().slice(0, 10), areaCode: 'x', dossiers: 100 });
      day = new Date(day.getTime() + 86_400_000);
    }
    const result = compareWithActuals(input, 'x', reports);
    expect(result.campaignLastDay).toBe('2021-06-08');
    expect([result.to, result.days.length]).toEqual(['2021-06-08', 100]);
    expect(result.totalActual).toBe(10_000);
    expect(result.servedAfterCampaign).toBe(20_600);
    expect(result.forecast).toMatchObject({ remaining: 0, expected: '2021-06-08' });
  });

  it('rolls the days after the campaign up the tree as compared days are', () => {
    // Over 14 days after 30 April: on 16 May Đắk Song 300 and Đắk Glong 200; on 17 May the
    // province's own total of 1,000 (it wins over Đắk Song's 100 that day).
    const late: ActualDayReport[] = [
      { date: '2021-05-16', areaCode: '665', dossiers: 300 },
      { date: '2021-05-16', areaCode: '661', dossiers: 200 },
      { date: '2021-05-17', areaCode: '67', dossiers: 1_000 },
      { date: '2021-05-17', areaCode: '665', dossiers: 100 },
    ];
    const served = (code: string) => compareWithActuals(dakNong, code, late).servedAfterCampaign;
    expect([served('67'), served('665'), served('661'), served('660')]).toEqual([500 + 1_000, 400, 200, 0]);
    expect(compareWithActuals(dakNong, '67', late).totalActual).toBe(0);
  });

  it('names the refused field', () => {
    const day = { date: '2021-03-20', areaCode: '665', dossiers: 10 };
    expect(refusal(() => compareWithActuals(dakNong, '999', []))).toEqual(['areaCode', 'unknown-reference']);
    expect(refusal(() => compareWithActuals(dakNong, '67', [{ ...day, areaCode: 'zz' }]))).toEqual([
      'reports[0].areaCode',
      'unknown-reference',
    ]);
    expect(refusal(() => compareWithActuals(dakNong, '67', [{ ...day, dossiers: -1 }]))).toEqual([
      'reports[0].dossiers',
      'range',
    ]);
    expect(refusal(() => compareWithActuals(dakNong, '67', [{ ...day, date: '2021-02-30' }]))).toEqual([
      'reports[0].date',
      'format',
    ]);
    expect(
      refusal(() => compareWithActuals(dakNong, '67', [], { from: '2021-03-20', to: '2021-03-19' })),
    ).toEqual(['to', 'range']);
    expect(refusal(() => compareWithActuals(dakNong, '67', [], { to: '2040-01-01' }))).toEqual([
      'to',
      'range',
    ]);
  });

  it("rolls leaf and team reports up to exactly their sum, and the last day's variance is the totals' difference", () => {
    // Without machines each district's demand (its population: share and turnout default to 1)
    // is spread evenly over the 43 open days from 19 March to 30 April, floored per district:
    // after 10 days ⌊800,000/43⌋ + ⌊720,000/43⌋ + ⌊850,000/43⌋ = 18,604 + 16,744 + 19,767.
    const PLANNED_BY_28_MARCH = 55_115;
    const leaves = ['665', '661', '660'];
    const report = fc.record({
      day: fc.integer({ min: 0, max: 9 }),
      leaf: fc.constantFrom(...leaves),
      team: fc.constantFrom('a', 'b', 'c'),
      dossiers: fc.integer({ min: 0, max: 5_000 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(report, { selector: (r) => `${r.day}/${r.leaf}/${r.team}`, maxLength: 40 }),
        (drawn) => {
          const reports = drawn.map((r) => ({
            date: `2021-03-${String(19 + r.day).padStart(2, '0')}`,
            areaCode: r.leaf,
            teamCode: r.team,
            dossiers: r.dossiers,
          }));
          const result = compareWithActuals(dakNong, '67', reports, { from: '2021-03-19', to: '2021-03-28' });
          const drawnTotal = drawn.reduce((sum, r) => sum + r.dossiers, 0);
          expect(result.totalActual).toBe(drawnTotal);
          expect(result.days.at(-1)?.cumulativeVariance).toBe(drawnTotal - PLANNED_BY_28_MARCH);
        },
      ),
    );
  });
});

describe('compareWithActuals on days some areas did not report', () => {
  // The Đắk Nông demo: 8 districts, 71 communes, 24 machines for the province at 3.5 minutes a
  // dossier, 05:00–24:00 (325.7 a machine-day: 7,817 a day province-wide).
  const province: CampaignInput = {
    areas: demoProvinceAreas('67'),
    calendar: { start: '2021-03-15', deadline: '2021-06-30', timeZone: 'Asia/Ho_Chi_Minh' },
    hours: { open: '05:00', close: '24:00' },
    service: { minutesPerDossier: 3.5 },
    machines: [{ areaCode: '67', machines: 24 }],
  };
  const plannedOn = (code: string, date: string) =>
    plannedDailySeries(province, code).find((day) => day.date === date)?.planned ?? 0;

  it('compares a day when 3 of 8 districts reported with their part of the plan, not the whole', () => {
    // 21 March: Đắk Song (9 communes), Đắk Glong (7) and Gia Nghĩa (8) report 2,900 together.
    // Read as the province's day it would be 2,900 − 7,817 ≈ −4,918, as if the other five had
    // done nothing; compared with the three districts' own plan it is a few hundred.
    const reports: ActualDayReport[] = [
      { date: '2021-03-21', areaCode: '665', dossiers: 1_100 },
      { date: '2021-03-21', areaCode: '661', dossiers: 800 },
      { date: '2021-03-21', areaCode: '660', dossiers: 1_000 },
    ];
    const result = compareWithActuals(province, '67', reports, { from: '2021-03-21', to: '2021-03-21' });
    const plannedOfThree = ['665', '661', '660'].reduce(
      (sum, code) => sum + plannedOn(code, '2021-03-21'),
      0,
    );
    expect(result.leaves).toBe(71);
    expect(result.days[0]).toMatchObject({
      actual: 2_900,
      reporting: 'partial',
      reportedLeaves: 9 + 7 + 8,
      plannedOfReported: plannedOfThree,
      variance: 2_900 - plannedOfThree,
    });
    expect(result.days[0]?.planned).toBe(plannedOn('67', '2021-03-21'));
    expect(result.forecast).toBeNull();
    expect(result.warnings).toEqual([
      expect.objectContaining({
        kind: 'partial-day',
        areaCode: '67',
        date: '2021-03-21',
        leavesReported: 24,
        leaves: 71,
        missingAreaCodes: ['662', '663', '664', '666', '667'],
      }),
    ]);
  });

  it("flags Đắk Glong's 1,123 on 20 March, more than its 2 planned machines do in 24 hours", () => {
    const result = compareWithActuals(province, '67', [
      { date: '2021-03-20', areaCode: '67', dossiers: 7_787 },
      { date: '2021-03-20', areaCode: '661', dossiers: 1_123 },
    ]);
    // 2 × 1,440 ÷ 3.5 = 822.9.
    expect(result.warnings).toEqual([
      expect.objectContaining({
        kind: 'day-above-maximum',
        areaCode: '661',
        machines: 2,
        maximumDossiers: 822,
      }),
    ]);
    expect(result.warnings[0]?.message).toBe(
      'Huyện Đăk Glong (661) reported 1123 dossiers on 2021-03-20 on its 2 planned machines, 561.5 each: more than they can do in 24 hours at 3.5 minutes a dossier (822)',
    );
  });

  it('flags a district whose pace is off the plan by more than the margin', () => {
    // Đắk Song 405 a machine-day on 2 machines on 23 March, Đắk Glong 212 on 22 March: +24 % and
    // −35 % against 325.7. Đắk Song's 888 on its 2 of 22 March, 444 each, are above the 411.4 a
    // machine does in 24 hours at 3.5 minutes: flagged, and counted in no pace (with them the pace
    // would be (888 + 810) ÷ 4 = 424.5).
    const reports: ActualDayReport[] = [
      { date: '2021-03-22', areaCode: '665', dossiers: 888, machinesWorking: 2 },
      { date: '2021-03-23', areaCode: '665', dossiers: 810, machinesWorking: 2 },
      { date: '2021-03-22', areaCode: '661', dossiers: 424, machinesWorking: 2 },
    ];
    const song = compareWithActuals(province, '665', reports);
    expect(song.plannedDossiersPerMachineDay).toBeCloseTo((19 * 60) / 3.5, 9);
    expect(song.warnings).toEqual([
      expect.objectContaining({
        kind: 'pace-differs',
        areaCode: '665',
        observedDossiersPerMachineDay: 405,
        observedDays: 1,
      }),
      expect.objectContaining({
        kind: 'day-above-maximum',
        areaCode: '665',
        date: '2021-03-22',
        machinesFrom: 'reported',
      }),
    ]);
    expect(compareWithActuals(province, '661', reports).warnings[0]).toMatchObject({
      kind: 'pace-differs',
      observedDossiersPerMachineDay: 212,
    });
    expect(compareWithActuals(province, '661', reports, { paceWarningShare: 0.4 }).warnings).toEqual([]);
  });

  it('warns of an area’s own total below its teams’ reports, naming the total kept and the teams’ figures set aside', () => {
    // 23 March: a planner's tally of 142 for Xã Nam Bình (24721) beside the Đắk Song team's 300;
    // the team's corrected 450 for Xã Thuận Hà (24722) beside a tally of 138. The totals win:
    // Đắk Song's day is 142 + 138 = 280, the teams' 750 set aside.
    const reports: ActualDayReport[] = [
      { date: '2021-03-23', areaCode: '24721', dossiers: 142 },
      { date: '2021-03-23', areaCode: '24721', teamCode: 'DN-DAK-SONG', dossiers: 300 },
      { date: '2021-03-23', areaCode: '24722', teamCode: 'DN-DAK-SONG', dossiers: 450 },
      { date: '2021-03-23', areaCode: '24722', dossiers: 138 },
    ];
    const song = compareWithActuals(province, '665', reports, { from: '2021-03-23', to: '2021-03-23' });
    expect(song.days[0]?.actual).toBe(280);
    const below = song.warnings.filter((warning) => warning.kind === 'total-below-team-reports');
    expect(below).toEqual([
      {
        kind: 'total-below-team-reports',
        areaCode: '24721',
        date: '2021-03-23',
        totalDossiers: 142,
        teamDossiers: 300,
        teamReports: 1,
        message:
          "Xã Nam Bình (24721) on 2021-03-23: its own total of 142 dossiers is counted and its team's report of 300 dossiers is set aside (an area's own total wins over its teams' reports): check the total and the teams' figures",
      },
      expect.objectContaining({ areaCode: '24722', totalDossiers: 138, teamDossiers: 450, teamReports: 1 }),
    ]);
    // Another district's comparison says nothing of Đắk Song's communes.
    expect(compareWithActuals(province, '661', reports).warnings).toEqual([]);
    // A total at or above its teams' says nothing.
    const atOrAbove = compareWithActuals(province, '665', [
      { date: '2021-03-23', areaCode: '24721', dossiers: 300 },
      { date: '2021-03-23', areaCode: '24721', teamCode: 'DN-DAK-SONG', dossiers: 300 },
    ]);
    expect(atOrAbove.warnings.filter((warning) => warning.kind === 'total-below-team-reports')).toEqual([]);
  });

  it('warns of more machines reported than the plan stations, and still counts them in the pace', () => {
    // 23 March: each of the 71 communes says 1 machine working and 110 dossiers: 71 machines
    // reported against the province's 24, and 9 in Đắk Song against its 3 (its share of the 24).
    // The pace counts the 71 reported: 71 × 110 ÷ 71 = 110 dossiers per machine-day, 66 % below
    // the 325.7 planned. The day's 7,810 are about the 7,817 the 24 machines do a day: the machines
    // are counted once per commune they served.
    const communes = province.areas.filter((area) => area.level === 'commune');
    expect(communes).toHaveLength(71);
    const reports: ActualDayReport[] = communes.map((commune) => ({
      date: '2021-03-23',
      areaCode: commune.code,
      dossiers: 110,
      machinesWorking: 1,
    }));
    const whole = compareWithActuals(province, '67', reports, { from: '2021-03-23', to: '2021-03-23' });
    expect(whole.days[0]).toMatchObject({ actual: 7_810, machinesWorking: 71 });
    expect(whole.observedDossiersPerMachineDay).toBe(110);
    expect(whole.warnings.map((warning) => warning.kind)).toEqual(['pace-differs', 'machines-above-planned']);
    expect(whole.warnings[1]).toEqual({
      kind: 'machines-above-planned',
      areaCode: '67',
      date: '2021-03-23',
      machinesReported: 71,
      machinesPlanned: 24,
      message:
        'Tỉnh Đắk Nông (67) reported 71 machines working on 2021-03-23, more than the 24 the plan stations there: a machine counted in several reports, or machines added beyond the plan? The pace counts the 71 reported',
    });
    const song = compareWithActuals(province, '665', reports, { from: '2021-03-23', to: '2021-03-23' });
    expect(song.warnings.filter((warning) => warning.kind === 'machines-above-planned')).toEqual([
      expect.objectContaining({ areaCode: '665', machinesReported: 9, machinesPlanned: 3 }),
    ]);
    // 24 communes at 1 machine each are the province's 24: nothing.
    const within = compareWithActuals(province, '67', reports.slice(0, 24), { from: '2021-03-23' });
    expect(within.warnings.filter((warning) => warning.kind === 'machines-above-planned')).toEqual([]);
    // A plan sized without machines stations none: nothing to judge by.
    const { machines: _given, ...sized } = province;
    expect(
      compareWithActuals(sized, '67', reports).warnings.filter(
        (warning) => warning.kind === 'machines-above-planned',
      ),
    ).toEqual([]);
  });

  it('never reads a leaf that did not report as zero', () => {
    // Three districts without machines: each spreads its demand evenly over 43 open days.
    const leaves = ['665', '661', '660'];
    fc.assert(
      fc.property(
        fc.array(fc.subarray(leaves), { minLength: 4, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 30_000 }), { minLength: 12, maxLength: 12 }),
        (reporting, figures) => {
          const reports = reporting.flatMap((codes, day) =>
            codes.map((areaCode, i) => ({
              date: `2021-03-${String(19 + day).padStart(2, '0')}`,
              areaCode,
              dossiers: figures[day * 3 + i] as number,
            })),
          );
          const result = compareWithActuals(dakNong, '67', reports, { from: '2021-03-19', to: '2021-03-22' });
          result.days.forEach((day, k) => {
            const codes = reporting[k] as string[];
            const plannedOfReporters = codes.reduce(
              (sum, code) =>
                sum + (plannedDailySeries(dakNong, code).find((d) => d.date === day.date)?.planned ?? 0),
              0,
            );
            const actual = reports.filter((r) => r.date === day.date).reduce((sum, r) => sum + r.dossiers, 0);
            expect(day.reporting).toBe(
              codes.length === 0 ? 'none' : codes.length === 3 ? 'complete' : 'partial',
            );
            expect(day.variance).toBe(codes.length === 0 ? null : actual - plannedOfReporters);
          });
          const completeWithDossiers = result.days.filter(
            (day) => day.reporting === 'complete' && (day.actual ?? 0) > 0,
          ).length;
          expect(result.forecast?.basedOnDays ?? 0).toBe(completeWithDossiers);
        },
      ),
    );
  });
});
