import { describe, expect, it } from 'vitest';
import { MalformedReportsError } from '../errors/malformed-reports-error.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { reviewActualReports } from './review-actual-reports.ts';

const day = { date: '2021-03-20', areaCode: '665' };

describe('reviewActualReports', () => {
  it('finds nothing in the field reports of 20 March 2021 (Đắk Song 1,085, Đắk Glong 1,123)', () => {
    // Đắk Nông's service: 3.5 minutes a dossier → 1440 / 3.5 = 411.4 a machine-day; Đắk Song's
    // 1,085 on at least 3 machines is 361.7 each.
    const findings = reviewActualReports(
      [
        { ...day, dossiers: 1085, machinesWorking: 3 },
        { ...day, areaCode: '661', dossiers: 1123 },
      ],
      { minutesPerDossier: 3.5 },
    );
    expect(findings).toEqual([]);
  });

  it('judges more dossiers per machine-day than the service allows in 24 hours unlikely, and not one more', () => {
    // 1440 / 3.5 = 411.43: 411 on one machine fits, 412 does not; 50,000 on one is far above.
    const findings = reviewActualReports(
      [
        { ...day, dossiers: 411, machinesWorking: 1 },
        { ...day, dossiers: 412, machinesWorking: 1 },
        { ...day, dossiers: 50_000, machinesWorking: 1 },
        { ...day, dossiers: 50_000 },
      ],
      { minutesPerDossier: 3.5 },
    );
    expect(findings.map((f) => [f.path, f.severity, f.code])).toEqual([
      ['reports[1].dossiers', 'unlikely', 'above-service-capacity'],
      ['reports[2].dossiers', 'unlikely', 'above-service-capacity'],
    ]);
    expect(findings[1]?.message).toBe(
      'reports[2].dossiers: 50000 dossiers on 1 machine is 50000 a machine-day, above the 411 that 3.5 minutes a dossier allow in 24 hours',
    );
  });

  it('carries the report, its figure and the reason apart, its path and message naming them together', () => {
    // Report 0: 10 dossiers on 0 machines; report 1: 10 dossiers in 0 hours open; report 2: 300
    // minutes of downtime on 1 machine open 4 hours, 4 × 60 = 240 minutes.
    const findings = reviewActualReports([
      { ...day, dossiers: 10, machinesWorking: 0 },
      { ...day, dossiers: 10, hoursOpen: 0 },
      { ...day, dossiers: 100, machinesWorking: 1, hoursOpen: 4, downtimeMinutes: 300 },
    ]);
    expect(findings.map((f) => [f.index, f.field, f.code, f.reason])).toEqual([
      [
        0,
        'machinesWorking',
        'dossiers-without-machines',
        '10 dossiers cannot be taken with 0 machines working',
      ],
      [1, 'hoursOpen', 'dossiers-while-closed', '10 dossiers cannot be taken in 0 hours open'],
      [
        2,
        'downtimeMinutes',
        'downtime-above-hours-open',
        '300 minutes of downtime cannot fit in 4 hours open (240 minutes) on 1 machine',
      ],
    ]);
    expect(findings.map((f) => [f.path, f.message])).toEqual([
      [
        'reports[0].machinesWorking',
        'reports[0].machinesWorking: 10 dossiers cannot be taken with 0 machines working',
      ],
      ['reports[1].hoursOpen', 'reports[1].hoursOpen: 10 dossiers cannot be taken in 0 hours open'],
      [
        'reports[2].downtimeMinutes',
        'reports[2].downtimeMinutes: 300 minutes of downtime cannot fit in 4 hours open (240 minutes) on 1 machine',
      ],
    ]);
  });

  it('judges a report that gives no machines by those planned in its area, as plan vs actual judges its day', () => {
    // Đắk Glong (661) has 2 machines of the province's pool: 2 × 411.4 = 822 dossiers in 24 hours
    // at 3.5 minutes; its 1,123 of 20 March are above, Đắk Song's 800 on the same 2 are not.
    // Tuy Đức (666) is planned no machine: its report is judged against nothing.
    const plannedMachines = { '661': 2, '665': 2, '666': null };
    const findings = reviewActualReports(
      [
        { ...day, areaCode: '661', dossiers: 1123 },
        { ...day, areaCode: '665', dossiers: 800 },
        { ...day, areaCode: '666', dossiers: 5000 },
        { ...day, areaCode: '662', dossiers: 5000 },
        { ...day, areaCode: '661', dossiers: 1123, machinesWorking: 3 },
      ],
      { minutesPerDossier: 3.5, plannedMachines },
    );
    expect(findings).toEqual([
      {
        path: 'reports[0].dossiers',
        index: 0,
        field: 'dossiers',
        severity: 'unlikely',
        code: 'above-service-capacity',
        reason:
          '1123 dossiers on the 2 machines planned there (none reported) is 562 a machine-day, above the 411 that 3.5 minutes a dossier allow in 24 hours',
        message:
          'reports[0].dossiers: 1123 dossiers on the 2 machines planned there (none reported) is 562 a machine-day, above the 411 that 3.5 minutes a dossier allow in 24 hours',
      },
    ]);
    // Without a service time nothing is judged unlikely, planned machines or not.
    expect(reviewActualReports([{ ...day, areaCode: '661', dossiers: 1123 }], { plannedMachines })).toEqual(
      [],
    );
  });

  it('judges a day of team reports without machines by their sum against the machines planned in the area', () => {
    // Đắk Glong (661) is planned 2 machines at 3.5 minutes: 2 × 1,440 ÷ 3.5 = 822.9 dossiers in 24
    // hours. Two teams' 500 and 400 on 20 March add up to 900, above; each alone is within.
    // On 21 March 400 + 400 = 800 are within. On 22 March a team gives its machines: judged by
    // them alone. On 23 March the area's own total wins over its teams', judged alone (500), and
    // is warned as below the 500 + 400 = 900 of its teams, which it sets aside.
    const plannedMachines = { '661': 2 };
    const team = (date: string, teamCode: string, dossiers: number, machinesWorking?: number) => ({
      date,
      areaCode: '661',
      teamCode,
      dossiers,
      ...(machinesWorking === undefined ? {} : { machinesWorking }),
    });
    const findings = reviewActualReports(
      [
        team('2021-03-20', 'T1', 500),
        team('2021-03-21', 'T1', 400),
        team('2021-03-20', 'T2', 400),
        team('2021-03-21', 'T2', 400),
        team('2021-03-22', 'T1', 500),
        team('2021-03-22', 'T2', 400, 1),
        team('2021-03-23', 'T1', 500),
        team('2021-03-23', 'T2', 400),
        { date: '2021-03-23', areaCode: '661', dossiers: 500 },
      ],
      { minutesPerDossier: 3.5, plannedMachines },
    );
    expect(findings).toEqual([
      {
        path: 'reports[2].dossiers',
        index: 2,
        field: 'dossiers',
        severity: 'unlikely',
        code: 'day-above-planned-machines',
        reason:
          'the 2 reports of area 661 on 2021-03-20, none giving machines working, add up to 900 dossiers, above the 822 that the 2 machines planned there do in 24 hours at 3.5 minutes a dossier',
        message:
          'reports[2].dossiers: the 2 reports of area 661 on 2021-03-20, none giving machines working, add up to 900 dossiers, above the 822 that the 2 machines planned there do in 24 hours at 3.5 minutes a dossier',
      },
      {
        path: 'reports[8].dossiers',
        index: 8,
        field: 'dossiers',
        severity: 'unlikely',
        code: 'total-below-team-reports',
        reason:
          "area 661's own total on 2021-03-23, 500 dossiers, is counted and its 2 team reports, 900 dossiers together, set aside (an area's own total wins over its teams' reports): check the total and the teams' figures",
        message:
          "reports[8].dossiers: area 661's own total on 2021-03-23, 500 dossiers, is counted and its 2 team reports, 900 dossiers together, set aside (an area's own total wins over its teams' reports): check the total and the teams' figures",
      },
    ]);
  });

  it('judges an area’s own total below its teams’ reports of the day unlikely, naming the day, the total and the teams’ figures', () => {
    // The Đắk Nông demo, 23 March 2021: a planner's tally of 142 for Xã Nam Bình (24721), a commune
    // with no team, beside the Đắk Song team's 300 from its phone; Xã Thuận Hà (24722): the
    // team's corrected 450 beside a tally of 138. Xã Đắk Môl (24718): a tally of 500 above the two
    // teams' 300 + 100 = 400, which it may hold: nothing.
    const on = (areaCode: string, teamCode: string | null, dossiers: number) => ({
      date: '2021-03-23',
      areaCode,
      teamCode,
      dossiers,
    });
    const findings = reviewActualReports([
      on('24721', null, 142),
      on('24721', 'DN-DAK-SONG', 300),
      on('24722', 'DN-DAK-SONG', 450),
      on('24722', null, 138),
      on('24718', 'DN-DAK-SONG', 300),
      on('24718', 'DN-DAK-SONG-2', 100),
      on('24718', null, 500),
    ]);
    expect(findings).toEqual([
      {
        path: 'reports[1].dossiers',
        index: 1,
        field: 'dossiers',
        severity: 'unlikely',
        code: 'total-below-team-reports',
        reason:
          "area 24721's own total on 2021-03-23, 142 dossiers, is counted and its team's report of 300 dossiers set aside (an area's own total wins over its teams' reports): check the total and the teams' figures",
        message:
          "reports[1].dossiers: area 24721's own total on 2021-03-23, 142 dossiers, is counted and its team's report of 300 dossiers set aside (an area's own total wins over its teams' reports): check the total and the teams' figures",
      },
      {
        path: 'reports[3].dossiers',
        index: 3,
        field: 'dossiers',
        severity: 'unlikely',
        code: 'total-below-team-reports',
        reason:
          "area 24722's own total on 2021-03-23, 138 dossiers, is counted and its team's report of 450 dossiers set aside (an area's own total wins over its teams' reports): check the total and the teams' figures",
        message:
          "reports[3].dossiers: area 24722's own total on 2021-03-23, 138 dossiers, is counted and its team's report of 450 dossiers set aside (an area's own total wins over its teams' reports): check the total and the teams' figures",
      },
    ]);
    // Two teams' 300 + 200 = 500 above a total of 450: both set aside, named together.
    expect(
      reviewActualReports([
        on('24718', 'DN-DAK-SONG', 300),
        on('24718', null, 450),
        on('24718', 'DN-DAK-SONG-2', 200),
      ]).map((finding) => finding.message),
    ).toEqual([
      "reports[2].dossiers: area 24718's own total on 2021-03-23, 450 dossiers, is counted and its 2 team reports, 500 dossiers together, set aside (an area's own total wins over its teams' reports): check the total and the teams' figures",
    ]);
  });

  it('judges more downtime than the machines working were open impossible, and more than the hours open unlikely', () => {
    // Open 4 hours is 4 × 60 = 240 minutes; on 2 machines, 2 × 240 = 480 machine-minutes at most.
    const open = { ...day, dossiers: 100, hoursOpen: 4 };
    const findings = reviewActualReports([
      // The tester's report: 600 > 480, whichever way the minutes are counted.
      { ...open, machinesWorking: 2, downtimeMinutes: 600 },
      // 300 > 240, but ≤ 480: only as the two machines' minutes added up.
      { ...open, machinesWorking: 2, downtimeMinutes: 300 },
      // 240 = 240: the whole time open.
      { ...open, machinesWorking: 2, downtimeMinutes: 240 },
      // 1 machine: 241 > 240 cannot be.
      { ...open, machinesWorking: 1, downtimeMinutes: 241 },
      // No machines said: 300 > 240 only as several machines' minutes.
      { ...open, downtimeMinutes: 300 },
      // Closed all day: any downtime at all cannot be (0 × 60 × machines = 0).
      { ...day, dossiers: 0, hoursOpen: 0, machinesWorking: 3, downtimeMinutes: 30 },
      // 7.3 hours are 438 minutes: 438 fits.
      { ...day, dossiers: 100, hoursOpen: 7.3, machinesWorking: 1, downtimeMinutes: 438 },
      // No hours open said: nothing to judge downtime by.
      { ...day, dossiers: 100, machinesWorking: 1, downtimeMinutes: 1440 },
    ]);
    expect(findings.map((f) => [f.path, f.severity, f.code])).toEqual([
      ['reports[0].downtimeMinutes', 'impossible', 'downtime-above-hours-open'],
      ['reports[1].downtimeMinutes', 'unlikely', 'downtime-above-hours-open'],
      ['reports[3].downtimeMinutes', 'impossible', 'downtime-above-hours-open'],
      ['reports[4].downtimeMinutes', 'unlikely', 'downtime-above-hours-open'],
      ['reports[5].downtimeMinutes', 'impossible', 'downtime-above-hours-open'],
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "reports[0].downtimeMinutes: 600 minutes of downtime cannot fit in 4 hours open (240 minutes) on 2 machines, even counting each machine's minutes (2 × 240 = 480 machine-minutes)",
      'reports[1].downtimeMinutes: 300 minutes of downtime are more than the 4 hours open (240 minutes): only as the minutes of the 2 machines added up (480 at most)',
      'reports[3].downtimeMinutes: 241 minutes of downtime cannot fit in 4 hours open (240 minutes) on 1 machine',
      'reports[4].downtimeMinutes: 300 minutes of downtime are more than the 4 hours open (240 minutes): only as the minutes of several machines added up',
      'reports[5].downtimeMinutes: 30 minutes of downtime cannot fit in 0 hours open (0 minutes)',
    ]);
  });

  it('takes a whole day of downtime on each machine working, and refuses a minute more naming the bound', () => {
    // A site open 24 hours whose 3 machines stood still all day: 3 × 24 × 60 = 4,320 machine-minutes.
    // Accepted, and warned as before: more than the 1,440 minutes open, possible only as the 3
    // machines' minutes added up.
    const allDay = { ...day, dossiers: 0, machinesWorking: 3, hoursOpen: 24, downtimeMinutes: 4320 };
    expect(reviewActualReports([allDay]).map((f) => [f.severity, f.message])).toEqual([
      [
        'unlikely',
        'reports[0].downtimeMinutes: 4320 minutes of downtime are more than the 24 hours open (1440 minutes): only as the minutes of the 3 machines added up (4320 at most)',
      ],
    ]);
    const refused = (report: object) => {
      try {
        reviewActualReports([report as never]);
      } catch (error) {
        return error instanceof PlanningInputError
          ? [error.path, error.code, error.expected, error.message]
          : error;
      }
      return null;
    };
    expect(refused({ ...allDay, downtimeMinutes: 4321 })).toEqual([
      'reports[0].downtimeMinutes',
      'range',
      'an integer at least 0 and at most 4320 (1440 minutes a day × 3 machines working)',
      'reports[0].downtimeMinutes must be an integer at least 0 and at most 4320 (1440 minutes a day × 3 machines working), got 4321',
    ]);
    // One machine working: a day of it, 1,440.
    expect(refused({ ...allDay, machinesWorking: 1, downtimeMinutes: 1441 })).toEqual([
      'reports[0].downtimeMinutes',
      'range',
      'an integer at least 0 and at most 1440 (1440 minutes a day × 1 machine working)',
      'reports[0].downtimeMinutes must be an integer at least 0 and at most 1440 (1440 minutes a day × 1 machine working), got 1441',
    ]);
    // No machines said, or 0 working: a day of one machine, as before.
    const { machinesWorking: _, ...noMachines } = allDay;
    for (const report of [
      { ...noMachines, downtimeMinutes: 1441 },
      { ...allDay, machinesWorking: 0, downtimeMinutes: 1441 },
    ]) {
      expect(refused(report)).toEqual([
        'reports[0].downtimeMinutes',
        'range',
        'an integer at least 0 and at most 1440',
        'reports[0].downtimeMinutes must be an integer at least 0 and at most 1440, got 1441',
      ]);
    }
    expect(reviewActualReports([{ ...noMachines, downtimeMinutes: 1440 }])).toEqual([]);
  });

  it('holds downtime to no day’s bound when its machines are malformed, naming the machines alone', () => {
    // -3 machines give no bound to read 4,320 minutes against: the machines are the figure to mend.
    let thrown: unknown;
    try {
      reviewActualReports([{ ...day, dossiers: 0, machinesWorking: -3, downtimeMinutes: 4320 }]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MalformedReportsError);
    expect((thrown as MalformedReportsError).problems.map((problem) => problem.path)).toEqual([
      'reports[0].machinesWorking',
    ]);
  });

  it('refuses planned machines that are not a count, naming the area', () => {
    const refused = (plannedMachines: unknown) => {
      try {
        reviewActualReports([{ ...day, dossiers: 10 }], { minutesPerDossier: 3.5, plannedMachines } as never);
      } catch (error) {
        return error instanceof PlanningInputError ? [error.path, error.code] : error;
      }
      return null;
    };
    expect(refused({ '665': -1 })).toEqual(['options.plannedMachines.665', 'range']);
    expect(refused({ '665': 1.5 })).toEqual(['options.plannedMachines.665', 'integer']);
    expect(refused([2])).toEqual(['options.plannedMachines', 'type']);
  });

  it('judges dossiers with no machine working, or with the site closed all day, impossible', () => {
    const findings = reviewActualReports([
      { ...day, dossiers: 500, machinesWorking: 0 },
      { ...day, dossiers: 500, hoursOpen: 0 },
      { ...day, dossiers: 0, machinesWorking: 0, hoursOpen: 0 },
    ]);
    expect(findings.map((f) => [f.path, f.severity])).toEqual([
      ['reports[0].machinesWorking', 'impossible'],
      ['reports[1].hoursOpen', 'impossible'],
    ]);
  });

  it('refuses a malformed figure, naming it', () => {
    const refused = (report: object) => {
      try {
        reviewActualReports([{ ...day, dossiers: 1 }, report as never]);
      } catch (error) {
        return error instanceof PlanningInputError ? [error.path, error.code] : error;
      }
      return null;
    };
    expect(refused({ ...day, dossiers: -5 })).toEqual(['reports[1].dossiers', 'range']);
    expect(refused({ ...day, dossiers: 1.5 })).toEqual(['reports[1].dossiers', 'integer']);
    expect(refused({ ...day, dossiers: 1, hoursOpen: 25 })).toEqual(['reports[1].hoursOpen', 'range']);
    expect(refused({ ...day, dossiers: 1, downtimeMinutes: 2000 })).toEqual([
      'reports[1].downtimeMinutes',
      'range',
    ]);
    expect(refused({ ...day, date: '2021-02-30', dossiers: 1 })).toEqual(['reports[1].date', 'format']);
  });

  it('names every malformed figure of every report at once, the first as its own', () => {
    const reports = [
      { ...day, dossiers: 10 },
      { ...day, dossiers: -1, hoursOpen: 30 },
      // Its hours open malformed, its 40 dossiers on no machine are still impossible.
      { ...day, dossiers: 40, machinesWorking: 0, hoursOpen: 25 },
      { date: '2021-02-30', areaCode: '', dossiers: 1.5, downtimeMinutes: 2000 },
      'not a report',
      // The same impossible date again: named again, for this report.
      { date: '2021-02-30', areaCode: '661', dossiers: 5, machinesWorking: 1 },
    ];
    let thrown: unknown;
    try {
      reviewActualReports(reports as never);
    } catch (error) {
      thrown = error;
    }
    // A caller that catches PlanningInputError and reads its path is told the first, as before.
    expect(thrown).toBeInstanceOf(PlanningInputError);
    expect(thrown).toBeInstanceOf(MalformedReportsError);
    const error = thrown as MalformedReportsError;
    expect([error.path, error.code, error.expected, error.received]).toEqual([
      'reports[1].dossiers',
      'range',
      'a non-negative integer',
      '-1',
    ]);
    expect(error.message).toBe('reports[1].dossiers must be a non-negative integer, got -1');
    expect(error.problems.map((problem) => [problem.path, problem.code])).toEqual([
      ['reports[1].dossiers', 'range'],
      ['reports[1].hoursOpen', 'range'],
      ['reports[2].hoursOpen', 'range'],
      ['reports[3].date', 'format'],
      ['reports[3].areaCode', 'type'],
      ['reports[3].dossiers', 'integer'],
      ['reports[3].downtimeMinutes', 'range'],
      ['reports[4]', 'type'],
      ['reports[5].date', 'format'],
    ]);
    expect(error.problems.map((problem) => problem.message).slice(1, 3)).toEqual([
      'reports[1].hoursOpen must be a number at least 0 and at most 24, got 30',
      'reports[2].hoursOpen must be a number at least 0 and at most 24, got 25',
    ]);
    expect(error.findings).toEqual([
      {
        path: 'reports[2].machinesWorking',
        index: 2,
        field: 'machinesWorking',
        severity: 'impossible',
        code: 'dossiers-without-machines',
        reason: '40 dossiers cannot be taken with 0 machines working',
        message: 'reports[2].machinesWorking: 40 dossiers cannot be taken with 0 machines working',
      },
    ]);
  });

  it('refuses a malformed option alone, before any report is read', () => {
    const badReport = { ...day, dossiers: -1 };
    const refused = (options: object) => {
      try {
        reviewActualReports([badReport], options as never);
      } catch (error) {
        return error instanceof PlanningInputError
          ? [error.path, error.code, error instanceof MalformedReportsError]
          : error;
      }
      return null;
    };
    expect(refused({ minutesPerDossier: 0 })).toEqual(['options.minutesPerDossier', 'range', false]);
    // An area no report names is checked too.
    expect(refused({ minutesPerDossier: 3.5, plannedMachines: { '661': -1 } })).toEqual([
      'options.plannedMachines.661',
      'range',
      false,
    ]);
    expect(refused({ minutesPerDossier: 3.5 })).toEqual(['reports[0].dossiers', 'range', true]);
  });
});
