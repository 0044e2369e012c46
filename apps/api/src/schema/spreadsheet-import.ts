// Spreadsheets in: `importReports(file)` and `importMachines(scenarioId, file)`, and the typed
// refusal of a file (`SpreadsheetError`) that `importAreas(file)` answers too. A file is checked
// whole and stored in one transaction, or nothing is stored; a refusal names every problem at once,
// the rows the caller may not send among them.
import { signedIn } from '../auth/signed-in.ts';
import { builder } from '../builder.ts';
import { prisma } from '../db.ts';
import { type ImportMachinesResult, importMachineSheet } from '../imports/import-machine-sheet.ts';
import {
  type ImportReportsResult,
  importReportSheet,
  type SheetReportWarning,
} from '../imports/import-report-sheet.ts';
import type {
  AreaFigureIssue,
  CellIssue,
  ColumnNotRead,
  FileNote,
  SheetColumnName,
} from '../spreadsheets/index.ts';
import { SpreadsheetRefusedError } from '../spreadsheets/refusal.ts';
import { ErrorInterface, inputErrors } from './error.ts';

const SpreadsheetRefusalCodeEnum = builder.enumType('SpreadsheetRefusalCode', {
  description: 'Why a whole file was refused (README: Spreadsheets in and out).',
  values: {
    FILE_TOO_LARGE: { value: 'file-too-large', description: 'Over 20 MiB.' },
    UNZIPPED_TOO_LARGE: {
      value: 'unzipped-too-large',
      description: 'An XLSX over 200 MiB or 1,000 parts once unzipped (a zip bomb).',
    },
    TOO_MANY_ROWS: { value: 'too-many-rows', description: 'Over 100,000 data rows.' },
    NOT_A_SPREADSHEET: { value: 'not-a-spreadsheet', description: 'Neither an XLSX workbook nor CSV text.' },
    UNSUPPORTED_FORMAT: { value: 'unsupported-format', description: 'An .xls, .xlsb or .ods workbook.' },
    CORRUPT: { value: 'corrupt', description: 'A broken zip or XML (a truncated upload).' },
    NO_HEADER: {
      value: 'no-header',
      description: 'No sheet has a header row naming every required column in its first 20 rows.',
    },
    DUPLICATE_COLUMN: { value: 'duplicate-column', description: 'Two columns stand for one field.' },
    EMPTY: { value: 'empty', description: 'A header row and no data row.' },
    INVALID_CELLS: {
      value: 'invalid-cells',
      description: 'Bad cells or rows, rows the caller may not send among them, all listed in `issues`.',
    },
  } as const,
});

const AreaFigureRuleEnum = builder.enumType('AreaFigureRule', {
  description:
    'A rule an area file’s figures keep (the tree’s figures are given on its leaves and summed exactly to every parent), with what `value` and `bound` of its `AreaFigureIssue` are.',
  values: {
    COUNTS_WITHIN_STORED: {
      value: 'countsWithinStored',
      description:
        'A count is at most 2,147,483,647, the largest the service stores: `value` the cell’s count, `bound` that largest.',
    },
    SUMS_WITHIN_STORED: {
      value: 'sumsWithinStored',
      description:
        'The sums an area holds are at most 2,147,483,647: `value` what the `areasUnder` areas under the area (`areaCode`) add up to, `bound` that largest.',
    },
    CHILDREN_HOLD_THEIR_PARENT: {
      value: 'childrenHoldTheirParent',
      description:
        'The areas a file puts under an area stored with a count of its own and nothing under it add up to that count: `value` what the `areasUnder` areas add up to, `bound` the area’s own count.',
    },
    PARENT_FIGURES_ARE_SUMS: {
      value: 'parentFiguresAreSums',
      description:
        'A count a file gives an area with areas under it is what those add up to: `value` the count given, `bound` what its `areasUnder` areas add up to once the file is stored.',
    },
    ELIGIBLE_WITHIN_POPULATION: {
      value: 'eligibleWithinPopulation',
      description:
        'An area’s eligible people are at most its population: for ELIGIBLE, `value` the eligible and `bound` the population; for POPULATION, `value` the population and `bound` the eligible stored for it (the population must be at least that).',
    },
    SERVED_WITHIN_ELIGIBLE: {
      value: 'servedWithinEligible',
      description:
        'The people already served in an area are at most its eligible people: for ALREADY_SERVED, `value` the served and `bound` the eligible; for ELIGIBLE, `value` the eligible the row leaves (from its eligible, population or share) and `bound` the people already served stored for it (the eligible must be at least that).',
    },
  } as const,
});

const AreaCountEnum = builder.enumType('AreaCount', {
  description: 'One of an area’s counts of people.',
  values: {
    POPULATION: { value: 'population', description: 'People living there.' },
    ELIGIBLE: { value: 'eligible', description: 'People of the age to enroll (14 and over).' },
    ALREADY_SERVED: {
      value: 'alreadyServed',
      description: 'Eligible people already enrolled before the campaign.',
    },
  } as const,
});

const AreaFigureIssueRef = builder.objectRef<AreaFigureIssue>('AreaFigureIssue').implement({
  description:
    'The figures behind a row of an area file refused for a rule of the area tree, to say the rule and both figures in the reader’s words: which area’s count, what the file would leave it at (`value`) and what the rule holds it to (`bound`: equal for the rules of sums, else at most, or at least where the rule says so).',
  fields: (t) => ({
    rule: t.field({
      type: AreaFigureRuleEnum,
      description: 'The rule the row breaks.',
      resolve: (f) => f.rule,
    }),
    areaCode: t.exposeString('areaCode', {
      description:
        'The area whose count it is: the row’s own, or for CHILDREN_HOLD_THEIR_PARENT and SUMS_WITHIN_STORED the area above whose figures the row breaks.',
    }),
    areaName: t.exposeString('areaName', { description: 'That area’s name.' }),
    count: t.field({
      type: AreaCountEnum,
      description: 'Which of the area’s counts `value` and `bound` are.',
      resolve: (f) => f.count,
    }),
    value: t.exposeFloat('value', {
      description:
        'The count as the file would leave it, people (a whole number; a Float because a refused count may pass Int’s 2,147,483,647).',
    }),
    bound: t.exposeFloat('bound', {
      description: 'What the rule holds the count to, people (a whole number).',
    }),
    areasUnder: t.exposeInt('areasUnder', {
      nullable: true,
      description:
        'For the rules of sums (SUMS_WITHIN_STORED, CHILDREN_HOLD_THEIR_PARENT, PARENT_FIGURES_ARE_SUMS), how many areas under the area add up to the sum; null for the others.',
    }),
  }),
});

const CellIssueRef = builder.objectRef<CellIssue>('CellIssue').implement({
  description: 'One bad cell (or row) of a file.',
  fields: (t) => ({
    sheet: t.exposeString('sheet', { nullable: true, description: 'The sheet’s name; null in a CSV file.' }),
    row: t.exposeInt('row', { description: 'The row as the spreadsheet numbers it (1 is the first line).' }),
    column: t.exposeString('column', {
      nullable: true,
      description: 'The column’s field (dossiers, areaCode); null for a problem of the whole row.',
    }),
    header: t.exposeString('header', {
      nullable: true,
      description: 'The column’s header as written in the file.',
    }),
    cell: t.exposeString('cell', {
      nullable: true,
      description: 'The cell’s address (D14); null for a whole row.',
    }),
    code: t.exposeString('code', {
      description:
        'required, format, range, formula, cell-error, merged, duplicate, conflict, unknown-reference, or forbidden: a row the caller may not send (an area outside its own, or for a reporter another team’s; column areaCode, teamCode or code), of which nothing else is said.',
    }),
    expected: t.exposeString('expected', {
      description:
        'What the column takes, phrased to follow “must be”; for forbidden, said of the caller’s own area or team only, e.g. “an area inside this token’s area (665)”.',
    }),
    received: t.exposeString('received', { description: 'What the cell holds, as in the file.' }),
    firstRow: t.int({
      nullable: true,
      description:
        'For a duplicate: the row of the same sheet where the value is first given, as the spreadsheet numbers rows (1 is the first line); null for other codes, or when it is first given on another sheet.',
      resolve: (issue) => issue.firstRow ?? null,
    }),
    areaFigures: t.field({
      type: AreaFigureIssueRef,
      nullable: true,
      description:
        'For a row of an area file refused for a rule of the area tree (a parent’s count not its children’s sum, eligible above the population, served above the eligible, a count past the largest stored): the rule and the figures it compares; null for other issues.',
      resolve: (issue) => issue.areaFigures ?? null,
    }),
    message: t.exposeString('message', {
      description: 'row 14, column dossiers: must be a whole number ≥ 0, got "12a".',
    }),
  }),
});

builder.objectType(SpreadsheetRefusedError, {
  name: 'SpreadsheetError',
  description:
    'A file refused whole, nothing stored: every problem named at once (bad cells, rows the caller may not send, reports the service refuses; the first 100 listed, all counted).',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof SpreadsheetRefusedError,
  fields: (t) => ({
    code: t.field({
      type: SpreadsheetRefusalCodeEnum,
      description: 'Why the file was refused, as a whole.',
      resolve: (error) => error.refusal.code,
    }),
    issues: t.field({
      type: [CellIssueRef],
      description: 'The bad cells and rows, in sheet and row order (at most 100).',
      resolve: (error) => error.refusal.issues,
    }),
    issueCount: t.int({
      description: 'How many problems the file has in all (may exceed the issues listed).',
      resolve: (error) => error.refusal.issueCount,
    }),
  }),
});

const FileNoteKindEnum = builder.enumType('FileNoteKind', {
  description:
    'What a stored file had that the service left aside, with which fields of its `FileNote` say it.',
  values: {
    COLUMNS_NOT_READ: {
      value: 'columns-not-read',
      description:
        'Columns of a header row that name no column of the file’s kind: their cells were not read (`columnsNotRead`).',
    },
    SHEET_NOT_READ: {
      value: 'sheet-not-read',
      description:
        'A sheet with no header row naming every required column (`requiredColumns`) in its first `rowsSearched` rows: none of it was read.',
    },
    CODES_AS_NUMBERS: {
      value: 'codes-as-numbers',
      description:
        'Cells of a code column (`column`) typed as numbers, read as their digits, so that a code with leading zeros (01, 001) lost them: `cellCount` cells over the whole file.',
    },
  } as const,
});

const SheetColumnRef = builder.objectRef<SheetColumnName>('SheetColumn').implement({
  description: 'A column of a kind of spreadsheet: the field it fills and the header the templates write.',
  fields: (t) => ({
    key: t.exposeString('key', {
      description: 'The field it fills, as the API’s input names it (`areaCode`, `dossiers`).',
    }),
    headerVi: t.string({
      description: 'Its header in the Vietnamese template (`Mã địa bàn`).',
      resolve: (column) => column.header.vi,
    }),
    headerEn: t.string({
      description: 'Its header in the English template (`Area code`).',
      resolve: (column) => column.header.en,
    }),
  }),
});

const ColumnNotReadRef = builder.objectRef<ColumnNotRead>('ColumnNotRead').implement({
  description: 'A column of a header row that names no column of the file’s kind.',
  fields: (t) => ({
    header: t.exposeString('header', {
      description:
        'Its header as written in the file; a header cell that is not text is described (`2021`, `the date 2021-03-20`).',
    }),
    letter: t.exposeString('letter', {
      description: 'Its letter as the spreadsheet shows it (`I`; `AA` after `Z`).',
    }),
  }),
});

/** What a stored file had that the service left aside, by its parts (`fileNotes` of the imports). */
export const FileNoteRef = builder.objectRef<FileNote>('FileNote').implement({
  description:
    'What the service left aside from a stored file, by its parts, to word it in the reader’s language; the fields of the other kinds are null.',
  fields: (t) => ({
    kind: t.field({
      type: FileNoteKindEnum,
      description: 'What was left aside.',
      resolve: (note) => note.kind,
    }),
    sheet: t.exposeString('sheet', {
      nullable: true,
      description:
        'The sheet the note is of; null in a CSV file, and for CODES_AS_NUMBERS (its cells are counted over the whole file).',
    }),
    columnsNotRead: t.field({
      type: [ColumnNotReadRef],
      nullable: true,
      description: 'For COLUMNS_NOT_READ, the columns not read, left to right; null for the other kinds.',
      resolve: (note) => (note.kind === 'columns-not-read' ? note.columns : null),
    }),
    requiredColumns: t.field({
      type: [SheetColumnRef],
      nullable: true,
      description:
        'For SHEET_NOT_READ, the columns a header row must name, in the template’s order; null for the other kinds.',
      resolve: (note) => (note.kind === 'sheet-not-read' ? note.requiredColumns : null),
    }),
    rowsSearched: t.int({
      nullable: true,
      description:
        'For SHEET_NOT_READ, how many rows at the top of the sheet were searched for a header row (rows, counted from the first line); null for the other kinds.',
      resolve: (note) => (note.kind === 'sheet-not-read' ? note.rowsSearched : null),
    }),
    column: t.field({
      type: SheetColumnRef,
      nullable: true,
      description: 'For CODES_AS_NUMBERS, the code column; null for the other kinds.',
      resolve: (note) => (note.kind === 'codes-as-numbers' ? note.column : null),
    }),
    cellCount: t.int({
      nullable: true,
      description:
        'For CODES_AS_NUMBERS, how many cells of the column hold a number (cells, at least 1); null for the other kinds.',
      resolve: (note) => (note.kind === 'codes-as-numbers' ? note.cellCount : null),
    }),
    message: t.exposeString('message', {
      description:
        'The note in English, as `notes` lists it: `sheet "Sheet1": columns not read: "Ghi chú" (I)`.',
    }),
  }),
});

/** The errors of a field that takes a file: the file's refusal, then those of any input. */
export const fileErrors = [SpreadsheetRefusedError, ...inputErrors];

const SheetReportWarningRef = builder.objectRef<SheetReportWarning>('SheetReportWarning').implement({
  description:
    'A row of a stored reports file whose figures or date are unlikely: its report was stored, but is worth a second look. The warning `recordActuals` gives the same report (a `ReportWarning`: the same `field`, `severity` and `code`), named by the row it came from and the cell of the figure.',
  fields: (t) => ({
    sheet: t.exposeString('sheet', { nullable: true, description: 'The sheet’s name; null in a CSV file.' }),
    row: t.exposeInt('row', {
      description: 'The row the report came from, as the spreadsheet numbers it (1 is the first line).',
    }),
    column: t.exposeString('column', {
      nullable: true,
      description:
        'The column of the figure or date the warning is about, by its field (dossiers, machinesWorking, downtimeMinutes, date); null for a warning of the whole row (no code is one yet).',
    }),
    header: t.exposeString('header', {
      nullable: true,
      description:
        'That column’s header as written in the file (Số hồ sơ); null when `column` is, or the sheet has no such column.',
    }),
    cell: t.exposeString('cell', {
      nullable: true,
      description: 'The cell’s address (D14); null when `header` is.',
    }),
    field: t.exposeString('path', {
      description:
        'The figure as `ReportWarning.field` names it at recording: reports[3].dossiers, 3 the row’s place among the rows read (from 0, in sheet and row order).',
    }),
    severity: t.exposeString('severity', {
      description: 'unlikely: the report was stored (a file with an impossible figure is refused whole).',
    }),
    code: t.exposeString('code', {
      description:
        'What is unlikely, as `ReportWarning.code` says it at recording: above-service-capacity (more dossiers than the machines do in 24 hours at the service time), day-above-planned-machines, total-below-team-reports (both named on the last report of the day), outside-campaign (the date, column date), machines-above-team (column machinesWorking), downtime-above-hours-open (more downtime minutes than the hours open × 60, column downtimeMinutes). A client words an unknown code as a figure to check.',
    }),
    message: t.exposeString('message', {
      description:
        'The warning in English, as `warnings` lists it: `row 4, column dossiers: 1200 dossiers on 2 machines is 600 a machine-day, …`.',
    }),
  }),
});

const ImportReportsPayloadRef = builder.objectRef<ImportReportsResult>('ImportReportsPayload').implement({
  description: 'What a file of reports did; it is stored whole or not at all.',
  fields: (t) => ({
    rows: t.exposeInt('rows', { description: 'Reports read from the file (one a row).' }),
    created: t.exposeInt('created', { description: 'Reports new to the service.' }),
    corrected: t.exposeInt('corrected', {
      description:
        'Reports already stored with other figures: corrected, the earlier value kept in `history`.',
    }),
    unchanged: t.exposeInt('unchanged', { description: 'Reports already stored with the same figures.' }),
    warnings: t.exposeStringList('warnings', {
      description:
        'Rows accepted whose figures are unlikely, named by row, in English (the first 100, in row order; the same as `rowWarnings`’ messages).',
    }),
    rowWarnings: t.field({
      type: [SheetReportWarningRef],
      description:
        'The same warnings by their parts, to word them in the reader’s language: the first 100, in sheet and row order (a row’s own in the order recording gives them).',
      resolve: (payload) => payload.rowWarnings,
    }),
    warningCount: t.exposeInt('warningCount', {
      description:
        'How many warnings the file had in all, warnings (may exceed the 100 listed; a row may have several).',
    }),
    notes: t.exposeStringList('notes', {
      description: 'What was left aside: columns or sheets not read, codes typed as numbers.',
    }),
    fileNotes: t.field({
      type: [FileNoteRef],
      description: 'The same notes as `notes`, in the same order, by their parts.',
      resolve: (payload) => payload.fileNotes,
    }),
  }),
});

const ImportMachinesPayloadRef = builder.objectRef<ImportMachinesResult>('ImportMachinesPayload').implement({
  description: 'The scenario’s machines as the file gave them (its allocation replaced whole).',
  fields: (t) => ({
    scenario: t.prismaField({
      type: 'Scenario',
      description: 'The scenario with its new machines.',
      resolve: (query, result) =>
        prisma.scenario.findUniqueOrThrow({ ...query, where: { id: result.scenarioId } }),
    }),
    rows: t.exposeInt('rows', { description: 'Areas given machines (rows read).' }),
    machines: t.exposeInt('machines', {
      description: 'Machines of the whole allocation (enrollment machines).',
    }),
    notes: t.exposeStringList('notes', {
      description: 'What was left aside: columns or sheets not read, codes typed as numbers.',
    }),
    fileNotes: t.field({
      type: [FileNoteRef],
      description: 'The same notes as `notes`, in the same order, by their parts.',
      resolve: (payload) => payload.fileNotes,
    }),
  }),
});

builder.mutationFields((t) => ({
  importReports: t.field({
    type: ImportReportsPayloadRef,
    description:
      'Records a day’s or a week’s reports from an XLSX or CSV file (template: GET /templates/reports.xlsx): every bad row and cell is named at once, rows the caller may not send among them (code forbidden, nothing else said of them), and nothing is stored unless the whole file is valid; then as recordActuals, in one transaction (the same report twice counts once, new figures are a correction). At most 20 MiB and 100,000 rows. Admins; a planner for reports whose area is inside its own, of any team (paper tallies typed up at the district); a reporter for its own team inside its area. ForbiddenError only for a caller who may not import reports at all.',
    errors: { types: fileErrors },
    args: {
      file: t.arg({ type: 'File', required: true, description: 'The XLSX or CSV file (multipart part).' }),
    },
    skipTypeScopes: true,
    authScopes: { admin: true, planner: true, reporter: true },
    resolve: (_root, args, { principal }) =>
      signedIn(principal, (writer) => importReportSheet(prisma, args.file, writer)),
  }),
  importMachines: t.field({
    type: ImportMachinesPayloadRef,
    description:
      'Replaces a scenario’s machines per area with an XLSX or CSV file’s (template: GET /templates/machines.xlsx), checked whole first: every area outside the scenario named by its row. Who may update the scenario.',
    errors: { types: fileErrors },
    args: {
      scenarioId: t.arg.id({ required: true, description: 'The scenario whose machines the file gives.' }),
      file: t.arg({ type: 'File', required: true, description: 'The XLSX or CSV file (multipart part).' }),
    },
    skipTypeScopes: true,
    authScopes: (_root, args) => ({
      $all: { seesScenario: String(args.scenarioId), plansScenario: String(args.scenarioId) },
    }),
    resolve: (_root, args, { principal }) =>
      signedIn(principal, (writer) =>
        importMachineSheet(prisma, String(args.scenarioId), args.file, writer.name),
      ),
  }),
}));
