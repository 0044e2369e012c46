import { describe, expect, it } from 'vitest';
import { replanAsOf } from './replan-as-of.ts';

// The Đắk Nông 2021 campaign: 15 March to 30 June.
const START = '2021-03-15';
const DEADLINE = '2021-06-30';

describe('the re-plan’s as-of day', () => {
  it('opens on the last reported day within the campaign', () => {
    expect(replanAsOf(START, DEADLINE, '2021-03-20')).toEqual({
      min: '2021-03-14',
      max: '2021-06-30',
      initial: '2021-03-20',
    });
  });

  it('opens on the campaign’s last day when the last report came after it', () => {
    expect(replanAsOf(START, DEADLINE, '2021-07-02').initial).toBe('2021-06-30');
  });

  it('reaches the last day of a campaign running late, past its deadline', () => {
    // Reports carried the campaign on to 12 July; the last came on 10 July.
    expect(replanAsOf(START, '2021-07-12', '2021-07-10')).toEqual({
      min: '2021-03-14',
      max: '2021-07-12',
      initial: '2021-07-10',
    });
  });

  it('opens on the day before the start when nothing is reported, or only before the start', () => {
    expect(replanAsOf(START, DEADLINE, null).initial).toBe('2021-03-14');
    expect(replanAsOf(START, DEADLINE, '2021-03-01').initial).toBe('2021-03-14');
  });

  it('takes the day before a start on the first of a month from the month before', () => {
    expect(replanAsOf('2021-03-01', DEADLINE, null).min).toBe('2021-02-28');
  });
});
