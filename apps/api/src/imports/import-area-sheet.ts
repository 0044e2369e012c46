// `importAreas(file)`: a province's own list of areas with population, from a spreadsheet. New
// areas are added under a parent stored or listed in the file; areas already stored get the
// figures the file gives (an empty cell keeps the stored value; an area is never moved). Parents'
// figures are then the sums of their children again, as the bundled data stores them and the
// planning library counts them. Figures that would not stay are refused, naming the cell: a figure
// given to an area with areas under it that is not their sum, areas put under an area stored with
// figures of its own that do not add up to them, eligible above the population (every plan of the
// province would be refused), served above the eligible. Checked whole, stored in one transaction
// or not at all; a file refused names every problem at once, in row order: its bad cells, the rows
// outside its writer's area, the rows with no place and the figures that would not stay.
import { PlanningInputError } from '@muster/planning';
import { withinScope } from '../auth/access.ts';
import type { Principal } from '../auth/tokens.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { AREA_SHEET, type AreaSheetRow, type FileNote } from '../spreadsheets/index.ts';
import { SpreadsheetRefusedError } from '../spreadsheets/refusal.ts';
import { AREA_FIGURE_RULES, type AreaFigureContext } from './_internal/area-figure-rules.ts';
import { areasAround, type PlacedRow } from './_internal/areas-around.ts';
import { type LeafPlacement, locationNotes } from './_internal/location-notes.ts';
import { mergeRefusals } from './_internal/merge-refusals.ts';
import { readUpload } from './_internal/read-upload.ts';
import { refusalOfInputErrors } from './_internal/refusal-of-input-errors.ts';
import { refusalOfRowsOutside } from './_internal/refusal-of-rows-outside.ts';
import { type RolledUp, rollUpAreas } from './_internal/roll-up-areas.ts';

export type { LeafPlacement };

export type ImportAreaSheetResult = {
  inserted: number;
  updated: number;
  /** Rows read. */
  total: number;
  /** Columns or sheets not read, codes typed as numbers, leaves without a centroid, in English. */
  notes: string[];
  /** What the reader left aside from the file (columns or sheets not read, codes typed as numbers), by their parts. */
  fileNotes: FileNote[];
  /** The leaves stored without a centroid, each with where mobile teams will visit it (also in `notes`). */
  placements: LeafPlacement[];
};

type Stored = { code: string; parentCode: string | null; path: string; depth: number };

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
  const placed = new Map<number, PlacedRow | null>();
  const errors: PlanningInputError[] = [];
  const place = (index: number, visiting: Set<number>): PlacedRow | null => {
    if (placed.has(index)) return placed.get(index) ?? null;
    const row = rows[index] as AreaSheetRow;
    const known = stored.get(row.code);
    let result: PlacedRow | null = null;
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
  const all = [...placed.values()].filter((p): p is PlacedRow => p !== null);
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

/** The columns' order in the sheet, so that a row's refusals are listed as its cells stand. */
const COLUMN_RANK = new Map(AREA_SHEET.columns.map((column, rank) => [column.key as string, rank]));

const rowOf = (error: PlanningInputError) => Number(/\d+/.exec(error.path)?.[0]);
const columnOf = (error: PlanningInputError) => COLUMN_RANK.get(error.path.split('.')[1] ?? '') ?? -1;

/** The refusals of the figures that would not stay, every rule's, in row and column order. */
function figureRefusals(context: AreaFigureContext): PlanningInputError[] {
  return AREA_FIGURE_RULES.flatMap((rule) => rule.check(context)).sort(
    (a, b) => rowOf(a) - rowOf(b) || columnOf(a) - columnOf(b),
  );
}

/** Parents' population, eligible and served: the sums of their children, written in one statement. */
async function writeSums(tx: Prisma.TransactionClient, rolledUp: RolledUp): Promise<void> {
  // Sums are only made for areas around the rows.
  const codes = [...rolledUp.sums.keys()];
  if (codes.length === 0) return;
  const of = codes.map((code) => rolledUp.figures.get(code));
  await tx.$executeRaw`
    UPDATE "Area" AS a SET "population" = v.population, "eligible" = v.eligible, "alreadyServed" = v.served
    FROM unnest(${codes}::text[], ${of.map((f) => f?.population ?? null)}::int[],
                ${of.map((f) => f?.eligible ?? null)}::int[], ${of.map((f) => f?.alreadyServed ?? 0)}::int[])
      AS v(code, population, eligible, served)
    WHERE a."code" = v.code`;
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
  const placeless = errors.filter((error) => !outside.has(rowOf(error)));
  const refusedRows = [...outside]
    .sort((a, b) => a - b)
    .map((index) => ({ index, field: 'code' as const, received: rows[index]?.code ?? '' }));
  const inside = placed.filter((area) => !outside.has(area.index));
  const fresh = inside.filter((area) => !area.existing).sort((a, b) => a.depth - b.depth);
  const kept = inside.filter((area) => area.existing);
  const placements = await prisma.$transaction(
    async (tx) => {
      // The figures are judged on the tree as it stands once the areas above the rows are locked:
      // a file sent at the same time under the same province is stored before or after, whole.
      const around = await areasAround(tx, inside);
      const rolledUp = rollUpAreas(around);
      // A row outside the writer's area is refused as that alone, whatever its figures.
      const figures = figureRefusals({
        rows,
        around,
        rolledUp,
        whole: badCells === null && placeless.length === 0,
      }).filter((error) => !outside.has(rowOf(error)));
      if (badCells !== null || placeless.length > 0 || outside.size > 0 || figures.length > 0) {
        throw new SpreadsheetRefusedError(
          mergeRefusals(read, [
            badCells,
            refusalOfRowsOutside(read, writer, refusedRows),
            refusalOfInputErrors(
              read,
              [...placeless, ...figures].sort((a, b) => rowOf(a) - rowOf(b)),
            ),
          ]),
        );
      }
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
      await writeSums(tx, rolledUp);
      return locationNotes(read, around, rolledUp);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return {
    inserted: fresh.length,
    updated: kept.length,
    total: rows.length,
    notes: [...read.notes.map((note) => note.message), ...placements.map((placement) => placement.message)],
    fileNotes: read.notes,
    placements,
  };
}
