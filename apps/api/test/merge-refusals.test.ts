// A file's checks merged into its one refusal: the first 100 problems of the whole file in row
// order, every problem counted. Rows and counts below are counted by hand from the file laid out.
import { PlanningInputError } from '@muster/planning';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../src/auth/tokens.ts';
import { mergeRefusals } from '../src/imports/_internal/merge-refusals.ts';
import { refusalOfInputErrors } from '../src/imports/_internal/refusal-of-input-errors.ts';
import { refusalOfRowsOutside } from '../src/imports/_internal/refusal-of-rows-outside.ts';
import type { RowsRead } from '../src/spreadsheets/index.ts';

/** A CSV file of 151 reports under a header on line 1: `rows[i]` is line i + 2. */
const read: RowsRead<unknown> = {
  format: 'csv',
  rows: Array.from({ length: 151 }, (_, index) => ({ sheet: null, row: index + 2, value: {} })),
  sheets: [
    {
      name: null,
      headerRow: 1,
      columns: [
        { key: 'date', header: 'Date', column: 0, letter: 'A' },
        { key: 'areaCode', header: 'Area code', column: 1, letter: 'B' },
        { key: 'dossiers', header: 'Dossiers', column: 2, letter: 'C' },
        { key: 'hoursOpen', header: 'Hours open', column: 3, letter: 'D' },
      ],
    },
  ],
  notes: [],
};

const planner = { role: 'PLANNER', name: 'district planner', areaCode: '665' } as Principal;

const hoursOpen = (index: number) =>
  new PlanningInputError({
    path: `reports[${index}].hoursOpen`,
    code: 'range',
    expected: 'a number at least 0 and at most 24',
    received: 30,
  });
const unknownArea = (index: number) =>
  new PlanningInputError({
    path: `reports[${index}].areaCode`,
    code: 'unknown-reference',
    expected: 'the code of a known area',
    received: '99999',
  });

describe('mergeRefusals', () => {
  it('lists the first 100 problems of the whole file in row order, whatever order each check found them in', () => {
    // The service's checks found the figures first (hours open 30 on lines 52 to 152, but for line
    // 121), then the unknown areas of lines 2 to 51: 100 + 50 problems. Line 121 is a row of
    // another district. 151 problems; the first 100 by line are lines 2 to 101.
    const service = [
      ...Array.from({ length: 101 }, (_, k) => 50 + k)
        .filter((index) => index !== 119)
        .map(hoursOpen),
      ...Array.from({ length: 50 }, (_, index) => unknownArea(index)),
    ];
    expect(service).toHaveLength(150);
    const merged = mergeRefusals(read, [
      null,
      refusalOfRowsOutside(read, planner, [{ index: 119, field: 'areaCode', received: '661' }]),
      refusalOfInputErrors(read, service),
    ]);
    expect(merged.issueCount).toBe(151);
    expect(merged.issues.map((issue) => issue.row)).toEqual(Array.from({ length: 100 }, (_, k) => k + 2));
    expect(merged.issues.slice(49, 51).map((issue) => issue.message)).toEqual([
      'row 51, column areaCode: must be the code of a known area, got "99999"',
      'row 52, column hoursOpen: must be a number at least 0 and at most 24, got 30',
    ]);
    expect(merged.message).toMatch(/^nothing was read: the file has 151 problems: row 2, column areaCode: /);
    expect(merged.message).toMatch(/; and 148 more$/);
  });

  it('lists the first 100 by row of a check that found its problems from the last row up, and every one of fewer', () => {
    // Hours open 30 on lines 2 to 152 but for line 121, found from the last line up; line 121 is a
    // row of another district: 151 problems, the first 100 by line are lines 2 to 101.
    const lastFirst = Array.from({ length: 151 }, (_, k) => 150 - k)
      .filter((index) => index !== 119)
      .map(hoursOpen);
    const outside = refusalOfRowsOutside(read, planner, [{ index: 119, field: 'areaCode', received: '661' }]);
    const all = mergeRefusals(read, [refusalOfInputErrors(read, lastFirst), outside]);
    expect(all.issueCount).toBe(151);
    expect(all.issues.map((issue) => issue.row)).toEqual(Array.from({ length: 100 }, (_, k) => k + 2));
    // Hours open 30 on lines 62 to 152 but for line 121 (90 lines) and line 121 forbidden: 91
    // problems, all listed, line 121 the 60th.
    const fewer = Array.from({ length: 91 }, (_, k) => 150 - k)
      .filter((index) => index !== 119)
      .map(hoursOpen);
    expect(fewer).toHaveLength(90);
    const some = mergeRefusals(read, [refusalOfInputErrors(read, fewer), outside]);
    expect(some.issueCount).toBe(91);
    expect(some.issues).toHaveLength(91);
    expect(some.issues.map((issue) => issue.row)).toEqual(Array.from({ length: 91 }, (_, k) => k + 62));
    expect(some.issues[59]).toMatchObject({ row: 121, column: 'areaCode', code: 'forbidden' });
  });
});
