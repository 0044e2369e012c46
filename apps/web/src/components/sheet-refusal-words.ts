// A refused spreadsheet in the reader's language: the API names each bad cell by its field
// (`dossiers`) and a code (`format`), and the whole file by a reason (`CORRUPT`); its sentences and
// `expected` are English, so the app words every one from those codes, and falls back to a general
// sentence of its own for a field or code it does not know yet. A row the reader may not send
// (`forbidden`) is said with the code as they wrote it, and nothing of the area it names. A row of
// an area file that breaks a rule of the area tree comes with the figures it compares
// (`areaFigures`): the rule is said with both of them.

import type { AreaCount, AreaFigureRule } from '../gql/graphql.ts';
import { formatDate, formatNumber, type Locale } from '../i18n/format.ts';
import { type Params, translate } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/vi.ts';

/** The figures behind a row of an area file that breaks a rule of the area tree (`AreaFigureIssue`). */
export type AreaFigures = {
  rule: AreaFigureRule;
  /** The area whose count it is: the row's own, or the one above whose figures the row breaks. */
  areaCode: string;
  areaName: string;
  count: AreaCount;
  /** The count as the file would leave it, people. */
  value: number;
  /** What the rule holds it to, people. */
  bound: number;
  /** For the rules of sums, how many areas under the area add up. */
  areasUnder: number | null;
};

/** One bad cell as the API lists it (`CellIssue`). */
export type SheetIssue = {
  /** The sheet of a workbook the row is on; null (or absent) in a CSV file. */
  sheet?: string | null;
  row: number;
  column: string | null;
  header: string | null;
  cell?: string | null;
  code: string;
  expected: string;
  received: string;
  /** For a duplicate: the row the value is first given on. */
  firstRow?: number | null;
  /** For a row of an area file that breaks a rule of the area tree: the figures it compares. */
  areaFigures?: AreaFigures | null;
};

/** What the API answered instead of storing the file (a `SpreadsheetError` or another error). */
export type SheetRefusal = {
  __typename: string;
  message?: string;
  code?: string;
  issueCount?: number;
  issues?: readonly SheetIssue[];
};

/** What a column takes when its cell cannot be read, by the column's field. */
const FIELD_EXPECTS: Record<string, MessageKey> = {
  date: 'import.expects.date',
  areaCode: 'import.expects.code',
  teamCode: 'import.expects.code',
  code: 'import.expects.code',
  parentCode: 'import.expects.code',
  dossiers: 'import.expects.wholeNumber',
  machinesWorking: 'import.expects.wholeNumber',
  machines: 'import.expects.wholeNumber',
  downtimeMinutes: 'import.expects.wholeNumber',
  population: 'import.expects.wholeNumber',
  eligible: 'import.expects.wholeNumber',
  alreadyServed: 'import.expects.wholeNumber',
  hoursOpen: 'import.expects.hours',
  eligibleShare: 'import.expects.share',
  turnout: 'import.expects.share',
  urbanShare: 'import.expects.share',
  latitude: 'import.expects.latitude',
  longitude: 'import.expects.longitude',
  areaKm2: 'import.expects.areaKm2',
  level: 'import.expects.level',
  communeType: 'import.expects.communeType',
  name: 'import.expects.text',
  note: 'import.expects.text',
  idempotencyKey: 'import.expects.text',
};

/** What a cell must be where the code alone does not say it, by `field:code`. */
const FIELD_CODE_EXPECTS: Record<string, MessageKey> = {
  'areaCode:unknown-reference': 'import.expects.knownArea',
  'parentCode:unknown-reference': 'import.expects.knownArea',
  'teamCode:unknown-reference': 'import.expects.knownTeam',
  'teamCode:conflict': 'import.expects.teamInService',
  'areaCode:conflict': 'import.expects.teamArea',
  'latitude:conflict': 'import.expects.withLongitude',
  'longitude:conflict': 'import.expects.withLatitude',
  'idempotencyKey:duplicate': 'import.expects.unusedKey',
  'idempotencyKey:conflict': 'import.expects.unusedKey',
};

/**
 * What a row's figures broke together, by `field:code`: the service judged the row (dossiers with
 * no machine working, or in no hour open; more downtime than the machines working were open) and
 * names the cell whose figure cannot be.
 */
const FIELD_CODE_PROBLEM: Record<string, MessageKey> = {
  'machinesWorking:conflict': 'import.problem.noMachines',
  'hoursOpen:conflict': 'import.problem.noHours',
  'downtimeMinutes:conflict': 'import.problem.downtime',
};

/** The problem of a code when no field's expectation applies. */
const CODE_PROBLEM: Record<string, MessageKey> = {
  required: 'import.problem.required',
  format: 'import.problem.format',
  range: 'import.problem.range',
  formula: 'import.problem.formula',
  'cell-error': 'import.problem.cell-error',
  merged: 'import.problem.merged',
  duplicate: 'import.problem.duplicate',
  conflict: 'import.problem.conflict',
  'unknown-reference': 'import.problem.unknown-reference',
};

/** The sentence of each reason a whole file is refused (`SpreadsheetRefusalCode`). */
const FILE_REASON: Record<string, MessageKey> = {
  CORRUPT: 'import.file.CORRUPT',
  DUPLICATE_COLUMN: 'import.file.DUPLICATE_COLUMN',
  EMPTY: 'import.file.EMPTY',
  FILE_TOO_LARGE: 'import.file.FILE_TOO_LARGE',
  INVALID_CELLS: 'import.file.INVALID_CELLS',
  NOT_A_SPREADSHEET: 'import.file.NOT_A_SPREADSHEET',
  NO_HEADER: 'import.file.NO_HEADER',
  TOO_MANY_ROWS: 'import.file.TOO_MANY_ROWS',
  UNSUPPORTED_FORMAT: 'import.file.UNSUPPORTED_FORMAT',
  UNZIPPED_TOO_LARGE: 'import.file.UNZIPPED_TOO_LARGE',
};

/**
 * The cell's content when `received` quotes it (`"12a"`, `-3`, `#N/A`), else null: the API
 * describes empty cells, dates and formulas in English words, which are not shown. A conflict's
 * is a code or a figure: words quoted there are a judgement of the row, in English, not shown.
 */
function receivedValue(issue: SheetIssue): string | null {
  const received = issue.received.trim();
  if (issue.code === 'conflict' && /^".*\s.*"$/su.test(received)) return null;
  if (/^".*"$/su.test(received) || /^[+-]?\d[\d.,]*(e[+-]?\d+)?$/iu.test(received)) return received;
  if (received === 'TRUE' || received === 'FALSE') return received;
  return /^the error (#\S+)$/u.exec(received)?.[1] ?? null;
}

/** One bound of a figure: its value and whether the bound itself is allowed. */
type Bound = { value: number; inclusive: boolean };

/** A number as the API writes it in `expected` (`1,440`, `0.5`), or null. */
function boundValue(text: string | undefined): number | null {
  if (text === undefined) return null;
  const value = Number(text.replaceAll(',', ''));
  return Number.isFinite(value) ? value : null;
}

/**
 * The bounds the API's `expected` names for a figure out of range ("a number at least 0 and at most
 * 24", "a whole number ≥ 0", "a positive number"), or null when it names none.
 */
function boundsOf(expected: string): { min: Bound | null; max: Bound | null } | null {
  const number = '(-?\\d[\\d,]*(?:\\.\\d+)?)';
  const low = new RegExp(`\\b(at least|above) ${number}|(≥) ${number}`, 'u').exec(expected);
  const high = new RegExp(`\\b(at most|below) ${number}|(≤) ${number}`, 'u').exec(expected);
  const lowValue = boundValue(low?.[2] ?? low?.[4]);
  const highValue = boundValue(high?.[2] ?? high?.[4]);
  let min: Bound | null = lowValue === null ? null : { value: lowValue, inclusive: low?.[1] !== 'above' };
  const max: Bound | null =
    highValue === null ? null : { value: highValue, inclusive: high?.[1] !== 'below' };
  if (min === null && /\bnon-negative\b/u.test(expected)) min = { value: 0, inclusive: true };
  if (min === null && /\bpositive\b/u.test(expected)) min = { value: 0, inclusive: false };
  return min === null && max === null ? null : { min, max };
}

/** A number as the reader writes it, with the fraction digits the API gave it. */
function boundText(locale: Locale, value: number): string {
  const digits = String(value).split('.')[1]?.length ?? 0;
  return formatNumber(locale, value, digits);
}

/** The days a date must fall between, as the API names them (`a date from 2020-01-01 to 2026-12-02`). */
const DATE_BOUNDS = /\bfrom (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})\b/u;

/**
 * The limit a figure or date out of range missed, from the bounds the API names ("phải từ 0 đến
 * 24", "phải từ 1 thg 1, 2020 đến 2 thg 12, 2026"), dates written as the reader writes them.
 */
function rangeWords(expected: string, locale: Locale): string | null {
  const days = DATE_BOUNDS.exec(expected);
  if (days) {
    const [, from = '', to = ''] = days;
    const bounds = translate(locale, 'import.bound.between', {
      min: formatDate(locale, from),
      max: formatDate(locale, to),
    });
    return translate(locale, 'import.bound.must', { bounds });
  }
  const bounds = boundsOf(expected);
  if (bounds === null) return null;
  const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
  const { min, max } = bounds;
  const side = (bound: Bound, lower: boolean) =>
    t(
      lower
        ? bound.inclusive
          ? 'import.bound.atLeast'
          : 'import.bound.above'
        : bound.inclusive
          ? 'import.bound.atMost'
          : 'import.bound.below',
      { value: boundText(locale, bound.value) },
    );
  const words =
    min?.inclusive && max?.inclusive
      ? t('import.bound.between', { min: boundText(locale, min.value), max: boundText(locale, max.value) })
      : min && max
        ? t('import.bound.both', { left: side(min, true), right: side(max, false) })
        : min
          ? side(min, true)
          : max
            ? side(max, false)
            : '';
  return t('import.bound.must', { bounds: words });
}

/** The number `received` gives (`1.5`, `"1.5"`), or null when it gives none. */
function receivedNumber(received: string): number | null {
  const text = received.trim().replace(/^"(.*)"$/su, '$1');
  const value = Number(text);
  return text !== '' && Number.isFinite(value) ? value : null;
}

/** The problem of one cell, in words that follow its place ("Dòng 3, cột Số hồ sơ: …"). */
function problemOf(issue: SheetIssue, locale: Locale): string {
  const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
  const field = issue.column ?? '';
  const special = FIELD_CODE_EXPECTS[`${field}:${issue.code}`];
  if (special) return t('import.problem.expects', { expected: t(special) });
  const judged = FIELD_CODE_PROBLEM[`${field}:${issue.code}`];
  if (judged) return t(judged);
  const expects = FIELD_EXPECTS[field];
  if (issue.code === 'format' && expects) return t('import.problem.expects', { expected: t(expects) });
  if (issue.code === 'merged') return t('import.problem.merged', { cell: issue.cell ?? '' });
  if (issue.code === 'duplicate' && issue.firstRow != null) {
    return t('import.problem.duplicateOf', { first: String(issue.firstRow) });
  }
  if (issue.code === 'conflict' && issue.column === null) return t('import.problem.conflictRow');
  if (issue.code === 'range') {
    // A count refused with a fraction (1.5) is not whole, whatever bounds its column names.
    const value = receivedNumber(issue.received);
    if (expects === 'import.expects.wholeNumber' && value !== null && !Number.isInteger(value)) {
      return t('import.problem.expects', { expected: t(expects) });
    }
    const limit = rangeWords(issue.expected, locale);
    if (limit !== null) return limit;
  }
  const known = CODE_PROBLEM[issue.code];
  if (known) return t(known);
  // A code this app does not know yet: an English reader may have the API's own words.
  return locale === 'en' ? `must be ${issue.expected}` : t('import.problem.other');
}

/** Each count's name, to follow "the" ("the population of …"). */
const COUNT_WORDS: Record<string, MessageKey> = {
  POPULATION: 'import.count.population',
  ELIGIBLE: 'import.count.eligible',
  ALREADY_SERVED: 'import.count.alreadyServed',
};

/**
 * The sentence of each rule of the area tree, by rule and, where the count changes the sentence,
 * by `RULE:COUNT`: it says the rule with the figure the file would leave and the one it must keep.
 */
const FIGURE_RULE_WORDS: Record<string, MessageKey> = {
  COUNTS_WITHIN_STORED: 'import.figures.countsWithinStored',
  SUMS_WITHIN_STORED: 'import.figures.sumsWithinStored',
  PARENT_FIGURES_ARE_SUMS: 'import.figures.parentFiguresAreSums',
  'CHILDREN_HOLD_THEIR_PARENT:POPULATION': 'import.figures.childrenHoldTheirParent.population',
  'CHILDREN_HOLD_THEIR_PARENT:ALREADY_SERVED': 'import.figures.childrenHoldTheirParent.alreadyServed',
  'ELIGIBLE_WITHIN_POPULATION:ELIGIBLE': 'import.figures.eligibleWithinPopulation.eligible',
  'ELIGIBLE_WITHIN_POPULATION:POPULATION': 'import.figures.eligibleWithinPopulation.population',
  'SERVED_WITHIN_ELIGIBLE:ALREADY_SERVED': 'import.figures.servedWithinEligible.alreadyServed',
  'SERVED_WITHIN_ELIGIBLE:ELIGIBLE': 'import.figures.servedWithinEligible.eligible',
};

/**
 * The rule a row of an area file breaks, with both figures in the reader's digits ("các địa bàn
 * tệp này đặt dưới Xã Trường Xuân (24730) cộng lại 900 người, trong khi Xã Trường Xuân có 12.774
 * người: …"), or null for a rule or count this app does not know yet.
 */
function areaFigureWords(figures: AreaFigures, locale: Locale): string | null {
  const key = FIGURE_RULE_WORDS[`${figures.rule}:${figures.count}`] ?? FIGURE_RULE_WORDS[figures.rule];
  const what = COUNT_WORDS[figures.count];
  if (key === undefined || what === undefined) return null;
  return translate(locale, key, {
    area: `${figures.areaName} (${figures.areaCode})`,
    name: figures.areaName,
    what: translate(locale, what),
    value: formatNumber(locale, figures.value),
    bound: formatNumber(locale, figures.bound),
    count: figures.areasUnder ?? 0,
  });
}

/** The code a cell holds as the reader wrote it (`661` for `"661"`), or null when none is quoted. */
function writtenCode(issue: SheetIssue): string | null {
  return /^"(.+)"$/su.exec(issue.received.trim())?.[1] ?? null;
}

/** A row the reader may not send: whose it is not, from the code they wrote ("Dòng 3: tổ … không phải tổ của bạn"). */
function outsideWords(issue: SheetIssue, locale: Locale): string {
  const row = String(issue.row);
  const code = writtenCode(issue);
  if (code === null) return translate(locale, 'import.outside.row', { row });
  const key = issue.column === 'teamCode' ? 'import.outside.team' : 'import.outside.area';
  return translate(locale, key, { row, code });
}

/**
 * One bad cell in the reader's language, its place first.
 *
 * @example
 * sheetIssueWords({ row: 2, column: 'dossiers', header: 'Số hồ sơ', code: 'format',
 *   expected: 'a whole number ≥ 0', received: '"abc"' }, 'vi')
 * // => 'Dòng 2, cột Số hồ sơ: phải là một số nguyên ≥ 0, nhận được "abc"'
 */
export function sheetIssueWords(issue: SheetIssue, locale: Locale): string {
  const words = rowWords(issue, locale);
  // A workbook of one sheet a day: the row alone would not say which.
  return issue.sheet ? translate(locale, 'import.inSheet', { sheet: issue.sheet, words }) : words;
}

/** One bad cell in the reader's language, from its row on. */
function rowWords(issue: SheetIssue, locale: Locale): string {
  if (issue.code === 'forbidden') return outsideWords(issue, locale);
  const figures = issue.areaFigures ? areaFigureWords(issue.areaFigures, locale) : null;
  const problem = figures ?? problemOf(issue, locale);
  // A rule of the area tree is said with its figures: the cell's own adds nothing.
  const value =
    figures !== null || issue.code === 'required' || issue.code === 'merged' ? null : receivedValue(issue);
  const said = value === null ? problem : translate(locale, 'import.received', { problem, received: value });
  const column = issue.header ?? issue.column;
  return column === null
    ? translate(locale, 'import.issueRow', { row: String(issue.row), problem: said })
    : translate(locale, 'import.issue', { row: String(issue.row), column, problem: said });
}

/**
 * The sentence above a refusal's list: how many bad cells, or why the whole file was refused.
 *
 * @example
 * sheetRefusalSummary({ __typename: 'SpreadsheetError', code: 'NOT_A_SPREADSHEET', issues: [] }, 'en', '0')
 * // => 'Nothing stored: this is not a spreadsheet; send an XLSX or CSV file.'
 */
export function sheetRefusalSummary(refusal: SheetRefusal, locale: Locale, count: string): string {
  if (refusal.__typename === 'SpreadsheetError') {
    if (refusal.issues?.length) return translate(locale, 'import.refused', { count });
    return translate(locale, FILE_REASON[refusal.code ?? ''] ?? 'import.file.other');
  }
  if (refusal.__typename === 'ForbiddenError') return translate(locale, 'import.forbidden');
  if (refusal.__typename === 'UnauthenticatedError') return translate(locale, 'problem.unauthenticated');
  return translate(locale, 'import.file.other');
}
