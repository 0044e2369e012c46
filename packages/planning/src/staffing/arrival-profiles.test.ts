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
});
