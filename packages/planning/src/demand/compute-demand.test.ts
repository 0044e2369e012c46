import { describe, expect, it } from 'vitest';
import { buildAreaTree } from './area-tree.ts';
import { computeDemand } from './compute-demand.ts';

describe('computeDemand', () => {
  it('takes share and turnout from the nearest area above, rounds on leaves and sums up the tree', () => {
    const tree = buildAreaTree([
      { code: 'P', name: 'Province', eligibleShare: 0.75 },
      { code: 'a', name: 'A', parentCode: 'P', population: 1000, turnout: 0.9 },
      { code: 'b', name: 'B', parentCode: 'P', population: 400, alreadyServed: 100 },
    ]);
    // a: 1,000 × 0.75 = 750 eligible, × 0.9 = 675. b: 400 × 0.75 = 300, × 1 (default) − 100 = 200.
    expect(computeDemand(tree).demand).toEqual([
      { population: 1400, eligible: 1050, alreadyServed: 100, demand: 875 },
      { population: 1000, eligible: 750, alreadyServed: 0, demand: 675 },
      { population: 400, eligible: 300, alreadyServed: 100, demand: 200 },
    ]);
  });

  it('never goes below zero when more were served than will come', () => {
    const tree = buildAreaTree([{ code: 'a', name: 'A', eligible: 1500, turnout: 0.8, alreadyServed: 2000 }]);
    // round(1,500 × 0.8) = 1,200 − 2,000 → 0.
    expect(computeDemand(tree).demand[0]?.demand).toBe(0);
  });

  it('counts the defaults it fell back on and parents whose population is not their children sum', () => {
    const tree = buildAreaTree([
      { code: 'P', name: 'Province', population: 999 },
      { code: 'a', name: 'A', parentCode: 'P', population: 600 },
      { code: 'b', name: 'B', parentCode: 'P', eligible: 300, turnout: 0.5 },
      { code: 'c', name: 'C', parentCode: 'P' },
    ]);
    const { defaultsUsed } = computeDemand(tree, { defaultEligibleShare: 0.5, defaultTurnout: 0.8 });
    expect(defaultsUsed).toEqual({
      leavesWithoutEligibleShare: 1, // a (b gives eligible, c gives no population)
      leavesWithoutTurnout: 2, // a and c
      leavesWithoutPopulation: 1, // c
      parentsWhosePopulationDiffers: [{ code: 'P', given: 999, sumOfChildren: 600 }],
    });
    // a: 600 × 0.5 = 300 × 0.8 = 240; b: 300 × 0.5 = 150; c: 0.
    expect(computeDemand(tree, { defaultEligibleShare: 0.5, defaultTurnout: 0.8 }).demand[0]?.demand).toBe(
      390,
    );
  });
});
