/** Test-only reader of `mountain_communes_2021.csv` (see README.md here for its sources). */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { MobileCommune, MobileTeam } from '../types.ts';

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
