// Vietnam's 2021 administrative units with their 2019 census population, read from the repo's
// data/vietnam (sources in data/vietnam/README.md). Provinces, districts and communes become one
// area tree; a parent's figures are the sums of its communes'.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export const vietnamDataDir = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '..',
  'data',
  'vietnam',
);

/** One row of the Area table, ready for createMany. */
export type AreaRow = {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  path: string;
  depth: number;
  population: number;
  eligible: number;
  eligibleShare: number;
  /** Commune centroids (GADM 4.1); null on parents and the few communes without one. */
  latitude: number | null;
  longitude: number | null;
};

type Commune = {
  provinceCode: string;
  provinceName: string;
  districtCode: string;
  districtName: string;
  code: string;
  name: string;
  population: number;
  eligible: number;
  share: number;
};

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(vietnamDataDir, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  });
}

function field(row: Record<string, string>, name: string): string {
  const value = row[name];
  if (value === undefined) throw new Error(`column ${name} is missing`);
  return value;
}

type District = Omit<Commune, 'code' | 'name' | 'districtName'> & { name: string };

type Point = { latitude: number; longitude: number };

/** Commune centroids by commune code. */
function readCentroids(): Map<string, Point> {
  const centroids = new Map<string, Point>();
  for (const row of readCsv('commune_centroids_2021.csv')) {
    const latitude = Number(field(row, 'lat'));
    const longitude = Number(field(row, 'lon'));
    if (field(row, 'lat') !== '' && Number.isFinite(latitude) && Number.isFinite(longitude)) {
      centroids.set(field(row, 'commune_code'), { latitude, longitude });
    }
  }
  return centroids;
}

function toTree(communes: Commune[], districtsWithoutCommunes: District[] = []): AreaRow[] {
  const centroids = readCentroids();
  const provinces = new Map<string, AreaRow>();
  const districts = new Map<string, AreaRow>();
  const leaves: AreaRow[] = [];
  for (const commune of communes) {
    let province = provinces.get(commune.provinceCode);
    if (!province) {
      province = {
        code: commune.provinceCode,
        name: commune.provinceName,
        level: 'province',
        parentCode: null,
        path: commune.provinceCode,
        depth: 0,
        population: 0,
        eligible: 0,
        eligibleShare: 0,
        latitude: null,
        longitude: null,
      };
      provinces.set(province.code, province);
    }
    let district = districts.get(commune.districtCode);
    if (!district) {
      district = {
        code: commune.districtCode,
        name: commune.districtName,
        level: 'district',
        parentCode: province.code,
        path: `${province.path}/${commune.districtCode}`,
        depth: 1,
        population: 0,
        eligible: 0,
        eligibleShare: 0,
        latitude: null,
        longitude: null,
      };
      districts.set(district.code, district);
    }
    leaves.push({
      code: commune.code,
      name: commune.name,
      level: 'commune',
      parentCode: district.code,
      path: `${district.path}/${commune.code}`,
      depth: 2,
      population: commune.population,
      eligible: commune.eligible,
      eligibleShare: commune.share,
      latitude: centroids.get(commune.code)?.latitude ?? null,
      longitude: centroids.get(commune.code)?.longitude ?? null,
    });
    for (const parent of [province, district]) {
      parent.population += commune.population;
      parent.eligible += commune.eligible;
    }
  }
  for (const lone of districtsWithoutCommunes) {
    const province = provinces.get(lone.provinceCode);
    if (!province || districts.has(lone.districtCode)) continue;
    // Island districts with no communes are leaves themselves.
    districts.set(lone.districtCode, {
      code: lone.districtCode,
      name: lone.name,
      level: 'district',
      parentCode: province.code,
      path: `${province.path}/${lone.districtCode}`,
      depth: 1,
      population: lone.population,
      eligible: lone.eligible,
      eligibleShare: lone.share,
      latitude: null,
      longitude: null,
    });
    province.population += lone.population;
    province.eligible += lone.eligible;
  }
  const parents = [...provinces.values(), ...districts.values()];
  for (const parent of parents) {
    if (parent.eligibleShare > 0) continue;
    parent.eligibleShare =
      parent.population > 0 ? Math.round((parent.eligible / parent.population) * 1e4) / 1e4 : 0;
  }
  return [...parents, ...leaves];
}

/** Nghệ An (40) and Đắk Nông (67): 2 provinces, their districts and 531 communes. */
export function readDemoAreas(): AreaRow[] {
  return toTree(
    readCsv('demo_nghean_daknong_2021.csv').map((row) => ({
      provinceCode: field(row, 'province_code'),
      provinceName: field(row, 'province_name'),
      districtCode: field(row, 'district_code'),
      districtName: field(row, 'district_name'),
      code: field(row, 'commune_code'),
      name: field(row, 'commune_name'),
      population: Number(field(row, 'pop2019_total')),
      eligible: Number(field(row, 'est_pop_14plus_2019')),
      share: Number(field(row, 'district_est_share_14plus_2019')),
    })),
  );
}

/** The whole country: 63 provinces, 705 districts, 10,603 communes; 14+ is the district share applied to each commune. */
export function readCountryAreas(): AreaRow[] {
  const shares = new Map<string, number>();
  const districts: District[] = [];
  for (const row of readCsv('population_district_2021units.csv')) {
    const share = Number(field(row, 'est_share_14plus_2019'));
    shares.set(field(row, 'district_code'), share);
    if (Number(field(row, 'n_communes')) === 0) {
      districts.push({
        provinceCode: field(row, 'province_code'),
        provinceName: field(row, 'province_name'),
        districtCode: field(row, 'district_code'),
        name: field(row, 'district_name'),
        population: Number(field(row, 'pop2019_total')),
        eligible: Number(field(row, 'est_pop_14plus_2019')),
        share,
      });
    }
  }
  return toTree(
    readCsv('population_commune_2021units.csv').map((row) => {
      const districtCode = field(row, 'district_code');
      const share = shares.get(districtCode) ?? 0;
      const population = Number(field(row, 'pop2019_total'));
      return {
        provinceCode: field(row, 'province_code'),
        provinceName: field(row, 'province_name'),
        districtCode,
        districtName: field(row, 'district_name'),
        code: field(row, 'commune_code'),
        name: field(row, 'commune_name'),
        population,
        eligible: Math.round(population * share),
        share,
      };
    }),
    districts,
  );
}
