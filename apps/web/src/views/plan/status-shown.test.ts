import { describe, expect, it } from 'vitest';
import { statusShown } from './status-shown.ts';

// The province's scenario of 14 March to 30 June 2022 (e2e/planner.e2e.ts), every district's plan on
// time: Krông Nô's reports forecast 9 October, Tuy Đức's 24 April, Cư Jút sent none.
const DEADLINE = '2022-06-30';

describe('statusShown', () => {
  it('says late by the reports a district planned on time whose reports forecast 9 October', () => {
    expect(statusShown('ON_TIME', '2022-10-09', DEADLINE)).toEqual({ status: 'LATE', byReports: true });
  });

  it('says on time by the reports a district whose reports forecast 24 April, or the deadline itself', () => {
    expect(statusShown('ON_TIME', '2022-04-24', DEADLINE)).toEqual({ status: 'ON_TIME', byReports: true });
    expect(statusShown('ON_TIME', '2022-06-30', DEADLINE)).toEqual({ status: 'ON_TIME', byReports: true });
  });

  it('says on time by the reports an area planned late whose reports forecast a finish in time', () => {
    expect(statusShown('LATE', '2022-06-01', DEADLINE)).toEqual({ status: 'ON_TIME', byReports: true });
  });

  it('keeps the saved plan’s status until the reports forecast a completion', () => {
    for (const status of ['ON_TIME', 'LATE', 'NO_MACHINES', 'SIZED'] as const) {
      expect(statusShown(status, null, DEADLINE)).toEqual({ status, byReports: false });
      expect(statusShown(status, undefined, DEADLINE)).toEqual({ status, byReports: false });
    }
  });
});
