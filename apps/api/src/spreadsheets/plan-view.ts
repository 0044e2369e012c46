// The plan per area as a table: one row per `AreaPlan` of `planCampaign`, parents before children.
// Its first columns carry the area list's headers, so an exported plan reads back as areas.
import type { AreaPlan, AreaStatus } from '@muster/planning';
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

/** A Vietnamese sheet's words for the library's statuses (the `reason` stays its English sentence). */
const VI_STATUS: Readonly<Record<AreaStatus, string>> = {
  'nothing-to-do': 'không còn hồ sơ',
  'no-capacity': 'không đủ năng lực',
  sized: 'đã tính số máy',
  'on-time': 'kịp hạn',
  late: 'trễ hạn',
  'no-machines': 'chưa có máy',
  'beyond-horizon': 'quá 10 năm',
};

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
      a.reason,
      a.location?.latitude ?? null,
      a.location?.longitude ?? null,
    ];
  }
}

/**
 * The view `plan`: the rows of `planCampaign(...).areas` (all, or those the caller keeps), levels
 * and statuses in `language` (default English, the library's own words).
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
