/** Test-only reader of `mountain_communes_2021.csv` (see README.md here for its sources). */
import { readFileSync } from 'node:fs';

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
  const text = readFileSync(new URL('./mountain_communes_2021.csv', import.meta.url), 'utf8');
  const [, ...lines] = text.trim().split('\n');
  cache = lines.map((line) => {
    const f = line.split(',');
    return {
      provinceCode: f[0] ?? '',
      districtCode: f[1] ?? '',
      districtName: f[2] ?? '',
      communeCode: f[3] ?? '',
      communeName: f[4] ?? '',
      communeType: f[5] ?? '',
      population2019: Number(f[6]),
      eligible14Plus: Number(f[7]),
      latitude: Number(f[8]),
      longitude: Number(f[9]),
    };
  });
  return cache;
}

/** Communes of one district, or of one province when given a two-digit code. */
export function communesOf(code: string): MountainCommune[] {
  return mountainCommunes().filter((c) => (code.length === 2 ? c.provinceCode : c.districtCode) === code);
}
