import { describe, expect, it } from 'vitest';
import { sheetWarningWords } from './sheet-warning-words.ts';

// The two unlikely rows of the API's test file (apps/api test/imports.test.ts, "a stored file’s
// unlikely rows"): 1,200 dossiers on 2 machines in row 4, 300 minutes of downtime in 4 hours open
// in row 6, both on the sheet "Báo cáo 12-4".
const aboveCapacity = {
  sheet: 'Báo cáo 12-4',
  row: 4,
  column: 'dossiers',
  header: 'Số hồ sơ',
  code: 'above-service-capacity',
};
const downtime = {
  sheet: null,
  row: 6,
  column: 'downtimeMinutes',
  header: 'Downtime minutes',
  code: 'downtime-above-hours-open',
};

describe('sheetWarningWords', () => {
  it('says a row above what its machines take in 24 hours by its sheet, row and column, in Vietnamese and English', () => {
    expect(sheetWarningWords(aboveCapacity, 'vi')).toBe(
      'Trang tính “Báo cáo 12-4” — Dòng 4, cột Số hồ sơ · Số hồ sơ nhiều hơn số máy làm được trong 24 giờ: kiểm tra số hồ sơ và số máy.',
    );
    expect(sheetWarningWords(aboveCapacity, 'en')).toBe(
      'Sheet “Báo cáo 12-4” — Row 4, column Số hồ sơ · More dossiers than the machines can take in 24 hours: check the dossiers and the machines.',
    );
  });

  it('says a CSV row with more downtime than its hours open by its row and the header as written', () => {
    expect(sheetWarningWords(downtime, 'vi')).toBe(
      'Dòng 6, cột Downtime minutes · Số phút máy hỏng nhiều hơn thời gian mở cửa: kiểm tra lại thời gian máy hỏng và số giờ mở cửa.',
    );
    expect(sheetWarningWords(downtime, 'en')).toBe(
      'Row 6, column Downtime minutes · More minutes of downtime than the site was open: check the downtime and the hours open.',
    );
  });

  it('names the column by its field when the file has no header for it, and the row alone without a column', () => {
    expect(sheetWarningWords({ ...downtime, header: null }, 'en')).toBe(
      'Row 6, column downtimeMinutes · More minutes of downtime than the site was open: check the downtime and the hours open.',
    );
    expect(sheetWarningWords({ ...downtime, column: null, header: null, code: 'new-code' }, 'vi')).toBe(
      'Dòng 6 · Máy chủ thấy một số liệu khó tin: kiểm tra lại báo cáo.',
    );
  });
});
