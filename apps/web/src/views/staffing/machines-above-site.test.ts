import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/i18n.tsx';
import { machinesAboveSite } from './machines-above-site.ts';

describe('hours of the planner’s schedule above the site’s machines', () => {
  it('finds the 10 machines at 10:00 of a site that has 4, and no other hour', () => {
    expect(machinesAboveSite(['2', '4', '3', '10', '2'], 4)).toEqual([
      null,
      null,
      null,
      { machinesOpen: 10, machinesAvailable: 4 },
      null,
    ]);
  });

  it('leaves blank and wrong boxes to their own problem, and a site without a bound alone', () => {
    expect(machinesAboveSite(['', '-2', '1,5', '999999'], 4)).toEqual([null, null, null, null]);
    expect(machinesAboveSite(['10'], null)).toEqual([null]);
  });

  it('says it under the box in the reader’s language', () => {
    const params = { available: 4, open: 10 };
    expect(translate('vi', 'staffing.machinesAboveSite', params)).toBe(
      'Nhiều hơn 4 máy của điểm; thời gian chờ vẫn được tính với 10 máy.',
    );
    expect(translate('en', 'staffing.machinesAboveSite', params)).toBe(
      'More than the site’s 4 machines; the waits are still worked out with 10.',
    );
    expect(translate('en', 'staffing.machinesAboveSite', { available: 1, open: 2 })).toBe(
      'More than the site’s 1 machine; the waits are still worked out with 2.',
    );
  });
});
