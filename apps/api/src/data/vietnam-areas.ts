// Vietnam's 2021 administrative units with their 2019 census population, read from the repo's
// data/vietnam (sources in data/vietnam/README.md), and the tree builder shared with the units
// of 2025 (vietnam-2025.ts): leaves at any depth, each parent holding the sums of its leaves.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommuneType } from '@muster/planning';
import { parse } from 'csv-parse/sync';
import { communeTypeOfWord } from '../spreadsheets/cell-rules.ts';

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
  /** Land area, km² (map polygons); a parent's is the sum of its leaves' known areas; null when none is known. */
  areaKm2: number | null;
  /** Urban residents over residents (2019); null without residents. */
  urbanShare: number | null;
  /** A commune's type; null above the communes. */
  communeType: CommuneType | null;
};

/** An area above the leaves, as the data names it. */
export type Unit = { code: string; name: string; level: string };

/** A leaf area with its figures and the units above it, root first (any number of them). */
export type Leaf = Unit & {
  ancestors: readonly Unit[];
  population: number;
  eligible: number;
  eligibleShare: number;
  latitude: number | null;
  longitude: number | null;
  areaKm2: number | null;
  /** Urban residents (2019), for the urban shares of the leaf and the units above it. */
  urbanPopulation: number;
  communeType: CommuneType | null;
};

/** The type of a commune as the GSO's lists write it (`phường`, `thị trấn`, `xã`, `đặc khu`). */
export const communeTypeOf: (text: string) => CommuneType | null = communeTypeOfWord;

/** A positive area from a column, or null where the source has none. */
export function areaField(row: Record<string, string>, name: string): number | null {
  const km2 = countField(row, name);
  return km2 > 0 ? km2 : null;
}

export function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(vietnamDataDir, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  });
}

export function field(row: Record<string, string>, name: string): string {
  const value = row[name];
  if (value === undefined) throw new Error(`column ${name} is missing`);
  return value;
}

/** A number column; empty where the source has no figure (three Sa Pa wards, Hoàng Sa), read as 0. */
export function countField(row: Record<string, string>, name: string): number {
  const text = field(row, name);
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`column ${name} holds ${JSON.stringify(text)}, not a number`);
  return value;
}

export type Centroid = {
  latitude: number;
  longitude: number;
  /** The commune's area in km² from the same polygons, when known. */
  areaKm2: number | null;
};

/** Commune centroids (GADM 4.1) by 2021 commune code. */
export function readCentroids(): Map<string, Centroid> {
  const centroids = new Map<string, Centroid>();
  for (const row of readCsv('commune_centroids_2021.csv')) {
    const latitude = Number(field(row, 'lat'));
    const longitude = Number(field(row, 'lon'));
    const areaKm2 = Number(field(row, 'area_km2'));
    if (field(row, 'lat') !== '' && Number.isFinite(latitude) && Number.isFinite(longitude)) {
      centroids.set(field(row, 'commune_code'), {
        latitude,
        longitude,
        areaKm2: field(row, 'area_km2') !== '' && areaKm2 > 0 ? areaKm2 : null,
      });
    }
  }
  return centroids;
}

/**
 * The area rows of a tree given by its leaves: every unit above a leaf becomes a parent holding
 * the sums of its leaves (population, eligible) and their ratio as its eligible share. Leaves may
 * sit at any depth, so a tree with districts and one without are built alike. Parents come
 * first, shallowest first, so that createMany meets every parent before its children.
 */
export function toTree(leaves: readonly Leaf[]): AreaRow[] {
  const parents = new Map<string, AreaRow>();
  const urbanOf = new Map<string, number>();
  const rows: AreaRow[] = [];
  for (const leaf of leaves) {
    let above = null as AreaRow | null;
    for (const unit of leaf.ancestors) {
      let parent = parents.get(unit.code);
      if (!parent) {
        parent = {
          ...unit,
          parentCode: above?.code ?? null,
          path: above ? `${above.path}/${unit.code}` : unit.code,
          depth: above ? above.depth + 1 : 0,
          population: 0,
          eligible: 0,
          eligibleShare: 0,
          latitude: null,
          longitude: null,
          areaKm2: null,
          urbanShare: null,
          communeType: null,
        };
        parents.set(unit.code, parent);
        urbanOf.set(unit.code, 0);
      }
      parent.population += leaf.population;
      parent.eligible += leaf.eligible;
      if (leaf.areaKm2 !== null) parent.areaKm2 = (parent.areaKm2 ?? 0) + leaf.areaKm2;
      urbanOf.set(unit.code, (urbanOf.get(unit.code) ?? 0) + leaf.urbanPopulation);
      above = parent;
    }
    rows.push({
      code: leaf.code,
      name: leaf.name,
      level: leaf.level,
      parentCode: above?.code ?? null,
      path: above ? `${above.path}/${leaf.code}` : leaf.code,
      depth: above ? above.depth + 1 : 0,
      population: leaf.population,
      eligible: leaf.eligible,
      eligibleShare: leaf.eligibleShare,
      latitude: leaf.latitude,
      longitude: leaf.longitude,
      areaKm2: leaf.areaKm2 === null ? null : roundKm2(leaf.areaKm2),
      urbanShare: urbanShareOf(leaf.urbanPopulation, leaf.population),
      communeType: leaf.communeType,
    });
  }
  for (const parent of parents.values()) {
    parent.eligibleShare =
      parent.population > 0 ? Math.round((parent.eligible / parent.population) * 1e4) / 1e4 : 0;
    parent.urbanShare = urbanShareOf(urbanOf.get(parent.code) ?? 0, parent.population);
    if (parent.areaKm2 !== null) parent.areaKm2 = roundKm2(parent.areaKm2);
  }
  return [...[...parents.values()].sort((a, b) => a.depth - b.depth), ...rows];
}

/** Urban over all residents to four places (0.0001 of a commune of 10,000 is a person); null without residents. */
function urbanShareOf(urban: number, population: number): number | null {
  return population > 0 ? Math.round((urban / population) * 1e4) / 1e4 : null;
}

/** Areas to a thousandth of a km², the source's own precision. */
function roundKm2(km2: number): number {
  return Math.round(km2 * 1000) / 1000;
}

/** Province and district above a 2021 commune. */
function ancestors2021(row: Record<string, string>): Unit[] {
  return [
    { code: field(row, 'province_code'), name: field(row, 'province_name'), level: 'province' },
    { code: field(row, 'district_code'), name: field(row, 'district_name'), level: 'district' },
  ];
}

/** A 2021 commune as a leaf, with its centroid when there is one. */
function commune2021(
  row: Record<string, string>,
  centroids: ReadonlyMap<string, Centroid>,
  figures: Pick<Leaf, 'population' | 'eligible' | 'eligibleShare'>,
): Leaf {
  const code = field(row, 'commune_code');
  const centroid = centroids.get(code);
  return {
    code,
    name: field(row, 'commune_name'),
    level: 'commune',
    ancestors: ancestors2021(row),
    ...figures,
    latitude: centroid?.latitude ?? null,
    longitude: centroid?.longitude ?? null,
    areaKm2: areaField(row, 'area_km2_gis_approx'),
    urbanPopulation: countField(row, 'pop2019_urban'),
    communeType: communeTypeOf(field(row, 'commune_type')),
  };
}

/** Nghệ An (40) and Đắk Nông (67): 2 provinces, their districts and 531 communes. */
export function readDemoAreas(): AreaRow[] {
  const centroids = readCentroids();
  return toTree(
    readCsv('demo_nghean_daknong_2021.csv').map((row) =>
      commune2021(row, centroids, {
        population: countField(row, 'pop2019_total'),
        eligible: countField(row, 'est_pop_14plus_2019'),
        eligibleShare: countField(row, 'district_est_share_14plus_2019'),
      }),
    ),
  );
}

/**
 * Every 2021 commune (10,603) with its 2019 population; 14+ is its district's share applied to
 * the commune, rounded to a person.
 */
export function readCommunes2021(centroids: ReadonlyMap<string, Centroid> = readCentroids()): Leaf[] {
  const shares = new Map<string, number>();
  for (const row of readCsv('population_district_2021units.csv')) {
    shares.set(field(row, 'district_code'), countField(row, 'est_share_14plus_2019'));
  }
  return readCsv('population_commune_2021units.csv').map((row) => {
    const share = shares.get(field(row, 'district_code')) ?? 0;
    const population = countField(row, 'pop2019_total');
    return commune2021(row, centroids, {
      population,
      eligible: Math.round(population * share),
      eligibleShare: share,
    });
  });
}

/** The 2021 island districts without communes (28,347 people), leaves of their own. */
export function readDistrictsWithoutCommunes2021(): Leaf[] {
  return readCsv('population_district_2021units.csv')
    .filter((row) => countField(row, 'n_communes') === 0)
    .map((row) => ({
      code: field(row, 'district_code'),
      name: field(row, 'district_name'),
      level: 'district',
      ancestors: [
        { code: field(row, 'province_code'), name: field(row, 'province_name'), level: 'province' },
      ],
      population: countField(row, 'pop2019_total'),
      eligible: countField(row, 'est_pop_14plus_2019'),
      eligibleShare: countField(row, 'est_share_14plus_2019'),
      latitude: null,
      longitude: null,
      areaKm2: areaField(row, 'area_km2_gis_approx'),
      urbanPopulation: countField(row, 'pop2019_urban'),
      communeType: null,
    }));
}

/** The whole country: 63 provinces, 705 districts, 10,603 communes. */
export function readCountryAreas(): AreaRow[] {
  return toTree([...readCommunes2021(), ...readDistrictsWithoutCommunes2021()]);
}
