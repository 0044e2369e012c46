// Vietnam's units since the reform of 1 July 2025: 34 provinces and 3,321 communes with no
// district level (units_2025.csv), with the 2019 census population of the 2021 communes carried
// onto them through crosswalk_2025_new_to_old.csv. data/vietnam/README.md gives the method and
// its error bound; this file is that method, step by step.
import type { CommuneType } from '@muster/planning';
import {
  type AreaRow,
  type Centroid,
  communeTypeOf,
  field,
  type Leaf,
  readCentroids,
  readCommunes2021,
  readCsv,
  readDistrictsWithoutCommunes2021,
  toTree,
} from './vietnam-areas.ts';

/**
 * Put before the GSO code of every 2025 unit: GSO reused codes across the reform (01 is Hà Nội
 * in both, 00004 was Phường Trúc Bạch and is now Phường Ba Đình), so the two trees share no code.
 */
export const VIETNAM_2025_CODE_PREFIX = 'VN2025-';

/** The area code of a 2025 unit from its GSO code: `40` → `VN2025-40`. */
export function vietnam2025Code(gsoCode: string): string {
  return `${VIETNAM_2025_CODE_PREFIX}${gsoCode}`;
}

/** How the people of one 2021 unit reached the 2025 communes. */
export type PlacementRule =
  /** The crosswalk names the 2021 commune among the parts of one or more 2025 communes. */
  | 'crosswalk'
  /** Not in the crosswalk, but a 2025 commune carries its code (GSO keeps a code across a merger). */
  | 'same-code'
  /**
   * Not in the crosswalk: merged into another commune of its district between 2021 and March
   * 2025 (the date of the codes the crosswalk uses), which took its name. It follows that commune.
   */
  | 'same-name'
  /**
   * Not in the crosswalk and no name to go by: it follows the nearest 2021 commune of its
   * district (by centroid) that is placed by a rule above.
   */
  | 'nearest-neighbour'
  /** An island district without communes in 2021, now a special zone (đặc khu) of the same name. */
  | 'island-district';

type Placement = {
  from: Leaf;
  /** GSO codes of the 2025 communes it went to, in code order; more than one when it was split. */
  to: string[];
  rule: PlacementRule;
};

/** What the method did, for the CLI and the README. */
export type Vietnam2025Summary = {
  provinces: number;
  communes: number;
  /** 2019 census population placed, in total and by the rule that placed it. */
  people: number;
  peopleByRule: Record<PlacementRule, number>;
  /** 2021 communes and island districts placed by each rule. */
  unitsByRule: Record<PlacementRule, number>;
  /** 2021 communes split between several 2025 communes (shared evenly), and their people. */
  unitsSplit: number;
  peopleSplit: number;
  /** 2025 communes formed only of whole 2021 units placed by the crosswalk or an island district. */
  communesFromWholeParts: number;
  /**
   * The neighbour rule tried on the 2021 communes placed by their name: of `communes`, it puts
   * the people of `agreeing` in the same 2025 commune as the name does.
   */
  neighbourCheck: { communes: number; agreeing: number };
};

type Unit2025 = {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  communeType: CommuneType | null;
};

/** The 3,321 communes of 2025 by GSO code, in the file's order. */
function readUnits2025(): Map<string, Unit2025> {
  const units = new Map<string, Unit2025>();
  for (const row of readCsv('units_2025.csv')) {
    const code = field(row, 'commune_code');
    units.set(code, {
      code,
      name: field(row, 'commune_name'),
      provinceCode: field(row, 'province_code'),
      provinceName: field(row, 'province_name'),
      communeType: communeTypeOf(field(row, 'commune_type')),
    });
  }
  return units;
}

type Crosswalk = {
  /** 2025 communes by the code of a commune of March 2025 (most are 2021 codes). */
  byCommune: Map<string, Set<string>>;
  /** 2025 communes by the text of the item naming their part (island districts are named so). */
  byName: Map<string, Set<string>>;
  /** The March 2025 name of each commune code the crosswalk names. */
  namesIn2025: Map<string, string>;
};

/** Crosswalk links from 2021 units (communes by code, island districts by name) to 2025 communes. */
function readCrosswalk(units: ReadonlyMap<string, Unit2025>): Crosswalk {
  const byCommune = new Map<string, Set<string>>();
  const byName = new Map<string, Set<string>>();
  const namesIn2025 = new Map<string, string>();
  const add = (links: Map<string, Set<string>>, key: string, to: string) => {
    const set = links.get(key) ?? new Set<string>();
    set.add(to);
    links.set(key, set);
  };
  for (const row of readCsv('crosswalk_2025_new_to_old.csv')) {
    const to = field(row, 'new_commune_code');
    if (!units.has(to)) throw new Error(`crosswalk names 2025 commune ${to}, which units_2025.csv lacks`);
    const from = field(row, 'old_commune_code');
    if (from !== '') {
      add(byCommune, from, to);
      namesIn2025.set(from, field(row, 'old_commune_name_gso_20250301'));
    }
    add(byName, field(row, 'source_text_item').trim(), to);
  }
  return { byCommune, byName, namesIn2025 };
}

/** A commune's name without its type, diacritics or case: `Xã Hòa Bình` and `Phường Hoà Bình` agree. */
function bareName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/^(xa|phuong|thi tran)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Squared distance in degrees of longitude shrunk by the latitude: enough to rank neighbours. */
function distance2(a: Leaf, b: Leaf): number {
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) {
    return Number.POSITIVE_INFINITY;
  }
  const shrink = Math.cos((((a.latitude + b.latitude) / 2) * Math.PI) / 180);
  return (a.latitude - b.latitude) ** 2 + ((a.longitude - b.longitude) * shrink) ** 2;
}

/** The district of a 2021 commune (its last unit above). */
function districtOf(commune: Leaf): string {
  return commune.ancestors.at(-1)?.code ?? '';
}

/**
 * The placement nearest a commune (by centroid) among those of its district, else of its
 * province: a merger between 2021 and 2025 joined neighbours of one district, and the 2025
 * reform merged whole provinces, so the province total holds whatever the neighbour.
 */
function nearestPlaced(commune: Leaf, candidates: ReadonlyMap<string, readonly Placement[]>): Placement {
  const within = [...commune.ancestors]
    .reverse()
    .map((unit) => candidates.get(unit.code))
    .find((list) => list !== undefined && list.length > 0);
  if (!within) throw new Error(`2021 commune ${commune.code} has no placed commune in its province`);
  // Without centroids every distance is infinite and the first candidate in the file is kept.
  let nearest = within[0] as Placement;
  for (const candidate of within) {
    if (distance2(commune, candidate.from) < distance2(commune, nearest.from)) nearest = candidate;
  }
  return nearest;
}

/** Placements by each unit above their commune (district and province codes never collide). */
function byUnitAbove(placements: Iterable<Placement>): Map<string, Placement[]> {
  const candidates = new Map<string, Placement[]>();
  for (const placement of placements) {
    for (const unit of placement.from.ancestors) {
      const list = candidates.get(unit.code) ?? [];
      list.push(placement);
      candidates.set(unit.code, list);
    }
  }
  return candidates;
}

type Placed = {
  placements: Placement[];
  /** Communes placed by their name, and how many of them the neighbour rule puts in the same commune. */
  neighbourCheck: { communes: number; agreeing: number };
};

/** Where every 2021 commune and island district went, by the rules in {@link PlacementRule}, in order. */
function placeUnits2021(
  units: ReadonlyMap<string, Unit2025>,
  communes: readonly Leaf[],
  islands: readonly Leaf[],
): Placed {
  const crosswalk = readCrosswalk(units);
  const placed = new Map<string, Placement>();
  const unplaced: Leaf[] = [];
  for (const commune of communes) {
    const linked = crosswalk.byCommune.get(commune.code);
    if (linked) placed.set(commune.code, { from: commune, to: [...linked].sort(), rule: 'crosswalk' });
    else if (units.has(commune.code)) {
      placed.set(commune.code, { from: commune, to: [commune.code], rule: 'same-code' });
    } else unplaced.push(commune);
  }
  const candidates = byUnitAbove(placed.values());
  // `Xã Phú Thành` of 2021 (Yên Thành, 17548) is in no crosswalk item, but by March 2025 code
  // 17542 of the same district was called Xã Phú Thành: the two had merged under that name.
  const namesakes = new Map<string, Placement>();
  for (const placement of placed.values()) {
    const name = crosswalk.namesIn2025.get(placement.from.code);
    if (name !== undefined) namesakes.set(`${districtOf(placement.from)}/${bareName(name)}`, placement);
  }
  const neighbourCheck = { communes: 0, agreeing: 0 };
  for (const commune of unplaced) {
    const namesake = namesakes.get(`${districtOf(commune)}/${bareName(commune.name)}`);
    const nearest = nearestPlaced(commune, candidates);
    if (namesake) {
      placed.set(commune.code, { from: commune, to: namesake.to, rule: 'same-name' });
      // Where the name tells, it also measures the neighbour rule used where it does not.
      neighbourCheck.communes += 1;
      if (nearest.to.join() === namesake.to.join()) neighbourCheck.agreeing += 1;
    } else placed.set(commune.code, { from: commune, to: nearest.to, rule: 'nearest-neighbour' });
  }
  const placements = [...placed.values()];
  for (const island of islands) {
    const linked = crosswalk.byName.get(island.name);
    if (!linked) throw new Error(`island district ${island.code} ${island.name} has no 2025 commune`);
    placements.push({ from: island, to: [...linked].sort(), rule: 'island-district' });
  }
  return { placements, neighbourCheck };
}

/** `total` in `parts` whole shares differing by at most one, the larger ones first. */
function shareEvenly(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => base + (i < total - base * parts ? 1 : 0));
}

type Sums = {
  population: number;
  eligible: number;
  urbanPopulation: number;
  /** Land of the parts that have a known area, km² (a part shared by k communes gives each 1/k). */
  landKm2: number;
  /** Area-weighted sums of the parts' centroids and the weight, in km². */
  latitudeKm2: number;
  longitudeKm2: number;
  km2: number;
  wholeParts: boolean;
};

/**
 * The 2025 communes as leaves under their provinces, with the summary of how their people were
 * placed. A 2021 commune split between k communes gives each 1/k of its people (urban ones too)
 * and of its area, so a 2025 commune's land is the sum of its parts' (an area missing from the
 * source, as on Trường Sa's islands, counts nothing); a 2025 commune's centroid is the area-weighted mean of its parts' centroids (exactly the
 * centroid of their union when the parts are whole), none when no part has one.
 */
function carryOnto2025(): { leaves: Leaf[]; summary: Vietnam2025Summary } {
  const units = readUnits2025();
  const centroids: ReadonlyMap<string, Centroid> = readCentroids();
  const { placements, neighbourCheck } = placeUnits2021(
    units,
    readCommunes2021(centroids),
    readDistrictsWithoutCommunes2021(),
  );
  const sums = new Map<string, Sums>();
  const byRule = (): Record<PlacementRule, number> => ({
    crosswalk: 0,
    'same-code': 0,
    'same-name': 0,
    'nearest-neighbour': 0,
    'island-district': 0,
  });
  const peopleByRule = byRule();
  const unitsByRule = byRule();
  let unitsSplit = 0;
  let peopleSplit = 0;
  for (const { from, to, rule } of placements) {
    peopleByRule[rule] += from.population;
    unitsByRule[rule] += 1;
    if (to.length > 1) {
      unitsSplit += 1;
      peopleSplit += from.population;
    }
    const population = shareEvenly(from.population, to.length);
    const eligible = shareEvenly(from.eligible, to.length);
    const urban = shareEvenly(from.urbanPopulation, to.length);
    const km2 = (centroids.get(from.code)?.areaKm2 ?? 0) / to.length;
    to.forEach((code, i) => {
      const sum = sums.get(code) ?? {
        population: 0,
        eligible: 0,
        urbanPopulation: 0,
        landKm2: 0,
        latitudeKm2: 0,
        longitudeKm2: 0,
        km2: 0,
        wholeParts: true,
      };
      sum.population += population[i] ?? 0;
      sum.eligible += eligible[i] ?? 0;
      sum.urbanPopulation += urban[i] ?? 0;
      sum.landKm2 += (from.areaKm2 ?? 0) / to.length;
      if (from.latitude !== null && from.longitude !== null && km2 > 0) {
        sum.latitudeKm2 += from.latitude * km2;
        sum.longitudeKm2 += from.longitude * km2;
        sum.km2 += km2;
      }
      sum.wholeParts &&= to.length === 1 && (rule === 'crosswalk' || rule === 'island-district');
      sums.set(code, sum);
    });
  }
  const round5 = (degrees: number) => Math.round(degrees * 1e5) / 1e5;
  const leaves = [...units.values()].map((unit): Leaf => {
    const sum = sums.get(unit.code);
    const population = sum?.population ?? 0;
    const eligible = sum?.eligible ?? 0;
    const located = sum !== undefined && sum.km2 > 0;
    return {
      code: vietnam2025Code(unit.code),
      name: unit.name,
      level: 'commune',
      ancestors: [{ code: vietnam2025Code(unit.provinceCode), name: unit.provinceName, level: 'province' }],
      population,
      eligible,
      eligibleShare: population > 0 ? Math.round((eligible / population) * 1e4) / 1e4 : 0,
      latitude: located ? round5(sum.latitudeKm2 / sum.km2) : null,
      longitude: located ? round5(sum.longitudeKm2 / sum.km2) : null,
      areaKm2: sum !== undefined && sum.landKm2 > 0 ? sum.landKm2 : null,
      urbanPopulation: sum?.urbanPopulation ?? 0,
      communeType: unit.communeType,
    };
  });
  const provinces = new Set([...units.values()].map((unit) => unit.provinceCode));
  return {
    leaves,
    summary: {
      provinces: provinces.size,
      communes: units.size,
      people: Object.values(peopleByRule).reduce((a, b) => a + b, 0),
      peopleByRule,
      unitsByRule,
      unitsSplit,
      peopleSplit,
      communesFromWholeParts: [...sums.values()].filter((sum) => sum.wholeParts).length,
      neighbourCheck,
    },
  };
}

export type Vietnam2025Options = {
  /** GSO codes of the 2025 provinces to keep (`['40']` for Nghệ An). Default: all 34. */
  provinceCodes?: readonly string[];
};

/** The 2025 tree: provinces `VN2025-<GSO>` as roots, their communes `VN2025-<GSO>` below them. */
export function readVietnam2025Areas(options: Vietnam2025Options = {}): AreaRow[] {
  const { leaves } = carryOnto2025();
  const kept = options.provinceCodes?.map(vietnam2025Code);
  return toTree(
    kept ? leaves.filter((leaf) => leaf.ancestors.some((unit) => kept.includes(unit.code))) : leaves,
  );
}

/** How the 2019 population reached the 2025 units (figures for the README and the CLI). */
export function summariseVietnam2025(): Vietnam2025Summary {
  return carryOnto2025().summary;
}
