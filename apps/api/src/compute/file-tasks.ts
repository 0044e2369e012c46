// Spreadsheet work that runs off the main thread, by name: reading an upload (exceljs and the cell
// checks take seconds on 100,000 rows) and writing an export. What crosses the thread boundary is
// bytes, plain rows and the views' rows; a kind of sheet travels by its name, since its cell rules
// are functions.
import {
  AREA_SHEET,
  csvText,
  type ExportAbout,
  MACHINE_SHEET,
  REPORT_SHEET,
  type ReadSpreadsheetOptions,
  readSpreadsheet,
  type SheetLanguage,
  type SheetView,
  type SpreadsheetRead,
  xlsxBuffer,
} from '../spreadsheets/index.ts';

export const SHEET_KINDS = { areas: AREA_SHEET, machines: MACHINE_SHEET, reports: REPORT_SHEET } as const;
export type SheetKindName = keyof typeof SHEET_KINDS;

/** The rows each kind reads. */
export type RowOf<K extends SheetKindName> = (typeof SHEET_KINDS)[K] extends { toRow(...a: never[]): infer T }
  ? T
  : never;

/** A view whose rows are an array, so it can cross to a worker. */
export type PlainView = Omit<SheetView, 'rows'> & { rows: (string | number | boolean | null)[][] };

export type FileTask =
  | { name: 'read'; kind: SheetKindName; bytes: Uint8Array; options: ReadSpreadsheetOptions }
  | {
      name: 'write';
      format: 'xlsx' | 'csv';
      views: PlainView[];
      language: SheetLanguage;
      about: ExportAbout;
    };

export type FileTaskResult = SpreadsheetRead<unknown> | Uint8Array;

/** Runs one file task in the calling thread. */
export async function runFileTask(task: FileTask): Promise<FileTaskResult> {
  if (task.name === 'read') {
    return readSpreadsheet(task.bytes, SHEET_KINDS[task.kind] as never, task.options);
  }
  if (task.format === 'csv') {
    const [view] = task.views;
    if (!view) throw new Error('a CSV export has one view');
    return new Uint8Array(Buffer.from(await csvText(view, { language: task.language }), 'utf8'));
  }
  return new Uint8Array(await xlsxBuffer(task.views, { language: task.language, about: task.about }));
}
