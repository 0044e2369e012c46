// A request body as the service's two readers of it read it (cache/body-digest.ts on the main
// thread, compute/tasks.ts `readJson` in the heavy lane): its text, and why it is refused.

/**
 * Why a body is refused as yoga refuses it: it is not JSON (the parser's error, naming where), or
 * its JSON is not an object (what it is instead).
 */
export type JsonRefusal =
  | { kind: 'not json'; name: string; message: string }
  | { kind: 'not an object'; received: string };

/** A long body read in the heavy lane: its JSON, long lists as columns, or why it is refused. */
export type ReadJson = { body: unknown } | { refused: JsonRefusal };

/**
 * A request body's bytes without a leading byte order mark, which UTF-8 decoding skips (the Fetch
 * standard's `text()` and `json()`; the whatwg-node yoga runs on here does not, and refused it:
 * both of the service's readers of a body now skip it).
 */
export function withoutByteOrderMark<B extends ArrayBufferLike>(bytes: Uint8Array<B>): Uint8Array<B> {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/** A request body's text: UTF-8, a leading byte order mark skipped. */
export function bodyText(bytes: Uint8Array): string {
  const text = withoutByteOrderMark(bytes);
  return Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf-8');
}
