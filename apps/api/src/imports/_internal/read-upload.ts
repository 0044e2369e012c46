// An uploaded file read as a kind of spreadsheet in the files lane, off the main thread. A file
// over the size limit is refused from its declared size, before a byte of it is read.

import type { RowOf, SheetKindName } from '../../compute/file-tasks.ts';
import { computeFile } from '../../compute/pool.ts';
import {
  SPREADSHEET_LIMITS,
  type SpreadsheetRead,
  type SpreadsheetRefusal,
} from '../../spreadsheets/index.ts';

/** A read that succeeded: the rows and where they came from. */
export type SheetRead<T> = Extract<SpreadsheetRead<T>, { ok: true }>;

export async function readUpload<K extends SheetKindName>(
  file: File,
  kind: K,
): Promise<SpreadsheetRead<RowOf<K>>> {
  const limit = SPREADSHEET_LIMITS.maxFileBytes;
  if (file.size > limit) {
    const refusal: SpreadsheetRefusal = {
      code: 'file-too-large',
      message: `the file has ${(file.size / 2 ** 20).toFixed(1)} MiB, more than the ${limit / 2 ** 20} MiB accepted; split it`,
      issues: [],
      issueCount: 0,
    };
    return { ok: false, format: null, refusal };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const read = await computeFile({ name: 'read', kind, bytes, options: { fileName: file.name } });
  return read as SpreadsheetRead<RowOf<K>>;
}
