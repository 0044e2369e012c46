import {
  optionalNumber,
  requireArray,
  requireNumber,
  requireRecord,
  requireString,
} from '../../_internal/validate.ts';
import { PlanningInputError } from '../../errors/planning-input-error.ts';
import type { EnrollmentSite } from '../types.ts';

export const DEFAULT_MAX_TRAVEL_HOURS = 1;
export const DEFAULT_TURNOUT_HALF_LIFE_HOURS = 1.5;

/** The sites, each in a known commune with whole machines. */
export function readSites(value: unknown, communeIds: ReadonlySet<string>): EnrollmentSite[] {
  const seen = new Set<string>();
  return requireArray(value, 'sites').map((item, index) => {
    const path = `sites[${index}]`;
    const s = requireRecord(item, path);
    const id = requireString(s.id, `${path}.id`);
    if (seen.has(id))
      throw new PlanningInputError({
        path: `${path}.id`,
        code: 'duplicate',
        expected: 'a unique id',
        received: id,
      });
    seen.add(id);
    const communeId = requireString(s.communeId, `${path}.communeId`);
    if (!communeIds.has(communeId)) {
      throw new PlanningInputError({
        path: `${path}.communeId`,
        code: 'unknown-reference',
        expected: 'the id of a commune in `communes`',
        received: communeId,
      });
    }
    return {
      id,
      communeId,
      machines: requireNumber(s.machines, `${path}.machines`, { min: 1, max: 10_000, integer: true }),
    };
  });
}

/** `reach` with its defaults. */
export function readReach(value: unknown): { maxTravelHours: number; turnoutHalfLifeHours: number } {
  const reach = value === undefined ? {} : requireRecord(value, 'reach');
  return {
    maxTravelHours:
      optionalNumber(reach.maxTravelHours, 'reach.maxTravelHours', { min: 0, max: 24 }) ??
      DEFAULT_MAX_TRAVEL_HOURS,
    turnoutHalfLifeHours:
      optionalNumber(reach.turnoutHalfLifeHours, 'reach.turnoutHalfLifeHours', {
        min: 0,
        minExclusive: true,
        max: 1000,
      }) ?? DEFAULT_TURNOUT_HALF_LIFE_HOURS,
  };
}

/** Share of a commune's demand that comes to a site `hours` away: 0.5^(hours ÷ half-life). */
export function turnoutShare(hours: number, halfLifeHours: number): number {
  return 0.5 ** (hours / halfLifeHours);
}
