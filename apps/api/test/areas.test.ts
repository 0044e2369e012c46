import { describe, expect, it } from 'vitest';
import { importAreas } from '../src/data/import-areas.ts';
import { VIETNAM_2025_CODE_PREFIX } from '../src/data/vietnam-2025.ts';
import { readCountryAreas, readDemoAreas } from '../src/data/vietnam-areas.ts';
import { data, database, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

type Node = { code: string; name: string; population: number | null; eligible: number | null };

describe('areas', () => {
  it('lists the demo provinces of both trees with their 2019 census population', async () => {
    const result = await data<{ areas: { edges: { node: Node }[] } }>(
      '{ areas(level: PROVINCE) { edges { node { code name population eligible } } } }',
    );
    const provinces = result.areas.edges.map((edge) => edge.node);
    // Census totals from data/vietnam/README.md: Nghệ An 3,327,791; Đắk Nông 622,168. Nghệ An
    // kept its borders in 2025 (provinces_2025.csv: giữ nguyên), so its 2025 tree holds the same people.
    expect(provinces.map((p) => [p.code, p.population])).toEqual([
      ['40', 3_327_791],
      ['67', 622_168],
      ['VN2025-40', 3_327_791],
    ]);
  });

  it('pages through the communes of a district with relay cursors', async () => {
    const query = `query ($after: String) {
      areas(parentCode: "665", first: 4, after: $after) {
        edges { cursor node { code level } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
    type Page = {
      areas: {
        edges: { node: { code: string; level: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const codes: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard += 1) {
      const page: Page = await data<Page>(query, { after });
      codes.push(...page.areas.edges.map((edge) => edge.node.code));
      expect(page.areas.edges.every((edge) => edge.node.level === 'COMMUNE')).toBe(true);
      if (!page.areas.pageInfo.hasNextPage) break;
      after = page.areas.pageInfo.endCursor;
    }
    // Đắk Song has 9 communes (population_district_2021units.csv, n_communes).
    expect(codes).toHaveLength(9);
    expect([...codes].sort()).toEqual(codes);
  });

  it('answers an area with its parent and children', async () => {
    const result = await data<{
      area: {
        name: string;
        parent: { code: string };
        children: { code: string }[];
        childCount: number;
      } | null;
      missing: unknown;
    }>(
      '{ area(code: "665") { name parent { code } children { code } childCount } missing: area(code: "nope") { code } }',
    );
    expect(result.area?.name).toBe('Huyện Đắk Song');
    expect(result.area?.parent.code).toBe('67');
    expect(result.area?.children).toHaveLength(9);
    expect(result.area?.childCount).toBe(9);
    expect(result.missing).toBeNull();
  });

  it('finds Thị trấn Hưng Nguyên with 9,660 people', async () => {
    const result = await data<{ area: { population: number; level: string } }>(
      '{ area(code: "18001") { population level } }',
    );
    expect(result.area).toEqual({ population: 9660, level: 'COMMUNE' });
  });

  it('gives each area its land, urban share and commune type, parents the sums of their communes', async () => {
    type Land = { areaKm2: number; urbanShare: number; communeType: string | null };
    const result = await data<{
      ward: Land;
      town: Land;
      dakNong: Land;
      ngheAn: Land;
      ngheAn2025: Land;
      vinhPhu: Land;
    }>(
      `{ ward: area(code: "24612") { ...land } town: area(code: "18001") { ...land }
         dakNong: area(code: "67") { ...land } ngheAn: area(code: "40") { ...land }
         ngheAn2025: area(code: "VN2025-40") { ...land } vinhPhu: area(code: "VN2025-16702") { ...land } }
       fragment land on Area { areaKm2 urbanShare communeType }`,
    );
    // demo_nghean_daknong_2021.csv: Phường Nghĩa Thành, 2.978 km², 9,996 people all urban.
    expect(result.ward).toEqual({ areaKm2: 2.978, urbanShare: 1, communeType: 'WARD' });
    expect(result.town.communeType).toBe('TOWNSHIP');
    // The GSO's yearbook gives Nghệ An 16,490 km² and Đắk Nông 6,509 km²; the map polygons are
    // approximate (data/vietnam/README.md), within 1 %. Urban shares: population_province_2019.csv,
    // 490,038 of 3,327,791 and 94,770 of 622,168.
    expect(Math.abs(result.ngheAn.areaKm2 / 16_490 - 1)).toBeLessThan(0.01);
    expect(Math.abs(result.dakNong.areaKm2 / 6_509 - 1)).toBeLessThan(0.01);
    expect(result.ngheAn.urbanShare).toBeCloseTo(490_038 / 3_327_791, 4);
    expect(result.dakNong.urbanShare).toBeCloseTo(94_770 / 622_168, 4);
    expect([result.ngheAn.communeType, result.dakNong.communeType]).toEqual([null, null]);
    // Nghệ An kept its borders in 2025 (provinces_2025.csv: giữ nguyên): the same land and people.
    expect(result.ngheAn2025.areaKm2).toBeCloseTo(result.ngheAn.areaKm2, 0);
    expect(result.ngheAn2025.urbanShare).toBeCloseTo(result.ngheAn.urbanShare, 4);
    // units_2025.csv: 16702 Phường Vinh Phú.
    expect(result.vinhPhu.communeType).toBe('WARD');
  });

  it('reads a deep tree in a number of SQL statements that does not grow with the number of areas', async () => {
    const deep = (level: string, first: number) =>
      `{ areas(level: ${level}, first: ${first}) { edges { node { code children { code children { code population } } } } } }`;
    const count = async (query: string): Promise<{ statements: number; areas: number }> => {
      let statements = 0;
      const stop = database.onQuery(() => {
        statements += 1;
      });
      const result = await data<{ areas: { edges: { node: { children: { children: unknown[] }[] } }[] } }>(
        query,
      );
      stop();
      const areas = result.areas.edges.reduce(
        (sum, edge) => sum + 1 + edge.node.children.reduce((s, child) => s + 1 + child.children.length, 0),
        0,
      );
      return { statements, areas };
    };
    // Reading the caller's token costs the same few statements whatever the query.
    let authentication = 0;
    const stopCounting = database.onQuery(() => {
      authentication += 1;
    });
    await data('{ viewer { name } }');
    stopCounting();
    const small = await count(deep('PROVINCE', 1));
    const large = await count(deep('PROVINCE', 2));
    const oneDistrict = await count(deep('DISTRICT', 1));
    // Every one of the demo's 29 districts.
    const allDistricts = await count(deep('DISTRICT', 30));
    expect(large.areas).toBeGreaterThan(small.areas);
    expect(allDistricts.areas).toBeGreaterThan(10 * oneDistrict.areas);
    expect(large.statements).toBe(small.statements);
    expect(allDistricts.statements).toBe(oneDistrict.statements);
    // One statement per level of the tree (and none per area); zero would mean nothing was counted.
    expect(authentication).toBeGreaterThan(0);
    expect(small.statements - authentication).toBeGreaterThan(0);
    expect(small.statements - authentication).toBeLessThanOrEqual(3);
  });
});

describe('importing the whole country', () => {
  it('fills in the centroid, land, urban share and type of an area stored without them', async () => {
    // Xã Đức Minh (Đắk Mil), 24685: 12.40526°N 107.62279°E per data/vietnam/commune_centroids_2021.csv.
    await database.prisma.area.update({
      where: { code: '24685' },
      data: { latitude: null, longitude: null, areaKm2: null, urbanShare: null, communeType: null },
    });
    await importAreas(database.prisma, readDemoAreas());
    const area = await data<{
      area: { latitude: number; longitude: number; areaKm2: number; urbanShare: number; communeType: string };
    }>('{ area(code: "24685") { latitude longitude areaKm2 urbanShare communeType } }');
    expect(area.area.latitude).toBe(12.40526);
    expect(area.area.longitude).toBe(107.62279);
    // demo_nghean_daknong_2021.csv: Xã Đức Minh, 35.402 km², 14,193 people, none urban.
    expect([area.area.areaKm2, area.area.urbanShare, area.area.communeType]).toEqual([35.402, 0, 'COMMUNE']);
  });

  it('leaves the demo areas as they are when imported again through the API', async () => {
    const result = await data<{ importAreas: { inserted: number; total: number } }>(
      'mutation { importAreas(dataset: DEMO) { ... on ImportAreasPayload { inserted total } } }',
    );
    // 2 provinces, 29 districts and 531 communes, all already there.
    expect(result.importAreas).toEqual({ inserted: 0, total: 562 });
  });

  it('loads 10,603 communes once and changes nothing the second time', async () => {
    const rows = readCountryAreas();
    // The demo's Nghệ An of 2025 lies beside the 2021 tree; only the 2021 areas are counted here.
    const of2021 = { NOT: { code: { startsWith: VIETNAM_2025_CODE_PREFIX } } };
    const before = await database.prisma.area.count({ where: of2021 });
    const inserted = await importAreas(database.prisma, rows);
    expect(before + inserted).toBe(rows.length);
    expect(await importAreas(database.prisma, rows)).toBe(0);
    // data/vietnam/README.md: 63 provinces, 705 districts, 10,603 communes; communes sum to
    // 96,180,637 and the census total is 96,208,984 (28,347 live in island districts without communes).
    const byLevel = await database.prisma.area.groupBy({
      by: ['level'],
      where: of2021,
      _count: true,
      orderBy: { level: 'asc' },
    });
    expect(byLevel.map((row) => [row.level, row._count])).toEqual([
      ['commune', 10_603],
      ['district', 705],
      ['province', 63],
    ]);
    const communes = await database.prisma.area.aggregate({
      where: { ...of2021, level: 'commune' },
      _sum: { population: true },
    });
    expect(communes._sum.population).toBe(96_180_637);
    const provinces = await database.prisma.area.aggregate({
      where: { ...of2021, level: 'province' },
      _sum: { population: true },
    });
    expect(provinces._sum.population).toBe(96_208_984);
  });
});
