// The part of the stored tree an area file changes, as it will stand once the file is stored: the
// areas above each row (whose figures are summed again), the areas right below those (what the
// sums are made of), the rows' own areas, and the file's new areas — the stored figures with the
// file's cells put over them. Read inside the import's transaction, with the areas above the rows
// locked, so that two files under one province sum one after the other.
import type { GeoPoint } from '@muster/planning';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { AreaSheetRow } from '../../spreadsheets/index.ts';

/** A row of the file with its place in the tree, as `importAreaSheet` placed it. */
export type PlacedRow = { row: AreaSheetRow; index: number; path: string; depth: number; existing: boolean };

/** An area as it will stand once the file is stored (before its parents are summed again). */
export type AreaAround = {
  code: string;
  name: string;
  parentCode: string | null;
  depth: number;
  population: number | null;
  /** Share aged 14+, 0–1; inherited by the areas below that give none. */
  eligibleShare: number | null;
  /** Eligible people counted (a parent: the sum of its children's). */
  eligible: number | null;
  alreadyServed: number;
  location: GeoPoint | null;
  /** The index of the file's row for it among the rows read; null when the file does not name it. */
  rowIndex: number | null;
  /** Its figures as stored before the file, when it was stored with no area below it; null otherwise. */
  storedLeaf: { population: number | null; alreadyServed: number } | null;
};

/** The areas around a file's rows: every one by code, and the codes whose figures are sums again. */
export type AreasAround = {
  areas: ReadonlyMap<string, AreaAround>;
  /** The areas above the rows, and the rows' stored areas: their figures are summed again, deepest first. */
  summed: readonly string[];
};

const FIELDS = {
  code: true,
  name: true,
  parentCode: true,
  depth: true,
  population: true,
  eligibleShare: true,
  eligible: true,
  alreadyServed: true,
  latitude: true,
  longitude: true,
  _count: { select: { children: true } },
} as const;

/**
 * The areas around `placed` (rows placed in the tree, none outside the writer's area), the file's
 * cells put over the stored figures (an empty cell keeps the stored value), its new areas added.
 * The areas above the rows are locked until the transaction ends.
 */
export async function areasAround(
  tx: Prisma.TransactionClient,
  placed: readonly PlacedRow[],
): Promise<AreasAround> {
  const summed = new Set<string>();
  // A stored row is summed too (a leaf has nothing to sum); a new area only when the file puts
  // areas under it, which name it in their paths.
  for (const { path, existing } of placed) {
    const codes = path.split('/');
    for (const code of existing ? codes : codes.slice(0, -1)) summed.add(code);
  }
  const codes = [...summed].sort();
  // In one order for every file, so that two files never wait on each other's locks.
  await tx.$queryRaw`SELECT "code" FROM "Area" WHERE "code" = ANY(${codes}::text[]) ORDER BY "code" FOR UPDATE`;
  const stored = await tx.area.findMany({
    where: { OR: [{ code: { in: codes } }, { parentCode: { in: codes } }] },
    select: FIELDS,
  });
  const areas = new Map<string, AreaAround>();
  for (const area of stored) {
    const leaf = area._count.children === 0;
    areas.set(area.code, {
      code: area.code,
      name: area.name,
      parentCode: area.parentCode,
      depth: area.depth,
      population: area.population,
      eligibleShare: area.eligibleShare,
      eligible: area.eligible,
      alreadyServed: area.alreadyServed,
      location:
        area.latitude !== null && area.longitude !== null
          ? { latitude: area.latitude, longitude: area.longitude }
          : null,
      rowIndex: null,
      storedLeaf: leaf ? { population: area.population, alreadyServed: area.alreadyServed } : null,
    });
  }
  for (const { row, index, depth, existing } of placed) {
    const known = existing ? areas.get(row.code) : undefined;
    areas.set(row.code, {
      code: row.code,
      name: row.name,
      parentCode: known ? known.parentCode : row.parentCode,
      depth,
      population: row.population ?? known?.population ?? null,
      eligibleShare: row.eligibleShare ?? known?.eligibleShare ?? null,
      eligible: row.eligible ?? known?.eligible ?? null,
      alreadyServed: row.alreadyServed ?? known?.alreadyServed ?? 0,
      location: row.location ?? known?.location ?? null,
      rowIndex: index,
      storedLeaf: known?.storedLeaf ?? null,
    });
  }
  const depthOf = (code: string) => areas.get(code)?.depth ?? 0;
  return { areas, summed: codes.sort((a, b) => depthOf(b) - depthOf(a)) };
}

/**
 * The areas above `area` among `areas`, nearest first, up to the first whose parent is not among
 * them (the root of the tree: the areas around a file hold every area above its rows).
 *
 * @example
 * // Thôn Hai (99990032) under Xã Đắk Môl (24718), Huyện Đắk Song (665), Tỉnh Đắk Nông (67)
 * ancestorsOf(around.areas, around.areas.get('99990032')).map((above) => above.code) // => ['24718', '665', '67']
 */
export function ancestorsOf(areas: ReadonlyMap<string, AreaAround>, area: AreaAround): AreaAround[] {
  const parentOf = (child: AreaAround) =>
    child.parentCode === null ? undefined : areas.get(child.parentCode);
  const above: AreaAround[] = [];
  for (let at = parentOf(area); at; at = parentOf(at)) above.push(at);
  return above;
}
