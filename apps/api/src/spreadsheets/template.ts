// Downloadable templates: per kind, an XLSX with the headers in the chosen language, an example
// row, a note on each header and a sheet of column notes; or a CSV with the headers and the
// example row. A filled template reads back with `readSpreadsheet` (replace the example row).
import type ExcelJS from 'exceljs';
import { excelJS } from './_internal/exceljs.ts';
import { collectBytes, writeCsvRecords } from './_internal/write-out.ts';
import { yesNo } from './_internal/yes-no.ts';
import type { SpreadsheetFormat } from './read-spreadsheet.ts';
import type { SheetKind, SheetLanguage } from './sheet-kind.ts';

const NOTES_TITLE = { vi: 'Hướng dẫn', en: 'Notes' } as const;
const NOTES_HEADERS = {
  vi: ['Cột', 'Bắt buộc', 'Nội dung', 'Tên cột cũng được đọc'],
  en: ['Column', 'Required', 'What it holds', 'Headers also read'],
} as const;
const EXAMPLE_NOTE = {
  vi: 'Dòng ví dụ: thay bằng số liệu của bạn hoặc xóa đi trước khi gửi.',
  en: 'An example row: replace it with your figures or delete it before sending.',
} as const;

/** Width of a template column: its header, at least 12 characters. */
const MIN_WIDTH = 12;

function exampleCell(value: string | number, numFmt: string | undefined): ExcelJS.CellValue {
  return numFmt === 'yyyy-mm-dd' && typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value;
}

async function xlsxTemplate(kind: SheetKind<unknown>, language: SheetLanguage): Promise<Buffer> {
  const { Workbook } = await excelJS();
  const workbook = new Workbook();
  workbook.creator = 'Muster';
  const sheet = workbook.addWorksheet(kind.title[language], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = kind.columns.map((column) => ({
    key: column.key,
    width: Math.max(MIN_WIDTH, column.header[language].length + 4),
    style: column.numFmt ? { numFmt: column.numFmt } : {},
  }));
  const header = sheet.addRow(kind.columns.map((column) => column.header[language]));
  header.font = { bold: true };
  kind.columns.forEach((column, i) => {
    header.getCell(i + 1).note =
      `${column.note[language]}${column.required ? (language === 'vi' ? ' (bắt buộc)' : ' (required)') : ''}`;
  });
  const example = sheet.addRow(kind.columns.map((column) => exampleCell(column.example, column.numFmt)));
  example.font = { italic: true, color: { argb: 'FF666666' } };
  example.getCell(1).note = EXAMPLE_NOTE[language];

  const notes = workbook.addWorksheet(NOTES_TITLE[language]);
  notes.columns = [{ width: 24 }, { width: 10 }, { width: 60 }, { width: 60 }];
  notes.addRow([...NOTES_HEADERS[language]]).font = { bold: true };
  for (const column of kind.columns) {
    notes.addRow([
      column.header[language],
      yesNo(column.required, language),
      `${column.note[language]} ${column.rule.expected[0]?.toUpperCase()}${column.rule.expected.slice(1)}.`,
      [column.header[language === 'vi' ? 'en' : 'vi'], column.key, ...column.aliases].join('; '),
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvTemplate(kind: SheetKind<unknown>, language: SheetLanguage): Promise<Buffer> {
  const headers = kind.columns.map((column) => column.header[language]);
  const example = kind.columns.map((column) => String(column.example));
  return collectBytes((output) => writeCsvRecords(headers, [example], output));
}

/**
 * The template of a kind of spreadsheet, as the bytes of a file to download.
 *
 * @example
 * const bytes = await spreadsheetTemplate(REPORT_SHEET, 'csv', 'vi');
 * bytes.toString('utf8').split('\r\n')[0]
 * // => '\ufeffNgày,Mã địa bàn,Mã tổ,Số hồ sơ,Số máy hoạt động,Số giờ mở cửa,Số phút ngừng máy,Ghi chú,Mã báo cáo'
 */
export function spreadsheetTemplate(
  kind: SheetKind<unknown>,
  format: SpreadsheetFormat,
  language: SheetLanguage,
): Promise<Buffer> {
  return format === 'xlsx' ? xlsxTemplate(kind, language) : csvTemplate(kind, language);
}
