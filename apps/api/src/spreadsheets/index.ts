// The spreadsheet core the API's upload mutations, `GET /export/<view>` and the web app call.
export type { AreaSheetRow } from './area-sheet.ts';
export type { CellContext, CellRead, CellRule } from './cell-rules.ts';
export type { AreaSeries } from './daily-view.ts';
export type { ColumnNotRead, FileNote, FileNoteParts, SheetColumnName } from './file-note.ts';
export type { InputPathRefusal } from './issue-at-input-path.ts';
export type { SpreadsheetLimits } from './limits.ts';
export type { MachineSheetRow } from './machine-sheet.ts';
export type {
  ColumnPlace,
  ReadSpreadsheetOptions,
  RowsRead,
  SourceRow,
  SpreadsheetFormat,
  SpreadsheetRead,
} from './read-spreadsheet.ts';
export type {
  AreaCount,
  AreaFigureIssue,
  AreaFigureRuleName,
  CellIssue,
  CellIssueCode,
  SpreadsheetRefusal,
  SpreadsheetRefusalCode,
} from './refusal.ts';
export type { ColumnSpec, SheetKind, SheetLanguage, Words } from './sheet-kind.ts';
export type { ExportAbout, SheetView, ViewCell, ViewColumn, ViewColumnType, ViewName } from './sheet-view.ts';
export type { TeamVisits } from './visits-view.ts';
export type { WriteCsvOptions } from './write-csv.ts';
export type { WriteXlsxOptions } from './write-xlsx.ts';

export { AREA_SHEET } from './area-sheet.ts';
export { dailyView } from './daily-view.ts';
export { issueAtInputPath } from './issue-at-input-path.ts';
export { SPREADSHEET_LIMITS, spreadsheetLimits } from './limits.ts';
export { MACHINE_SHEET } from './machine-sheet.ts';
export { planView } from './plan-view.ts';
export { planVsActualView } from './plan-vs-actual-view.ts';
export { readSpreadsheet } from './read-spreadsheet.ts';
export { REPORT_SHEET } from './report-sheet.ts';
export { rosterView } from './roster-view.ts';
export { spreadsheetTemplate } from './template.ts';
export { visitsView } from './visits-view.ts';
export { csvText, writeCsv } from './write-csv.ts';
export { writeXlsx, xlsxBuffer } from './write-xlsx.ts';
