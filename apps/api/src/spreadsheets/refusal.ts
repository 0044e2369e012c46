// Why a spreadsheet was not read: one typed refusal for the whole file, listing every bad cell.
// Messages are composed here only, so the API and the web app show the same words.

/** Why one cell (or row) is wrong. */
export type CellIssueCode =
  /** A required cell is empty. */
  | 'required'
  /** The cell holds the wrong kind of value (text where a number belongs, a fraction where a count does, a bad date). */
  | 'format'
  /** A number or date outside what the column takes (negative, a share above 1, a day outside the window). */
  | 'range'
  /** A formula whose result was never saved in the file. */
  | 'formula'
  /** The cell holds a spreadsheet error such as `#N/A` or `#DIV/0!`. */
  | 'cell-error'
  /** Part of merged cells, which are not read (see the README). */
  | 'merged'
  /** The same code is given on two rows. */
  | 'duplicate'
  /** Cells of one row that only make sense together (latitude without longitude). */
  | 'conflict'
  /** A code the service does not know (an area or team that does not exist). */
  | 'unknown-reference'
  /**
   * A row the caller may not send: an area outside its own, or (for a reporter) another team. Its
   * other problems are not named, so that nothing is told of an area the caller may not see.
   */
  | 'forbidden';

/** Which count of an area: its people, those of them eligible, those eligible already served. */
export type AreaCount = 'population' | 'eligible' | 'alreadyServed';

/** The rules an area file's figures keep, by name (`AREA_FIGURE_RULES` of the area import). */
export type AreaFigureRuleName =
  | 'countsWithinStored'
  | 'sumsWithinStored'
  | 'childrenHoldTheirParent'
  | 'parentFiguresAreSums'
  | 'eligibleWithinPopulation'
  | 'servedWithinEligible';

/**
 * The figures behind a row of an area file refused for a rule of the area tree, so that a reader
 * can say the rule and both figures in its own words: which area's count, what the file would
 * leave it at, and what the rule holds it to (equal for the rules of sums; at most, or for a
 * population or an eligible count below the one compared with, at least).
 */
export type AreaFigureIssue = {
  rule: AreaFigureRuleName;
  /** The area whose count it is: the row's own, or the area above whose sums the row breaks. */
  areaCode: string;
  areaName: string;
  /** Which of the area's counts `value` and `bound` are. */
  count: AreaCount;
  /** The count as the file would leave it, people. */
  value: number;
  /** What the rule holds it to, people. */
  bound: number;
  /** For the rules of sums (children, parents), how many areas under the area add up; null otherwise. */
  areasUnder: number | null;
};

/** One bad cell: where it is, what the column takes and what it holds. */
export type CellIssue = {
  /** The sheet's name; null in a CSV file. */
  sheet: string | null;
  /** The row as the spreadsheet numbers it (1 is the first line of the file). */
  row: number;
  /** The column's key (`dossiers`, `areaCode`), or null for a problem of the whole row. */
  column: string | null;
  /** The column's header as written in the file. */
  header: string | null;
  /** The cell's address (`D14`), or null for a problem of the whole row. */
  cell: string | null;
  code: CellIssueCode;
  /** What the column takes, phrased to follow "must be". */
  expected: string;
  /** What the cell holds, shown as in the file (`"12a"`, `an empty cell`). */
  received: string;
  /** For a `duplicate`: the row of the same sheet the value is first given on; absent otherwise. */
  firstRow?: number;
  /** For a row of an area file that breaks a rule of the area tree: the figures it compares; absent otherwise. */
  areaFigures?: AreaFigureIssue;
  /** `row 14, column dossiers: must be a whole number ≥ 0, got "12a"`. */
  message: string;
};

/** Why a whole file is refused. */
export type SpreadsheetRefusalCode =
  /** Over `maxFileBytes`. */
  | 'file-too-large'
  /** An XLSX over `maxUnzippedBytes` or `maxZipEntries` once unzipped (a zip bomb). */
  | 'unzipped-too-large'
  /** Over `maxRows` data rows. */
  | 'too-many-rows'
  /** Neither an XLSX workbook nor UTF-8 (or UTF-16) CSV text. */
  | 'not-a-spreadsheet'
  /** An old binary `.xls` workbook, an `.xlsb` or an `.ods`. */
  | 'unsupported-format'
  /** An XLSX whose zip or XML is broken (a truncated upload). */
  | 'corrupt'
  /** No sheet has a row with the headers of every required column. */
  | 'no-header'
  /** Two columns of one header row stand for the same field. */
  | 'duplicate-column'
  /** A header row but no data row below it. */
  | 'empty'
  /** One or more bad cells, all listed in `issues`. */
  | 'invalid-cells';

export type SpreadsheetRefusal = {
  code: SpreadsheetRefusalCode;
  /** One sentence for a person; for `invalid-cells` it names the first problems. */
  message: string;
  /** Bad cells (at most `maxListedIssues`), in sheet and row order. */
  issues: CellIssue[];
  /** How many bad cells there were in all (may exceed `issues.length`). */
  issueCount: number;
};

/** Where a cell issue sits, in words: `sheet "Thứ Hai", row 14, column dossiers`. */
export function describeCellPlace(place: {
  sheet: string | null;
  row: number;
  column: string | null;
  showSheet: boolean;
}): string {
  const parts = [];
  if (place.showSheet && place.sheet !== null) parts.push(`sheet ${JSON.stringify(place.sheet)}`);
  parts.push(`row ${place.row}`);
  if (place.column !== null) parts.push(`column ${place.column}`);
  return parts.join(', ');
}

/** Builds an issue and its message: `row 14, column dossiers: must be …, got "12a"`. */
export function cellIssue(fields: Omit<CellIssue, 'message'>, options: { showSheet: boolean }): CellIssue {
  const place = describeCellPlace({ ...fields, showSheet: options.showSheet });
  return { ...fields, message: `${place}: must be ${fields.expected}, got ${fields.received}` };
}

/** A refusal of the whole file with no cell to point at. */
export function fileRefusal(code: Exclude<SpreadsheetRefusalCode, 'invalid-cells'>, message: string) {
  return { code, message, issues: [], issueCount: 0 } satisfies SpreadsheetRefusal;
}

/** How many issues a refusal message quotes before "and N more". */
const QUOTED_ISSUES = 3;

/** The refusal of a file with bad cells: the first few quoted, the rest counted. */
export function cellsRefusal(issues: CellIssue[], issueCount: number): SpreadsheetRefusal {
  const quoted = issues.slice(0, QUOTED_ISSUES).map((issue) => issue.message);
  const more = issueCount - quoted.length;
  const problems = issueCount === 1 ? '1 problem' : `${issueCount} problems`;
  return {
    code: 'invalid-cells',
    message: `nothing was read: the file has ${problems}: ${quoted.join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
    issues,
    issueCount,
  };
}

/** Thrown inside the readers and turned into a `SpreadsheetRefusal` at their edge. */
export class SpreadsheetRefusedError extends Error {
  override readonly name = 'SpreadsheetRefusedError';
  readonly refusal: SpreadsheetRefusal;

  constructor(refusal: SpreadsheetRefusal) {
    super(refusal.message);
    this.refusal = refusal;
  }
}
