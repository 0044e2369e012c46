import { describe, expect, it } from 'vitest';
import {
  calendarDate,
  communeTypeOfName,
  communeTypeOfWord,
  parseNumberText,
  share,
  wholeNumber,
} from '../../src/spreadsheets/cell-rules.ts';

const XLSX = { decimalMark: '.', date1904: false } as const;

describe('cell rules', () => {
  it('reads Excel serial 44275 as 20 March 2021 in the 1900 system and 42813 in the 1904 one', () => {
    // 1 January 2021 is serial 44197 in Excel; 20 March is 31 + 28 + 19 = 78 days later. The
    // 1904 system counts 1,462 days fewer.
    expect(calendarDate().read({ kind: 'number', value: 44275 }, XLSX)).toEqual({
      ok: true,
      value: '2021-03-20',
    });
    expect(calendarDate().read({ kind: 'number', value: 44275.75 }, XLSX)).toEqual({
      ok: true,
      value: '2021-03-20',
    });
    expect(calendarDate().read({ kind: 'number', value: 42813 }, { ...XLSX, date1904: true })).toEqual({
      ok: true,
      value: '2021-03-20',
    });
  });

  it('reads dates written as text day first or ISO, and refuses impossible or month-first ones', () => {
    for (const text of ['2021-03-20', '20/03/2021', '20/3/2021', '20-03-2021', '20.03.2021']) {
      expect(calendarDate().read({ kind: 'text', text }, XLSX)).toEqual({ ok: true, value: '2021-03-20' });
    }
    for (const text of ['31/02/2021', '03/20/2021', '20/03/21', 'hôm nay']) {
      expect(calendarDate().read({ kind: 'text', text }, XLSX)).toEqual({ ok: false, code: 'format' });
    }
    expect(calendarDate().read({ kind: 'number', value: 12 }, XLSX)).toEqual({ ok: false, code: 'range' });
  });

  it('reads numbers written as text with the file’s decimal mark and groups of three', () => {
    expect(parseNumberText('1085', '.')).toBe(1085);
    expect(parseNumberText('1,085', '.')).toBe(1085);
    expect(parseNumberText('1 085', '.')).toBe(1085);
    expect(parseNumberText('1.085', ',')).toBe(1085);
    expect(parseNumberText('16,5', ',')).toBe(16.5);
    expect(parseNumberText('16.5', '.')).toBe(16.5);
    expect(parseNumberText('-3', '.')).toBe(-3);
    for (const text of ['16,5', '1,08', '12a', '1..2', '', '1,0850'])
      expect(parseNumberText(text, '.')).toBeNull();
  });

  it('takes whole numbers from 0 up and names why others are refused', () => {
    expect(wholeNumber().read({ kind: 'number', value: 1123 }, XLSX)).toEqual({ ok: true, value: 1123 });
    // 12.5 dossiers is no count at all: not a number "below 0".
    expect(wholeNumber().read({ kind: 'number', value: 12.5 }, XLSX)).toEqual({ ok: false, code: 'format' });
    expect(wholeNumber().read({ kind: 'text', text: '1.5' }, XLSX)).toEqual({ ok: false, code: 'format' });
    expect(wholeNumber().read({ kind: 'number', value: -1 }, XLSX)).toEqual({ ok: false, code: 'range' });
    expect(wholeNumber().read({ kind: 'text', text: '12a' }, XLSX)).toEqual({ ok: false, code: 'format' });
    expect(wholeNumber().read({ kind: 'date', date: '2021-03-20' }, XLSX)).toEqual({
      ok: false,
      code: 'format',
    });
    expect(wholeNumber().read({ kind: 'empty' }, XLSX)).toEqual({ ok: true, value: null });
  });

  it('reads a count of 1.085 as one thousand and eighty-five, whichever the file’s decimal mark', () => {
    // Đắk Song's 1,085 dossiers of 20 March 2021 as a Vietnamese clerk types them into a text cell
    // of a workbook (decimal mark `.`): it was read as 1.085 and refused as "at least 0".
    expect(wholeNumber().read({ kind: 'text', text: '1.085' }, XLSX)).toEqual({ ok: true, value: 1085 });
    expect(wholeNumber().read({ kind: 'text', text: '1,085' }, XLSX)).toEqual({ ok: true, value: 1085 });
    expect(wholeNumber().read({ kind: 'text', text: '12.345.678' }, XLSX)).toEqual({
      ok: true,
      value: 12_345_678,
    });
    // In a semicolon-separated CSV, whose decimal mark is `,`, the same count either way.
    const semicolonCsv = { decimalMark: ',', date1904: false } as const;
    expect(wholeNumber().read({ kind: 'text', text: '1,085' }, semicolonCsv)).toEqual({
      ok: true,
      value: 1085,
    });
    expect(wholeNumber().read({ kind: 'text', text: '1.085' }, semicolonCsv)).toEqual({
      ok: true,
      value: 1085,
    });
    // Not groups of three: a fraction (no count) or a leading 0, never guessed as thousands.
    expect(wholeNumber().read({ kind: 'text', text: '1.08' }, XLSX)).toEqual({ ok: false, code: 'format' });
    expect(wholeNumber().read({ kind: 'text', text: '0.500' }, XLSX)).toEqual({ ok: false, code: 'format' });
    expect(wholeNumber().read({ kind: 'text', text: '1.085,5' }, semicolonCsv)).toEqual({
      ok: false,
      code: 'format',
    });
    expect(wholeNumber().read({ kind: 'text', text: '-1.085' }, XLSX)).toEqual({ ok: false, code: 'range' });
  });

  it('takes shares as 0–1 or as a percentage, never 69.6 meaning 69.6 %', () => {
    expect(share().read({ kind: 'text', text: '69.6%' }, XLSX)).toEqual({ ok: true, value: 0.696 });
    expect(share().read({ kind: 'text', text: '69,6%' }, { ...XLSX, decimalMark: ',' })).toEqual({
      ok: true,
      value: 0.696,
    });
    expect(share().read({ kind: 'number', value: 0.696 }, XLSX)).toEqual({ ok: true, value: 0.696 });
    expect(share().read({ kind: 'number', value: 69.6 }, XLSX)).toEqual({ ok: false, code: 'range' });
  });

  it('reads a commune type from the word its name starts with, accents and all', () => {
    // The four legal types, as the GSO writes them at the head of a unit's name.
    expect(communeTypeOfName('Phường Nghĩa Thành')).toBe('ward');
    expect(communeTypeOfName('Thị trấn Đức An')).toBe('township');
    expect(communeTypeOfName('Xã Đắk Plao')).toBe('commune');
    expect(communeTypeOfName('Đặc khu Phú Quốc')).toBe('special-zone');
    // However the spaces fall (a no-break space, two spaces, as copied from a PDF).
    expect(communeTypeOfName('Thị\u00a0trấn  Đức An')).toBe('township');
    // A name that only looks like one once accents are gone: Xà Bang (Bà Rịa) is no xã.
    expect(communeTypeOfName('Xà Bang')).toBeNull();
    // A type cell, read as headers are (case and accents aside).
    expect(communeTypeOfWord('XÃ')).toBe('commune');
    expect(communeTypeOfWord('special zone')).toBe('special-zone');
    expect(communeTypeOfWord('city')).toBeNull();
  });
});
