import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/i18n.tsx';
import { readSchedule } from './read-schedule.ts';

describe('reading the planner’s machines per hour', () => {
  it('reads whole machines for every hour, 0 and 10,000 included', () => {
    expect(readSchedule(['0', '3', '10000', '2'])).toEqual({ ok: true, machinesOpen: [0, 3, 10000, 2] });
  });

  it('names −2 and 999999 machines in the 10:00 row under that hour’s box only', () => {
    for (const typed of ['-2', '999999']) {
      expect(readSchedule(['2', '3', '3', typed, '2'])).toEqual({
        ok: false,
        problems: [null, null, null, { key: 'check.wholeRange', min: 0, max: 10000 }, null],
      });
    }
  });

  it('refuses a fraction of a machine', () => {
    expect(readSchedule(['2', '1,5'])).toEqual({
      ok: false,
      problems: [null, { key: 'check.wholeRange', min: 0, max: 10000 }],
    });
  });

  it('waits for a blank box without calling it wrong', () => {
    expect(readSchedule(['2', ''])).toEqual({ ok: false, problems: [null, null] });
  });

  it('says the bounds in the reader’s language', () => {
    const params = { min: 0, max: 10000 };
    expect(translate('vi', 'check.wholeRange', params)).toBe('Nhập số nguyên từ 0 đến 10.000.');
    expect(translate('en', 'check.wholeRange', params)).toBe('Enter a whole number from 0 to 10,000.');
  });
});
