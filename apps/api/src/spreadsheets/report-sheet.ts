// Field reports from a spreadsheet: one row per day, area and (optionally) team, read into the
// shape `recordActuals` takes. Only types, required cells, units and formats are checked here;
// known areas and teams, the date window and plausible figures are recordActuals' own checks.
import type { ActualReportInput } from '../actuals/record-actuals.ts';
import { calendarDate, code, numberBetween, text, wholeNumber } from './cell-rules.ts';
import type { SheetKind } from './sheet-kind.ts';

/** Longest text read from a note or key cell; recordActuals applies its own, shorter limits. */
const MAX_TEXT = 4000;

export const REPORT_SHEET: SheetKind<ActualReportInput> = {
  name: 'reports',
  title: { vi: 'Báo cáo', en: 'Reports' },
  columns: [
    {
      key: 'date',
      header: { vi: 'Ngày', en: 'Date' },
      aliases: ['ngày báo cáo', 'ngày tháng', 'report date', 'day'],
      required: true,
      rule: calendarDate(),
      note: {
        vi: 'Ngày làm việc: ô ngày, hoặc yyyy-mm-dd, hoặc dd/mm/yyyy.',
        en: 'The day worked: a date cell, yyyy-mm-dd or dd/mm/yyyy.',
      },
      example: '2021-03-20',
      numFmt: 'yyyy-mm-dd',
    },
    {
      key: 'areaCode',
      header: { vi: 'Mã địa bàn', en: 'Area code' },
      aliases: ['area', 'mã đơn vị', 'mã khu vực', 'mã xã', 'mã huyện'],
      required: true,
      rule: code(),
      note: {
        vi: 'Mã địa bàn (xã, huyện hoặc tỉnh), ghi dạng chữ để giữ số 0 ở đầu.',
        en: 'The area’s code (commune, district or province), as text to keep leading zeros.',
      },
      example: '665',
      numFmt: '@',
    },
    {
      key: 'teamCode',
      header: { vi: 'Mã tổ', en: 'Team code' },
      aliases: ['team', 'mã đội', 'mã tổ công tác', 'tổ công tác'],
      required: false,
      rule: code(),
      note: {
        vi: 'Mã tổ báo cáo; để trống nếu là số liệu chung của địa bàn.',
        en: 'The reporting team’s code; empty for the area’s own total.',
      },
      example: 'DN-DAK-SONG-MOBILE',
      numFmt: '@',
    },
    {
      key: 'dossiers',
      header: { vi: 'Số hồ sơ', en: 'Dossiers' },
      aliases: ['hồ sơ', 'số hồ sơ thu nhận', 'số lượng hồ sơ', 'dossiers collected'],
      required: true,
      rule: wholeNumber(),
      note: {
        vi: 'Số hồ sơ thu nhận trong ngày (số nguyên ≥ 0).',
        en: 'Dossiers taken that day (whole number ≥ 0).',
      },
      example: 1085,
      numFmt: '#,##0',
    },
    {
      key: 'machinesWorking',
      header: { vi: 'Số máy hoạt động', en: 'Machines working' },
      aliases: ['machines', 'số máy', 'máy hoạt động'],
      required: false,
      rule: wholeNumber(),
      note: { vi: 'Số máy làm việc trong ngày.', en: 'Machines that worked that day.' },
      example: 4,
      numFmt: '0',
    },
    {
      key: 'hoursOpen',
      header: { vi: 'Số giờ mở cửa', en: 'Hours open' },
      aliases: ['hours', 'giờ mở cửa', 'số giờ làm việc'],
      required: false,
      rule: numberBetween(0, Number.MAX_SAFE_INTEGER, 'a number of hours ≥ 0'),
      note: {
        vi: 'Số giờ mở cửa trong ngày (giờ, có thể lẻ).',
        en: 'Hours open that day (may have decimals).',
      },
      example: 19,
      numFmt: '0.0',
    },
    {
      key: 'downtimeMinutes',
      header: { vi: 'Số phút ngừng máy', en: 'Downtime minutes' },
      aliases: ['downtime', 'thời gian ngừng máy', 'phút ngừng máy', 'ngừng máy'],
      required: false,
      rule: wholeNumber('minutes'),
      note: { vi: 'Tổng số phút máy hỏng hoặc ngừng.', en: 'Minutes the machines were down in all.' },
      example: 30,
      numFmt: '0',
    },
    {
      key: 'note',
      header: { vi: 'Ghi chú', en: 'Note' },
      aliases: ['notes', 'comment'],
      required: false,
      rule: text(MAX_TEXT),
      note: { vi: 'Ghi chú tùy ý.', en: 'Any remark.' },
      example: 'Tổ lưu động, mở đến 24:00',
    },
    {
      key: 'idempotencyKey',
      header: { vi: 'Mã báo cáo', en: 'Idempotency key' },
      aliases: ['key', 'report key', 'report id', 'khóa'],
      required: false,
      rule: text(MAX_TEXT),
      note: {
        vi: 'Mã riêng của báo cáo: gửi lại cùng mã với số liệu mới là sửa số liệu.',
        en: 'The report’s own key: resending it with new figures is a correction.',
      },
      example: 'dak-song-2021-03-20',
      numFmt: '@',
    },
  ],
  toRow: (cells) => ({
    date: cells.date as string,
    areaCode: cells.areaCode as string,
    teamCode: cells.teamCode as string | null,
    idempotencyKey: cells.idempotencyKey as string | null,
    dossiers: cells.dossiers as number,
    machinesWorking: cells.machinesWorking as number | null,
    hoursOpen: cells.hoursOpen as number | null,
    downtimeMinutes: cells.downtimeMinutes as number | null,
    note: cells.note as string | null,
  }),
};
