// Test files that never open a database: the spreadsheet readers and writers. They run in the
// embedded suite only (once is enough); the tests' setup fails a listed file that opens the
// database after all, so the list cannot hide a backend.
export const WITHOUT_DATABASE = [
  'test/spreadsheets/cell-rules.test.ts',
  'test/spreadsheets/read-spreadsheet.test.ts',
  'test/spreadsheets/read-spreadsheet.fuzz.test.ts',
  'test/spreadsheets/template.test.ts',
  'test/spreadsheets/write-views.test.ts',
  'test/long-variables.test.ts',
  'test/input-coercer.property.test.ts',
  'test/rows-as-columns.test.ts',
  'test/ordinary-first.test.ts',
  'test/heavy-lane.test.ts',
  'test/merge-refusals.test.ts',
  'test/refusals-in-input-order.test.ts',
];
