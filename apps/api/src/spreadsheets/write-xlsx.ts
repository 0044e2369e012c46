// Views out as an XLSX workbook, streamed: one sheet per view (bold header, frozen first row,
// number formats, column widths) and a sheet "About" saying where the figures come from.
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { excelJS } from './_internal/exceljs.ts';
import { collectBytes } from './_internal/write-out.ts';
import type { SheetLanguage } from './sheet-kind.ts';
import type { ExportAbout, SheetView, ViewCell, ViewColumnType } from './sheet-view.ts';

export type WriteXlsxOptions = { language: SheetLanguage; about: ExportAbout };

/** Excel number formats by column type; text columns stay text so codes keep leading zeros. */
const NUMBER_FORMATS: Record<ViewColumnType, string> = {
  text: '@',
  integer: '#,##0',
  decimal: '#,##0.00',
  share: '0.0%',
  date: 'yyyy-mm-dd',
  boolean: 'General',
};

const ABOUT_TITLE = { vi: 'Thông tin', en: 'About' } as const;
const ABOUT_LABELS = {
  scenario: { vi: 'Kịch bản', en: 'Scenario' },
  area: { vi: 'Địa bàn', en: 'Area' },
  timeZone: { vi: 'Múi giờ', en: 'Time zone' },
  generatedAt: { vi: 'Thời điểm tạo', en: 'Generated at' },
  inputs: { vi: 'Dữ liệu đầu vào', en: 'Inputs' },
} as const;

/** Characters Excel forbids in sheet names, and its length limit. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
const MAX_SHEET_NAME = 31;

function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(SHEET_NAME_FORBIDDEN, ' ').slice(0, MAX_SHEET_NAME);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base.slice(0, MAX_SHEET_NAME - 4)} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

/** A cell as exceljs writes it: ISO days become date cells (UTC midnight is the day itself). */
function cellValue(value: ViewCell, type: ViewColumnType): ExcelJS.CellValue {
  if (value === null) return null;
  if (type === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00Z`);
  return value;
}

function aboutRows(about: ExportAbout, language: SheetLanguage): [string, ViewCell][] {
  const label = (key: keyof typeof ABOUT_LABELS) => ABOUT_LABELS[key][language];
  return [
    [label('scenario'), about.scenario ? `${about.scenario.name} (${about.scenario.id})` : null],
    [label('area'), about.area ? `${about.area.name} (${about.area.code})` : null],
    [label('timeZone'), about.timeZone],
    [label('generatedAt'), about.generatedAt],
    [label('inputs'), null],
    ...about.inputs.map(({ name, value }): [string, ViewCell] => [name, value]),
  ];
}

/**
 * Writes `views` as an XLSX workbook to `output`, a row at a time (a view's rows may be a
 * generator). Resolves when the workbook is complete.
 *
 * @example
 * await writeXlsx([planView(plan.areas)], { language: 'vi', about }, response);
 * // the sheets "Kế hoạch" and "Thông tin"
 */
export async function writeXlsx(
  views: readonly SheetView[],
  options: WriteXlsxOptions,
  output: Writable,
): Promise<void> {
  const { language } = options;
  const { stream } = await excelJS();
  const workbook = new stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const generated = new Date(options.about.generatedAt);
  if (Number.isFinite(generated.getTime())) {
    workbook.created = generated;
    workbook.modified = generated;
  }
  workbook.creator = 'Muster';
  const taken = new Set<string>();
  for (const view of views) {
    const sheet = workbook.addWorksheet(sheetName(view.title[language], taken), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = view.columns.map((column) => ({
      key: column.key,
      width: column.width,
      style: { numFmt: NUMBER_FORMATS[column.type] },
    }));
    const header = sheet.addRow(view.columns.map((column) => column.header[language]));
    header.font = { bold: true };
    header.commit();
    const types = view.columns.map((column) => column.type);
    for (const cells of view.rows) {
      sheet.addRow(cells.map((value, i) => cellValue(value, types[i] ?? 'text'))).commit();
    }
    sheet.commit();
  }
  const about = workbook.addWorksheet(sheetName(ABOUT_TITLE[language], taken));
  about.columns = [{ width: 28 }, { width: 48 }];
  for (const [name, value] of aboutRows(options.about, language)) {
    const row = about.addRow([name, value]);
    if (value === null) row.font = { bold: true };
    row.commit();
  }
  about.commit();
  await workbook.commit();
}

/** {@link writeXlsx} into one buffer (for tests and small files). */
export function xlsxBuffer(views: readonly SheetView[], options: WriteXlsxOptions): Promise<Buffer> {
  return collectBytes((output) => writeXlsx(views, options, output));
}
