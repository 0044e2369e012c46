// `importAreas(file)`: a province's own list of areas with population, from a spreadsheet. New
// areas are added under a parent stored or listed in the file; areas already stored get the
// figures the file gives (an empty cell keeps the stored value; an area is never moved). Parents'
// figures are then the sums of their children again, as the bundled data stores them. Checked
// whole, stored in one transaction or not at all; a file refused names every problem at once, in
// row order: its bad cells, the rows outside its writer's area, and the rows with no place.
import { PlanningInputError } from '@muster/planning';
import { withinScope } from '../auth/access.ts';
import type { Principal } from '../auth/tokens.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { AreaSheetRow } from '../spreadsheets/index.ts';
import { SpreadsheetRefusedError } from '../spreadsheets/refusal.ts';
import { mergeRefusals } from './_internal/merge-refusals.ts';
import { readUpload } from './_internal/read-upload.ts';
import { refusalOfInputErrors } from './_internal/refusal-of-input-errors.ts';
import { refusalOfRowsOutside } from './_internal/refusal-of-rows-outside.ts';

export type ImportAreaSheetResult = {
  inserted: number;
  updated: number;
  /** Rows read. */
  total: number;
  notes: string[];
};

type Stored = { code: string; parentCode: string | null; path: string; depth: number };
type Placed = { row: AreaSheetRow; index: number; path: string; depth: number; existing: boolean };

function refusal(
  index: number,
  field: string,
  code: PlanningInputError['code'],
  expected: string,
  received: unknown,
) {
  return new PlanningInputError({ path: `areas[${index}].${field}`, code, expected, received });
}

/**
 * Each row's place in the tree (path and depth), or the refusals of the rows that have none. When
 * some rows of the file could not be read (`allRead` false), a parent neither stored nor on a row
 * read may be on one of those: its rows are left unplaced, and named once the file reads whole.
 */
function placeRows(rows: readonly AreaSheetRow[], stored: ReadonlyMap<string, Stored>, allRead: boolean) {
  const inFile = new Map(rows.map((row, index) => [row.code, index]));
  const placed = new Map<number, Placed | null>();
  const errors: PlanningInputError[] = [];
  const place = (index: number, visiting: Set<number>): Placed | null => {
    if (placed.has(index)) return placed.get(index) ?? null;
    const row = rows[index] as AreaSheetRow;
    const known = stored.get(row.code);
    let result: Placed | null = null;
    if (known) {
      if (row.parentCode !== null && row.parentCode !== known.parentCode) {
        errors.push(
          refusal(
            index,
            'parentCode',
            'conflict',
            `${known.parentCode ?? 'empty'} (area ${row.code} is stored there; an import never moves an area)`,
            row.parentCode,
          ),
        );
      } else result = { row, index, path: known.path, depth: known.depth, existing: true };
    } else if (row.level === null) {
      errors.push(
        refusal(index, 'level', 'required', 'the level of a new area (province, district, commune…)', null),
      );
    } else if (row.parentCode === null) {
      result = { row, index, path: row.code, depth: 0, existing: false };
    } else {
      const parentStored = stored.get(row.parentCode);
      const parentIndex = inFile.get(row.parentCode);
      let parent: { path: string; depth: number } | null = parentStored ?? null;
      if (!parent && parentIndex !== undefined) {
        if (visiting.has(parentIndex)) {
          errors.push(
            refusal(
              index,
              'parentCode',
              'cycle',
              'a parent that is not below the area itself',
              row.parentCode,
            ),
          );
        } else {
          visiting.add(index);
          parent = place(parentIndex, visiting);
          visiting.delete(index);
        }
      } else if (!parent && allRead) {
        errors.push(
          refusal(
            index,
            'parentCode',
            'unknown-reference',
            'the code of a stored area or of another row of the file',
            row.parentCode,
          ),
        );
      }
      if (parent)
        result = { row, index, path: `${parent.path}/${row.code}`, depth: parent.depth + 1, existing: false };
    }
    placed.set(index, result);
    return result;
  };
  rows.forEach((_, index) => {
    place(index, new Set([index]));
  });
  const all = [...placed.values()].filter((p): p is Placed => p !== null);
  return { placed: all.sort((a, b) => a.index - b.index), errors };
}

/** The figures a row gives, as the columns store them; empty cells are left out (kept as stored). */
function figuresOf(row: AreaSheetRow): Prisma.AreaUpdateInput {
  const given = {
    name: row.name,
    level: row.level,
    population: row.population,
    eligibleShare: row.eligibleShare,
    eligible: row.eligible,
    alreadyServed: row.alreadyServed,
    turnout: row.turnout,
    latitude: row.location?.latitude ?? null,
    longitude: row.location?.longitude ?? null,
    areaKm2: row.areaKm2,
    urbanShare: row.urbanShare,
    communeType: row.communeType,
  };
  return Object.fromEntries(Object.entries(given).filter(([, value]) => value !== null));
}

/** Parents' population, eligible and served as the sums of their children, deepest first (a parent the file names too). */
async function sumParents(tx: Prisma.TransactionClient, placed: readonly Placed[]): Promise<void> {
  const byDepth = new Map<number, Set<string>>();
  // An area already stored is summed too: a parent the file gives figures to is summed again from
  // its children (a leaf has none, and children with no figure at all leave the parent's as it
  // stands). A new area's children, if the file adds any, name it in their paths.
  for (const { path, existing } of placed) {
    const codes = path.split('/');
    (existing ? codes : codes.slice(0, -1)).forEach((code, depth) => {
      if (!byDepth.has(depth)) byDepth.set(depth, new Set());
      byDepth.get(depth)?.add(code);
    });
  }
  for (const depth of [...byDepth.keys()].sort((a, b) => b - a)) {
    const parents = [...(byDepth.get(depth) ?? [])];
    await tx.$executeRaw`
      UPDATE "Area" AS a SET "population" = coalesce(s.population, a."population"),
        "eligible" = coalesce(s.eligible, a."eligible"), "alreadyServed" = s.served
      FROM (
        SELECT "parentCode" AS code, sum("population")::int AS population, sum("eligible")::int AS eligible,
               coalesce(sum("alreadyServed"), 0)::int AS served
        FROM "Area" WHERE "parentCode" = ANY(${parents}::text[]) GROUP BY "parentCode"
      ) AS s
      WHERE a."code" = s.code`;
  }
}

/** Rows per INSERT of new areas. */
const CHUNK = 1000;

export async function importAreaSheet(
  prisma: PrismaClient,
  file: File,
  writer: Principal,
): Promise<ImportAreaSheetResult> {
  const { read, badCells } = await readUpload(file, 'areas');
  const rows = read.rows.map((row) => row.value);
  const named = [
    ...new Set(rows.flatMap((row) => (row.parentCode ? [row.code, row.parentCode] : [row.code]))),
  ];
  const stored = new Map(
    (
      await prisma.area.findMany({
        where: { code: { in: named } },
        select: { code: true, parentCode: true, path: true, depth: true },
      })
    ).map((area) => [area.code, area]),
  );
  const { placed, errors } = placeRows(rows, stored, badCells === null);
  // A row of an area stored outside the writer's is refused as that alone: its other problems (a
  // parent other than the stored one) would tell where the area is.
  const outside = new Set<number>();
  rows.forEach((row, index) => {
    const known = stored.get(row.code);
    if (known && !withinScope(writer, known.path)) outside.add(index);
  });
  for (const area of placed) if (!withinScope(writer, area.path)) outside.add(area.index);
  const rowOf = (error: PlanningInputError) => Number(/\d+/.exec(error.path)?.[0]);
  const placeless = errors.filter((error) => !outside.has(rowOf(error))).sort((a, b) => rowOf(a) - rowOf(b));
  if (badCells !== null || placeless.length > 0 || outside.size > 0) {
    const refusedRows = [...outside]
      .sort((a, b) => a - b)
      .map((index) => ({ index, field: 'code' as const, received: rows[index]?.code ?? '' }));
    throw new SpreadsheetRefusedError(
      mergeRefusals(read, [
        badCells,
        refusalOfRowsOutside(read, writer, refusedRows),
        refusalOfInputErrors(read, placeless),
      ]),
    );
  }
  const fresh = placed.filter((area) => !area.existing).sort((a, b) => a.depth - b.depth);
  const kept = placed.filter((area) => area.existing);
  await prisma.$transaction(
    async (tx) => {
      for (let from = 0; from < fresh.length; from += CHUNK) {
        await tx.area.createMany({
          data: fresh.slice(from, from + CHUNK).map(({ row, path, depth }) => ({
            code: row.code,
            name: row.name,
            level: row.level ?? '',
            parentCode: row.parentCode,
            path,
            depth,
            population: row.population,
            eligibleShare: row.eligibleShare,
            eligible: row.eligible,
            alreadyServed: row.alreadyServed ?? 0,
            turnout: row.turnout,
            latitude: row.location?.latitude ?? null,
            longitude: row.location?.longitude ?? null,
            areaKm2: row.areaKm2,
            urbanShare: row.urbanShare,
            communeType: row.communeType,
          })),
        });
      }
      for (const { row } of kept) await tx.area.update({ where: { code: row.code }, data: figuresOf(row) });
      await sumParents(tx, placed);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { inserted: fresh.length, updated: kept.length, total: rows.length, notes: read.notes };
}
