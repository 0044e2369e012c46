import { describe, expect, it } from 'vitest';
import { areaProgress } from './area-progress.ts';

// A campaign due on 30 June 2022.
const DEADLINE = '2022-06-30';

describe('areaProgress', () => {
  it('says an area whose reports forecast 15 July is late, with a quarter of its 20,000 dossiers done', () => {
    expect(
      areaProgress(
        {
          demand: 20_000,
          totalActual: 5_000,
          reporting: { daysReported: 10 },
          forecast: { expected: '2022-07-15' },
        },
        DEADLINE,
      ),
    ).toEqual({ shareDone: 0.25, forecast: '2022-07-15', late: true });
  });

  it('does not say late a forecast on the deadline or before it', () => {
    for (const expected of ['2022-06-30', '2022-05-02']) {
      expect(
        areaProgress(
          { demand: 8_000, totalActual: 6_000, reporting: { daysReported: 4 }, forecast: { expected } },
          DEADLINE,
        ),
      ).toEqual({ shareDone: 0.75, forecast: expected, late: false });
    }
  });

  it('gives the share without a forecast while no day is reported whole, and never says late then', () => {
    expect(
      areaProgress(
        { demand: 1_000, totalActual: 100, reporting: { daysReported: 2 }, forecast: null },
        DEADLINE,
      ),
    ).toEqual({ shareDone: 0.1, forecast: null, late: false });
  });

  it('says nothing of an area nobody in it reported, nor of one plan vs actual does not name', () => {
    expect(
      areaProgress(
        { demand: 1_000, totalActual: 0, reporting: { daysReported: 0 }, forecast: null },
        DEADLINE,
      ),
    ).toBeNull();
    expect(areaProgress(undefined, DEADLINE)).toBeNull();
  });

  it('counts an area reported past its demand as done, not above it', () => {
    expect(
      areaProgress(
        {
          demand: 1_000,
          totalActual: 1_200,
          reporting: { daysReported: 3 },
          forecast: { expected: '2022-05-03' },
        },
        DEADLINE,
      )?.shareDone,
    ).toBe(1);
  });
});
