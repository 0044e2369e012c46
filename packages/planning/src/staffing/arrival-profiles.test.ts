import { describe, expect, it } from 'vitest';
import { ARRIVAL_PROFILES, arrivalProfile } from './arrival-profiles.ts';

describe('arrival profiles', () => {
  it('gives presets of 24 shares summing to 1, and normalises custom weights', () => {
    for (const shares of Object.values(ARRIVAL_PROFILES)) {
      expect(shares).toHaveLength(24);
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
    const custom = arrivalProfile(new Array(24).fill(2));
    expect(custom[5]).toBeCloseTo(1 / 24, 12);
  });

  it('normalises weights whose sum passes the largest double (all shares came out 0)', () => {
    const huge = arrivalProfile([1e308, 1e308, 3e307, ...new Array(21).fill(0)]);
    expect(huge.slice(0, 3)).toEqual([1 / 2.3, 1 / 2.3, 0.3 / 2.3].map((share) => expect.closeTo(share, 15)));
    expect(huge.slice(3).every((share) => share === 0)).toBe(true);
  });
});
