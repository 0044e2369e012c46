/** Test-only reader of `mountain_communes_2021.csv` (see README.md here for its sources). */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { MobileCommune, MobileTeam, PlanMobileTeamsInput, PlanSitesAndTeamsInput } from '../types.ts';

export type MountainCommune = {
  provinceCode: string;
  districtCode: string;
  districtName: string;
  communeCode: string;
  communeName: string;
  communeType: string;
  population2019: number;
  eligible14Plus: number;
  latitude: number;
  longitude: number;
  urbanPopulation2019: number;
  areaKm2: number;
};

let cache: MountainCommune[] | undefined;

export function mountainCommunes(): MountainCommune[] {
  if (cache !== undefined) return cache;
  const rows = parse(readFileSync(new URL('./mountain_communes_2021.csv', import.meta.url), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
  cache = rows.map((row) => ({
    provinceCode: row.province_code ?? '',
    districtCode: row.district_code ?? '',
    districtName: row.district_name ?? '',
    communeCode: row.commune_code ?? '',
    communeName: row.commune_name ?? '',
    communeType: row.commune_type ?? '',
    population2019: Number(row.pop2019_total),
    eligible14Plus: Number(row.est_pop_14plus_2019),
    latitude: Number(row.lat),
    longitude: Number(row.lon),
    urbanPopulation2019: Number(row.pop2019_urban),
    areaKm2: Number(row.area_km2_gis_approx),
  }));
  return cache;
}

/** Communes of one district, or of one province when given a two-digit code. */
export function communesOf(code: string): MountainCommune[] {
  return mountainCommunes().filter((c) => (code.length === 2 ? c.provinceCode : c.districtCode) === code);
}

/** The communes as `planMobileTeams` takes them: every person aged 14+ is a dossier to take. */
export function asMobileCommunes(communes: readonly MountainCommune[]): MobileCommune[] {
  return communes.map((c) => ({
    id: c.communeCode,
    name: c.communeName,
    demand: c.eligible14Plus,
    location: { latitude: c.latitude, longitude: c.longitude },
  }));
}

/**
 * Hưng Nguyên town site, March 2021: more than 500 dossiers a day on 2 scanners open 07:30–22:00
 * (14.5 h), about 17 per scanner-hour (docs/architecture.md §6, the field reports): 60 / 17 minutes each.
 */
export const HUNG_NGUYEN_SERVICE = { minutesPerDossier: 60 / 17 };

/** `count` teams of `machines` each, named `team-1`, `team-2`, … */
export function identicalTeams(count: number, machines: number): MobileTeam[] {
  return Array.from({ length: count }, (_, i) => ({ id: `team-${i + 1}`, machines }));
}

/** The communes with the figures their terrain class is read from (type, urban share, density). */
export function asTerrainCommunes(communes: readonly MountainCommune[]): MobileCommune[] {
  return asMobileCommunes(communes).map((c, i) => {
    const row = communes[i] as MountainCommune;
    return {
      ...c,
      population: row.population2019,
      areaKm2: row.areaKm2,
      urbanShare: row.population2019 > 0 ? row.urbanPopulation2019 / row.population2019 : 0,
      communeType:
        row.communeType === 'phường' ? 'ward' : row.communeType === 'thị trấn' ? 'township' : 'commune',
    };
  });
}

/**
 * The seat of each of Đắk Nông's eight districts of 2021 (the provincial seat, Nghĩa Thành ward of
 * Gia Nghĩa, for the city), where the district police enroll at a fixed site.
 */
export const DAK_NONG_DISTRICT_SEATS = [
  '24612', // Phường Nghĩa Thành, Gia Nghĩa
  '24631', // Xã Quảng Khê, Đắk Glong
  '24640', // Thị trấn Ea T'Ling, Cư Jút
  '24664', // Thị trấn Đắk Mil
  '24688', // Thị trấn Đắk Mâm, Krông Nô
  '24717', // Thị trấn Đức An, Đắk Song
  '24733', // Thị trấn Kiến Đức, Đắk R'Lấp
  '24739', // Xã Đắk Búk So, Tuy Đức
] as const;

/**
 * Đắk Nông in spring 2021 as one plan: its 71 communes with everyone aged 14+ to enroll, the
 * province's 24 machines as 3 at each district seat open 05:00–24:00 (the field reports' hours),
 * and `teams` mobile teams of 2 machines leaving from the provincial police in Gia Nghĩa, 90 days
 * from 22 March, at Hưng Nguyên's 17 dossiers per machine-hour.
 */
export function dakNongSitesAndTeams(teams = 10): PlanSitesAndTeamsInput {
  const rows = communesOf('67');
  const seat = rows.find((r) => r.communeCode === DAK_NONG_DISTRICT_SEATS[0]) as MountainCommune;
  return {
    calendar: { start: '2021-03-22', deadline: '2021-06-19', timeZone: 'Asia/Ho_Chi_Minh' },
    service: HUNG_NGUYEN_SERVICE,
    siteHours: { open: '05:00', close: '24:00' },
    sites: DAK_NONG_DISTRICT_SEATS.map((communeId) => ({ id: `site-${communeId}`, communeId, machines: 3 })),
    teams: identicalTeams(teams, 2),
    home: { latitude: seat.latitude, longitude: seat.longitude },
    maxDaysPerVisit: 10,
    communes: asTerrainCommunes(rows),
  };
}

/**
 * Two teams at one commune at home (no drive, no set-up), 2,346 dossiers (138 machine-hours at 17
 * an hour), the default 07:00–19:00 window: 12-hour days. Team `one` has one crew, team `two` the
 * plan's default two. Worked by hand in plan-mobile-teams.test.ts.
 */
export const TEAMS_OF_ONE_AND_TWO_CREWS: PlanMobileTeamsInput = {
  calendar: { start: '2021-03-22', deadline: '2021-04-04', timeZone: 'Asia/Ho_Chi_Minh' },
  teams: [
    { id: 'one', machines: 1, crews: 1 },
    { id: 'two', machines: 1 },
  ],
  service: HUNG_NGUYEN_SERVICE,
  home: { latitude: 12.0, longitude: 107.7 },
  setupHours: 0,
  communes: [{ id: 'A', demand: 2346, location: { latitude: 12.0, longitude: 107.7 } }],
};
