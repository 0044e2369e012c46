import { afterEach, describe, expect, it, vi } from 'vitest';
import { AreaTreeDocument, type AreaTreeQuery, ImportAreasDocument } from '../gql/graphql.ts';
import { createApiClient } from './client.ts';

// Huyện Đắk Song (665) and its commune Xã Đắk Môl (24718), 7,354 people in the demo data
// (data/vietnam/demo_nghean_daknong_2021.csv), and the two villages of 7,000 and 354 people an area
// file puts under it (e2e/spreadsheets.e2e.ts sends the same ones to the demo API).
const VILLAGES = [
  { code: '99990031', name: 'Thôn Một', population: 7_000 },
  { code: '99990032', name: 'Thôn Hai', population: 354 },
];

/** The API's answers as it gives them, every object with its `__typename`; `stored` once a file is. */
function fakeApi(importAnswer: Record<string, unknown>) {
  const asked: string[] = [];
  let stored = false;
  const commune = () => ({
    __typename: 'Area',
    code: '24718',
    name: 'Xã Đắk Môl',
    level: 'COMMUNE',
    population: 7_354,
    eligible: null,
    children: stored
      ? VILLAGES.map((village) => ({ __typename: 'Area', level: 'VILLAGE', eligible: null, ...village }))
      : [],
  });
  const answer = (operationName: string): Record<string, unknown> => {
    if (operationName === 'AreaTree') {
      return {
        area: {
          __typename: 'Area',
          code: '665',
          name: 'Huyện Đắk Song',
          level: 'DISTRICT',
          population: 78_040,
          eligible: null,
          parent: { __typename: 'Area', code: '67', name: 'Tỉnh Đắk Nông' },
          children: [commune()],
        },
      };
    }
    if (importAnswer.__typename === 'ImportAreasPayload') stored = true;
    return { importAreas: importAnswer };
  };
  const fetch = async (_url: unknown, init: RequestInit) => {
    // A file goes as a multipart upload: the operation is its `operations` part.
    const body = init.body instanceof FormData ? String(init.body.get('operations')) : String(init.body);
    const { operationName } = JSON.parse(body) as { operationName: string };
    asked.push(operationName);
    return new Response(JSON.stringify({ data: answer(operationName) }), {
      headers: { 'content-type': 'application/json' },
    });
  };
  return { asked, fetch };
}

/** Each answer the tree query gives its reader: the codes of the villages under Xã Đắk Môl. */
function readTree(client: ReturnType<typeof createApiClient>) {
  const seen: string[][] = [];
  const { unsubscribe } = client
    .query(AreaTreeDocument, { code: '665', withFigures: true })
    .subscribe((result) => {
      const area = (result.data as AreaTreeQuery | undefined)?.area;
      const commune = area?.children.find((child) => child.code === '24718');
      if (commune) seen.push(commune.children.map((village) => village.code));
    });
  return { seen, unsubscribe };
}

const csv = new File(['Mã địa bàn,Tên địa bàn,Mã cấp trên,Cấp,Dân số\n'], 'thon.csv', { type: 'text/csv' });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createApiClient', () => {
  it('reads the area tree again once an area file is stored: a commune given villages is no longer a leaf', async () => {
    const api = fakeApi({
      __typename: 'ImportAreasPayload',
      total: 2,
      inserted: 2,
      updated: 0,
      notes: [],
      placements: [],
    });
    vi.stubGlobal('fetch', api.fetch);
    const client = createApiClient('mst_planner');
    const tree = readTree(client);
    await vi.waitFor(() => expect(tree.seen).toEqual([[]]));

    const imported = await client.mutation(ImportAreasDocument, { file: csv }).toPromise();
    expect(imported.data?.importAreas.__typename).toBe('ImportAreasPayload');
    await vi.waitFor(() => expect(tree.seen.at(-1)).toEqual(['99990031', '99990032']), { timeout: 2_000 });
    expect(api.asked).toEqual(['AreaTree', 'ImportAreas', 'AreaTree']);
    tree.unsubscribe();
  });
});
