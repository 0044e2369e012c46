// How long a pending report waits before the next try after sends that got no answer: doubling
// from a few seconds to a few minutes, so a phone in a weak signal tries often at first without
// draining its battery later, with a random half so that phones that lost signal together do not
// all come back at the same second. A regained connection (the `online` event) tries at once.

/** The first wait: long enough for a flapping signal to settle. */
export const FIRST_RETRY_MS = 5_000;
/** The longest wait between two tries. */
export const LONGEST_RETRY_MS = 5 * 60_000;

/**
 * The wait after `failures` sends in a row without an answer (1 for the first): between half and
 * all of `FIRST_RETRY_MS × 2^(failures − 1)`, at most `LONGEST_RETRY_MS`.
 *
 * @example retryDelayMs(3, () => 1) // 20_000
 */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return ceiling / 2 + (random() * ceiling) / 2;
}
