// What each kind of column takes, and how a cell becomes a typed value. Formats accepted:
// numbers as number cells or as text (decimal mark `.`, or `,` in a semicolon-separated CSV;
// digit groups of three may be separated by the other mark or a space; in a count, which has no
// fraction, by either mark: `1.085` is one thousand and eighty-five, as a Vietnamese clerk writes
// it), shares as 0–1 or a percentage, dates as date cells, Excel serial numbers or text
// (`yyyy-mm-dd`, `dd/mm/yyyy`).
import type { CommuneType } from '@muster/planning';
import { DateTime } from 'luxon';
import { plainHeader } from './_internal/headers.ts';
import type { RawCell } from './_internal/raw-cell.ts';

/** How the file writes what a cell cannot say itself. */
export type CellContext = {
  /** `.` in XLSX and comma- or tab-separated CSV; `,` in semicolon-separated CSV (Vietnamese Excel). */
  decimalMark: '.' | ',';
  /** The workbook counts date serials from 1904 (old Mac Excel). */
  date1904: boolean;
};

/** A cell read: the value (null for an empty cell), or the reason it cannot be. */
export type CellRead<T> = { ok: true; value: T | null } | { ok: false; code: 'format' | 'range' };

/** One kind of column: what it takes, in words that follow "must be", and how to read a cell. */
export type CellRule<T> = {
  expected: string;
  /** A number is read as a code's digits, which loses leading zeros: the reader notes it. */
  numbersAsCodes?: boolean;
  read(cell: RawCell, context: CellContext): CellRead<T>;
};

const FORMAT = { ok: false, code: 'format' } as const;
const RANGE = { ok: false, code: 'range' } as const;
const EMPTY_READ = { ok: true, value: null } as const;

const SPACES = /[\s\u00a0\u202f\u2009]/g;

/**
 * A number written as text: `1085`, `16.5`, `1,085` or `1 085` (groups of three), `-3`. The
 * decimal mark is the file's; the other mark may only separate groups of three digits.
 *
 * @example
 * parseNumberText('1.085', ',') // => 1085
 * parseNumberText('16,5', ',') // => 16.5
 * parseNumberText('12a', '.') // => null
 */
export function parseNumberText(text: string, decimalMark: '.' | ','): number | null {
  const compact = text.replace(SPACES, '');
  const group = decimalMark === '.' ? ',' : '\\.';
  const decimal = decimalMark === '.' ? '\\.' : ',';
  const pattern = new RegExp(`^([+-]?)(\\d+|\\d{1,3}(?:${group}\\d{3})+)(?:${decimal}(\\d+))?$`);
  const match = pattern.exec(compact);
  if (!match) return null;
  const digits = (match[2] as string).replace(/[.,]/g, '');
  const value = Number(`${match[1]}${digits}${match[3] ? `.${match[3]}` : ''}`);
  return Number.isFinite(value) ? value : null;
}

function numberOf(cell: RawCell, context: CellContext): number | null | undefined {
  if (cell.kind === 'empty') return undefined;
  if (cell.kind === 'number') return cell.value;
  if (cell.kind === 'text') return parseNumberText(cell.text, context.decimalMark);
  return null;
}

/**
 * Digits in groups of three, all after the first separated by one mark (`1.085`, `12,345,678`);
 * a leading 0 (`0.500`) is no group of thousands but a fraction.
 */
const GROUPS_OF_THREE = /^[+-]?[1-9]\d{0,2}([.,])\d{3}(?:\1\d{3})*$/;

/**
 * A count written as text: digits in groups of three are thousands whichever mark separates them,
 * since a count has no fraction (`1.085` in a file whose decimal mark is `.` is 1085, not 1.085);
 * any other text as {@link parseNumberText} reads it.
 */
function countOf(cell: RawCell, context: CellContext): number | null | undefined {
  if (cell.kind === 'text') {
    const compact = cell.text.replace(SPACES, '');
    if (GROUPS_OF_THREE.test(compact)) return Number(compact.replace(/[.,]/g, ''));
  }
  return numberOf(cell, context);
}

/**
 * A whole number from 0 up (dossiers, machines, people); `unit` names what is counted. A number
 * with a fraction is no count (`format`); a negative or an unsafe one is out of `range`.
 *
 * @example
 * wholeNumber().read({ kind: 'text', text: '1.085' }, { decimalMark: '.', date1904: false }) // => { ok: true, value: 1085 }
 */
export function wholeNumber(unit?: string): CellRule<number> {
  return {
    expected: unit ? `a whole number of ${unit} ≥ 0` : 'a whole number ≥ 0',
    read(cell, context) {
      const value = countOf(cell, context);
      if (value === undefined) return EMPTY_READ;
      if (value === null || !Number.isInteger(value)) return FORMAT;
      if (!Number.isSafeInteger(value) || value < 0) return RANGE;
      return { ok: true, value };
    },
  };
}

/** A number from `min` to `max` (hours, degrees). */
export function numberBetween(min: number, max: number, expected: string): CellRule<number> {
  return {
    expected,
    read(cell, context) {
      const value = numberOf(cell, context);
      if (value === undefined) return EMPTY_READ;
      if (value === null) return FORMAT;
      if (!(value >= min && value <= max)) return RANGE;
      return { ok: true, value };
    },
  };
}

/** A share from 0 to 1: `0.696`, a percentage cell (Excel stores 0.696), or the text `69.6%`. */
export function share(): CellRule<number> {
  return {
    expected: 'a share from 0 to 1 (0.696 or 69.6%)',
    read(cell, context) {
      let value: number | null | undefined;
      if (cell.kind === 'text' && cell.text.endsWith('%')) {
        const percent = parseNumberText(cell.text.slice(0, -1), context.decimalMark);
        value = percent === null ? null : percent / 100;
      } else {
        value = numberOf(cell, context);
      }
      if (value === undefined) return EMPTY_READ;
      if (value === null) return FORMAT;
      if (!(value >= 0 && value <= 1)) return RANGE;
      return { ok: true, value };
    },
  };
}

/** Serials Excel gives the days 1900-03-01 and 9999-12-31 (earlier serials meet its 1900 leap-year bug). */
const SERIAL_RANGE_1900 = { first: 61, last: 2_958_465, epoch: { year: 1899, month: 12, day: 30 } };
const SERIAL_RANGE_1904 = { first: 0, last: 2_957_003, epoch: { year: 1904, month: 1, day: 1 } };

function isoDay(year: number, month: number, day: number): string | null {
  const date = DateTime.fromObject({ year, month, day }, { zone: 'utc' });
  return date.isValid ? date.toISODate() : null;
}

/**
 * A calendar day, as `yyyy-mm-dd`: from a date cell, an Excel serial number (its whole days,
 * also written as digits in a CSV), or text `yyyy-mm-dd` or day first `dd/mm/yyyy` (also with `-` or `.`), as Vietnam writes it.
 *
 * @example
 * calendarDate().read({ kind: 'number', value: 44275 }, { decimalMark: '.', date1904: false }) // => { ok: true, value: '2021-03-20' }
 * calendarDate().read({ kind: 'text', text: '20/3/2021' }, { decimalMark: '.', date1904: false }) // => { ok: true, value: '2021-03-20' }
 */
export function calendarDate(): CellRule<string> {
  return {
    expected: 'a date (a date cell, yyyy-mm-dd or dd/mm/yyyy)',
    read(cell, context) {
      switch (cell.kind) {
        case 'empty':
          return EMPTY_READ;
        case 'date':
          return { ok: true, value: cell.date };
        case 'number': {
          const range = context.date1904 ? SERIAL_RANGE_1904 : SERIAL_RANGE_1900;
          const days = Math.floor(cell.value);
          if (!(days >= range.first && days <= range.last)) return RANGE;
          const date = DateTime.fromObject(range.epoch, { zone: 'utc' }).plus({ days });
          return { ok: true, value: date.toISODate() };
        }
        case 'text': {
          // A serial written as text: a CSV saved from a date column formatted as General.
          if (/^\d+(\.\d+)?$/.test(cell.text))
            return this.read({ kind: 'number', value: Number(cell.text) }, context);
          const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(cell.text);
          const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(cell.text);
          const value = iso
            ? isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))
            : dayFirst
              ? isoDay(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]))
              : null;
          return value === null ? FORMAT : { ok: true, value };
        }
        default:
          return FORMAT;
      }
    },
  };
}

/** Free text up to `maxLength` characters; numbers and dates are taken as written. */
export function text(maxLength: number): CellRule<string> {
  return {
    expected: `a text of at most ${maxLength} characters`,
    read(cell) {
      let value: string;
      if (cell.kind === 'empty') return EMPTY_READ;
      if (cell.kind === 'text') value = cell.text;
      else if (cell.kind === 'number') value = String(cell.value);
      else if (cell.kind === 'date') value = cell.date;
      else return FORMAT;
      return value.length > maxLength ? RANGE : { ok: true, value };
    },
  };
}

/** Longest code accepted: codes of areas and teams are short. */
const MAX_CODE_LENGTH = 100;

/**
 * A code (area, team): text, or a whole number read as its digits. A number cannot keep leading
 * zeros (`01` is read as `1`), so the templates format code columns as text.
 */
export function code(): CellRule<string> {
  return {
    expected: `a code (text of at most ${MAX_CODE_LENGTH} characters)`,
    numbersAsCodes: true,
    read(cell) {
      if (cell.kind === 'empty') return EMPTY_READ;
      if (cell.kind === 'number') {
        return Number.isSafeInteger(cell.value) && cell.value >= 0
          ? { ok: true, value: String(cell.value) }
          : FORMAT;
      }
      if (cell.kind !== 'text') return FORMAT;
      return cell.text.length > MAX_CODE_LENGTH ? RANGE : { ok: true, value: cell.text };
    },
  };
}

/** The kinds of administrative unit the service stores (`Area.level`, the API's `AreaLevel`). */
export type AreaLevelValue = 'country' | 'province' | 'district' | 'commune' | 'village';

/**
 * Words read as each level, compared as headers are (no diacritics, case or spaces): the English
 * name, then the one a Vietnamese sheet writes, then the other names of the units (English and
 * Vietnamese). `thành phố` is not among them: it is a province (Đà Nẵng) or a district (a provincial
 * city), so the file must say which.
 */
export const LEVEL_WORDS: Record<AreaLevelValue, readonly [string, string, ...string[]]> = {
  country: ['country', 'quốc gia', 'cả nước'],
  province: ['province', 'tỉnh'],
  district: ['district', 'huyện', 'quận', 'thị xã'],
  commune: ['commune', 'xã', 'ward', 'phường', 'thị trấn'],
  village: ['village', 'thôn', 'bản', 'ấp', 'làng'],
};

/** Each word, compared as headers are, to the value it is read as. */
function wordsOf<T extends string>(words: Record<T, readonly string[]>): Map<string, T> {
  return new Map(
    (Object.entries(words) as [T, readonly string[]][]).flatMap(([value, list]) =>
      list.map((word) => [plainHeader(word), value] as const),
    ),
  );
}

/** A text cell read as one of a few words (`of`); anything else is a format error. */
function wordRule<T extends string>(of: ReadonlyMap<string, T>, expected: string): CellRule<T> {
  return {
    expected,
    read(cell) {
      if (cell.kind === 'empty') return EMPTY_READ;
      if (cell.kind !== 'text') return FORMAT;
      const value = of.get(plainHeader(cell.text));
      return value === undefined ? FORMAT : { ok: true, value };
    },
  };
}

const LEVEL_OF = wordsOf(LEVEL_WORDS);

/**
 * An area's level: `province`, `district`, `commune`, `village` or `country`, in English or
 * Vietnamese (`tỉnh`, `huyện`/`quận`/`thị xã`, `xã`/`phường`/`thị trấn`, `thôn`/`bản`/`ấp`).
 *
 * @example
 * level().read({ kind: 'text', text: 'Thị trấn' }, { decimalMark: '.', date1904: false }) // => { ok: true, value: 'commune' }
 */
export function level(): CellRule<AreaLevelValue> {
  return wordRule(
    LEVEL_OF,
    'a level: province, district, commune, village or country (tỉnh, huyện, xã, thôn…)',
  );
}

/**
 * Words read as each commune type, compared as headers are: the English name (the API's enum in
 * lower case, `-` or a space), and the Vietnamese one.
 */
const COMMUNE_TYPE_WORDS: Record<CommuneType, readonly string[]> = {
  ward: ['ward', 'phường'],
  township: ['township', 'thị trấn'],
  commune: ['commune', 'xã'],
  'special-zone': ['special zone', 'special-zone', 'đặc khu'],
};

const COMMUNE_TYPE_OF = wordsOf(COMMUNE_TYPE_WORDS);

/**
 * A commune's legal type: `ward`, `township`, `commune` or `special-zone`, in English or
 * Vietnamese (`phường`, `thị trấn`, `xã`, `đặc khu`).
 *
 * @example
 * communeType().read({ kind: 'text', text: 'Phường' }, { decimalMark: '.', date1904: false }) // => { ok: true, value: 'ward' }
 */
export function communeType(): CellRule<CommuneType> {
  return wordRule(
    COMMUNE_TYPE_OF,
    'a commune type: ward, township, commune or special zone (phường, thị trấn, xã, đặc khu)',
  );
}

/**
 * The type a commune's name starts with (`Phường Nghĩa Thành` is a ward), for a row that gives
 * none; null when the name starts with no type's word.
 */
export function communeTypeOfName(name: string): CommuneType | null {
  // Accents kept: `Xà Bang` is no `xã`.
  const lower = name.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
  for (const [type, words] of Object.entries(COMMUNE_TYPE_WORDS) as [CommuneType, readonly string[]][]) {
    if (words.some((word) => lower.startsWith(`${word} `))) return type;
  }
  return null;
}

/** A commune type written as one word of {@link communeType} (`Xã`, `ward`); null for any other text. */
export function communeTypeOfWord(text: string): CommuneType | null {
  return COMMUNE_TYPE_OF.get(plainHeader(text)) ?? null;
}
