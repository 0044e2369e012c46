// The daily targets per area and day: `plannedDailySeries` of each area, one row per open day.
import type { PlannedDay } from '@muster/planning';
import type { SheetView, ViewColumn } from './sheet-view.ts';

/** One area's planned series. */
export type AreaSeries = { areaCode: string; areaName: string | null; days: readonly PlannedDay[] };

const COLUMNS: readonly ViewColumn[] = [
  { key: 'areaCode', header: { vi: 'Mã địa bàn', en: 'Area code' }, type: 'text', width: 12 },
  { key: 'areaName', header: { vi: 'Tên địa bàn', en: 'Area name' }, type: 'text', width: 28 },
  { key: 'date', header: { vi: 'Ngày', en: 'Date' }, type: 'date', width: 12 },
  {
    key: 'planned',
    header: { vi: 'Chỉ tiêu (hồ sơ)', en: 'Planned (dossiers)' },
    type: 'integer',
    width: 14,
  },
  {
    key: 'cumulativePlanned',
    header: { vi: 'Lũy kế chỉ tiêu', en: 'Cumulative planned' },
    type: 'integer',
    width: 14,
  },
];

function* rowsOf(series: Iterable<AreaSeries>): Generator<(string | number | null)[]> {
  for (const area of series) {
    for (const day of area.days) {
      yield [area.areaCode, area.areaName, day.date, day.planned, day.cumulativePlanned];
    }
  }
}

/**
 * The view `daily`. `series` may be a generator computing one area at a time, so a large export
 * never holds every area's days at once.
 *
 * @example
 * [...dailyView([{ areaCode: 'x', areaName: 'X', days: plannedDailySeries(input, 'x') }]).rows][0]
 * // => ['x', 'X', '2021-03-19', 3, 3]
 */
export function dailyView(series: Iterable<AreaSeries>): SheetView {
  return {
    name: 'daily',
    title: { vi: 'Chỉ tiêu theo ngày', en: 'Daily targets' },
    columns: COLUMNS,
    rows: rowsOf(series),
  };
}
