import { optionalNumber, requireArray, requireGeoPoint, requireRecord } from '../../_internal/validate.ts';
import { PlanningInputError } from '../../errors/planning-input-error.ts';
import type { GeoPoint } from '../../geo/geo-point.ts';
import type { MobileCommune, MobilePlanAssumptions, TravelPoint } from '../types.ts';
import {
  DEFAULT_DETOUR_FACTOR,
  DEFAULT_SPEED_KM_PER_HOUR,
  type TravelTable,
  tableFromFunction,
  tableFromPoints,
} from './travel.ts';

/** Drive times between home (point 0) and the communes (point i + 1), and how they were found. */
export type ResolvedTravel = {
  table: TravelTable;
  kind: MobilePlanAssumptions['travel'];
  speedKmPerHour?: number;
  detourFactor?: number;
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
    return { table: tableFromFunction(size, (i, j) => matrix[i]?.[j], 'travel.hoursMatrix'), kind: 'matrix' };
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
    };
  }
  const speedKmPerHour =
    optionalNumber(travel.speedKmPerHour, 'travel.speedKmPerHour', {
      min: 0,
      minExclusive: true,
      max: 1000,
    }) ?? DEFAULT_SPEED_KM_PER_HOUR;
  const detourFactor =
    optionalNumber(travel.detourFactor, 'travel.detourFactor', { min: 1, max: 10 }) ?? DEFAULT_DETOUR_FACTOR;
  const points = [
    requireGeoPoint(home, 'home'),
    ...communes.map((c, i) => c.location ?? requireLocation(`communes[${i}].location`)),
  ];
  return {
    table: tableFromPoints(points, speedKmPerHour, detourFactor),
    kind: 'straight-line',
    speedKmPerHour,
    detourFactor,
  };
}

function requireLocation(path: string): GeoPoint {
  throw new PlanningInputError({
    path,
    code: 'required',
    expected: 'a location for straight-line travel (or give travel a matrix or a function)',
    received: undefined,
  });
}
