// What an area file is told of its leaves without a centroid: mobile teams drive between the
// centroids of the leaves they visit, and place a leaf without one at the centroid of the nearest
// area above it that has one (`centroidAbove`, as planning/mobile-plan.ts places it), or, with none
// above, at the centre of the leaves around it that have one.
import { centroidAbove } from '../../planning/centroid-above.ts';
import type { RowsRead } from '../../spreadsheets/index.ts';
import { type AreasAround, ancestorsOf } from './areas-around.ts';
import type { RolledUp } from './roll-up-areas.ts';
import { rowPlace } from './row-place.ts';

/** A leaf of the file stored without latitude and longitude, and where mobile teams will visit it. */
export type LeafPlacement = {
  /** The sheet of its row; null in a CSV file. */
  sheet: string | null;
  /** Its row as the spreadsheet numbers it (1 is the first line). */
  row: number;
  areaCode: string;
  areaName: string;
  /**
   * The nearest area above it with a centroid, at which teams visit it; both null when no area
   * above it has one (teams visit it at the centre of the leaf areas around it that have one).
   */
  placedAtCode: string | null;
  placedAtName: string | null;
  /** The note in English: where it is in the file, the leaf and where teams visit it. */
  message: string;
};

/**
 * One placement per row of the file whose area is a leaf without latitude and longitude once
 * stored, in row order.
 *
 * @example
 * locationNotes(read, around, rolledUp).map((placement) => placement.message)
 * // => ['row 3: Thôn Hai (99990032) has no latitude and longitude: mobile teams will visit it at the centroid of Xã Đắk Môl (24718), the nearest area above it with one']
 */
export function locationNotes(
  read: RowsRead<unknown>,
  around: AreasAround,
  rolledUp: RolledUp,
): LeafPlacement[] {
  const unplaced = [...around.areas.values()]
    .filter((area) => area.rowIndex !== null && area.location === null && !rolledUp.sums.has(area.code))
    .sort((a, b) => (a.rowIndex ?? 0) - (b.rowIndex ?? 0));
  return unplaced.map((area) => {
    const above = centroidAbove(ancestorsOf(around.areas, area));
    const where = above
      ? `the centroid of ${above.name} (${above.code}), the nearest area above it with one`
      : 'the centre of the leaf areas around it that have one (no area above it has one)';
    // Only the file's rows are noted (`rowIndex` given).
    const index = area.rowIndex ?? 0;
    const source = read.rows[index];
    const place = rowPlace(read, index)?.words ?? '';
    return {
      sheet: source?.sheet ?? null,
      row: source?.row ?? 0,
      areaCode: area.code,
      areaName: area.name,
      placedAtCode: above?.code ?? null,
      placedAtName: above?.name ?? null,
      message: `${place}: ${area.name} (${area.code}) has no latitude and longitude: mobile teams will visit it at ${where}`,
    };
  });
}
