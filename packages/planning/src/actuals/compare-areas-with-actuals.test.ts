import { describe, expect, it } from 'vitest';
import type { CampaignInput } from '../campaign/types.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { compareAreasWithActuals } from './compare-areas-with-actuals.ts';
import { compareWithActuals } from './compare-with-actuals.ts';
import type { PlanComparison } from './types.ts';

// Two districts of 1,000 under one province pool of 2 machines, 08:00–18:00 at 6 minutes a dossier:
// each machine does 100 a day, one stationed in each district, 100 planned a day in each.
const input: CampaignInput = {
  areas: [
    { code: 'p', name: 'P' },
    { code: 'a', name: 'A', parentCode: 'p', eligible: 1_000 },
    { code: 'b', name: 'B', parentCode: 'p', eligible: 1_000 },
  ],
  calendar: { start: '2021-03-19', deadline: '2021-03-28' },
  hours: { open: '08:00', close: '18:00' },
  service: { minutesPerDossier: 6 },
  machines: [{ areaCode: 'p', machines: 2 }],
};
const reports = [
  { date: '2021-03-19', areaCode: 'a', dossiers: 90 },
  { date: '2021-03-19', areaCode: 'b', dossiers: 120 },
  { date: '2021-03-20', areaCode: 'a', dossiers: 80 },
];

describe('compareAreasWithActuals', () => {
  it('compares each area as worked by hand, a missing report never read as zero', () => {
    const [p, a, b] = compareAreasWithActuals(input, ['p', 'a', 'b'], reports, { to: '2021-03-20' });
    // 19 March: both reported, 210 against 200; 20 March: only A, its 80 against its own 100.
    expect(p?.days.map((d) => [d.reporting, d.actual, d.variance])).toEqual([
      ['complete', 210, 10],
      ['partial', 80, -20],
    ]);
    expect(a?.days.map((d) => d.variance)).toEqual([-10, -20]);
    expect(b?.days.map((d) => d.actual)).toEqual([120, null]);
    expect([p?.totalActual, a?.totalActual, b?.totalActual]).toEqual([290, 170, 120]);
  });

  it('answers for each area what compareWithActuals answers for it alone', () => {
    const codes = ['b', 'p', 'a'];
    const together = compareAreasWithActuals(input, codes, reports);
    expect(together).toEqual(codes.map((code) => compareWithActuals(input, code, reports)));
  });

  it('forecasts each area from the same open days, however far past the deadline it counts', () => {
    // Open every day, 19–31 March in London (clocks go forward on 28 March, still 10 hours open).
    // 50 and 30 in A, 10 and 10 in B on the first two days; nothing planned (no machines).
    const open = {
      areas: [
        { code: 'p', name: 'P' },
        { code: 'a', name: 'A', parentCode: 'p', eligible: 1_000 },
        { code: 'b', name: 'B', parentCode: 'p', eligible: 100 },
      ],
      calendar: { start: '2021-03-19', deadline: '2021-03-31', timeZone: 'Europe/London' },
      hours: { open: '08:00', close: '18:00' },
      service: { minutesPerDossier: 6 },
    };
    const [b, a, p] = compareAreasWithActuals(
      open,
      ['b', 'a', 'p'],
      [
        { date: '2021-03-19', areaCode: 'a', dossiers: 50 },
        { date: '2021-03-19', areaCode: 'b', dossiers: 10 },
        { date: '2021-03-20', areaCode: 'a', dossiers: 30 },
        { date: '2021-03-20', areaCode: 'b', dossiers: 10 },
      ],
    );
    // Counted from 21 March, the n-th open day is 21 March + n − 1. B: 80 left at 10 a day, the 8th.
    expect(b?.forecast).toMatchObject({ remaining: 80, expected: '2021-03-28', earliest: '2021-03-28' });
    // A: 920 left, ⌈920 / 40⌉ = 23rd → 12 April, ⌈920 / 50⌉ = 19th → 8 April, ⌈920 / 30⌉ = 31st → 20 April.
    expect(a?.forecast).toMatchObject({
      remaining: 920,
      expected: '2021-04-12',
      earliest: '2021-04-08',
      latest: '2021-04-20',
    });
    // P: 1,000 left at 60 and 40, ⌈1,000 / 50⌉ = 20th → 9 April, 17th → 6 April, 25th → 14 April.
    expect(p?.forecast).toMatchObject({
      remaining: 1_000,
      expected: '2021-04-09',
      earliest: '2021-04-06',
      latest: '2021-04-14',
    });
  });

  it('runs each area’s days to its own last planned day, whichever area came before', () => {
    // 100 a machine-day. A: 500 with 1 machine, done on the 5th day (23 March), past the deadline
    // (21 March); B: 100 with 2 machines, done on the first. Asked from the day before the start.
    const late: CampaignInput = {
      areas: [
        { code: 'p', name: 'P' },
        { code: 'a', name: 'A', parentCode: 'p', eligible: 500 },
        { code: 'b', name: 'B', parentCode: 'p', eligible: 100 },
      ],
      calendar: { start: '2021-03-19', deadline: '2021-03-21' },
      hours: { open: '08:00', close: '18:00' },
      service: { minutesPerDossier: 6 },
      machines: [
        { areaCode: 'a', machines: 1 },
        { areaCode: 'b', machines: 2 },
      ],
    };
    const [b, a, p] = compareAreasWithActuals(late, ['b', 'a', 'p'], [], { from: '2021-03-18' });
    const days = (compared: PlanComparison | undefined) => compared?.days.map((d) => [d.date, d.planned]);
    expect([b?.to, a?.to, p?.to]).toEqual(['2021-03-21', '2021-03-23', '2021-03-23']);
    expect(days(b)).toEqual([
      ['2021-03-18', 0],
      ['2021-03-19', 100],
      ['2021-03-20', 0],
      ['2021-03-21', 0],
    ]);
    expect(days(a)).toEqual([
      ['2021-03-18', 0],
      ['2021-03-19', 100],
      ['2021-03-20', 100],
      ['2021-03-21', 100],
      ['2021-03-22', 100],
      ['2021-03-23', 100],
    ]);
    expect(p?.days.map((d) => d.planned)).toEqual([0, 200, 100, 100, 100, 100]);
  });

  it('names the area it does not know by its index', () => {
    expect(() => compareAreasWithActuals(input, ['a', 'x'], reports)).toThrow(PlanningInputError);
    expect(() => compareAreasWithActuals(input, ['a', 'x'], reports)).toThrow(/areaCodes\[1\]/);
  });
});
