import { describe, expect, it } from 'vitest';
import { seesScenarioRoot } from './sees-scenario-root.ts';

// The tree of the demo data: Việt Nam (depth 0), Đắk Nông (67, depth 1), Đắk Song (665, depth 2).
const DAK_NONG = { code: '67', depth: 1 };
const DAK_SONG = { code: '665', depth: 2 };

describe('seesScenarioRoot', () => {
  it('an admin and the Đắk Nông planner see the Đắk Nông scenario from its root', () => {
    expect(seesScenarioRoot(null, DAK_NONG)).toBe(true);
    expect(seesScenarioRoot(DAK_NONG, DAK_NONG)).toBe(true);
  });

  it('the Đắk Song reporter does not: the scenario is rooted above its district', () => {
    expect(seesScenarioRoot(DAK_SONG, DAK_NONG)).toBe(false);
  });

  it('a province planner sees a scenario rooted at one of its districts', () => {
    expect(seesScenarioRoot(DAK_NONG, DAK_SONG)).toBe(true);
  });

  it('does not say while the caller’s depth is still being read', () => {
    expect(seesScenarioRoot({ code: '665', depth: undefined }, DAK_NONG)).toBeUndefined();
  });
});
