import type { CommuneType } from '../../demand/area-tree.ts';
import type { TerrainClass } from '../types.ts';

/**
 * Door-to-door speed of a team vehicle loaded with machines, km/h, by the terrain the road runs
 * through. Vietnam's signed limits are 50–60 km/h in built-up areas and 80–90 km/h on open
 * roads, but an average over a whole trip is far lower:
 * - `urban` 25: ward streets, markets and traffic lights; trips are short, stops many;
 * - `lowland` 40: provincial and national roads through plains and towns;
 * - `upland` 30: hill roads of the Central Highlands and the midlands; also the speed used
 *   when a commune carries no data (the figure planners used before terrain was known);
 * - `mountain` 20: switchbacks, dirt tracks to commune centres, fords and landslides in the rains.
 */
export const TERRAIN_SPEED_KM_PER_HOUR: Readonly<Record<TerrainClass, number>> = {
  urban: 25,
  lowland: 40,
  upland: 30,
  mountain: 20,
};

/** Residents per km² at and above which a rural commune is lowland (plains and river deltas are above 500). */
export const LOWLAND_DENSITY_PER_KM2 = 250;
/** Below this a commune is mountain (Kỳ Sơn's and Đắk Glong's communes sit between 20 and 60). */
export const MOUNTAIN_DENSITY_PER_KM2 = 60;
/** A commune with at least this share of its people urban is `urban`, whatever its type. */
export const URBAN_SHARE_THRESHOLD = 0.5;

/** What the terrain class is read from: the commune's own figures, all optional. */
export type TerrainFacts = {
  terrain?: TerrainClass;
  communeType?: CommuneType;
  urbanShare?: number;
  population?: number;
  areaKm2?: number;
};

/**
 * The terrain class of a commune: the one given; else `urban` for a ward or a commune mostly
 * urban; else by density (people per km²): `lowland` from 250, `mountain` under 60, `upland`
 * between; a township without density is `lowland` (a town on a main road); nothing known is
 * `upland`.
 */
export function terrainOf(facts: TerrainFacts): TerrainClass {
  if (facts.terrain !== undefined) return facts.terrain;
  if (facts.communeType === 'ward') return 'urban';
  if (facts.urbanShare !== undefined && facts.urbanShare >= URBAN_SHARE_THRESHOLD) return 'urban';
  const { population, areaKm2 } = facts;
  if (population !== undefined && areaKm2 !== undefined && areaKm2 > 0) {
    const density = population / areaKm2;
    if (density >= LOWLAND_DENSITY_PER_KM2) return 'lowland';
    if (density < MOUNTAIN_DENSITY_PER_KM2) return 'mountain';
    return 'upland';
  }
  return facts.communeType === 'township' ? 'lowland' : 'upland';
}
