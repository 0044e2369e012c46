// Plan against actual day by day: the days of `compareWithActuals`, one row per area and day. The
// columns run as the web app's plan-vs-actual table reads: the day and how much of the area
// reported it, planned, actual, the variance and the plan it is measured against, then the sums.
import type { DayReporting, PlanComparison } from '@muster/planning';
import type { SheetLanguage, Words } from './sheet-kind.ts';
import type { SheetView, ViewColumn } from './sheet-view.ts';

const COLUMNS: readonly ViewColumn[] = [
  { key: 'areaCode', header: { vi: 'Mã địa bàn', en: 'Area code' }, type: 'text', width: 12 },
  { key: 'date', header: { vi: 'Ngày', en: 'Date' }, type: 'date', width: 12 },
  { key: 'reporting', header: { vi: 'Báo cáo', en: 'Reporting' }, type: 'text', width: 12 },
  {
    key: 'reportedLeaves',
    header: { vi: 'Số xã đã báo cáo', en: 'Communes reported' },
    type: 'integer',
    width: 12,
  },
  { key: 'leaves', header: { vi: 'Tổng số xã', en: 'Communes' }, type: 'integer', width: 10 },
  { key: 'planned', header: { vi: 'Kế hoạch', en: 'Planned' }, type: 'integer', width: 12 },
  { key: 'actual', header: { vi: 'Thực hiện', en: 'Actual' }, type: 'integer', width: 12 },
  { key: 'variance', header: { vi: 'Chênh lệch', en: 'Variance' }, type: 'integer', width: 12 },
  {
    key: 'plannedOfReported',
    header: { vi: 'Kế hoạch của các xã đã báo cáo', en: 'Planned of communes reported' },
    type: 'integer',
    width: 14,
  },
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

/** How much of the area a day's reports cover, in the sheet's language (the web app's words). */
const REPORTING_WORDS: Readonly<Record<DayReporting, Words>> = {
  complete: { vi: 'đầy đủ', en: 'complete' },
  partial: { vi: 'một phần', en: 'partial' },
  none: { vi: 'chưa báo cáo', en: 'none' },
};

function* rowsOf(
  comparisons: Iterable<PlanComparison>,
  language: SheetLanguage,
): Generator<(string | number | null)[]> {
  for (const comparison of comparisons) {
    for (const day of comparison.days) {
      yield [
        comparison.areaCode,
        day.date,
        REPORTING_WORDS[day.reporting][language],
        day.reportedLeaves,
        comparison.leaves,
        day.planned,
        day.actual,
        day.variance,
        day.plannedOfReported,
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
 * The view `plan-vs-actual`: a day nobody reported has an empty actual (never a zero); on a partial
 * day the variance is against `plannedOfReported`, the plan of the communes that reported. How
 * much reported is said in `language` (default English).
 *
 * @example
 * [...planVsActualView([compareWithActuals(input, '665', reports)]).rows][0]?.slice(0, 7)
 * // => ['665', '2021-03-20', 'complete', 9, 9, 1046, 1085]
 */
export function planVsActualView(
  comparisons: Iterable<PlanComparison>,
  language: SheetLanguage = 'en',
): SheetView {
  return {
    name: 'plan-vs-actual',
    title: { vi: 'Kế hoạch và thực hiện', en: 'Plan vs actual' },
    columns: COLUMNS,
    rows: rowsOf(comparisons, language),
  };
}
