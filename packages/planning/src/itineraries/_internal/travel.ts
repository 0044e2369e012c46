import { PlanningInputError } from '../../errors/planning-input-error.ts';

/** Mean Earth radius (IUGG), km: the haversine distance is within 0.5 % of the ellipsoid at Vietnam's latitudes. */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * Road kilometres per straight-line kilometre when no road data exists. Measured circuity
 * factors for road networks sit between about 1.2 and 1.6 (Ballou, Rahardja & Sakai 2002,
 * "Selected country circuity factors for road travel distance estimation", Transportation
 * Research Part A 36); hill and mountain roads, such as those of the Central Highlands and
 * western Nghệ An, sit at the top of that range, so 1.4 is a middle value that does not flatter
 * remote communes.
 */
export const DEFAULT_DETOUR_FACTOR = 1.4;

/**
 * Average speed of a team vehicle loaded with machines on provincial and commune roads, km/h.
 * Vietnamese mountain roads are signed at 40–60 km/h outside built-up areas, and loading,
 * ferries and dirt tracks to commune centres pull the door-to-door average down; 30 km/h is the
 * conservative figure planners use when they have nothing better.
 */
export const DEFAULT_SPEED_KM_PER_HOUR = 30;

/** Great-circle distance in km between two points given in degrees. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Travel hours between points 0..n-1 (0 is the home base, i + 1 the i-th stop), held as one
 * dense matrix so the search never calls back into user code.
 */
export type TravelTable = { size: number; hours: Float64Array; symmetric: boolean };

export function travelHours(table: TravelTable, from: number, to: number): number {
  return table.hours[from * table.size + to] ?? 0;
}

/**
 * Drive hours between points at the speed of each end: half the road at each end's speed
 * (`speedsKmPerHour[i]` belongs to `points[i]`), the straight line stretched by `detourFactor`.
 */
export function tableFromPoints(
  points: readonly { latitude: number; longitude: number }[],
  speedsKmPerHour: readonly number[],
  detourFactor: number,
): TravelTable {
  const size = points.length;
  const hours = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    const a = points[i];
    if (a === undefined) continue;
    const slowA = 0.5 / (speedsKmPerHour[i] ?? DEFAULT_SPEED_KM_PER_HOUR);
    for (let j = i + 1; j < size; j++) {
      const b = points[j];
      if (b === undefined) continue;
      const slowB = 0.5 / (speedsKmPerHour[j] ?? DEFAULT_SPEED_KM_PER_HOUR);
      const h =
        haversineKm(a.latitude, a.longitude, b.latitude, b.longitude) * detourFactor * (slowA + slowB);
      hours[i * size + j] = h;
      hours[j * size + i] = h;
    }
  }
  return { size, hours, symmetric: true };
}

/** Fills a table from a function or a given matrix, checking every figure it returns. */
export function tableFromFunction(
  size: number,
  get: (from: number, to: number) => unknown,
  path: string,
): TravelTable {
  const hours = new Float64Array(size * size);
  let symmetric = true;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      if (i === j) continue;
      const value = get(i, j);
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new PlanningInputError({
          path: `${path}[${i}][${j}]`,
          code: typeof value === 'number' ? 'range' : 'type',
          expected: 'a non-negative finite number of hours',
          received: value,
        });
      }
      hours[i * size + j] = value;
    }
  }
  for (let i = 0; i < size && symmetric; i++) {
    for (let j = i + 1; j < size; j++) {
      if (Math.abs((hours[i * size + j] ?? 0) - (hours[j * size + i] ?? 0)) > 1e-9) {
        symmetric = false;
        break;
      }
    }
  }
  return { size, hours, symmetric };
}
