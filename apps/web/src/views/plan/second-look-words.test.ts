import { describe, expect, it } from 'vitest';
import type { SecondLookFragment } from '../../gql/graphql.ts';
import { type DateStyle, formatDate, formatNumber, formatPercent, type Locale } from '../../i18n/format.ts';
import { translate } from '../../i18n/i18n.tsx';
import { secondLookWords } from './second-look-words.ts';

const reader = (locale: Locale) => ({
  t: (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate(locale, key, params),
  n: (value: number, digits?: number) => formatNumber(locale, value, digits),
  pct: (share: number, digits?: number) => formatPercent(locale, share, digits),
  date: (isoDate: string, style?: DateStyle) => formatDate(locale, isoDate, style),
});

const NAMES: Record<string, string> = { '667': 'Huyện Tuy Đức', '24850': 'Xã Đắk Búk So' };
const areaName = (code: string) => NAMES[code] ?? code;

// Tuy Đức at 3.5 minutes a dossier: a machine does ⌊1,440 ÷ 3.5⌋ = 411 in 24 hours, two do 822.
const slowPace = {
  __typename: 'PaceDiffersWarning',
  areaCode: '667',
  observedDossiersPerMachineDay: 50,
  plannedDossiersPerMachineDay: 171.43,
  differenceShare: -0.7083,
  observedDays: 1,
} as const;
const aboveTwoPlanned = {
  __typename: 'DayAboveMaximumWarning',
  areaCode: '24850',
  date: '2020-05-06',
  dossiers: 1000,
  machines: 2,
  machinesFrom: 'PLANNED',
  maximumDossiers: 822,
} as const;
const partial = {
  __typename: 'PartialDayWarning',
  areaCode: '667',
  date: '2020-05-07',
  leavesReported: 3,
  leaves: 10,
} as const;
const teamReport = {
  code: 'above-service-capacity',
  report: {
    reportId: 'a1',
    date: '2020-05-04',
    areaCode: '667',
    area: { code: '667', name: 'Huyện Tuy Đức' },
    team: { code: 'DN-TUY-DUC', name: 'Tổ lưu động Tuy Đức' },
  },
};
const lateTotal = {
  code: 'outside-campaign',
  report: {
    reportId: 'a2',
    date: '2020-08-01',
    areaCode: '24850',
    area: { code: '24850', name: 'Xã Đắk Búk So' },
    team: null,
  },
};

describe('secondLookWords', () => {
  it('says the pace first, then the days and reports to check, partial days last, in Vietnamese', () => {
    const compared: SecondLookFragment = {
      warnings: [partial, aboveTwoPlanned, slowPace],
      reportWarnings: [teamReport, lateTotal],
    };
    expect(secondLookWords(reader('vi'), compared, areaName)).toEqual({
      lines: [
        'Huyện Tuy Đức: 50 hồ sơ mỗi máy mỗi ngày qua 1 ngày có máy, chậm hơn 71% so với kế hoạch (171).',
        '6 thg 5, 2020 · Xã Đắk Búk So: 1.000 hồ sơ, nhiều hơn 822 hồ sơ mà 2 máy theo kế hoạch làm được trong 24 giờ (báo cáo không ghi số máy).',
        '4 thg 5, 2020 · Huyện Tuy Đức · Tổ lưu động Tuy Đức · Số hồ sơ nhiều hơn số máy làm được trong 24 giờ: kiểm tra số hồ sơ và số máy.',
        '1 thg 8, 2020 · Xã Đắk Búk So · Ngày này nằm ngoài mọi đợt cấp ở địa bàn: kiểm tra lại ngày.',
        '7 thg 5, 2020 · Huyện Tuy Đức: mới 3 trên 10 xã báo cáo; số của ngày chỉ là của các xã này.',
      ],
      more: null,
    });
  });

  it('says the same in English, one day and one machine in the singular', () => {
    const compared: SecondLookFragment = {
      warnings: [
        slowPace,
        { ...aboveTwoPlanned, machines: 1, machinesFrom: 'REPORTED', maximumDossiers: 411 },
        partial,
      ],
      reportWarnings: [teamReport, lateTotal],
    };
    expect(secondLookWords(reader('en'), compared, areaName)).toEqual({
      lines: [
        'Huyện Tuy Đức: 50 dossiers per machine-day over 1 day with machines, 71% slower than the plan’s 171.',
        '6 May 2020 · Xã Đắk Búk So: 1,000 dossiers, more than the 411 that the 1 machine reported can take in 24 hours.',
        '4 May 2020 · Huyện Tuy Đức · Tổ lưu động Tuy Đức · More dossiers than the machines can take in 24 hours: check the dossiers and the machines.',
        '1 Aug 2020 · Xã Đắk Búk So · This day is outside every campaign in the area: check the date.',
        '7 May 2020 · Huyện Tuy Đức: 3 of 10 communes reported; the day’s figure is theirs alone.',
      ],
      more: null,
    });
  });

  it('says a faster pace over several days, and the planned machines in the plural, in English', () => {
    const compared: SecondLookFragment = {
      warnings: [
        { ...slowPace, observedDossiersPerMachineDay: 240, differenceShare: 0.4, observedDays: 6 },
        aboveTwoPlanned,
      ],
      reportWarnings: [],
    };
    expect(secondLookWords(reader('en'), compared, areaName).lines).toEqual([
      'Huyện Tuy Đức: 240 dossiers per machine-day over 6 days with machines, 40% faster than the plan’s 171.',
      '6 May 2020 · Xã Đắk Búk So: 1,000 dossiers, more than the 822 that the 2 planned machines can take in 24 hours (no machines reported).',
    ]);
  });

  it('says the Đắk Nông tester’s 71 machines against 24 right after the pace, and a tally below its team’s report, in both languages', () => {
    const machines = {
      __typename: 'MachinesAbovePlannedWarning',
      areaCode: '67',
      date: '2021-03-23',
      machinesReported: 71,
      machinesPlanned: 24,
    } as const;
    const tally = {
      __typename: 'TotalBelowTeamReportsWarning',
      areaCode: '24721',
      date: '2021-03-23',
      totalDossiers: 142,
      teamDossiers: 300,
      teamReports: 1,
    } as const;
    const names = (code: string) => ({ '67': 'Tỉnh Đắk Nông', '24721': 'Xã Nam Bình' })[code] ?? code;
    const compared: SecondLookFragment = {
      warnings: [partial, tally, machines, slowPace],
      reportWarnings: [],
    };
    expect(secondLookWords(reader('vi'), compared, names).lines.slice(1, 3)).toEqual([
      '23 thg 3, 2021 · Tỉnh Đắk Nông: báo cáo 71 máy hoạt động, nhiều hơn 24 máy theo kế hoạch: một máy được tính trong nhiều báo cáo, hay có thêm máy? Tốc độ đang tính theo 71 máy.',
      '23 thg 3, 2021 · Xã Nam Bình: tính tổng của địa bàn là 142 hồ sơ, bỏ qua 1 báo cáo của tổ (300 hồ sơ) vì tổng của địa bàn được ưu tiên: kiểm tra số nào đúng.',
    ]);
    expect(secondLookWords(reader('en'), compared, names).lines.slice(1, 3)).toEqual([
      '23 Mar 2021 · Tỉnh Đắk Nông: 71 machines reported working, more than the 24 machines the plan puts there: one machine counted in several reports, or machines added? The pace counts the 71.',
      '23 Mar 2021 · Xã Nam Bình: its own total of 142 dossiers is counted and its team’s report of 300 dossiers is set aside (an area’s total wins over its teams’): check which is right.',
    ]);
    const twoTeams = { ...tally, teamDossiers: 1_050, teamReports: 2 };
    const oneMachine = { ...machines, machinesReported: 3, machinesPlanned: 1 };
    expect(
      secondLookWords(reader('en'), { warnings: [twoTeams, oneMachine], reportWarnings: [] }, names).lines,
    ).toEqual([
      '23 Mar 2021 · Tỉnh Đắk Nông: 3 machines reported working, more than the 1 machine the plan puts there: one machine counted in several reports, or machines added? The pace counts the 3.',
      '23 Mar 2021 · Xã Nam Bình: its own total of 142 dossiers is counted and its 2 team reports, 1,050 dossiers together, are set aside (an area’s total wins over its teams’): check which is right.',
    ]);
  });

  it('shows ten and counts the rest, in both languages', () => {
    const days = (count: number) =>
      Array.from({ length: count }, (_, k) => ({ ...partial, date: `2020-05-${String(10 + k)}` }));
    const eleven = secondLookWords(reader('en'), { warnings: days(11), reportWarnings: [] }, areaName);
    expect(eleven.lines).toHaveLength(10);
    expect(eleven.lines[9]).toBe(
      '19 May 2020 · Huyện Tuy Đức: 3 of 10 communes reported; the day’s figure is theirs alone.',
    );
    expect(eleven.more).toBe('and 1 more warning');
    expect(secondLookWords(reader('en'), { warnings: days(12), reportWarnings: [] }, areaName).more).toBe(
      'and 2 more warnings',
    );
    expect(secondLookWords(reader('vi'), { warnings: days(12), reportWarnings: [] }, areaName).more).toBe(
      'và 2 cảnh báo khác',
    );
  });

  it('says nothing when nothing is worth a second look', () => {
    expect(secondLookWords(reader('vi'), { warnings: [], reportWarnings: [] }, areaName)).toEqual({
      lines: [],
      more: null,
    });
  });

  it('words a warning whose report the reader may not see by its code alone', () => {
    const compared = { warnings: [], reportWarnings: [{ code: 'machines-above-bound', report: null }] };
    expect(secondLookWords(reader('vi'), compared, areaName).lines).toEqual([
      'Số máy hoạt động vượt mức tối đa của một địa bàn (100.000): số máy không được tính.',
    ]);
  });
});
