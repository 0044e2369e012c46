// An uploaded file read as a kind of spreadsheet in the files lane, off the main thread. A file
// over the size limit is refused from its declared size, before a byte of it is read.

import type { RowOf, SheetKindName } from '../../compute/file-tasks.ts';
import { computeFile } from '../../compute/pool.ts';
import {
  type RowsRead,
  SPREADSHEET_LIMITS,
  type SpreadsheetRead,
  type SpreadsheetRefusal,
} from '../../spreadsheets/index.ts';
import { fileRefusal, SpreadsheetRefusedError } from '../../spreadsheets/refusal.ts';

/** An upload read: its rows read whole, and the refusal of its bad cells when it has some. */
export type UploadRead<T> = { read: RowsRead<T>; badCells: SpreadsheetRefusal | null };

/**
 * Reads `file` as a sheet of `kind`; throws the `SpreadsheetRefusedError` of a file refused as a
 * whole (too large, not a spreadsheet, no header row). A file with bad cells is read still, so that
 * the checks of its rows name their problems in the same refusal.
 */
export async function readUpload<K extends SheetKindName>(
  file: File,
  kind: K,
): Promise<UploadRead<RowOf<K>>> {
  const limit = SPREADSHEET_LIMITS.maxFileBytes;
  if (file.size > limit) {
    throw new SpreadsheetRefusedError(
      fileRefusal(
        'file-too-large',
        `the file has ${(file.size / 2 ** 20).toFixed(1)} MiB, more than the ${limit / 2 ** 20} MiB accepted; split it`,
      ),
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const upload = (await computeFile({
    name: 'read',
    kind,
    bytes,
    options: { fileName: file.name },
  })) as SpreadsheetRead<RowOf<K>>;
  if (upload.ok) return { read: upload, badCells: null };
  if (upload.readable === null) throw new SpreadsheetRefusedError(upload.refusal);
  return { read: upload.readable, badCells: upload.refusal };
}
