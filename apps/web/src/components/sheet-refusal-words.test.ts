import { describe, expect, it } from 'vitest';
import { type SheetIssue, sheetIssueWords, sheetRefusalSummary } from './sheet-refusal-words.ts';

/** A bad cell as the API lists it, with its English `expected` (apps/api cell-rules.ts). */
const issue = (fields: Partial<SheetIssue>): SheetIssue => ({
  row: 2,
  column: 'dossiers',
  header: 'Số hồ sơ',
  cell: 'C2',
  code: 'format',
  expected: 'a whole number ≥ 0',
  received: '"abc"',
  ...fields,
});

/** Fields of the three sheets (reports, areas, machines) and the codes the API gives a cell. */
const FIELDS = [
  'date',
  'areaCode',
  'teamCode',
  'dossiers',
  'machinesWorking',
  'hoursOpen',
  'downtimeMinutes',
  'note',
  'idempotencyKey',
  'code',
  'name',
  'parentCode',
  'level',
  'population',
  'eligibleShare',
  'eligible',
  'alreadyServed',
  'turnout',
  'latitude',
  'longitude',
  'areaKm2',
  'urbanShare',
  'communeType',
  'machines',
  null,
];
const CODES = [
  'required',
  'format',
  'range',
  'formula',
  'cell-error',
  'merged',
  'duplicate',
  'conflict',
  'unknown-reference',
  'forbidden',
  'a-code-yet-to-come',
];

describe('sheetIssueWords', () => {
  it('names the sheet of a workbook’s row, another district’s among them', () => {
    expect(sheetIssueWords(issue({ sheet: 'Tổ 1', row: 12 }), 'vi')).toBe(
      'Trang tính “Tổ 1” — Dòng 12, cột Số hồ sơ: phải là một số nguyên ≥ 0, nhận được "abc"',
    );
    expect(
      sheetIssueWords(
        issue({
          sheet: 'Day 2',
          row: 12,
          column: 'areaCode',
          header: 'Area code',
          code: 'forbidden',
          received: '"663"',
        }),
        'en',
      ),
    ).toBe('Sheet “Day 2” — Row 12: area 663 is outside your area');
  });

  it('says a dossiers cell that is not a whole number in Vietnamese, and in English', () => {
    expect(sheetIssueWords(issue({}), 'vi')).toBe(
      'Dòng 2, cột Số hồ sơ: phải là một số nguyên ≥ 0, nhận được "abc"',
    );
    expect(sheetIssueWords(issue({ header: 'Dossiers' }), 'en')).toBe(
      'Row 2, column Dossiers: must be a whole number ≥ 0, got "abc"',
    );
  });

  // Each case: the issue as the API lists it, and the Vietnamese a reader is shown.
  it.each([
    {
      says: 'what a date cell takes',
      cell: { column: 'date', header: 'Ngày', received: '"32/13/2021"' },
      vi: 'Dòng 2, cột Ngày: phải là một ngày (ô ngày, yyyy-mm-dd hoặc dd/mm/yyyy), nhận được "32/13/2021"',
    },
    {
      says: 'an empty required cell without the API’s words for it',
      cell: { code: 'required', received: 'an empty cell' },
      vi: 'Dòng 2, cột Số hồ sơ: ô bắt buộc đang trống',
    },
    {
      says: 'the row a repeated code is first on, from its own field',
      cell: {
        row: 5,
        column: 'areaCode',
        header: 'Mã địa bàn',
        code: 'duplicate',
        received: '"665"',
        firstRow: 3,
      },
      vi: 'Dòng 5, cột Mã địa bàn: trùng với dòng 3: chỉ được ghi ở một dòng, nhận được "665"',
    },
    {
      says: 'a repeated report without the row it is first on (given on another sheet)',
      cell: {
        row: 4,
        column: null,
        header: null,
        code: 'duplicate',
        received: '2021-03-28, area 665',
        firstRow: null,
      },
      vi: 'Dòng 4: bị trùng: chỉ được ghi ở một dòng',
    },
    {
      says: 'an area the service does not know, with the code as written',
      cell: {
        row: 3,
        column: 'areaCode',
        header: 'Mã địa bàn',
        code: 'unknown-reference',
        received: '"99999"',
      },
      vi: 'Dòng 3, cột Mã địa bàn: phải là mã của một địa bàn đã có, trong phạm vi được phép, nhận được "99999"',
    },
    {
      says: 'a general sentence for a code it does not know',
      cell: { code: 'a-code-yet-to-come', received: 'something' },
      vi: 'Dòng 2, cột Số hồ sơ: máy chủ không nhận ô này',
    },
  ])('says $says', ({ cell, vi }) => {
    expect(sheetIssueWords(issue({ ...cell, expected: 'an English expectation' }), 'vi')).toBe(vi);
  });

  // A row for another district or team, as the API lists it: its `expected` names the reader's own
  // area or team, its `received` the code as written; the words name the row and that code only.
  it.each([
    {
      says: 'another district’s row by the area code written',
      cell: { row: 12, column: 'areaCode', header: 'Mã địa bàn', cell: 'B12', received: '"663"' },
      vi: 'Dòng 12: địa bàn 663 không thuộc địa bàn của bạn',
      en: 'Row 12: area 663 is outside your area',
    },
    {
      says: 'another team’s row by the team code written',
      cell: { row: 4, column: 'teamCode', header: 'Mã tổ', cell: 'C4', received: '"DN-DAK-GLONG-MOBILE"' },
      vi: 'Dòng 4: tổ DN-DAK-GLONG-MOBILE không phải tổ của bạn',
      en: 'Row 4: team DN-DAK-GLONG-MOBILE is not your team',
    },
    {
      says: 'a new area under another district by its own code, in an area list',
      cell: { row: 3, column: 'code', header: 'Mã địa bàn', cell: 'A3', received: '"T-661-B"' },
      vi: 'Dòng 3: địa bàn T-661-B không thuộc địa bàn của bạn',
      en: 'Row 3: area T-661-B is outside your area',
    },
    {
      says: 'a row refused without a code quoted, naming no place at all',
      cell: { row: 7, column: null, header: null, cell: null, received: 'the row' },
      vi: 'Dòng 7: tài khoản của bạn không được gửi dòng này',
      en: 'Row 7: your account may not send this row',
    },
  ])('says $says', ({ cell, vi, en }) => {
    const refused = issue({ ...cell, code: 'forbidden', expected: "an area inside this token's area (665)" });
    expect(sheetIssueWords(refused, 'vi')).toBe(vi);
    expect(sheetIssueWords(refused, 'en')).toBe(en);
  });

  // The API's `expected` for a figure out of its bounds (apps/api, the batch's checks of reports:
  // hours open at most a day's 24; the planning library's number rules).
  it.each([
    {
      says: 'hours open above a day’s 24',
      cell: {
        row: 4,
        column: 'hoursOpen',
        header: 'Số giờ mở cửa',
        expected: 'a number at least 0 and at most 24',
        received: '26',
      },
      vi: 'Dòng 4, cột Số giờ mở cửa: phải từ 0 đến 24, nhận được 26',
      en: 'Row 4, column Số giờ mở cửa: must be from 0 to 24, got 26',
    },
    {
      says: 'a count below zero',
      cell: { expected: 'a whole number ≥ 0', received: '-3' },
      vi: 'Dòng 2, cột Số hồ sơ: phải từ 0 trở lên, nhận được -3',
      en: 'Row 2, column Số hồ sơ: must be at least 0, got -3',
    },
    {
      says: 'a figure above a bound it may not reach, the bounds in the reader’s digits',
      cell: {
        column: 'turnout',
        header: 'Tỷ lệ',
        expected: 'a number above 0.5 and at most 1.25',
        received: '1.5',
      },
      vi: 'Dòng 2, cột Tỷ lệ: phải lớn hơn 0,5 và tối đa 1,25, nhận được 1.5',
      en: 'Row 2, column Tỷ lệ: must be above 0.5 and at most 1.25, got 1.5',
    },
  ])('names the limit of $says', ({ cell, vi, en }) => {
    const outside = issue({ ...cell, code: 'range' });
    expect(sheetIssueWords(outside, 'vi')).toBe(vi);
    expect(sheetIssueWords(outside, 'en')).toBe(en);
  });

  it('says why 300 dossiers on 0 machines cannot be, by the column, with the cell’s 0', () => {
    const machines = issue({
      row: 9,
      column: 'machinesWorking',
      header: 'Số máy hoạt động',
      cell: 'D9',
      code: 'conflict',
      expected: 'figures that can be true together',
      received: '0',
    });
    expect(sheetIssueWords(machines, 'vi')).toBe(
      'Dòng 9, cột Số máy hoạt động: dòng có hồ sơ phải có ít nhất 1 máy hoạt động, nhận được 0',
    );
    expect(sheetIssueWords({ ...machines, header: 'Machines working' }, 'en')).toBe(
      'Row 9, column Machines working: a row with dossiers needs at least 1 machine working, got 0',
    );
    const hours = { ...machines, row: 4, column: 'hoursOpen', header: 'Số giờ mở cửa' };
    expect(sheetIssueWords(hours, 'vi')).toBe(
      'Dòng 4, cột Số giờ mở cửa: dòng có hồ sơ phải có số giờ mở cửa lớn hơn 0, nhận được 0',
    );
  });

  it('says why 600 minutes of downtime cannot be, on 2 machines open 4 hours, with the cell’s 600', () => {
    // As the API lists it (apps/api check-reports.ts): the library's sentence in `expected`, the
    // downtime refused as `received`.
    const downtime = issue({
      row: 5,
      column: 'downtimeMinutes',
      header: 'Thời gian máy hỏng (phút)',
      cell: 'G5',
      code: 'conflict',
      expected:
        'figures that can be true together: 600 minutes of downtime cannot fit in 4 hours open (240 minutes) on 2 machines, even counting each machine’s minutes (2 × 240 = 480 machine-minutes)',
      received: '600',
    });
    expect(sheetIssueWords(downtime, 'vi')).toBe(
      'Dòng 5, cột Thời gian máy hỏng (phút): thời gian máy hỏng không thể dài hơn thời gian các máy hoạt động mở cửa (số giờ mở cửa × 60 × số máy hoạt động), nhận được 600',
    );
    expect(sheetIssueWords({ ...downtime, header: 'Downtime (minutes)' }, 'en')).toBe(
      'Row 5, column Downtime (minutes): downtime cannot be longer than the machines working were open (hours open × 60 × machines working), got 600',
    );
  });

  it('never shows the service’s English judgement of a row as what a cell received', () => {
    // As the API said it before: the sentence, quoted and cut, in place of the cell's 0.
    const said = issue({
      row: 9,
      column: 'machinesWorking',
      header: 'Số máy hoạt động',
      code: 'conflict',
      expected: 'figures that can be true together',
      received: '"300 dossiers cannot be taken with 0 mach…"',
    });
    expect(sheetIssueWords(said, 'vi')).toBe(
      'Dòng 9, cột Số máy hoạt động: dòng có hồ sơ phải có ít nhất 1 máy hoạt động',
    );
    // A conflict's code as written is still shown: the team named in the row.
    const retired = issue({ column: 'teamCode', header: 'Mã tổ', code: 'conflict', received: '"DN-T1"' });
    expect(sheetIssueWords(retired, 'vi')).toBe(
      'Dòng 2, cột Mã tổ: phải là một tổ còn hoạt động, nhận được "DN-T1"',
    );
  });

  it('names the days a report’s date must fall between, in each language', () => {
    const late = issue({
      column: 'date',
      header: 'Ngày',
      code: 'range',
      expected: "a date from 2020-01-01 to 2026-12-02 (tomorrow in the campaign's time zone)",
      received: '"2027-01-05"',
    });
    expect(sheetIssueWords(late, 'vi')).toBe(
      'Dòng 2, cột Ngày: phải từ 1 thg 1, 2020 đến 2 thg 12, 2026, nhận được "2027-01-05"',
    );
    expect(sheetIssueWords({ ...late, header: 'Date' }, 'en')).toBe(
      'Row 2, column Date: must be from 1 Jan 2020 to 2 Dec 2026, got "2027-01-05"',
    );
  });

  it('says a count with a fraction is no whole number, not that it is below 0', () => {
    // "phải từ 0 trở lên" (at least 0) was said of a count that is above 0 but not whole.
    const fraction = issue({ code: 'range', expected: 'a whole number ≥ 0', received: '2.5' });
    expect(sheetIssueWords(fraction, 'vi')).toBe(
      'Dòng 2, cột Số hồ sơ: phải là một số nguyên ≥ 0, nhận được 2.5',
    );
    expect(sheetIssueWords({ ...fraction, code: 'format', received: '"1.5"' }, 'vi')).toBe(
      'Dòng 2, cột Số hồ sơ: phải là một số nguyên ≥ 0, nhận được "1.5"',
    );
  });

  it('never shows the API’s English on a Vietnamese page, whatever the field and code', () => {
    for (const column of FIELDS) {
      for (const code of CODES) {
        const words = sheetIssueWords(
          issue({
            column,
            header: null,
            code,
            expected: 'an English expectation',
            received: 'an empty cell',
          }),
          'vi',
        );
        expect(words, `${column}:${code}`).not.toMatch(/English|empty cell|must be|\bgot\b/);
        expect(words, `${column}:${code}`).toMatch(/^Dòng 2(, cột \w+)?: \S/u);
      }
    }
  });
});

// A row of an area file that breaks a rule of the area tree, as the API lists it (apps/api
// test/area-import-tree.test.ts): its `expected` in English and the figures it compares. Figures by
// hand from data/vietnam/demo_nghean_daknong_2021.csv: Xã Trường Xuân (24730) 12,774 people, Xã
// Đắk Môl (24718) 7,354 people and 5,118 aged 14+.
describe('sheetIssueWords on an area file’s figures', () => {
  const figures = (cell: Partial<SheetIssue>, areaFigures: NonNullable<SheetIssue['areaFigures']>) =>
    issue({ column: 'population', header: 'Dân số', cell: 'E2', code: 'conflict', ...cell, areaFigures });

  it('says the villages under Xã Trường Xuân add up to 900 while it has 12,774 people', () => {
    const village = {
      rule: 'CHILDREN_HOLD_THEIR_PARENT',
      areaCode: '24730',
      areaName: 'Xã Trường Xuân',
      count: 'POPULATION',
      value: 900,
      bound: 12_774,
      areasUnder: 1,
    } as const;
    const under = figures(
      {
        expected:
          'such that the areas this file puts under Xã Trường Xuân (24730) add up to its population: Xã Trường Xuân has population 12,774; the 1 area this file puts under it adds up to 900 (an area with areas under it holds their sums)',
        received: '900',
      },
      village,
    );
    expect(sheetIssueWords(under, 'vi')).toBe(
      'Dòng 2, cột Dân số: các địa bàn tệp này đặt dưới Xã Trường Xuân (24730) cộng lại 900 người, trong khi Xã Trường Xuân có 12.774 người: chúng phải cộng lại đúng bằng dân số đó',
    );
    expect(sheetIssueWords({ ...under, header: 'Population' }, 'en')).toBe(
      'Row 2, column Population: the area this file puts under Xã Trường Xuân (24730) has 900 people, while Xã Trường Xuân has 12,774: it must hold that whole population',
    );
    const two = { ...under, areaFigures: { ...village, value: 12_000, areasUnder: 2 } };
    expect(sheetIssueWords({ ...two, header: 'Population' }, 'en')).toBe(
      'Row 2, column Population: the 2 areas this file puts under Xã Trường Xuân (24730) add up to 12,000 people, while Xã Trường Xuân has 12,774: they must add up to that population',
    );
  });

  it('says the villages’ people already served must add up to the commune’s', () => {
    const served = figures(
      { column: 'alreadyServed', header: 'Đã thu nhận', received: '300' },
      {
        rule: 'CHILDREN_HOLD_THEIR_PARENT',
        areaCode: '24730',
        areaName: 'Xã Trường Xuân',
        count: 'ALREADY_SERVED',
        value: 300,
        bound: 1_200,
        areasUnder: 2,
      },
    );
    expect(sheetIssueWords(served, 'vi')).toBe(
      'Dòng 2, cột Đã thu nhận: các địa bàn tệp này đặt dưới Xã Trường Xuân (24730) cộng lại 300 người đã làm xong hồ sơ, trong khi Xã Trường Xuân có 1.200: chúng phải cộng lại đúng bằng số đó',
    );
  });

  it('says a commune’s population of 13,000 is not the 12,774 its 2 villages add up to', () => {
    const parent = figures(
      {
        expected:
          '12,774, what the 2 areas under it add up to once this file is stored (an area with areas under it holds their sums: change theirs)',
        received: '13000',
      },
      {
        rule: 'PARENT_FIGURES_ARE_SUMS',
        areaCode: '24730',
        areaName: 'Xã Trường Xuân',
        count: 'POPULATION',
        value: 13_000,
        bound: 12_774,
        areasUnder: 2,
      },
    );
    expect(sheetIssueWords(parent, 'vi')).toBe(
      'Dòng 2, cột Dân số: Xã Trường Xuân (24730) có 2 địa bàn cấp dưới và mang tổng của chúng: dân số phải là 12.774, tổng của các địa bàn đó, không phải 13.000 (hãy sửa số của các địa bàn cấp dưới)',
    );
    expect(sheetIssueWords({ ...parent, header: 'Population' }, 'en')).toBe(
      'Row 2, column Population: Xã Trường Xuân (24730) has 2 areas under it and holds their sums: its population must be 12,774, what they add up to, not 13,000 (change theirs)',
    );
  });

  // The tester's village under Xã Đắk Môl: population 1,000, eligible 2,000, already served 5,000;
  // and Xã Đắk Môl itself given 1,000 people, fewer than its 5,118 aged 14+.
  it.each([
    {
      says: 'eligible above the population',
      cell: { column: 'eligible', header: 'Số người đủ tuổi', code: 'range', received: '2000' },
      figures: { rule: 'ELIGIBLE_WITHIN_POPULATION', count: 'ELIGIBLE', value: 2_000, bound: 1_000 },
      vi: 'Dòng 2, cột Số người đủ tuổi: số người đủ tuổi (2.000) không thể nhiều hơn dân số của địa bàn (1.000): người đủ tuổi là người sống ở đó',
      en: 'Row 2, column Số người đủ tuổi: the eligible people (2,000) cannot outnumber the area’s population (1,000): the eligible are among the people living there',
    },
    {
      says: 'a population below the eligible stored',
      cell: { column: 'population', header: 'Dân số', code: 'range', received: '1000' },
      figures: { rule: 'ELIGIBLE_WITHIN_POPULATION', count: 'POPULATION', value: 1_000, bound: 5_118 },
      vi: 'Dòng 2, cột Dân số: dân số (1.000) không thể ít hơn số người đủ tuổi đã lưu cho địa bàn (5.118): người đủ tuổi là người sống ở đó',
      en: 'Row 2, column Dân số: the population (1,000) cannot be below the eligible people stored for the area (5,118): the eligible are among the people living there',
    },
    {
      says: 'people already served above the eligible',
      cell: { column: 'alreadyServed', header: 'Đã thu nhận', code: 'range', received: '5000' },
      figures: { rule: 'SERVED_WITHIN_ELIGIBLE', count: 'ALREADY_SERVED', value: 5_000, bound: 2_000 },
      vi: 'Dòng 2, cột Đã thu nhận: số người đã làm xong hồ sơ (5.000) không thể nhiều hơn số người đủ tuổi (2.000): người đã làm xong hồ sơ là người đủ tuổi',
      en: 'Row 2, column Đã thu nhận: the people already served (5,000) cannot outnumber the eligible people (2,000): those served are among the eligible',
    },
    {
      says: 'a share that leaves fewer eligible than the people already served',
      cell: { column: 'eligibleShare', header: 'Tỷ lệ đủ tuổi', code: 'conflict', received: '0.1' },
      figures: { rule: 'SERVED_WITHIN_ELIGIBLE', count: 'ELIGIBLE', value: 735, bound: 1_000 },
      vi: 'Dòng 2, cột Tỷ lệ đủ tuổi: số này để lại 735 người đủ tuổi, ít hơn 1.000 người đã làm xong hồ sơ đã lưu cho địa bàn: người đã làm xong hồ sơ là người đủ tuổi',
      en: 'Row 2, column Tỷ lệ đủ tuổi: this leaves the area 735 eligible people, fewer than the 1,000 already served stored for it: those served are among the eligible',
    },
    {
      says: 'a count past the largest stored',
      cell: { column: 'population', header: 'Dân số', code: 'range', received: '3000000000' },
      figures: {
        rule: 'COUNTS_WITHIN_STORED',
        count: 'POPULATION',
        value: 3_000_000_000,
        bound: 2_147_483_647,
      },
      vi: 'Dòng 2, cột Dân số: ghi 3.000.000.000, quá số lớn nhất máy chủ lưu được (2.147.483.647)',
      en: 'Row 2, column Dân số: gives 3,000,000,000, more than the largest count the service stores (2,147,483,647)',
    },
  ] as const)('says the rule and both figures of $says', ({ cell, figures: given, vi, en }) => {
    const row = figures(
      { ...cell, expected: 'an English expectation' },
      { areaCode: '99990003', areaName: 'Thôn Thử', areasUnder: null, ...given },
    );
    expect(sheetIssueWords(row, 'vi')).toBe(vi);
    expect(sheetIssueWords(row, 'en')).toBe(en);
  });

  it('says a district’s sum past the largest stored, naming the district', () => {
    const sum = figures(
      { code: 'range', received: '2000000000' },
      {
        rule: 'SUMS_WITHIN_STORED',
        areaCode: '665',
        areaName: 'Huyện Đắk Song',
        count: 'POPULATION',
        value: 2_200_000_000,
        bound: 2_147_483_647,
        areasUnder: 9,
      },
    );
    expect(sheetIssueWords(sum, 'vi')).toBe(
      'Dòng 2, cột Dân số: dân số của Huyện Đắk Song (665), tổng của các địa bàn dưới nó, sẽ là 2.200.000.000, quá số lớn nhất máy chủ lưu được (2.147.483.647)',
    );
  });

  it('falls back to the code’s general words for a rule this app does not know yet', () => {
    const later = figures(
      { received: '900' },
      {
        rule: 'A_RULE_YET_TO_COME' as never,
        areaCode: '24730',
        areaName: 'Xã Trường Xuân',
        count: 'POPULATION',
        value: 900,
        bound: 12_774,
        areasUnder: 1,
      },
    );
    expect(sheetIssueWords(later, 'vi')).toBe(
      'Dòng 2, cột Dân số: không khớp với các ô khác của dòng, nhận được 900',
    );
  });
});

describe('sheetRefusalSummary', () => {
  it('says a file that is not CSV cannot be read, in Vietnamese, not the parser’s English', () => {
    const corrupt = {
      __typename: 'SpreadsheetError',
      code: 'CORRUPT',
      message: 'the CSV file cannot be read near line 1: Invalid Opening Quote: a quote is found on field 0',
      issueCount: 0,
      issues: [],
    };
    expect(sheetRefusalSummary(corrupt, 'vi', '0')).toBe(
      'Không lưu gì: không đọc được tệp (tệp hỏng, bị cắt khi tải lên, hoặc không phải XLSX hay CSV đúng dạng).',
    );
  });

  it('gives each reason of a whole file a sentence of its own', () => {
    const reasons = [
      'CORRUPT',
      'DUPLICATE_COLUMN',
      'EMPTY',
      'FILE_TOO_LARGE',
      'INVALID_CELLS',
      'NOT_A_SPREADSHEET',
      'NO_HEADER',
      'TOO_MANY_ROWS',
      'UNSUPPORTED_FORMAT',
      'UNZIPPED_TOO_LARGE',
    ];
    const said = (code: string) =>
      sheetRefusalSummary({ __typename: 'SpreadsheetError', code, issues: [] }, 'vi', '0');
    expect(new Set(reasons.map(said)).size).toBe(reasons.length);
    expect(reasons.map(said)).not.toContain(said('A_REASON_YET_TO_COME'));
    expect(said('A_REASON_YET_TO_COME')).toBe('Không lưu gì: máy chủ không nhận tệp.');
  });

  it('counts the bad cells when they are listed', () => {
    const cells = {
      __typename: 'SpreadsheetError',
      code: 'INVALID_CELLS',
      issueCount: 1,
      issues: [issue({})],
    };
    expect(sheetRefusalSummary(cells, 'vi', '1')).toBe('Không lưu gì: tệp có 1 lỗi.');
  });

  it('says a refusal of the whole import as the file’s, the rows being named as cells', () => {
    const forbidden = { __typename: 'ForbiddenError', message: 'Mutation.importReports is outside …' };
    expect(sheetRefusalSummary(forbidden, 'vi', '0')).toBe(
      'Không lưu gì: tài khoản của bạn không được gửi tệp này.',
    );
  });
});
