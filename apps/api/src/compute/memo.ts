// One computation per request for what several fields or aliases ask for: the context keeps each
// result's promise under a key naming what it depends on (`plan:scenario:<id>`,
// `plan:input:<sha256 of the input>`). A cache shared across requests slots in here by adding
// the stored versions to the key (the scenario's, the reports') and a store that outlives the
// request.
import { createHash } from 'node:crypto';

export type Memo = Map<string, Promise<unknown>>;

/** The promise kept under `key`, made by `make` the first time it is asked for. */
export function memoize<T>(memo: Memo, key: string, make: () => Promise<T>): Promise<T> {
  let kept = memo.get(key) as Promise<T> | undefined;
  if (kept === undefined) {
    kept = make();
    memo.set(key, kept);
  }
  return kept;
}

const digests = new WeakMap<object, string>();

/**
 * A key for a value given inline (a what-if's input): the SHA-256 of its JSON, worked out once
 * per value (every alias that names the same variable gets the same object).
 */
export function keyOfValue(prefix: string, value: object): string {
  let digest = digests.get(value);
  if (digest === undefined) {
    digest = createHash('sha256').update(JSON.stringify(value)).digest('hex');
    digests.set(value, digest);
  }
  return `${prefix}:${digest}`;
}

/**
 * Names `value` for {@link keyOfValue} by a digest worked out already, so that it is not written
 * out and hashed again: a long variable by its request body's digest and its name (the same body
 * coerces it to the same value).
 */
export function nameValue(value: object, digest: string): void {
  digests.set(value, digest);
}
