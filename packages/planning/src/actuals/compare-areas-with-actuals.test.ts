import { describe, expect, it } from 'vitest';
import type { CampaignInput } from '../campaign/types.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { compareAreasWithActuals } from './compare-areas-with-actuals.ts';
import { compareWithActuals } from './compare-with-actuals.ts';

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

  it('names the area it does not know by its index', () => {
    expect(() => compareAreasWithActuals(input, ['a', 'x'], reports)).toThrow(PlanningInputError);
    expect(() => compareAreasWithActuals(input, ['a', 'x'], reports)).toThrow(/areaCodes\[1\]/);
  });
});
