import {
  optionalNumber,
  requireArray,
  requireGeoPoint,
  requireNumber,
  requireRecord,
} from '../../_internal/validate.ts';
import { PlanningInputError } from '../../errors/planning-input-error.ts';
import type { GeoPoint } from '../../geo/geo-point.ts';
import type { MobileCommune, MobilePlanAssumptions, TerrainClass, TravelPoint } from '../types.ts';
import { TERRAIN_SPEED_KM_PER_HOUR, terrainOf } from './terrain.ts';
import {
  DEFAULT_DETOUR_FACTOR,
  haversineKm,
  type TravelTable,
  tableFromFunction,
  tableFromPoints,
} from './travel.ts';

/** Drive times between home (point 0) and the communes (point i + 1), and how they were found. */
export type ResolvedTravel = {
  table: TravelTable;
  kind: MobilePlanAssumptions['travel'];
  speedKmPerHour?: number;
  speedsKmPerHour?: Record<TerrainClass, number>;
  detourFactor?: number;
  /** Each commune's terrain class (straight-line travel only). */
  terrain: (TerrainClass | null)[];
  home: MobilePlanAssumptions['home'];
  /** The point teams leave from, when straight-line travel needed one. */
  homePoint?: GeoPoint;
};

/**
 * Reads `travel` (a matrix, a function, or straight lines at a speed and detour) into a dense
 * table; straight lines need `home` and every commune's `location`.
 */
export function readTravel(
  value: unknown,
  home: unknown,
  communes: readonly MobileCommune[],
): ResolvedTravel {
  const travel = value === undefined ? {} : requireRecord(value, 'travel');
  const size = communes.length + 1;
  if (travel.hoursMatrix !== undefined) {
    const rows = requireArray(travel.hoursMatrix, 'travel.hoursMatrix');
    if (rows.length !== size) {
      throw new PlanningInputError({
        path: 'travel.hoursMatrix',
        code: 'range',
        expected: `${size} rows (home, then one per commune)`,
        received: `${rows.length} rows`,
      });
    }
    const matrix = rows.map((row, i) => {
      const cells = requireArray(row, `travel.hoursMatrix[${i}]`);
      if (cells.length !== size) {
        throw new PlanningInputError({
          path: `travel.hoursMatrix[${i}]`,
          code: 'range',
          expected: `${size} columns (home, then one per commune)`,
          received: `${cells.length} columns`,
        });
      }
      return cells;
    });
    return {
      table: tableFromFunction(size, (i, j) => matrix[i]?.[j], 'travel.hoursMatrix'),
      kind: 'matrix',
      terrain: communes.map(() => null),
      home: home === undefined ? 'none' : 'given',
    };
  }
  if (travel.hoursBetween !== undefined) {
    if (typeof travel.hoursBetween !== 'function') {
      throw new PlanningInputError({
        path: 'travel.hoursBetween',
        code: 'type',
        expected: 'a function (from, to) => hours',
        received: travel.hoursBetween,
      });
    }
    const between = travel.hoursBetween as (from: TravelPoint, to: TravelPoint) => unknown;
    const point = (i: number): TravelPoint =>
      i === 0 ? { kind: 'home' } : { kind: 'commune', id: communes[i - 1]?.id ?? '' };
    return {
      table: tableFromFunction(size, (i, j) => between(point(i), point(j)), 'travel.hoursBetween'),
      kind: 'function',
      terrain: communes.map(() => null),
      home: home === undefined ? 'none' : 'given',
    };
  }
  const speedKmPerHour = optionalNumber(travel.speedKmPerHour, 'travel.speedKmPerHour', SPEED_RULE);
  const speedsKmPerHour = readTerrainSpeeds(travel.speedsKmPerHour);
  const detourFactor =
    optionalNumber(travel.detourFactor, 'travel.detourFactor', { min: 1, max: 10 }) ?? DEFAULT_DETOUR_FACTOR;
  const locations = communes.map((c, i) => c.location ?? requireLocation(`communes[${i}].location`));
  const homePoint = home === undefined ? centreOf(locations) : requireGeoPoint(home, 'home');
  const terrain = communes.map((c) => terrainOf(c));
  const speeds = communes.map(
    (c, i) => c.speedKmPerHour ?? speedKmPerHour ?? speedsKmPerHour[terrain[i] ?? 'upland'],
  );
  const homeSpeed = speedKmPerHour ?? speeds[nearestTo(homePoint, locations)] ?? speedsKmPerHour.upland;
  return {
    table: tableFromPoints([homePoint, ...locations], [homeSpeed, ...speeds], detourFactor),
    kind: 'straight-line',
    ...(speedKmPerHour === undefined ? { speedsKmPerHour } : { speedKmPerHour }),
    detourFactor,
    terrain,
    home: home === undefined ? 'centre-of-communes' : 'given',
    homePoint,
  };
}

const SPEED_RULE = { min: 0, minExclusive: true, max: 1000 } as const;

function readTerrainSpeeds(value: unknown): Record<TerrainClass, number> {
  const speeds = { ...TERRAIN_SPEED_KM_PER_HOUR };
  if (value === undefined) return speeds;
  const given = requireRecord(value, 'travel.speedsKmPerHour');
  for (const key of Object.keys(given)) {
    if (!(key in speeds)) {
      throw new PlanningInputError({
        path: `travel.speedsKmPerHour.${key}`,
        code: 'unknown-reference',
        expected: "a terrain class: 'urban', 'lowland', 'upland' or 'mountain'",
        received: key,
      });
    }
    speeds[key as TerrainClass] = requireNumber(given[key], `travel.speedsKmPerHour.${key}`, SPEED_RULE);
  }
  return speeds;
}

/** The centre of the communes: the mean of their latitudes and of their longitudes. */
export function centreOf(points: readonly GeoPoint[]): GeoPoint {
  if (points.length === 0) {
    throw new PlanningInputError({
      path: 'home',
      code: 'required',
      expected: 'a home point, or communes with locations to take their centre',
      received: undefined,
    });
  }
  let latitude = 0;
  let longitude = 0;
  for (const p of points) {
    latitude += p.latitude;
    longitude += p.longitude;
  }
  return { latitude: latitude / points.length, longitude: longitude / points.length };
}

function nearestTo(point: GeoPoint, points: readonly GeoPoint[]): number {
  let best = -1;
  let bestKm = Number.POSITIVE_INFINITY;
  points.forEach((p, i) => {
    const km = haversineKm(point.latitude, point.longitude, p.latitude, p.longitude);
    if (km < bestKm) {
      bestKm = km;
      best = i;
    }
  });
  return best;
}

function requireLocation(path: string): GeoPoint {
  throw new PlanningInputError({
    path,
    code: 'required',
    expected: 'a location for straight-line travel (or give travel a matrix or a function)',
    received: undefined,
  });
}
