// The two ways every spreadsheet leaves: CSV records through csv-stringify, and a stream
// collected into bytes for callers that want the whole file.
import { PassThrough, Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';

/** CSV as Excel reads it: UTF-8 with a BOM (Vietnamese letters), a header row, CRLF line ends. */
export function writeCsvRecords(
  headers: readonly string[],
  records: Iterable<string[]>,
  output: Writable,
): Promise<void> {
  return pipeline(
    Readable.from(records),
    stringify({
      bom: true,
      header: true,
      // Records are arrays: a column's key is its index.
      columns: headers.map((header, i) => ({ key: String(i), header })),
      record_delimiter: 'windows',
    }),
    output,
  );
}

/** The bytes `write` sends to a stream, once it is done. */
export async function collectBytes(write: (output: Writable) => Promise<void>): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  await write(sink);
  if (!sink.writableEnded) sink.end();
  await ended;
  return Buffer.concat(chunks);
}
