import { describe, expect, it } from 'vitest';
import { offersReplan } from './offers-replan.ts';

// Đắk Nông 2021: deadline 30 June; the saved plan finishes on 9 May.
const DEADLINE = '2021-06-30';

describe('offersReplan', () => {
  it('offers the re-plan where the plan is on time but the reports forecast 26 August', () => {
    expect(offersReplan('ON_TIME', '2021-08-26', DEADLINE)).toBe(true);
  });

  it('does not offer it where the reports forecast completion by the deadline, on it or before', () => {
    expect(offersReplan('ON_TIME', '2021-06-30', DEADLINE)).toBe(false);
    expect(offersReplan('ON_TIME', '2021-05-23', DEADLINE)).toBe(false);
  });

  it('does not offer it for an on-time plan before any report (no forecast)', () => {
    expect(offersReplan('ON_TIME', null, DEADLINE)).toBe(false);
    expect(offersReplan('ON_TIME', undefined, DEADLINE)).toBe(false);
  });

  it('offers it where the plan itself is late or beyond ten years, whatever the reports say', () => {
    expect(offersReplan('LATE', null, DEADLINE)).toBe(true);
    expect(offersReplan('LATE', '2021-06-01', DEADLINE)).toBe(true);
    expect(offersReplan('BEYOND_HORIZON', null, DEADLINE)).toBe(true);
  });

  it('does not offer it where the plan gives no machines to change or has nothing to do, even with a late forecast', () => {
    for (const status of ['NOTHING_TO_DO', 'SIZED', 'NO_MACHINES', 'NO_CAPACITY'] as const) {
      expect(offersReplan(status, null, DEADLINE)).toBe(false);
      expect(offersReplan(status, '2021-08-26', DEADLINE)).toBe(false);
    }
  });
});
