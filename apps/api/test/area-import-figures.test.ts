// What an area import tells a reader in parts, so that the web app can say it in Vietnamese: the
// figures behind each refusal of the area tree's rules (`CellIssue.areaFigures`) and each leaf
// stored without a centroid with where mobile teams will visit it (`ImportAreasPayload.placements`).
// Figures by hand from data/vietnam/demo_nghean_daknong_2021.csv: Xã Trường Xuân (24730) 12,774
// people; Xã Đắk Môl (24718) 7,354 people, 5,118 aged 14+.
import { describe, expect, it } from 'vitest';
import { upload, useDatabase } from './graphql.ts';
import { csvOf } from './spreadsheets/_files.ts';

useDatabase({ demo: true });

const IMPORT_AREAS = `mutation ($file: File) { importAreas(file: $file) {
  __typename
  ... on ImportAreasPayload { inserted notes placements { sheet row areaCode areaName placedAtCode placedAtName message } }
  ... on SpreadsheetError { issues { row column code areaFigures { rule areaCode areaName count value bound areasUnder } } }
} }`;

type Answer = {
  __typename: string;
  inserted?: number;
  notes?: string[];
  placements?: Record<string, unknown>[];
  issues?: { row: number; column: string; code: string; areaFigures: Record<string, unknown> | null }[];
};

async function importAreas(text: string): Promise<Answer> {
  const { body } = await upload<{ importAreas: Answer }>(
    IMPORT_AREAS,
    {},
    { file: { bytes: csvOf(text), name: 'dia-ban.csv' } },
  );
  expect(body.errors).toBeUndefined();
  return body.data?.importAreas as Answer;
}

const HEADER = 'Mã địa bàn,Tên địa bàn,Mã cấp trên,Cấp,Dân số,Tỷ lệ đủ tuổi,Số người đủ tuổi,Đã thu nhận';

describe('a refusal of the area tree’s figures', () => {
  it('gives the commune, its 12,774 people and the 900 its one village adds up to', async () => {
    const answer = await importAreas(`${HEADER}\n99990021,Bon Bu Prăng,24730,thôn,900,0.65,,\n`);
    expect(answer.issues).toEqual([
      {
        row: 2,
        column: 'population',
        code: 'conflict',
        areaFigures: {
          rule: 'CHILDREN_HOLD_THEIR_PARENT',
          areaCode: '24730',
          areaName: 'Xã Trường Xuân',
          count: 'POPULATION',
          value: 900,
          bound: 12_774,
          areasUnder: 1,
        },
      },
    ]);
  });

  it('gives a village’s eligible above its population and its served above its eligible, each with both figures', async () => {
    // 7,354 people in one village keeps Xã Đắk Môl's population; 8,000 eligible outnumber them.
    const answer = await importAreas(`${HEADER}\n99990003,Thôn Thử,24718,thôn,7354,,8000,9000\n`);
    expect(answer.issues?.map((issue) => [issue.column, issue.code, issue.areaFigures])).toEqual([
      [
        'eligible',
        'range',
        {
          rule: 'ELIGIBLE_WITHIN_POPULATION',
          areaCode: '99990003',
          areaName: 'Thôn Thử',
          count: 'ELIGIBLE',
          value: 8_000,
          bound: 7_354,
          areasUnder: null,
        },
      ],
      [
        'alreadyServed',
        'range',
        {
          rule: 'SERVED_WITHIN_ELIGIBLE',
          areaCode: '99990003',
          areaName: 'Thôn Thử',
          count: 'ALREADY_SERVED',
          value: 9_000,
          bound: 8_000,
          areasUnder: null,
        },
      ],
    ]);
  });

  it('gives a commune’s population below its 5,118 aged 14+ stored, and a count past the largest stored', async () => {
    const low = await importAreas('Mã địa bàn,Tên địa bàn,Dân số\n24718,Xã Đắk Môl,1000\n');
    expect(low.issues?.[0]?.areaFigures).toEqual({
      rule: 'ELIGIBLE_WITHIN_POPULATION',
      areaCode: '24718',
      areaName: 'Xã Đắk Môl',
      count: 'POPULATION',
      value: 1_000,
      bound: 5_118,
      areasUnder: null,
    });
    const huge = await importAreas(
      'Mã địa bàn,Tên địa bàn,Dân số,Số người đủ tuổi\n24718,Xã Đắk Môl,3000000000,1\n',
    );
    expect(huge.issues?.[0]?.areaFigures).toEqual({
      rule: 'COUNTS_WITHIN_STORED',
      areaCode: '24718',
      areaName: 'Xã Đắk Môl',
      count: 'POPULATION',
      value: 3_000_000_000,
      bound: 2_147_483_647,
      areasUnder: null,
    });
  });

  it('gives a commune’s 13,000 against the 12,774 its two villages add up to', async () => {
    const stored = await importAreas(
      `${HEADER}\n99990021,Bon Bu Prăng,24730,thôn,9000,0.65,,\n99990022,Bon Bu Prăng 2,24730,thôn,3774,0.65,,\n`,
    );
    expect(stored).toMatchObject({ __typename: 'ImportAreasPayload', inserted: 2 });
    const answer = await importAreas('Mã địa bàn,Tên địa bàn,Dân số\n24730,Xã Trường Xuân,13000\n');
    expect(answer.issues?.[0]?.areaFigures).toEqual({
      rule: 'PARENT_FIGURES_ARE_SUMS',
      areaCode: '24730',
      areaName: 'Xã Trường Xuân',
      count: 'POPULATION',
      value: 13_000,
      bound: 12_774,
      areasUnder: 2,
    });
  });

  it('gives no figures for a cell that breaks no rule of the tree', async () => {
    const answer = await importAreas('Mã địa bàn,Tên địa bàn,Dân số\n24718,Xã Đắk Môl,abc\n');
    expect(answer.issues?.map((issue) => [issue.column, issue.code, issue.areaFigures])).toEqual([
      ['population', 'format', null],
    ]);
  });
});

describe('a village stored without a centroid', () => {
  it('is listed by row with its commune, whose centroid mobile teams visit it at', async () => {
    // Xã Đắk Môl's 7,354 people in two villages; the second has no latitude or longitude.
    const answer = await importAreas(
      'Mã địa bàn,Tên địa bàn,Mã cấp trên,Cấp,Dân số,Vĩ độ,Kinh độ\n' +
        '99990031,Thôn Một,24718,thôn,7000,12.34,107.70\n' +
        '99990032,Thôn Hai,24718,thôn,354,,\n',
    );
    expect(answer).toMatchObject({ __typename: 'ImportAreasPayload', inserted: 2 });
    const note =
      'row 3: Thôn Hai (99990032) has no latitude and longitude: mobile teams will visit it at the centroid of Xã Đắk Môl (24718), the nearest area above it with one';
    expect(answer.placements).toEqual([
      {
        sheet: null,
        row: 3,
        areaCode: '99990032',
        areaName: 'Thôn Hai',
        placedAtCode: '24718',
        placedAtName: 'Xã Đắk Môl',
        message: note,
      },
    ]);
    expect(answer.notes).toEqual([note]);
  });
});
