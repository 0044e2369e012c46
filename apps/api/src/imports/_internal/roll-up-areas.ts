// The figures of the areas around an area file once it is stored, as the planning library counts
// them: a leaf's eligible are counted, or its population × its share (its own, else the nearest
// above it, else 1), rounded; a parent holds the sums of its children, deepest first.
import { type AreaAround, type AreasAround, ancestorsOf } from './areas-around.ts';

/** Population, eligible and already served, persons. */
export type AreaFigures = { population: number | null; eligible: number | null; alreadyServed: number };

/** What the children of a parent add up to: figures a child does not give count 0. */
export type ChildrenSums = {
  /** The children, in code order. */
  children: readonly AreaAround[];
  population: number;
  eligible: number;
  alreadyServed: number;
  /** Whether any child gives a population (else the parent keeps its own, as before the file). */
  anyPopulation: boolean;
  anyEligible: boolean;
};

export type RolledUp = {
  /** Every area around the file with its figures once stored. */
  figures: ReadonlyMap<string, AreaFigures>;
  /** The areas with children once the file is stored, and what those add up to. */
  sums: ReadonlyMap<string, ChildrenSums>;
};

/** The share of the population eligible at `area`: its own, else the nearest above it, else 1 (the library's default). */
function shareOf(around: AreasAround, area: AreaAround): number {
  const withShare = [area, ...ancestorsOf(around.areas, area)].find((at) => at.eligibleShare !== null);
  return withShare?.eligibleShare ?? 1;
}

/** A leaf's own figures, its eligible counted or from its population and share. */
function ownFigures(around: AreasAround, area: AreaAround): AreaFigures {
  const eligible =
    area.eligible ?? (area.population === null ? null : Math.round(area.population * shareOf(around, area)));
  return { population: area.population, eligible, alreadyServed: area.alreadyServed };
}

/**
 * The figures of the areas around a file once stored: the areas it sums again hold their
 * children's sums (a parent none of whose children gives a figure keeps its own).
 *
 * @example
 * // Xã Trường Xuân (12,774 people, share 0.696) with villages of 9,000 and 3,774 at 0.65
 * rollUpAreas(around).figures.get('24730') // => { population: 12774, eligible: 8303, alreadyServed: 0 }
 */
export function rollUpAreas(around: AreasAround): RolledUp {
  const children = new Map<string, AreaAround[]>();
  for (const area of around.areas.values()) {
    if (area.parentCode === null || !around.areas.has(area.parentCode)) continue;
    const list = children.get(area.parentCode) ?? [];
    list.push(area);
    children.set(area.parentCode, list);
  }
  const figures = new Map<string, AreaFigures>();
  for (const area of around.areas.values()) figures.set(area.code, ownFigures(around, area));
  const sums = new Map<string, ChildrenSums>();
  for (const code of around.summed) {
    const area = around.areas.get(code);
    const below = (children.get(code) ?? []).sort((a, b) => (a.code < b.code ? -1 : 1));
    if (!area || below.length === 0) continue;
    const of = below.map((child) => figures.get(child.code) as AreaFigures);
    const sum = (pick: (f: AreaFigures) => number | null) =>
      of.reduce((total, f) => total + (pick(f) ?? 0), 0);
    const childrenSums: ChildrenSums = {
      children: below,
      population: sum((f) => f.population),
      eligible: sum((f) => f.eligible),
      alreadyServed: sum((f) => f.alreadyServed),
      anyPopulation: of.some((f) => f.population !== null),
      anyEligible: of.some((f) => f.eligible !== null),
    };
    sums.set(code, childrenSums);
    figures.set(code, {
      population: childrenSums.anyPopulation ? childrenSums.population : area.population,
      eligible: childrenSums.anyEligible ? childrenSums.eligible : area.eligible,
      alreadyServed: childrenSums.alreadyServed,
    });
  }
  return { figures, sums };
}
