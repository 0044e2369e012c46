import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { AreaInput } from '../src/index.ts';

/** Reads a file of the repository's `data/vietnam/` (sources and licences in its README). */
export function readVietnamCsv(file: string): Record<string, string>[] {
  const url = new URL(`../../../data/vietnam/${file}`, import.meta.url);
  return parse(readFileSync(url, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
}

/**
 * Vietnam's 2021 area tree (63 provinces, 705 districts, 10,603 communes) with the 2019 census
 * population on communes and each district's estimated share aged 14+ (the card's age).
 */
export function nationalAreas(): AreaInput[] {
  const districts = readVietnamCsv('population_district_2021units.csv');
  const communes = readVietnamCsv('population_commune_2021units.csv');
  const areas: AreaInput[] = [];
  const provinces = new Set<string>();
  for (const d of districts) {
    const province = d.province_code ?? '';
    if (!provinces.has(province)) {
      provinces.add(province);
      areas.push({ code: `P${province}`, name: d.province_name ?? province, level: 'province' });
    }
    areas.push({
      code: `D${d.district_code}`,
      name: d.district_name ?? '',
      level: 'district',
      parentCode: `P${province}`,
      eligibleShare: Number(d.est_share_14plus_2019),
    });
  }
  for (const c of communes) {
    areas.push({
      code: `C${c.commune_code}`,
      name: c.commune_name ?? '',
      level: 'commune',
      parentCode: `D${c.district_code}`,
      population: Number(c.pop2019_total),
    });
  }
  return areas;
}

/**
 * One province of the spring-2021 demo file (Nghệ An 40, Đắk Nông 67): the province, its
 * districts and its communes with their 2019 census population and estimated people aged 14+.
 */
export function demoProvinceAreas(provinceCode: string): AreaInput[] {
  const areas: AreaInput[] = [];
  const seen = new Set<string>();
  for (const row of readVietnamCsv('demo_nghean_daknong_2021.csv')) {
    if (row.province_code !== provinceCode) continue;
    if (!seen.has(provinceCode)) {
      seen.add(provinceCode);
      areas.push({ code: provinceCode, name: row.province_name ?? provinceCode, level: 'province' });
    }
    const district = row.district_code ?? '';
    if (!seen.has(district)) {
      seen.add(district);
      areas.push({
        code: district,
        name: row.district_name ?? district,
        level: 'district',
        parentCode: provinceCode,
      });
    }
    areas.push({
      code: row.commune_code ?? '',
      name: row.commune_name ?? '',
      level: 'commune',
      parentCode: district,
      population: Number(row.pop2019_total),
      eligible: Number(row.est_pop_14plus_2019),
    });
  }
  return areas;
}
