// What an area file was told of a leaf stored without latitude and longitude, in the reader's
// language: the API gives the leaf and the area whose centroid mobile teams visit it at
// (`LeafPlacement`) beside its English note, and the app words the note from those parts.

import type { Locale } from '../i18n/format.ts';
import { translate } from '../i18n/i18n.tsx';

/** A leaf area stored without a centroid, as the API lists it (`LeafPlacement`). */
export type LeafPlacement = {
  /** The sheet of a workbook its row is on; null in a CSV file. */
  sheet?: string | null;
  row: number;
  areaCode: string;
  areaName: string;
  /** The nearest area above it with a centroid; null when none has one. */
  placedAtCode: string | null;
  placedAtName: string | null;
};

/**
 * Where mobile teams will visit a leaf stored without a centroid, its row first.
 *
 * @example
 * leafPlacementWords({ row: 3, areaCode: '99990032', areaName: 'Thôn Hai',
 *   placedAtCode: '24718', placedAtName: 'Xã Đắk Môl' }, 'en')
 * // => 'Row 3: Thôn Hai (99990032) has no latitude and longitude; mobile teams will visit it at the centroid of Xã Đắk Môl (24718), the nearest area above it with one.'
 */
export function leafPlacementWords(placement: LeafPlacement, locale: Locale): string {
  const row = String(placement.row);
  const area = `${placement.areaName} (${placement.areaCode})`;
  const words =
    placement.placedAtCode === null
      ? translate(locale, 'import.placed.centre', { row, area })
      : translate(locale, 'import.placed.centroid', {
          row,
          area,
          above:
            placement.placedAtName === null
              ? placement.placedAtCode
              : `${placement.placedAtName} (${placement.placedAtCode})`,
        });
  // A workbook of one sheet a district: the row alone would not say which.
  return placement.sheet ? translate(locale, 'import.inSheet', { sheet: placement.sheet, words }) : words;
}
