import { describe, expect, it } from 'vitest';
import { openingDay } from './opening-day.ts';

/** The demo's campaigns: Nghệ An's and Đắk Nông's, 15 March to 30 June 2021 (seed-demo.ts). */
const CAMPAIGN_2021 = { start: '2021-03-15', deadline: '2021-06-30' };

describe('openingDay', () => {
  it('opens a campaign over long ago on the last day the area reported, not on today', () => {
    // Đắk Nông's field reports are of 19 and 20 March 2021; the tester's today was 1 December 2026.
    expect(openingDay('2026-12-01', '2021-03-20', [CAMPAIGN_2021])).toBe('2021-03-20');
  });

  it('opens an area that never reported on its campaign’s last day', () => {
    // Nghệ An in the units of 2025: its 130 communes have no report of their own.
    expect(openingDay('2026-12-01', null, [CAMPAIGN_2021])).toBe('2021-06-30');
  });

  it('opens on today while a campaign runs, even before today’s first report', () => {
    expect(openingDay('2021-04-02', '2021-04-01', [CAMPAIGN_2021])).toBe('2021-04-02');
    expect(openingDay('2021-06-30', null, [CAMPAIGN_2021])).toBe('2021-06-30');
  });

  it('takes the latest campaign already over, and today when none has begun or there is none', () => {
    const replan = { start: '2021-03-21', deadline: '2021-08-12' };
    expect(openingDay('2026-12-01', null, [CAMPAIGN_2021, replan])).toBe('2021-08-12');
    expect(openingDay('2026-12-01', null, [{ start: '2027-01-04', deadline: '2027-03-31' }])).toBe(
      '2026-12-01',
    );
    expect(openingDay('2026-12-01', null, [])).toBe('2026-12-01');
  });

  it('opens on the last report outside any campaign, as a report of a day after it', () => {
    // A team reporting after the campaign (the API warns it is outside the campaign) is news.
    expect(openingDay('2026-12-01', '2026-11-30', [CAMPAIGN_2021])).toBe('2026-11-30');
  });
});
