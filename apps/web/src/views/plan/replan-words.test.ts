import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { AlternativeKind } from '../../gql/graphql.ts';
import { type DateStyle, formatDate, formatNumber, type Locale } from '../../i18n/format.ts';
import { translate } from '../../i18n/i18n.tsx';
import { type ReplanAlternative, replanWords } from './replan-words.ts';

const reader = (locale: Locale) => ({
  t: (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate(locale, key, params),
  n: (value: number, digits?: number) => formatNumber(locale, value, digits),
  date: (isoDate: string, style?: DateStyle) => formatDate(locale, isoDate, style),
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

  it('names the province’s pool without its machines for a district planner, and with them for the province’s', () => {
    // Tuy Đức (667) late in Đắk Nông's pool of 24: 10 more machines there. A district planner is not
    // given the pool's machines (null before and after), only what joins it.
    // The machines are for Tuy Đức itself, the one late area below the pool, with 39,809 left.
    const district: ReplanAlternative = {
      __typename: 'MachinesAlternative',
      addedMachines: 10,
      movedMachines: 0,
      changes: [
        {
          areaCode: '67',
          name: 'Tỉnh Đắk Nông',
          machinesGained: 10,
          machinesBefore: null,
          machinesAfter: null,
        },
      ],
      lateAreas: [{ areaCode: '667', name: 'Huyện Tuy Đức', poolAreaCode: '67', remainingDossiers: 39_809 }],
      sentence: '+10 machines in Tỉnh Đắk Nông for Huyện Tuy Đức',
    };
    expect(replanWords(reader('en'), district)).toEqual({
      possible: true,
      sentence: '+10 machines (+10 in the pool of Tỉnh Đắk Nông) for:',
      lateAreas: [{ areaCode: '667', line: 'Huyện Tuy Đức: 39,809 dossiers left' }],
    });
    expect(replanWords(reader('vi'), district)).toEqual({
      possible: true,
      sentence: 'Thêm 10 máy (+10 máy vào nhóm máy dùng chung của Tỉnh Đắk Nông) cho:',
      lateAreas: [{ areaCode: '667', line: 'Huyện Tuy Đức: còn 39.809 hồ sơ' }],
    });
    const province: ReplanAlternative = {
      ...district,
      changes: [
        { areaCode: '67', name: 'Tỉnh Đắk Nông', machinesGained: 10, machinesBefore: 24, machinesAfter: 34 },
      ],
    };
    expect(replanWords(reader('en'), province).sentence).toBe('+10 machines (Tỉnh Đắk Nông 24 → 34) for:');
    expect(replanWords(reader('vi'), province).sentence).toBe('Thêm 10 máy (Tỉnh Đắk Nông 24 → 34) cho:');
  });

  it('lists every late district under the machines, most left first and no finished one, but not a commune’s own pool', () => {
    // The end of a campaign: P's pool of 6 gains 8 for B (4,000 less 1,280 reported: 2,720 left)
    // and C (1,600, nothing reported); A is done. Every line is shown, beyond the library's three.
    const endOfCampaign: ReplanAlternative = {
      __typename: 'MachinesAlternative',
      addedMachines: 8,
      movedMachines: 0,
      changes: [{ areaCode: 'P', name: 'Tỉnh P', machinesGained: 8, machinesBefore: 6, machinesAfter: 14 }],
      lateAreas: [
        { areaCode: 'B', name: 'Huyện B', poolAreaCode: 'P', remainingDossiers: 2_720 },
        { areaCode: 'C', name: 'Huyện C', poolAreaCode: 'P', remainingDossiers: 1_600 },
      ],
      sentence: '+8 machines in Tỉnh P for Huyện B and Huyện C',
    };
    expect(replanWords(reader('en'), endOfCampaign)).toEqual({
      possible: true,
      sentence: '+8 machines (Tỉnh P 6 → 14) for:',
      lateAreas: [
        { areaCode: 'B', line: 'Huyện B: 2,720 dossiers left' },
        { areaCode: 'C', line: 'Huyện C: 1,600 dossiers left' },
      ],
    });
    expect(replanWords(reader('vi'), endOfCampaign)).toEqual({
      possible: true,
      sentence: 'Thêm 8 máy (Tỉnh P 6 → 14) cho:',
      lateAreas: [
        { areaCode: 'B', line: 'Huyện B: còn 2.720 hồ sơ' },
        { areaCode: 'C', line: 'Huyện C: còn 1.600 hồ sơ' },
      ],
    });
    // One dossier left is said in the singular in English.
    const lastOne = {
      ...endOfCampaign,
      lateAreas: [{ areaCode: 'C', name: 'Huyện C', poolAreaCode: 'P', remainingDossiers: 1 }],
    };
    expect(replanWords(reader('en'), lastOne).lateAreas).toEqual([
      { areaCode: 'C', line: 'Huyện C: 1 dossier left' },
    ]);
    // No line when the late area is the commune whose own machines it adds to (Xã Thử's own
    // machine, 760 left): the change names it already.
    const commune: ReplanAlternative = {
      __typename: 'MachinesAlternative',
      addedMachines: 1,
      movedMachines: 0,
      changes: [
        { areaCode: 'T9001', name: 'Xã Thử', machinesGained: 1, machinesBefore: 1, machinesAfter: 2 },
      ],
      lateAreas: [{ areaCode: 'T9001', name: 'Xã Thử', poolAreaCode: 'T9001', remainingDossiers: 760 }],
      sentence: '+1 machine in Xã Thử',
    };
    expect(replanWords(reader('en'), commune)).toEqual({
      possible: true,
      sentence: '+1 machine (Xã Thử 1 → 2)',
    });
    expect(replanWords(reader('vi'), commune)).toEqual({
      possible: true,
      sentence: 'Thêm 1 máy (Xã Thử 1 → 2)',
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

  it('says why an alternative cannot make the deadline in the reader’s words, for each reason the library gives', () => {
    // The planning library's English sentence never reaches the page: each reason is worded in the
    // catalogue (what-must-change.ts and trySolveFor's reasons for hours and days).
    const cases: {
      alternative: AlternativeKind;
      reason: string;
      sentence: string;
      vi: string;
      en: string;
    }[] = [
      {
        alternative: 'PACE',
        reason: 'pool-overbooked',
        sentence:
          'A faster pace cannot do it: the other areas Tỉnh Đắk Nông’s machines serve take all their hours before the deadline',
        vi: 'Không thể bằng cách tăng tốc độ: các địa bàn khác dùng chung máy đã chiếm hết giờ máy trước hạn',
        en: 'Not by a faster pace: the other areas sharing its machines take all their hours before the deadline',
      },
      {
        alternative: 'PACE',
        reason: 'no-machines',
        sentence: 'A faster pace cannot do it: some of the demand has no machine to serve it',
        vi: 'Không thể bằng cách tăng tốc độ: một phần hồ sơ không có máy nào phục vụ',
        en: 'Not by a faster pace: some of the demand has no machine to serve it',
      },
      {
        alternative: 'MACHINES',
        reason: 'no-open-days',
        sentence:
          'More machines cannot do it: no open hour is left from 2021-07-01 to the deadline 2021-06-30',
        vi: 'Không thể bằng cách thêm máy: không còn ngày mở cửa nào trước hạn',
        en: 'Not by more machines: no open day is left before the deadline',
      },
      {
        alternative: 'HOURS_PER_DAY',
        reason: 'more-than-a-day',
        sentence:
          'Opening longer cannot do it: the machines given would need more than 24 hours a day for 41 open days',
        vi: 'Không thể bằng cách mở cửa lâu hơn: số máy hiện có phải làm hơn 24 giờ mỗi ngày',
        en: 'Not by longer hours: the machines given would need more than 24 hours a day',
      },
      {
        alternative: 'DEADLINE',
        reason: 'zero-hour-window',
        sentence: 'No later deadline does it: the daily window is open zero hours',
        vi: 'Không thể bằng cách lùi hạn: giờ mở cửa mỗi ngày bằng không',
        en: 'Not by a later deadline: the daily window is open zero hours',
      },
      {
        alternative: 'DEADLINE',
        reason: 'beyond-horizon',
        sentence: 'No later deadline does it: the machines given would need more than ten years',
        vi: 'Không thể bằng cách lùi hạn: số máy hiện có cần hơn mười năm',
        en: 'Not by a later deadline: the machines given would need more than ten years',
      },
    ];
    for (const { alternative, reason, sentence, vi, en } of cases) {
      const infeasible = { __typename: 'InfeasibleAlternative', alternative, reason, sentence } as const;
      expect(replanWords(reader('vi'), infeasible), reason).toEqual({ possible: false, sentence: vi });
      expect(replanWords(reader('en'), infeasible), reason).toEqual({ possible: false, sentence: en });
    }
  });

  it('says a reason it has no words for in the reader’s language, never in the library’s English', () => {
    const unworded = {
      __typename: 'InfeasibleAlternative',
      alternative: 'MACHINES',
      reason: 'a-reason-added-later',
      sentence: 'More machines cannot do it: something the library learnt since',
    } as const;
    expect(replanWords(reader('vi'), unworded)).toEqual({
      possible: false,
      sentence: 'Không thể bằng cách thêm máy: không có kế hoạch nào như vậy xong kịp hạn',
    });
    expect(replanWords(reader('en'), unworded)).toEqual({
      possible: false,
      sentence: 'Not by more machines: no plan with it finishes by the deadline',
    });
  });

  it('has words of its own for every reason code the schema lists', () => {
    const schema = buildSchema(
      readFileSync(new URL('../../../../api/schema.graphql', import.meta.url), 'utf8'),
    );
    const type = schema.getType('InfeasibleAlternative') as GraphQLObjectType;
    const description = type.getFields().reason?.description ?? '';
    const codes = [...description.matchAll(/`([a-z-]+)`/g)].map(([, code]) => code as string);
    // The six the library gives (what-must-change.ts); a code added to the schema is checked too.
    expect(codes).toEqual(expect.arrayContaining(['more-than-a-day', 'pool-overbooked']));
    expect(codes.length).toBeGreaterThanOrEqual(6);
    for (const locale of ['vi', 'en'] as const) {
      const unworded = replanWords(reader(locale), {
        __typename: 'InfeasibleAlternative',
        alternative: 'PACE',
        reason: 'a-reason-added-later',
        sentence: 'in the library’s English',
      }).sentence;
      for (const reason of codes) {
        const { sentence } = replanWords(reader(locale), {
          __typename: 'InfeasibleAlternative',
          alternative: 'PACE',
          reason,
          sentence: 'in the library’s English',
        });
        expect(sentence, `${reason} in ${locale}`).not.toBe(unworded);
      }
    }
  });
});
