import { describe, expect, it } from 'vitest';
import { refusal } from '../errors/_fixtures/refusal.ts';
import { buildAreaTree } from './area-tree.ts';

describe('buildAreaTree', () => {
  // Given children first, so the order has to be worked out, not copied.
  const areas = [
    { code: 'c1', name: 'Commune 1', parentCode: 'd1' },
    { code: 'd1', name: 'District 1', parentCode: 'p' },
    { code: 'p', name: 'Province' },
    { code: 'd2', name: 'District 2', parentCode: 'p' },
    { code: 'c2', name: 'Commune 2', parentCode: 'd1' },
  ];

  it('puts parents before children, siblings in input order, with depths from the root', () => {
    const tree = buildAreaTree(areas);
    expect(tree.order.map((i) => tree.nodes[i]?.code)).toEqual(['p', 'd1', 'c1', 'c2', 'd2']);
    expect(tree.nodes.map((n) => [n.code, n.depth])).toEqual([
      ['c1', 2],
      ['d1', 1],
      ['p', 0],
      ['d2', 1],
      ['c2', 2],
    ]);
    expect(tree.roots).toEqual([2]);
  });

  it.each([
    [
      'a duplicate code',
      [
        { code: 'a', name: 'A' },
        { code: 'a', name: 'B' },
      ],
      ['areas[1].code', 'duplicate'],
    ],
    [
      'an unknown parent',
      [{ code: 'a', name: 'A', parentCode: 'zz' }],
      ['areas[0].parentCode', 'unknown-reference'],
    ],
    [
      'an area its own parent',
      [{ code: 'a', name: 'A', parentCode: 'a' }],
      ['areas[0].parentCode', 'unknown-reference'],
    ],
    [
      'a cycle below a root',
      [
        { code: 'r', name: 'R' },
        { code: 'a', name: 'A', parentCode: 'b' },
        { code: 'b', name: 'B', parentCode: 'a' },
      ],
      ['areas[1].parentCode', 'cycle'],
    ],
    [
      'more eligible than people',
      [{ code: 'a', name: 'A', population: 100, eligible: 101 }],
      ['areas[0].eligible', 'conflict'],
    ],
  ])('refuses %s naming the field', (_what, list, expected) => {
    expect(refusal(() => buildAreaTree(list))).toEqual(expected);
  });
});
