import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, type Locale } from '../../i18n/format.ts';
import { translate } from '../../i18n/i18n.tsx';
import { replanWords } from './replan-words.ts';

const reader = (locale: Locale) => ({
  t: (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate(locale, key, params),
  n: (value: number, digits?: number) => formatNumber(locale, value, digits),
  date: (isoDate: string, style?: 'short' | 'long') => formatDate(locale, isoDate, style),
});

// Đăk Glong with one machine to 30 April 2021: 1,074 dossiers a machine-day would make the deadline,
// where it does 325.7; at 3.5 minutes a dossier a machine does 411 in 24 hours (1,440 ÷ 3.5).
const beyondADay = {
  __typename: 'PaceAlternative',
  dossiersPerMachineDay: 1074,
  currentDossiersPerMachineDay: 325.7,
  aboveDayMaximum: true,
  sentence:
    'reach 1074 dossiers per machine-day (now 326), more than a machine does in 24 hours at the modelled service time (411)',
} as const;

describe('replanWords', () => {
  it('says a pace above what a machine does in 24 hours cannot make the deadline, and why', () => {
    expect(replanWords(reader('vi'), beyondADay)).toEqual({
      possible: false,
      sentence:
        'Không thể bằng cách tăng tốc độ: cần 1.074 hồ sơ mỗi máy mỗi ngày (hiện 326), nhiều hơn một máy làm được trong 24 giờ',
    });
    expect(replanWords(reader('en'), beyondADay)).toEqual({
      possible: false,
      sentence:
        'Not by a faster pace: it would take 1,074 dossiers per machine-day (now 326), more than a machine does in 24 hours',
    });
  });

  it('offers a pace a machine can reach as a way to make the deadline', () => {
    const reachable = { ...beyondADay, dossiersPerMachineDay: 380, aboveDayMaximum: false };
    expect(replanWords(reader('vi'), reachable)).toEqual({
      possible: true,
      sentence: 'Đạt 380 hồ sơ mỗi máy mỗi ngày (hiện 326)',
    });
    expect(replanWords(reader('en'), reachable)).toEqual({
      possible: true,
      sentence: 'Reach 380 dossiers per machine-day (now 326)',
    });
  });

  it('says an alternative the API found infeasible cannot make the deadline, in the reader’s words', () => {
    const longerHours = {
      __typename: 'InfeasibleAlternative',
      alternative: 'HOURS_PER_DAY',
      reason: 'more-than-a-day',
      sentence: 'Opening longer cannot do it: the machines given would need more than 24 hours a day',
    } as const;
    expect(replanWords(reader('vi'), longerHours)).toEqual({
      possible: false,
      sentence: 'Không thể bằng cách mở cửa lâu hơn: số máy hiện có phải làm hơn 24 giờ mỗi ngày',
    });
    expect(replanWords(reader('en'), longerHours)).toEqual({
      possible: false,
      sentence: 'Not by longer hours: the machines given would need more than 24 hours a day',
    });
  });

  it('offers a later deadline with the day it finishes', () => {
    const later = {
      __typename: 'DeadlineAlternative',
      deadline: '2021-07-28',
      slipOpenDays: 89,
      sentence: 'finish 89 open days late, on 2021-07-28',
    } as const;
    expect(replanWords(reader('vi'), later)).toEqual({
      possible: true,
      sentence: 'Chấp nhận xong muộn 89 ngày (28 thg 7, 2021)',
    });
    expect(replanWords(reader('en'), later)).toEqual({
      possible: true,
      sentence: 'Finish 89 days late (28 Jul 2021)',
    });
  });
});
