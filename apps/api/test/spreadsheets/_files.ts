// Small helpers that make spreadsheet files for the tests with exceljs's ordinary writer.
import ExcelJS from 'exceljs';

export type Cell = ExcelJS.CellValue;

/** An XLSX with one sheet per entry, rows as given (row 1 first). */
export async function xlsxOf(
  sheets: Record<string, Cell[][]>,
  merges: Record<string, string[]> = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
    for (const range of merges[name] ?? []) sheet.mergeCells(range);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** CSV text as bytes (UTF-8, with a BOM when asked). */
export function csvOf(text: string, bom = false): Buffer {
  return Buffer.from(`${bom ? '\ufeff' : ''}${text}`, 'utf8');
}

/** 20 March 2021 as the date cell a spreadsheet program stores (UTC midnight of that day). */
export const MARCH_20 = new Date(Date.UTC(2021, 2, 20));

/** A written workbook opened with exceljs's full reader, to look at its formatting. */
export async function openWorkbook(file: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer,
  );
  return workbook;
}
