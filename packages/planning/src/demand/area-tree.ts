import { throwProblems } from '../_internal/problems.ts';
import { requireArray } from '../_internal/validate.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import type { GeoPoint } from '../geo/geo-point.ts';
import { type AreaList, listCodes, NO_PARENT, readArea } from './_internal/read-area.ts';

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

/**
 * Checks a flat list of areas and links it into a tree of any depth: unique codes, parents
 * that exist, no cycles. Every refused figure is named at once, so that an import of 500 communes
 * shows all its bad rows: a `MalformedInputError` that reads as the first, its `problems` in the
 * order of the input (area by area, each area's in the order of {@link AreaInput}'s fields). Three
 * refusals stand alone or hold others back, where reading on would name wrong figures: a list that
 * is not an array; parents, not judged while a code is refused (a parent naming that area would be
 * called unknown); a cycle, judged once everything else reads (only then are the links known).
 *
 * @example
 * buildAreaTree([
 *   { code: '67', name: 'Đắk Nông' },
 *   { code: '664', name: 'Đắk Song', parentCode: '67' },
 * ]).nodes.map((n) => n.depth)
 * // => [0, 1]
 */
export function buildAreaTree(areas: unknown, path = 'areas'): AreaTree {
  // Not a list, there are no rows to read: refused alone.
  const items = requireArray(areas, path);
  const list: AreaList = { path, problems: [], ...listCodes(items) };
  const nodes: AreaNode[] = [];
  items.forEach((value, index) => {
    const node = readArea(value, index, list);
    if (node !== undefined) nodes.push(node);
  });
  // Every area read (an area left out put its refusal in), so the nodes line up with the input.
  throwProblems(list.problems);

  const roots: number[] = [];
  for (const node of nodes) {
    if (node.parent === NO_PARENT) roots.push(node.index);
    else (nodes[node.parent] as AreaNode).children.push(node.index);
  }
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
    // Nodes never reached from a root sit on a cycle (or hang below one). Judged last and alone: a
    // cycle is a property of the whole list, known only once every code and parent reads, and the
    // areas below it are not wrong themselves; the first area on the cycle names it.
    const reached = new Set(order);
    const first = firstOnCycle(
      nodes,
      nodes.findIndex((_, index) => !reached.has(index)),
    );
    const parent = nodes[(nodes[first] as AreaNode).parent] as AreaNode;
    throw new PlanningInputError({
      path: `${path}[${first}].parentCode`,
      code: 'cycle',
      expected: 'a parent that does not lead back to this area',
      received: parent.code,
    });
  }
  return { nodes, byCode: list.byCode, roots, order };
}

/**
 * The first area, in input order, of the cycle that `start` (never reached from a root) sits on or
 * hangs below: its parents are followed until one comes back, and every area from there on is on
 * the cycle.
 */
function firstOnCycle(nodes: readonly AreaNode[], start: number): number {
  const seen = new Set<number>();
  let index = start;
  while (!seen.has(index)) {
    seen.add(index);
    index = (nodes[index] as AreaNode).parent;
  }
  let first = index;
  for (
    let next = (nodes[index] as AreaNode).parent;
    next !== index;
    next = (nodes[next] as AreaNode).parent
  ) {
    first = Math.min(first, next);
  }
  return first;
}
