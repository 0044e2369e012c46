import { describe, expect, it } from 'vitest';
import type { FileNoteKind } from '../gql/graphql.ts';
import { type FileNote, fileNoteWords } from './file-note-words.ts';

// The notes as the API gives them (apps/api test/imports.test.ts and
// test/spreadsheets/read-spreadsheet.test.ts), the headers those of the templates
// (apps/api src/spreadsheets/area-sheet.ts, report-sheet.ts).
const NO_PARTS = {
  columnsNotRead: null,
  requiredColumns: null,
  rowsSearched: null,
  column: null,
  cellCount: null,
} satisfies Partial<FileNote>;

const CSV_COLUMNS_NOT_READ: FileNote = {
  ...NO_PARTS,
  kind: 'COLUMNS_NOT_READ',
  sheet: null,
  columnsNotRead: [{ header: 'Ghi chú', letter: 'I' }],
  message: 'the file: columns not read: "Ghi chú" (I)',
};
const COLUMNS_NOT_READ: FileNote = {
  ...NO_PARTS,
  kind: 'COLUMNS_NOT_READ',
  sheet: 'Sheet1',
  columnsNotRead: [
    { header: 'Người báo cáo', letter: 'C' },
    { header: 'Tổng lũy kế', letter: 'E' },
  ],
  message: 'sheet "Sheet1": columns not read: "Người báo cáo" (C), "Tổng lũy kế" (E)',
};
const SHEET_NOT_READ: FileNote = {
  ...NO_PARTS,
  kind: 'SHEET_NOT_READ',
  sheet: 'Hướng dẫn',
  requiredColumns: [
    { key: 'code', headerVi: 'Mã địa bàn', headerEn: 'Code' },
    { key: 'name', headerVi: 'Tên địa bàn', headerEn: 'Name' },
  ],
  rowsSearched: 20,
  message:
    'sheet "Hướng dẫn" has no header row naming Code (Mã địa bàn), Name (Tên địa bàn) in its first 20 rows; not read',
};
const CODE_AS_NUMBER: FileNote = {
  ...NO_PARTS,
  kind: 'CODES_AS_NUMBERS',
  sheet: null,
  column: { key: 'areaCode', headerVi: 'Mã địa bàn', headerEn: 'Area code' },
  cellCount: 1,
  message:
    'column areaCode: 1 cell holds a number, read as its digits; a code with leading zeros (01, 001) must be written as text',
};
const CODES_AS_NUMBERS: FileNote = {
  ...NO_PARTS,
  kind: 'CODES_AS_NUMBERS',
  sheet: null,
  column: { key: 'parentCode', headerVi: 'Mã cấp trên', headerEn: 'Parent code' },
  cellCount: 3,
  message:
    'column parentCode: 3 cells hold numbers, read as their digits; a code with leading zeros (01, 001) must be written as text',
};

describe('fileNoteWords', () => {
  it('names the columns a file had that were not read, with the sheet of a workbook, in Vietnamese and English', () => {
    expect(fileNoteWords(CSV_COLUMNS_NOT_READ, 'vi')).toBe('Các cột không được đọc: "Ghi chú" (I).');
    expect(fileNoteWords(CSV_COLUMNS_NOT_READ, 'en')).toBe('Columns not read: "Ghi chú" (I).');
    expect(fileNoteWords(COLUMNS_NOT_READ, 'vi')).toBe(
      'Trang tính “Sheet1” — Các cột không được đọc: "Người báo cáo" (C), "Tổng lũy kế" (E).',
    );
    expect(fileNoteWords(COLUMNS_NOT_READ, 'en')).toBe(
      'Sheet “Sheet1” — Columns not read: "Người báo cáo" (C), "Tổng lũy kế" (E).',
    );
  });

  it('says a sheet without a header was not read, naming the columns it lacks in the reader’s language', () => {
    expect(fileNoteWords(SHEET_NOT_READ, 'vi')).toBe(
      'Trang tính “Hướng dẫn” không được đọc: 20 dòng đầu không có dòng tiêu đề nào ghi Mã địa bàn, Tên địa bàn.',
    );
    expect(fileNoteWords(SHEET_NOT_READ, 'en')).toBe(
      'Sheet “Hướng dẫn” not read: none of its first 20 rows is a header naming Code, Name.',
    );
  });

  it('says codes typed as numbers were read as their digits, by the column’s header, one cell or more', () => {
    expect(fileNoteWords(CODE_AS_NUMBER, 'vi')).toBe(
      'Cột Mã địa bàn: 1 ô ghi dạng số, được đọc theo các chữ số; mã có số 0 ở đầu (01, 001) phải ghi dạng chữ.',
    );
    expect(fileNoteWords(CODE_AS_NUMBER, 'en')).toBe(
      'Column Area code: 1 cell holds a number, read as its digits; a code with leading zeros (01, 001) must be written as text.',
    );
    expect(fileNoteWords(CODES_AS_NUMBERS, 'vi')).toBe(
      'Cột Mã cấp trên: 3 ô ghi dạng số, được đọc theo các chữ số; mã có số 0 ở đầu (01, 001) phải ghi dạng chữ.',
    );
    expect(fileNoteWords(CODES_AS_NUMBERS, 'en')).toBe(
      'Column Parent code: 3 cells hold numbers, read as their digits; a code with leading zeros (01, 001) must be written as text.',
    );
  });

  it('words a note from its parts whatever its English sentence says', () => {
    const reworded = { ...CODES_AS_NUMBERS, message: 'parentCode: 3 numeric cells' };
    expect(fileNoteWords(reworded, 'en')).toBe(
      'Column Parent code: 3 cells hold numbers, read as their digits; a code with leading zeros (01, 001) must be written as text.',
    );
  });

  it('gives a note of a kind it does not know yet in the service’s English, said to be so in Vietnamese', () => {
    const note: FileNote = {
      ...NO_PARTS,
      kind: 'ROWS_HIDDEN' as FileNoteKind,
      sheet: 'Sheet1',
      message: 'sheet "Sheet1": rows 4 to 9 are hidden',
    };
    expect(fileNoteWords(note, 'en')).toBe('sheet "Sheet1": rows 4 to 9 are hidden');
    expect(fileNoteWords(note, 'vi')).toBe(
      'Ghi chú của máy chủ (bằng tiếng Anh): sheet "Sheet1": rows 4 to 9 are hidden',
    );
  });
});
