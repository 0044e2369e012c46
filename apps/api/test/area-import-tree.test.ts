// An area file that reaches into the tree's figures (issue of 1 December, the Đắk Nông planner's
// files in /tmp/tester): a village put under a commune that held its own 12,774 people, a new
// population for a commune that has become the sum of its villages, a village whose eligible
// outnumber its people, and a village without a centroid under a district with a mobile team.
// Figures by hand from data/vietnam/demo_nghean_daknong_2021.csv: Xã Trường Xuân (24730) 12,774
// people, 8,891 aged 14+; Xã Đắk Môl (24718) 7,354 and 5,118; Huyện Đắk Song (665) 80,514 and
// 56,037; Tỉnh Đắk Nông (67) 622,168 and 437,513.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCENARIO_IDS } from '../src/data/seed-demo.ts';
import { data, database, tokenFor, upload, useDatabase } from './graphql.ts';
import { csvOf } from './spreadsheets/_files.ts';

useDatabase({ demo: true });

const IMPORT_AREAS = `mutation ($file: File) { importAreas(file: $file) {
  __typename
  ... on ImportAreasPayload { inserted updated total notes }
  ... on SpreadsheetError { code issueCount issues { row column code expected received message } }
} }`;

type Issue = {
  row: number;
  column: string;
  code: string;
  expected: string;
  received: string;
  message: string;
};
type Answer = {
  __typename: string;
  inserted?: number;
  updated?: number;
  total?: number;
  notes?: string[];
  issueCount?: number;
  issues?: Issue[];
};

let planner: string;

beforeAll(async () => {
  planner = await tokenFor({ role: 'PLANNER', name: 'Đắk Nông planner', areaCode: '67' });
});

async function importAreas(text: string): Promise<Answer> {
  const { body } = await upload<{ importAreas: Answer }>(
    IMPORT_AREAS,
    {},
    { file: { bytes: csvOf(text), name: 'dia-ban.csv' } },
    { token: planner },
  );
  expect(body.errors).toBeUndefined();
  return body.data?.importAreas as Answer;
}

/** Population, eligible and served as stored, by code. */
async function figures(...codes: string[]) {
  const rows = await database.prisma.area.findMany({
    where: { code: { in: codes } },
    select: { code: true, population: true, eligible: true, alreadyServed: true },
  });
  return Object.fromEntries(
    codes.map((code) => {
      const row = rows.find((r) => r.code === code);
      return [code, row ? [row.population, row.eligible, row.alreadyServed] : null];
    }),
  );
}

const TEMPLATE_HEADER = 'Mã địa bàn,Tên địa bàn,Mã cấp trên,Cấp,Dân số,Tỷ lệ đủ tuổi,Vĩ độ,Kinh độ';

describe('a file that puts areas under a commune holding its own figures', () => {
  it('is refused when its villages do not add up to the commune’s 12,774 people, both figures named, and nothing is stored', async () => {
    const answer = await importAreas(
      `${TEMPLATE_HEADER}\n99990021,Bon Bu Prăng,24730,thôn,900,0.65,12.3,107.6\n`,
    );
    expect(answer).toMatchObject({ __typename: 'SpreadsheetError', code: 'INVALID_CELLS', issueCount: 1 });
    expect(answer.issues?.map((i) => [i.row, i.column, i.code])).toEqual([[2, 'population', 'conflict']]);
    expect(answer.issues?.[0]?.message).toBe(
      'row 2, column population: must be such that the areas this file puts under Xã Trường Xuân (24730) add up to its population: Xã Trường Xuân has population 12,774; the 1 area this file puts under it adds up to 900 (an area with areas under it holds their sums), got 900',
    );
    expect(await figures('24730', '665', '67', '99990021')).toEqual({
      '24730': [12_774, 8_891, 0],
      '665': [80_514, 56_037, 0],
      '67': [622_168, 437_513, 0],
      '99990021': null,
    });
  });

  it('stores villages that add up to the 12,774 people, and the commune, district and province hold their sums, eligible included', async () => {
    // 9,000 and 3,774 people at 65 % aged 14+: 5,850 and 2,453 (2,453.1 rounded), 8,303 in all,
    // 588 fewer than the commune's 8,891.
    const answer = await importAreas(
      `${TEMPLATE_HEADER}\n99990021,Bon Bu Prăng,24730,thôn,9000,0.65,12.1,107.6\n99990022,Bon Bu Prăng 2,24730,thôn,3774,0.65,12.11,107.62\n`,
    );
    expect(answer).toMatchObject({ __typename: 'ImportAreasPayload', inserted: 2, updated: 0, total: 2 });
    expect(await figures('24730', '665', '67')).toEqual({
      '24730': [12_774, 8_303, 0],
      '665': [80_514, 55_449, 0],
      '67': [622_168, 436_925, 0],
    });
  });

  it('plans villages given no share of their own at their commune’s share, as the import counts their eligible', async () => {
    // Under Xã Nam Bình (24721: 10,135 people, 7,054 aged 14+ at Đắk Song's 0.696 in the census
    // file), 7,000 and 3,135 people, no share given: 0.696 holds for them, 4,872 and 2,181.96
    // rounded to 2,182, 7,054 in all. Without the commune's share the plan counted every resident
    // as eligible: 7,000 and 3,135.
    const answer = await importAreas(
      `${TEMPLATE_HEADER}\n99990041,Bon Nam Bình 1,24721,thôn,7000,,12.2,107.6\n99990042,Bon Nam Bình 2,24721,thôn,3135,,12.21,107.62\n`,
    );
    expect(answer).toMatchObject({ __typename: 'ImportAreasPayload', inserted: 2 });
    expect(await figures('99990041', '99990042', '24721')).toEqual({
      // A leaf keeps no count it was not given; its commune holds the sum as the import counts it.
      '99990041': [7_000, null, 0],
      '99990042': [3_135, null, 0],
      '24721': [10_135, 7_054, 0],
    });
    const planned = await data<{ plan: { areas: { code: string; eligible: number }[] } }>(
      `{ plan(scenarioId: "${DEMO_SCENARIO_IDS.dakNong}", areaCode: "67") {
        ... on CampaignPlan { areas(codes: ["99990041", "99990042", "24721"]) { code eligible } } } }`,
    );
    expect(planned.plan.areas.map(({ code, eligible }) => [code, eligible]).sort()).toEqual([
      ['24721', 7_054],
      ['99990041', 4_872],
      ['99990042', 2_182],
    ]);
  });

  it('refuses a population for the commune other than its villages’ sum, naming the sum, and stores it when it is the sum', async () => {
    const refused = await importAreas('Mã địa bàn,Tên địa bàn,Dân số\n24730,Xã Trường Xuân,13000\n');
    expect(refused.issues?.map((i) => i.message)).toEqual([
      'row 2, column population: must be 12,774, what the 2 areas under it add up to once this file is stored (an area with areas under it holds their sums: change theirs), got 13000',
    ]);
    expect(await figures('24730')).toEqual({ '24730': [12_774, 8_303, 0] });
    // An exported plan read back gives parents their sums: those are stored as they are.
    const same = await importAreas(
      'Mã địa bàn,Tên địa bàn,Dân số,Số người đủ tuổi\n24730,Xã Trường Xuân,12774,8303\n',
    );
    expect(same).toMatchObject({ __typename: 'ImportAreasPayload', inserted: 0, updated: 1 });
  });

  it('takes a village’s new population together with the commune’s, when the file gives both', async () => {
    const answer = await importAreas(
      'Mã địa bàn,Tên địa bàn,Dân số\n24730,Xã Trường Xuân,12874\n99990022,Bon Bu Prăng 2,3874\n',
    );
    expect(answer).toMatchObject({ __typename: 'ImportAreasPayload', updated: 2 });
    // 3,874 × 0.65 = 2,518.1: 2,518, 65 more eligible.
    expect(await figures('24730', '665', '67')).toEqual({
      '24730': [12_874, 8_368, 0],
      '665': [80_614, 55_514, 0],
      '67': [622_268, 436_990, 0],
    });
  });
});

describe('areas without figures', () => {
  it('stores a new commune and its village with no population, the district keeping its sums', async () => {
    const before = await figures('665', '67');
    const answer = await importAreas(
      'Mã địa bàn,Tên địa bàn,Mã cấp trên,Cấp\nT-665-EMPTY,Xã Trống,665,xã\nT-665-EMPTY-1,Thôn Trống,T-665-EMPTY,thôn\n',
    );
    expect(answer).toMatchObject({ __typename: 'ImportAreasPayload', inserted: 2 });
    expect(await figures('T-665-EMPTY', 'T-665-EMPTY-1')).toEqual({
      'T-665-EMPTY': [null, null, 0],
      'T-665-EMPTY-1': [null, null, 0],
    });
    expect(await figures('665', '67')).toEqual(before);
  });
});

describe('figures a plan would refuse', () => {
  it('refuses a village whose eligible outnumber its people and whose served outnumber its eligible, naming each cell and rule', async () => {
    // The tester's row, in the template's column order: population 1,000, no share, eligible
    // 2,000, already served 5,000; under Xã Đắk Môl and its 7,354 people.
    const answer = await importAreas(
      'Mã địa bàn,Tên địa bàn,Mã cấp trên,Cấp,Dân số,Tỷ lệ đủ tuổi,Số người đủ tuổi,Đã thu nhận\n99990003,Thôn Thử,24718,thôn,1000,,2000,5000\n',
    );
    expect(answer.issues?.map((i) => i.message)).toEqual([
      'row 2, column population: must be such that the areas this file puts under Xã Đắk Môl (24718) add up to its population: Xã Đắk Môl has population 7,354; the 1 area this file puts under it adds up to 1,000 (an area with areas under it holds their sums), got 1000',
      'row 2, column eligible: must be at most 1,000 (its population: the eligible are among the people living there), got 2000',
      'row 2, column alreadyServed: must be at most 2,000 (its eligible people: those already served are among them), got 5000',
    ]);
    expect(answer.issues?.map((i) => i.code)).toEqual(['conflict', 'range', 'range']);
    expect(await figures('99990003', '24718')).toEqual({ '99990003': null, '24718': [7_354, 5_118, 0] });
  });

  it('refuses a commune’s population below the eligible stored for it, naming the population', async () => {
    const answer = await importAreas('Mã địa bàn,Tên địa bàn,Dân số\n24718,Xã Đắk Môl,1000\n');
    expect(answer.issues?.map((i) => i.message)).toEqual([
      'row 2, column population: must be at least 5,118 (the eligible people stored for it: the eligible are among the people living there), got 1000',
    ]);
  });

  it('refuses a count past the largest the service stores', async () => {
    const answer = await importAreas(
      'Mã địa bàn,Tên địa bàn,Dân số,Số người đủ tuổi\n24718,Xã Đắk Môl,3000000000,1\n',
    );
    expect(answer.issues?.map((i) => i.message)).toEqual([
      'row 2, column population: must be at most 2,147,483,647 (the largest count the service stores), got 3000000000',
    ]);
  });

  it('refuses a row of an area outside the planner’s as forbidden alone, saying nothing of its figures', async () => {
    // Phường Đông Vĩnh (16663) is in Nghệ An, outside the Đắk Nông planner's area; 3,000,000,000
    // people is also past the 2,147,483,647 the service stores, which is not said of it.
    const answer = await importAreas(`${TEMPLATE_HEADER}\n16663,Phường Đông Vĩnh,412,phường,3000000000,,,\n`);
    expect(answer.__typename).toBe('SpreadsheetError');
    expect(answer.issues?.map((issue) => [issue.row, issue.code])).toEqual([[2, 'forbidden']]);
  });

  it('leaves the province’s plan to be made after every refused file', async () => {
    const result = await data<{ plan: { __typename: string } }>(
      `{ plan(scenarioId: "${DEMO_SCENARIO_IDS.dakNong}", areaCode: "67") { __typename } }`,
    );
    expect(result.plan.__typename).toBe('CampaignPlan');
  });
});

const TEAM_VISITS = `query { teams(homeAreaCode: "665") { code visits(scenarioId: "${DEMO_SCENARIO_IDS.dakNong}") {
  __typename
  ... on TeamVisits { notes plan { teams { visits { communeCode } } } }
  ... on InputError { field message }
} } }`;

describe('a village without a centroid', () => {
  it('is stored with a note that mobile teams visit it at its commune’s centroid, and Đắk Song’s calendar still plans', async () => {
    // Xã Đắk Môl's 7,354 people in two villages; the second has no latitude or longitude.
    const answer = await importAreas(
      `${TEMPLATE_HEADER}\n99990031,Thôn Một,24718,thôn,7000,,12.34,107.70\n99990032,Thôn Hai,24718,thôn,354,,,\n`,
    );
    expect(answer).toMatchObject({ __typename: 'ImportAreasPayload', inserted: 2 });
    expect(answer.notes).toEqual([
      'row 3: Thôn Hai (99990032) has no latitude and longitude: mobile teams will visit it at the centroid of Xã Đắk Môl (24718), the nearest area above it with one',
    ]);
    const { teams } = await data<{
      teams: {
        code: string;
        visits: {
          __typename: string;
          notes?: string[];
          plan?: { teams: { visits: { communeCode: string }[] }[] };
          message?: string;
        };
      }[];
    }>(TEAM_VISITS);
    const visits = teams.find((team) => team.code === 'DN-DAK-SONG-MOBILE')?.visits;
    expect(visits?.__typename).toBe('TeamVisits');
    expect(visits?.notes).toContain(
      '99990032 (Thôn Hai) has no centroid: placed at the centroid of 24718 (Xã Đắk Môl), the nearest area above it with one',
    );
    const visited = visits?.plan?.teams.flatMap((team) => team.visits.map((visit) => visit.communeCode));
    expect(visited).toEqual(expect.arrayContaining(['99990031', '99990032']));
  });
});
