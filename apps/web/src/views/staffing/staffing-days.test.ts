import { describe, expect, it } from 'vitest';
import { staffingDays } from './staffing-days.ts';

// The Đắk Nông campaign of 2021 runs from 15 March to 30 June; planned as given, Đắk Song is done
// on 9 May. Replanned from its reports as of 30 June (its deadline), the rest starts on 1 July and
// Đắk Song is done on 23 August (the API's plan of that replan, read when this test was written).
const CAMPAIGN = { start: '2021-03-15', deadline: '2021-06-30' };
const REPLAN_AS_OF_DEADLINE = { start: '2021-07-01', deadline: '2021-06-30' };

describe('staffingDays', () => {
  it('offers the campaign’s days when the site is done before the deadline', () => {
    expect(staffingDays(CAMPAIGN, '2021-05-09')).toEqual({ from: '2021-03-15', to: '2021-06-30' });
    expect(staffingDays(CAMPAIGN, null)).toEqual({ from: '2021-03-15', to: '2021-06-30' });
  });

  it('offers the days past the deadline a late site is still planned to serve', () => {
    expect(staffingDays(CAMPAIGN, '2021-07-04')).toEqual({ from: '2021-03-15', to: '2021-07-04' });
  });

  it('offers a replan saved as of its deadline its own days, from the day after the deadline to the site’s last', () => {
    expect(staffingDays(REPLAN_AS_OF_DEADLINE, '2021-08-23')).toEqual({
      from: '2021-07-01',
      to: '2021-08-23',
    });
  });

  it('offers no day when a replan saved as of its deadline plans none', () => {
    expect(staffingDays(REPLAN_AS_OF_DEADLINE, null)).toBeNull();
    expect(staffingDays(REPLAN_AS_OF_DEADLINE, undefined)).toBeNull();
  });
});
