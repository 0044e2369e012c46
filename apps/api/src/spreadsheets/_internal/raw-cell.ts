// A cell as the file holds it, the same shape whether it came from an XLSX or a CSV file, so
// the column rules never look at the file format.

export type RawCell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  /** A cell formatted as a date: its calendar day (`yyyy-MM-dd`); any time of day is dropped. */
  | { kind: 'date'; date: string }
  | { kind: 'boolean'; value: boolean }
  /** A spreadsheet error such as `#N/A`, typed or left by a formula. */
  | { kind: 'error'; error: string }
  /**
   * A formula without a saved value: never computed (written by a program that does not
   * compute) or an error result, which exceljs's streaming reader does not keep.
   */
  | { kind: 'formula-without-result'; formula: string };

export const EMPTY: RawCell = Object.freeze({ kind: 'empty' });

/** A row of a sheet: its number as the spreadsheet shows it, and its cells by column (1-based). */
export type RawRow = { row: number; cell(column: number): RawCell; lastColumn: number };

/** A cell range `A5:A8` as 1-based row and column bounds, both ends included. */
export type CellRange = { ref: string; top: number; left: number; bottom: number; right: number };

/** One sheet of a file: its name (null in CSV), merged ranges and rows in order. */
export type RawSheet = {
  name: string | null;
  merges: CellRange[];
  /** Date serials count from 1904 (old Mac Excel workbooks). */
  date1904: boolean;
  /** The decimal mark of numbers written as text. */
  decimalMark: '.' | ',';
  rows: AsyncIterable<RawRow>;
};

/** `1 → A`, `27 → AA`. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** `AA` → 27; null when the text is not column letters. */
function columnNumber(letters: string): number | null {
  let n = 0;
  for (const char of letters) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) return null;
    n = n * 26 + (code - 64);
  }
  return n > 0 ? n : null;
}

/** Reads `B3:D9` (or a single cell `B3`); null when it is not a range. */
export function parseRange(ref: string): CellRange | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/.exec(
    ref.trim().toUpperCase(),
  );
  if (!match) return null;
  const left = columnNumber(match[1] as string);
  const right = columnNumber(match[3] ?? (match[1] as string));
  const top = Number(match[2]);
  const bottom = Number(match[4] ?? match[2]);
  if (left === null || right === null) return null;
  return {
    ref,
    top: Math.min(top, bottom),
    bottom: Math.max(top, bottom),
    left: Math.min(left, right),
    right: Math.max(left, right),
  };
}

/** A cell shown to a person after "got": `"12a"`, `12.5`, `the error #N/A`. */
export function describeCell(cell: RawCell): string {
  switch (cell.kind) {
    case 'empty':
      return 'an empty cell';
    case 'text':
      return JSON.stringify(cell.text.length > 60 ? `${cell.text.slice(0, 57)}...` : cell.text);
    case 'number':
      return String(cell.value);
    case 'date':
      return `the date ${cell.date}`;
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'error':
      return `the error ${cell.error}`;
    case 'formula-without-result':
      return `the formula =${cell.formula} without a saved value (an error, or never computed: open and save the file in a spreadsheet program, or paste values)`;
  }
}

/** Excel errors as written in cells. */
const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)$/;

/** A text as read from a CSV field or a text cell; whitespace alone is empty. */
export function textCell(text: string): RawCell {
  const trimmed = text.trim();
  if (trimmed === '') return EMPTY;
  if (ERROR_TEXT.test(trimmed)) return { kind: 'error', error: trimmed };
  return { kind: 'text', text: trimmed };
}

function dateCell(date: Date): RawCell {
  const time = date.getTime();
  if (!Number.isFinite(time)) return { kind: 'error', error: 'an invalid date' };
  // exceljs turns a date serial into the UTC instant of that wall time, so the UTC day is the day shown.
  return { kind: 'date', date: date.toISOString().slice(0, 10) };
}

/**
 * A cell value as exceljs gives it: plain values, `{ formula, result }` (the result Excel saved
 * with the file), rich text, hyperlinks and `{ error }`.
 */
export function excelCell(value: unknown): RawCell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'error', error: String(value) };
  }
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return dateCell(value);
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if ('formula' in object || 'sharedFormula' in object) {
      const formula = String(object.formula || object.sharedFormula || '');
      if (!('result' in object) || object.result === undefined)
        return { kind: 'formula-without-result', formula };
      const result = object.result;
      // The streaming reader reads an error result (`t="e"`) as a number: NaN.
      if (typeof result === 'number' && Number.isNaN(result))
        return { kind: 'error', error: 'a formula error' };
      return excelCell(result);
    }
    if ('error' in object) return { kind: 'error', error: String(object.error) };
    if (Array.isArray(object.richText)) {
      return textCell(
        (object.richText as { text?: unknown }[]).map((run) => String(run.text ?? '')).join(''),
      );
    }
    if ('text' in object) return excelCell(object.text);
  }
  return { kind: 'error', error: 'a value that cannot be read' };
}
