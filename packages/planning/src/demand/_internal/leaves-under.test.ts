import { describe, expect, it } from 'vitest';
import { buildAreaTree } from '../area-tree.ts';
import { leavesUnder } from './leaves-under.ts';

describe('leavesUnder', () => {
  // Province p with districts d1 (commune c2) and d2, children listed before their parents.
  const areas = [
    { code: 'c2', name: 'C2', parentCode: 'd1' },
    { code: 'd2', name: 'D2', parentCode: 'p' },
    { code: 'd1', name: 'D1', parentCode: 'p' },
    { code: 'p', name: 'P' },
  ];

  it('finds the leaves under each area in node order, an area with none below being its own', () => {
    const tree = buildAreaTree(areas);
    const codesUnder = (code: string) =>
      leavesUnder(tree, tree.byCode.get(code) as number).map((node) => node.code);
    // Node order is the input's: c2 (index 0) before d2 (index 1).
    expect(codesUnder('p')).toEqual(['c2', 'd2']);
    expect(codesUnder('d1')).toEqual(['c2']);
    expect(codesUnder('d2')).toEqual(['d2']);
    expect(codesUnder('c2')).toEqual(['c2']);
  });
});
