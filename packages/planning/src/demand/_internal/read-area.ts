import { COMMUNE_TYPES } from '../../_internal/commune-types.ts';
import { attempt } from '../../_internal/problems.ts';
import {
  isRecord,
  optionalGeoPoint,
  optionalNumber,
  optionalString,
  requireOneOf,
  requireRecord,
  requireString,
} from '../../_internal/validate.ts';
import { PlanningInputError } from '../../errors/planning-input-error.ts';
import type { AreaNode } from '../area-tree.ts';

/** A root's parent. */
export const NO_PARENT = -1;

/** A list of areas being read: where it sits, its codes, and the refusals found so far. */
export type AreaList = {
  path: string;
  /** The index of the first area given each code. */
  byCode: ReadonlyMap<string, number>;
  /** Every area gave a code that reads; parents are judged only then. */
  everyCodeRead: boolean;
  problems: PlanningInputError[];
};

/**
 * The codes of `list`, read before any area is read in full so that each area's parent is judged at
 * its place in the list.
 */
export function listCodes(list: readonly unknown[]): Pick<AreaList, 'byCode' | 'everyCodeRead'> {
  const byCode = new Map<string, number>();
  let everyCodeRead = true;
  list.forEach((value, index) => {
    // Judged by the code's own reader; its refusal is named when the area is read in full.
    const code = isRecord(value) ? attempt(() => requireString(value.code, 'code'), []) : undefined;
    if (code === undefined) everyCodeRead = false;
    else if (!byCode.has(code)) byCode.set(code, index);
  });
  return { byCode, everyCodeRead };
}

function requireCode(value: unknown, index: number, list: AreaList): string {
  const code = requireString(value, `${list.path}[${index}].code`);
  const first = list.byCode.get(code);
  if (first !== index) {
    throw new PlanningInputError({
      path: `${list.path}[${index}].code`,
      code: 'duplicate',
      expected: `unique (also at ${list.path}[${first}])`,
      received: code,
    });
  }
  return code;
}

/** The index of the area's parent, NO_PARENT for a root or while a code of the list is refused. */
function parentOf(value: unknown, index: number, list: AreaList): number {
  const path = `${list.path}[${index}].parentCode`;
  const parentCode = optionalString(value, path);
  // With a code refused, a parent naming it would be refused as unknown for the wrong reason.
  if (parentCode === undefined || !list.everyCodeRead) return NO_PARENT;
  const parent = list.byCode.get(parentCode);
  if (parent === undefined || parent === index) {
    throw new PlanningInputError({
      path,
      code: 'unknown-reference',
      expected: parent === index ? 'the code of another area' : 'the code of an area in the list',
      received: parentCode,
    });
  }
  return parent;
}

function eligibleOf(value: unknown, path: string, population: number | undefined): number | undefined {
  const eligible = optionalNumber(value, path, { min: 0, integer: true });
  if (population !== undefined && eligible !== undefined && eligible > population) {
    throw new PlanningInputError({
      path,
      code: 'conflict',
      expected: `at most the population (${population})`,
      received: eligible,
    });
  }
  return eligible;
}

/**
 * The area at `index` of `list`, every refused figure put into `list.problems` in the order of
 * `AreaInput`'s fields (the order a planner reads a row in); undefined when it is not an object or
 * its code or name is refused.
 */
export function readArea(value: unknown, index: number, list: AreaList): AreaNode | undefined {
  const path = `${list.path}[${index}]`;
  const area = attempt(() => requireRecord(value, path), list.problems);
  if (area === undefined) return undefined;
  const read = <T>(reader: () => T): T | undefined => attempt(reader, list.problems);
  const count = { min: 0, integer: true };
  const share = { min: 0, max: 1 };
  const code = read(() => requireCode(area.code, index, list));
  const name = read(() => requireString(area.name, `${path}.name`));
  const parent = read(() => parentOf(area.parentCode, index, list)) ?? NO_PARENT;
  const level = read(() => optionalString(area.level, `${path}.level`)) ?? null;
  const population = read(() => optionalNumber(area.population, `${path}.population`, count));
  const eligibleShare = read(() => optionalNumber(area.eligibleShare, `${path}.eligibleShare`, share));
  const eligible = read(() => eligibleOf(area.eligible, `${path}.eligible`, population));
  const alreadyServed = read(() => optionalNumber(area.alreadyServed, `${path}.alreadyServed`, count));
  const turnout = read(() => optionalNumber(area.turnout, `${path}.turnout`, share));
  const location = read(() => optionalGeoPoint(area.location, `${path}.location`)) ?? null;
  const areaKm2 =
    read(() => optionalNumber(area.areaKm2, `${path}.areaKm2`, { min: 0, minExclusive: true })) ?? null;
  const urbanShare = read(() => optionalNumber(area.urbanShare, `${path}.urbanShare`, share)) ?? null;
  const communeType =
    area.communeType === undefined || area.communeType === null
      ? null
      : (read(() => requireOneOf(area.communeType, `${path}.communeType`, COMMUNE_TYPES)) ?? null);
  if (code === undefined || name === undefined) return undefined;
  return {
    index,
    code,
    name,
    level,
    parent,
    children: [],
    depth: 0,
    population,
    eligibleShare,
    eligible,
    alreadyServed,
    turnout,
    location,
    areaKm2,
    urbanShare,
    communeType,
  };
}
