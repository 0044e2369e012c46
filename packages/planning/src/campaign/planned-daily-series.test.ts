import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { plannedDailySeries } from './planned-daily-series.ts';
import type { CampaignInput } from './types.ts';

const HUNG_NGUYEN: CampaignInput = {
  areas: [{ code: '18001', name: 'Thị trấn Hưng Nguyên', eligible: 1000 }],
  // Three days, as long as the two machines need: the series runs to the deadline (or later when late).
  calendar: { start: '2021-03-19', deadline: '2021-03-21' },
  hours: { open: '07:30', close: '22:00' },
  service: { minutesPerDossier: 3.5 },
};

describe('plannedDailySeries', () => {
  it('spreads demand evenly in whole dossiers when no machines are given', () => {
    // By hand: 10 dossiers over 3 open days, cumulative floor(10 × k / 3): 3, 6, 10.
    const series = plannedDailySeries(
      {
        ...HUNG_NGUYEN,
        areas: [{ code: 'x', name: 'X', eligible: 10 }],
        calendar: { start: '2021-03-19', deadline: '2021-03-21' },
      },
      'x',
    );
    expect(series).toEqual([
      { date: '2021-03-19', planned: 3, cumulativePlanned: 3 },
      { date: '2021-03-20', planned: 3, cumulativePlanned: 6 },
      { date: '2021-03-21', planned: 4, cumulativePlanned: 10 },
    ]);
  });

  it('gives two machines what they can do each day until the demand is done (Hưng Nguyên)', () => {
    // By hand: 3.5 minutes a dossier is 60 / 3.5 = 17.14 an hour; 2 machines × 14.5 h = 497.1 a
    // day, so 497 by the end of the first day, 994 by the second, and the last 6 on the third.
    const series = plannedDailySeries(
      { ...HUNG_NGUYEN, machines: [{ areaCode: '18001', machines: 2 }] },
      '18001',
    );
    expect(series.map((d) => [d.date, d.planned, d.cumulativePlanned])).toEqual([
      ['2021-03-19', 497, 497],
      ['2021-03-20', 497, 994],
      ['2021-03-21', 6, 1000],
    ]);
  });

  it('adds a parent’s days up from its children’s', () => {
    const input: CampaignInput = {
      ...HUNG_NGUYEN,
      areas: [
        { code: 'D', name: 'District' },
        { code: 'a', name: 'A', parentCode: 'D', eligible: 700 },
        { code: 'b', name: 'B', parentCode: 'D', eligible: 300 },
      ],
      machines: [{ areaCode: 'D', machines: 2 }],
    };
    const [parent, a, b] = ['D', 'a', 'b'].map((code) => plannedDailySeries(input, code));
    expect(parent?.map((d) => d.planned)).toEqual([497, 497, 6]);
    expect([0, 1, 2].map((i) => (a?.[i]?.planned ?? 0) + (b?.[i]?.planned ?? 0))).toEqual([497, 497, 6]);
    expect(a?.at(-1)?.cumulativePlanned).toBe(700);
    expect(b?.at(-1)?.cumulativePlanned).toBe(300);
  });

  it('shares a pool’s day over its communes by largest remainder, the earlier commune first among equals', () => {
    // By hand: one machine, 10 hours at 6 minutes a dossier: 100 a day, 350 in all (3 × 100 + 50).
    // Shares of 100, 200, 300, 350 done: a, b, c 2/7 each, d 1/7.
    //   100: 28.57 ×3, 14.29 → 28, 28, 28, 14 and 2 left, to the largest remainders a, b (ties) → 29, 29, 28, 14
    //   200: 57.14 ×3, 28.57 → 57, 57, 57, 28 and 1 left, to d (.57)                          → 57, 57, 57, 29
    //   300: 85.71 ×3, 42.86 → 85, 85, 85, 42 and 3 left, to d (.86), then a, b (.71)          → 86, 86, 85, 43
    //   350: 100, 100, 100, 50.
    const input: CampaignInput = {
      areas: [
        { code: 'D', name: 'District' },
        { code: 'a', name: 'A', parentCode: 'D', eligible: 100 },
        { code: 'b', name: 'B', parentCode: 'D', eligible: 100 },
        { code: 'c', name: 'C', parentCode: 'D', eligible: 100 },
        { code: 'd', name: 'D', parentCode: 'D', eligible: 50 },
      ],
      calendar: { start: '2021-03-19', deadline: '2021-03-22' },
      hours: { open: '08:00', close: '18:00' },
      service: { minutesPerDossier: 6 },
      machines: [{ areaCode: 'D', machines: 1 }],
    };
    const cumulative = (code: string) => plannedDailySeries(input, code).map((d) => d.cumulativePlanned);
    expect(cumulative('a')).toEqual([29, 57, 86, 100]);
    expect(cumulative('b')).toEqual([29, 57, 86, 100]);
    expect(cumulative('c')).toEqual([28, 57, 85, 100]);
    expect(cumulative('d')).toEqual([14, 29, 43, 50]);
    expect(plannedDailySeries(input, 'D').map((d) => d.planned)).toEqual([100, 100, 100, 50]);
  });

  it('refuses an area not in the input, naming areaCode', () => {
    expect(() => plannedDailySeries(HUNG_NGUYEN, 'nowhere')).toThrow(PlanningInputError);
    expect(() => plannedDailySeries(HUNG_NGUYEN, 'nowhere')).toThrow(/^areaCode must be/);
  });
});
