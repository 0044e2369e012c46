import { COMMUNE_TYPES } from '../_internal/commune-types.ts';
import {
  optionalGeoPoint,
  optionalNumber,
  optionalString,
  requireArray,
  requireOneOf,
  requireRecord,
  requireString,
} from '../_internal/validate.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import type { GeoPoint } from '../geo/geo-point.ts';

/**
 * A commune-level unit's type, as Vietnam's law names them: `ward` (phường, urban), `township`
 * (thị trấn, a district's town, gone since 2025), `commune` (xã, rural), `special-zone` (đặc
 * khu, island units since 2025).
 */
export type CommuneType = 'ward' | 'township' | 'commune' | 'special-zone';

/** One area as given: a flat list, `parentCode` links the tree (any depth). */
export type AreaInput = {
  code: string;
  name: string;
  parentCode?: string;
  /** Free label such as `province`, `district`, `commune`; the tree never assumes a fixed depth. */
  level?: string;
  population?: number;
  /** Share of the population that is eligible (aged 14+ for the ID card). Inherited by descendants. */
  eligibleShare?: number;
  /** Eligible people counted directly; wins over `population × eligibleShare`. */
  eligible?: number;
  alreadyServed?: number;
  /** Share of the eligible expected to come (lower in mountain and border areas). Inherited by descendants. */
  turnout?: number;
  /** Where the area is, such as its centroid; mobile teams travel between the locations of communes. */
  location?: GeoPoint;
  /** Land area, km²: with the population, the density that sets a commune's terrain class for mobile teams. */
  areaKm2?: number;
  /** Share of the residents living in urban areas, 0–1 (from 0.5 a commune is urban terrain). */
  urbanShare?: number;
  /** The commune's type (a ward is urban terrain). */
  communeType?: CommuneType;
};

/** An area as checked, with its place in the tree. */
export type AreaNode = {
  index: number;
  code: string;
  name: string;
  level: string | null;
  parent: number;
  children: number[];
  depth: number;
  population: number | undefined;
  eligibleShare: number | undefined;
  eligible: number | undefined;
  alreadyServed: number | undefined;
  turnout: number | undefined;
  location: GeoPoint | null;
  areaKm2: number | null;
  urbanShare: number | null;
  communeType: CommuneType | null;
};

/** Areas checked and linked: `order` lists every node with parents before their children. */
export type AreaTree = {
  nodes: AreaNode[];
  byCode: ReadonlyMap<string, number>;
  roots: number[];
  /** Parents before children, siblings in input order. */
  order: number[];
};

const NO_PARENT = -1;

function readArea(
  value: unknown,
  path: string,
  index: number,
): AreaNode & { parentCode: string | undefined } {
  const area = requireRecord(value, path);
  const count = { min: 0, integer: true };
  const share = { min: 0, max: 1 };
  const population = optionalNumber(area.population, `${path}.population`, count);
  const eligible = optionalNumber(area.eligible, `${path}.eligible`, count);
  if (population !== undefined && eligible !== undefined && eligible > population) {
    throw new PlanningInputError({
      path: `${path}.eligible`,
      code: 'conflict',
      expected: `at most the population (${population})`,
      received: eligible,
    });
  }
  return {
    index,
    parent: NO_PARENT,
    children: [],
    depth: 0,
    code: requireString(area.code, `${path}.code`),
    name: requireString(area.name, `${path}.name`),
    parentCode: optionalString(area.parentCode, `${path}.parentCode`),
    level: optionalString(area.level, `${path}.level`) ?? null,
    population,
    eligibleShare: optionalNumber(area.eligibleShare, `${path}.eligibleShare`, share),
    eligible,
    alreadyServed: optionalNumber(area.alreadyServed, `${path}.alreadyServed`, count),
    turnout: optionalNumber(area.turnout, `${path}.turnout`, share),
    location: optionalGeoPoint(area.location, `${path}.location`) ?? null,
    areaKm2: optionalNumber(area.areaKm2, `${path}.areaKm2`, { min: 0, minExclusive: true }) ?? null,
    urbanShare: optionalNumber(area.urbanShare, `${path}.urbanShare`, share) ?? null,
    communeType:
      area.communeType === undefined || area.communeType === null
        ? null
        : requireOneOf(area.communeType, `${path}.communeType`, COMMUNE_TYPES),
  };
}

/**
 * Checks a flat list of areas and links it into a tree of any depth: unique codes, parents
 * that exist, no cycles.
 *
 * @example
 * buildAreaTree([
 *   { code: '67', name: 'Đắk Nông' },
 *   { code: '664', name: 'Đắk Song', parentCode: '67' },
 * ]).nodes.map((n) => n.depth)
 * // => [0, 1]
 */
export function buildAreaTree(areas: unknown, path = 'areas'): AreaTree {
  const list = requireArray(areas, path);
  const byCode = new Map<string, number>();
  const read = list.map((value, index) => {
    const area = readArea(value, `${path}[${index}]`, index);
    if (byCode.has(area.code)) {
      throw new PlanningInputError({
        path: `${path}[${index}].code`,
        code: 'duplicate',
        expected: `unique (also at ${path}[${byCode.get(area.code)}])`,
        received: area.code,
      });
    }
    byCode.set(area.code, index);
    return area;
  });

  // The parent's code stays on the node object (unused once linked) to spare a copy of every area.
  const nodes: AreaNode[] = read;
  const roots: number[] = [];
  read.forEach((area, index) => {
    const node = nodes[index] as AreaNode;
    if (area.parentCode === undefined) {
      roots.push(index);
      return;
    }
    const parent = byCode.get(area.parentCode);
    if (parent === undefined || parent === index) {
      throw new PlanningInputError({
        path: `${path}[${index}].parentCode`,
        code: 'unknown-reference',
        expected: parent === index ? 'the code of another area' : 'the code of an area in the list',
        received: area.parentCode,
      });
    }
    node.parent = parent;
    (nodes[parent] as AreaNode).children.push(index);
  });

  const order: number[] = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const index = stack.pop() as number;
    const node = nodes[index] as AreaNode;
    order.push(index);
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = nodes[node.children[i] as number] as AreaNode;
      child.depth = node.depth + 1;
      stack.push(child.index);
    }
  }
  if (order.length < nodes.length) {
    // Nodes never reached from a root sit on a cycle (or hang below one).
    const reached = new Set(order);
    const first = nodes.findIndex((_, index) => !reached.has(index));
    throw new PlanningInputError({
      path: `${path}[${first}].parentCode`,
      code: 'cycle',
      expected: 'a parent that does not lead back to this area',
      received: read[first]?.parentCode,
    });
  }
  return { nodes, byCode, roots, order };
}
