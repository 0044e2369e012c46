// Plan against actual day by day: the days of `compareWithActuals`, one row per area and day.
import type { PlanComparison } from '@muster/planning';
import type { SheetView, ViewColumn } from './sheet-view.ts';

const COLUMNS: readonly ViewColumn[] = [
  { key: 'areaCode', header: { vi: 'Mã địa bàn', en: 'Area code' }, type: 'text', width: 12 },
  { key: 'date', header: { vi: 'Ngày', en: 'Date' }, type: 'date', width: 12 },
  { key: 'planned', header: { vi: 'Kế hoạch', en: 'Planned' }, type: 'integer', width: 12 },
  { key: 'actual', header: { vi: 'Thực hiện', en: 'Actual' }, type: 'integer', width: 12 },
  { key: 'variance', header: { vi: 'Chênh lệch', en: 'Variance' }, type: 'integer', width: 12 },
  {
    key: 'cumulativePlanned',
    header: { vi: 'Lũy kế kế hoạch', en: 'Cumulative planned' },
    type: 'integer',
    width: 14,
  },
  {
    key: 'cumulativeActual',
    header: { vi: 'Lũy kế thực hiện', en: 'Cumulative actual' },
    type: 'integer',
    width: 14,
  },
  {
    key: 'cumulativeVariance',
    header: { vi: 'Lũy kế chênh lệch', en: 'Cumulative variance' },
    type: 'integer',
    width: 14,
  },
  {
    key: 'machinesWorking',
    header: { vi: 'Số máy hoạt động', en: 'Machines working' },
    type: 'integer',
    width: 12,
  },
  {
    key: 'dossiersPerMachineDay',
    header: { vi: 'Hồ sơ/máy/ngày', en: 'Dossiers per machine-day' },
    type: 'decimal',
    width: 12,
  },
];

function* rowsOf(comparisons: Iterable<PlanComparison>): Generator<(string | number | null)[]> {
  for (const comparison of comparisons) {
    for (const day of comparison.days) {
      yield [
        comparison.areaCode,
        day.date,
        day.planned,
        day.actual,
        day.variance,
        day.cumulativePlanned,
        day.cumulativeActual,
        day.cumulativeVariance,
        day.machinesWorking,
        day.dossiersPerMachineDay,
      ];
    }
  }
}

/**
 * The view `plan-vs-actual`: a day nobody reported has an empty actual (never a zero).
 *
 * @example
 * [...planVsActualView([compareWithActuals(input, '665', reports)]).rows][0]?.slice(0, 4)
 * // => ['665', '2021-03-20', 1046, 1085]
 */
export function planVsActualView(comparisons: Iterable<PlanComparison>): SheetView {
  return {
    name: 'plan-vs-actual',
    title: { vi: 'Kế hoạch và thực hiện', en: 'Plan vs actual' },
    columns: COLUMNS,
    rows: rowsOf(comparisons),
  };
}
