import { describe, expect, it } from 'vitest';
import { FIRST_RETRY_MS, LONGEST_RETRY_MS, retryDelayMs } from './retry-delay.ts';

// Hand-worked: 5 s, 10 s, 20 s, 40 s, 80 s, 160 s, then 300 s (5 min) for ever, each drawn
// between half and all of it.
describe('waiting between tries without an answer', () => {
  it('doubles from 5 s and stops at 5 minutes', () => {
    const longest = [1, 2, 3, 4, 5, 6, 7, 8, 50].map((failures) => retryDelayMs(failures, () => 1));
    expect(longest).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
    expect(FIRST_RETRY_MS).toBe(5_000);
    expect(LONGEST_RETRY_MS).toBe(300_000);
  });

  it('draws each wait between half and all of it, so phones that lost signal together spread out', () => {
    expect(retryDelayMs(1, () => 0)).toBe(2_500);
    expect(retryDelayMs(3, () => 0.5)).toBe(15_000);
    expect(retryDelayMs(1_000, () => 0)).toBe(150_000);
  });
});
