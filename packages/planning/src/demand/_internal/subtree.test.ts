import { describe, expect, it } from 'vitest';
import { buildAreaTree } from '../area-tree.ts';
import { isInSubtree } from './subtree.ts';

describe('isInSubtree', () => {
  // Province p with districts d1 (commune c2) and d2, children listed before their parents.
  const areas = [
    { code: 'c2', name: 'C2', parentCode: 'd1' },
    { code: 'd2', name: 'D2', parentCode: 'p' },
    { code: 'd1', name: 'D1', parentCode: 'p' },
    { code: 'p', name: 'P' },
  ];

  it('says which areas lie under which, an area being under itself', () => {
    const tree = buildAreaTree(areas);
    const at = (code: string) => tree.byCode.get(code) as number;
    expect(isInSubtree(tree, at('c2'), at('p'))).toBe(true);
    expect(isInSubtree(tree, at('c2'), at('d1'))).toBe(true);
    expect(isInSubtree(tree, at('d1'), at('d1'))).toBe(true);
    expect(isInSubtree(tree, at('c2'), at('d2'))).toBe(false);
    expect(isInSubtree(tree, at('p'), at('d1'))).toBe(false);
  });
});
