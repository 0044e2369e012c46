// exceljs is loaded on first use, not with the service: it takes about 0.2 s to load, and most
// processes (each API test file, a service that never sees a spreadsheet) never read or write one.
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | null = null;

/** The exceljs module, loaded once. */
export function excelJS(): Promise<typeof ExcelJS> {
  // A load that failed is tried again by the next caller, not kept failed until a restart.
  loading ??= import('exceljs').then(
    (module) => module.default,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
