// The plan per area as a table: one row per `AreaPlan` of `planCampaign`, parents before children.
// Its first columns carry the area list's headers, so an exported plan reads back as areas.
import type { AreaPlan, AreaReasonCode, AreaStatus } from '@muster/planning';
import { dayIn } from './_internal/day-in.ts';
import { type AreaLevelValue, LEVEL_WORDS } from './cell-rules.ts';
import type { SheetLanguage } from './sheet-kind.ts';
import type { SheetView, ViewColumn } from './sheet-view.ts';

const COLUMNS: readonly ViewColumn[] = [
  { key: 'code', header: { vi: 'Mã địa bàn', en: 'Code' }, type: 'text', width: 12 },
  { key: 'name', header: { vi: 'Tên địa bàn', en: 'Name' }, type: 'text', width: 28 },
  { key: 'parentCode', header: { vi: 'Mã cấp trên', en: 'Parent code' }, type: 'text', width: 12 },
  { key: 'level', header: { vi: 'Cấp', en: 'Level' }, type: 'text', width: 10 },
  { key: 'population', header: { vi: 'Dân số', en: 'Population' }, type: 'integer', width: 12 },
  { key: 'eligible', header: { vi: 'Số người đủ tuổi', en: 'Eligible' }, type: 'integer', width: 12 },
  { key: 'alreadyServed', header: { vi: 'Đã thu nhận', en: 'Already served' }, type: 'integer', width: 12 },
  { key: 'demand', header: { vi: 'Nhu cầu (hồ sơ)', en: 'Demand (dossiers)' }, type: 'integer', width: 14 },
  { key: 'openDays', header: { vi: 'Số ngày mở cửa', en: 'Open days' }, type: 'integer', width: 10 },
  {
    key: 'dailyCapacityPerMachine',
    header: { vi: 'Hồ sơ/máy/ngày', en: 'Dossiers per machine-day' },
    type: 'decimal',
    width: 12,
  },
  { key: 'machineDays', header: { vi: 'Máy-ngày cần', en: 'Machine-days' }, type: 'decimal', width: 12 },
  { key: 'machinesNeeded', header: { vi: 'Số máy cần', en: 'Machines needed' }, type: 'integer', width: 12 },
  {
    key: 'machinesNeededAtSites',
    header: { vi: 'Số máy cần tại điểm', en: 'Machines needed at sites' },
    type: 'integer',
    width: 12,
  },
  { key: 'machines', header: { vi: 'Số máy', en: 'Machines' }, type: 'integer', width: 10 },
  { key: 'servedBy', header: { vi: 'Dùng máy của', en: 'Served by' }, type: 'text', width: 12 },
  { key: 'dailyTarget', header: { vi: 'Chỉ tiêu/ngày', en: 'Daily target' }, type: 'integer', width: 12 },
  {
    key: 'dailyTargetPerMachine',
    header: { vi: 'Chỉ tiêu/máy/ngày', en: 'Daily target per machine' },
    type: 'decimal',
    width: 12,
  },
  { key: 'daysNeeded', header: { vi: 'Số ngày cần', en: 'Days needed' }, type: 'integer', width: 10 },
  {
    key: 'completionDate',
    header: { vi: 'Ngày hoàn thành', en: 'Completion date' },
    type: 'date',
    width: 12,
  },
  { key: 'meetsDeadline', header: { vi: 'Kịp hạn', en: 'Meets deadline' }, type: 'boolean', width: 10 },
  { key: 'status', header: { vi: 'Tình trạng', en: 'Status' }, type: 'text', width: 14 },
  { key: 'reason', header: { vi: 'Lý do', en: 'Reason' }, type: 'text', width: 40 },
  { key: 'latitude', header: { vi: 'Vĩ độ', en: 'Latitude' }, type: 'decimal', width: 10 },
  { key: 'longitude', header: { vi: 'Kinh độ', en: 'Longitude' }, type: 'decimal', width: 10 },
];

/** A Vietnamese sheet's words for the library's statuses. */
const VI_STATUS: Readonly<Record<AreaStatus, string>> = {
  'nothing-to-do': 'không còn hồ sơ',
  'no-capacity': 'không đủ năng lực',
  sized: 'đã tính số máy',
  'on-time': 'kịp hạn',
  late: 'trễ hạn',
  'no-machines': 'chưa có máy',
  'beyond-horizon': 'quá 10 năm',
};

const viNumber = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

const VI_NO_OPEN_DAY = 'không có ngày mở cửa nào từ ngày bắt đầu đến hạn chót';

/** How many machines would finish on time, when some number does. */
function viMachinesOnTime(area: AreaPlan): string {
  return area.machinesNeeded === null ? '' : `; cần ${viNumber.format(area.machinesNeeded)} máy để kịp hạn`;
}

/**
 * A Vietnamese sheet's reason, worded from the library's code and the row's own figures (the
 * library's `reason` is an English sentence; the dates of the campaign are on the About sheet).
 */
const VI_REASON: Readonly<Record<AreaReasonCode, (area: AreaPlan) => string>> = {
  'no-machines': () =>
    'có hồ sơ ở địa bàn không có máy nào phục vụ: giao máy cho các địa bàn đó hoặc cho địa bàn cấp trên',
  'zero-machines': () => 'địa bàn có hồ sơ nhưng được giao 0 máy',
  'zero-hour-window': () => 'khung giờ mở cửa mỗi ngày dài 0 giờ (mở cả ngày thì ghi 00:00–24:00)',
  'deadline-before-start': () => 'hạn chót trước ngày bắt đầu',
  'no-open-days': () => VI_NO_OPEN_DAY,
  'beyond-horizon': (area) => `số máy đã giao cần hơn 10 năm${viMachinesOnTime(area)}`,
  late: (area) => {
    const finishes =
      area.completionDate === null ? 'hoàn thành' : `hoàn thành ngày ${dayIn(area.completionDate, 'vi')}`;
    const late = area.daysNeeded === null ? null : area.daysNeeded - area.openDays;
    const after = late === null ? 'sau hạn chót' : `trễ ${viNumber.format(late)} ngày mở cửa so với hạn chót`;
    // No number of machines finishes on time: no day is open to the deadline, or it is before the
    // start (a replan saved as of its deadline); the row does not say which, so neither is named.
    const fix = area.machinesNeeded === null ? '; không số máy nào kịp hạn chót' : viMachinesOnTime(area);
    return `${finishes}, ${after}${fix}`;
  },
};

/** The reason in the sheet's language: the library's English, or Vietnamese from its code. */
function reasonIn(area: AreaPlan, vi: boolean): string | null {
  if (!vi || !area.reasonCode) return area.reason;
  // A code this table does not know yet keeps the library's sentence.
  return VI_REASON[area.reasonCode]?.(area) ?? area.reason;
}

function* rowsOf(
  areas: Iterable<AreaPlan>,
  language: SheetLanguage,
): Generator<(string | number | boolean | null)[]> {
  const vi = language === 'vi';
  // Levels as the area sheet reads them back (tỉnh, huyện, xã, thôn).
  const level = (value: string) => (vi ? (LEVEL_WORDS[value as AreaLevelValue]?.[1] ?? value) : value);
  for (const a of areas) {
    yield [
      a.code,
      a.name,
      a.parentCode,
      a.level === null || a.level === undefined ? null : level(a.level),
      a.population,
      a.eligible,
      a.alreadyServed,
      a.demand,
      a.openDays,
      a.dailyCapacityPerMachine,
      a.machineDays,
      a.machinesNeeded,
      a.machinesNeededAtSites,
      a.machines,
      a.servedBy,
      a.dailyTarget,
      a.dailyTargetPerMachine,
      a.daysNeeded,
      a.completionDate,
      a.meetsDeadline,
      vi ? VI_STATUS[a.status] : a.status,
      reasonIn(a, vi),
      a.location?.latitude ?? null,
      a.location?.longitude ?? null,
    ];
  }
}

/**
 * The view `plan`: the rows of `planCampaign(...).areas` (all, or those the caller keeps), levels,
 * statuses and reasons in `language` (default English, the library's own words).
 *
 * @example
 * planView(planCampaign(input).areas).columns[7]?.header.en // => 'Demand (dossiers)'
 */
export function planView(areas: Iterable<AreaPlan>, language: SheetLanguage = 'en'): SheetView {
  return {
    name: 'plan',
    title: { vi: 'Kế hoạch', en: 'Plan' },
    columns: COLUMNS,
    rows: rowsOf(areas, language),
  };
}
