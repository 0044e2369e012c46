import { DateTime, IANAZone } from 'luxon';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import type { GeoPoint } from '../geo/geo-point.ts';

/** Validators shared by every stage: each returns the value typed, or throws a PlanningInputError naming `path`. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function requireRecord(value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value))
    throw new PlanningInputError({ path, code: 'type', expected: 'an object', received: value });
  return value;
}

export function requireArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value))
    throw new PlanningInputError({ path, code: 'type', expected: 'an array', received: value });
  return value;
}

export function requireString(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new PlanningInputError({ path, code: 'type', expected: 'a non-empty string', received: value });
  }
  return value;
}

export function optionalString(value: unknown, path: string): string | undefined {
  return value === undefined || value === null ? undefined : requireString(value, path);
}

export type NumberRule = {
  min?: number;
  max?: number;
  /** The bound itself is refused (a rate above zero, not at zero). */
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
};

function describeRule(rule: NumberRule): string {
  const kind = rule.integer ? 'integer' : 'number';
  // "an integer", "a number".
  const aKind = rule.integer ? `an ${kind}` : `a ${kind}`;
  const { min, max } = rule;
  if (min === 0 && max === undefined)
    return rule.minExclusive ? `a positive ${kind}` : `a non-negative ${kind}`;
  if (min !== undefined && max !== undefined) {
    const left = rule.minExclusive ? `above ${min}` : `at least ${min}`;
    const right = rule.maxExclusive ? `below ${max}` : `at most ${max}`;
    return `${aKind} ${left} and ${right}`;
  }
  if (min !== undefined) return `${aKind} ${rule.minExclusive ? 'above' : 'at least'} ${min}`;
  if (max !== undefined) return `${aKind} ${rule.maxExclusive ? 'below' : 'at most'} ${max}`;
  return `a finite ${kind}`;
}

function refuseNumber(
  value: unknown,
  path: string,
  rule: NumberRule,
  code: 'type' | 'integer' | 'range',
): never {
  throw new PlanningInputError({ path, code, expected: describeRule(rule), received: value });
}

/** The rule is described only when a value is refused: accepting costs a few comparisons. */
export function requireNumber(value: unknown, path: string, rule: NumberRule = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return refuseNumber(value, path, rule, 'type');
  if (rule.integer && !Number.isSafeInteger(value)) return refuseNumber(value, path, rule, 'integer');
  const tooLow = rule.min !== undefined && (rule.minExclusive ? value <= rule.min : value < rule.min);
  const tooHigh = rule.max !== undefined && (rule.maxExclusive ? value >= rule.max : value > rule.max);
  if (tooLow || tooHigh) return refuseNumber(value, path, rule, 'range');
  return value;
}

export function optionalNumber(value: unknown, path: string, rule: NumberRule = {}): number | undefined {
  return value === undefined || value === null ? undefined : requireNumber(value, path, rule);
}

export function requireBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean')
    throw new PlanningInputError({ path, code: 'type', expected: 'true or false', received: value });
  return value;
}

export function requireTimeZone(value: unknown, path: string): string {
  const zone = requireString(value, path);
  if (!IANAZone.isValidZone(zone)) {
    throw new PlanningInputError({
      path,
      code: 'format',
      expected: 'an IANA time zone such as "Asia/Ho_Chi_Minh"',
      received: value,
    });
  }
  return zone;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO calendar date (`2021-03-20`) read as local midnight in `zone`. */
export function requireIsoDate(value: unknown, path: string, zone: string): DateTime {
  const expected = 'an ISO date such as "2021-03-20"';
  if (typeof value !== 'string' || !ISO_DATE.test(value)) {
    throw new PlanningInputError({ path, code: 'format', expected, received: value });
  }
  const date = DateTime.fromISO(value, { zone });
  if (!date.isValid) throw new PlanningInputError({ path, code: 'format', expected, received: value });
  return date.startOf('day');
}

/** A {@link GeoPoint} in degrees: latitude −90..90, longitude −180..180. */
export function requireGeoPoint(value: unknown, path: string): GeoPoint {
  const point = requireRecord(value, path);
  return {
    latitude: requireNumber(point.latitude, `${path}.latitude`, { min: -90, max: 90 }),
    longitude: requireNumber(point.longitude, `${path}.longitude`, { min: -180, max: 180 }),
  };
}

export function optionalGeoPoint(value: unknown, path: string): GeoPoint | undefined {
  return value === undefined || value === null ? undefined : requireGeoPoint(value, path);
}

/** One of a few words, or a refusal that lists them. */
export function requireOneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new PlanningInputError({
    path,
    code: 'format',
    expected: allowed.map((a) => `'${a}'`).join(', '),
    received: value,
  });
}
