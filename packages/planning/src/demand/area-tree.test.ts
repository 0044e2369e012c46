import { describe, expect, it } from 'vitest';
import { refusal } from '../errors/_fixtures/refusal.ts';
import { MalformedInputError } from '../errors/malformed-input-error.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
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

  /** The `[path, code]` of every refusal, or of the one when it stands alone; null when accepted. */
  function problems(run: () => unknown): [string, string][] | null {
    try {
      run();
    } catch (error) {
      if (error instanceof MalformedInputError) return error.problems.map((p) => [p.path, p.code]);
      if (error instanceof PlanningInputError) return [[error.path, error.code]];
      throw error;
    }
    return null;
  }

  it('names every bad row of an import at once, in the order of the list', () => {
    // Hưng Nguyên's communes as a planner might type them: a minus sign, more eligible than
    // people, a turnout typed as text; the rows between are sound.
    const communes = [
      { code: '412', name: 'Hưng Nguyên' },
      { code: '18001', name: 'Thị trấn Hưng Nguyên', parentCode: '412', population: -9660 },
      { code: '18004', name: 'Hưng Trung', parentCode: '412', population: 8000 },
      { code: '18007', name: 'Hưng Yên Nam', parentCode: '412', population: 5200, eligible: 5300 },
      { code: '18010', name: 'Hưng Tây', parentCode: '412', turnout: '90%' },
    ];
    let thrown: unknown;
    try {
      buildAreaTree(communes);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MalformedInputError);
    const error = thrown as MalformedInputError;
    expect(error.problems.map((p) => [p.path, p.code])).toEqual([
      ['areas[1].population', 'range'],
      ['areas[3].eligible', 'conflict'],
      ['areas[4].turnout', 'type'],
    ]);
    expect(error.message).toBe('areas[1].population must be a non-negative integer, got -9660');
  });

  it('throws a lone bad figure as a MalformedInputError of one, as the campaign readers do', () => {
    let thrown: unknown;
    try {
      buildAreaTree([{ code: 'a', name: 'A', population: 100, eligible: 101 }]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MalformedInputError);
    expect((thrown as MalformedInputError).problems.map((p) => [p.path, p.code])).toEqual([
      ['areas[0].eligible', 'conflict'],
    ]);
  });

  it("names an area's figures in the order of its fields, whatever the order of its keys", () => {
    const row = { urbanShare: 1.5, turnout: -0.2, population: -3, name: 'B', code: 'b', parentCode: 'zz' };
    expect(problems(() => buildAreaTree([{ code: 'a', name: 'A' }, row], 'input.areas'))).toEqual([
      ['input.areas[1].parentCode', 'unknown-reference'],
      ['input.areas[1].population', 'range'],
      ['input.areas[1].turnout', 'range'],
      ['input.areas[1].urbanShare', 'range'],
    ]);
  });

  it('names duplicate codes and unknown parents at their rows, among the figures', () => {
    const list = [
      { code: 'p', name: 'P', population: -1 },
      { code: 'p', name: 'Twice' },
      { code: 'c', name: 'C', parentCode: 'q' },
      { code: 'd', name: 'D', parentCode: 'p', eligibleShare: 2 },
    ];
    expect(problems(() => buildAreaTree(list))).toEqual([
      ['areas[0].population', 'range'],
      ['areas[1].code', 'duplicate'],
      ['areas[2].parentCode', 'unknown-reference'],
      ['areas[3].eligibleShare', 'range'],
    ]);
  });

  it('names a row that is not an area and reads on', () => {
    expect(problems(() => buildAreaTree([{ code: 'a', name: 'A' }, 'b', { code: 'c', name: '' }]))).toEqual([
      ['areas[1]', 'type'],
      ['areas[2].name', 'type'],
    ]);
  });

  it('judges no parent while a code is refused, since the parent may be that area', () => {
    // The district's code typed as a number; the commune names it as text.
    const list = [
      { code: 664, name: 'Đắk Song' },
      { code: '24662', name: 'Đức An', parentCode: '664', population: -1 },
    ];
    expect(problems(() => buildAreaTree(list))).toEqual([
      ['areas[0].code', 'type'],
      ['areas[1].population', 'range'],
    ]);
  });

  it('judges a cycle once every other figure reads', () => {
    const list = [
      { code: 'a', name: 'A', parentCode: 'b', population: -1 },
      { code: 'b', name: 'B', parentCode: 'a' },
    ];
    expect(problems(() => buildAreaTree(list))).toEqual([['areas[0].population', 'range']]);
    const fixed = [{ ...list[0], population: 1 }, list[1]];
    expect(problems(() => buildAreaTree(fixed))).toEqual([['areas[0].parentCode', 'cycle']]);
  });

  it('names the first area on a cycle, not an area hanging below it', () => {
    // c's parent a is sound; a and b name each other, a first in the list.
    const list = [
      { code: 'c', name: 'C', parentCode: 'a' },
      { code: 'a', name: 'A', parentCode: 'b' },
      { code: 'b', name: 'B', parentCode: 'a' },
    ];
    expect(refusal(() => buildAreaTree(list))).toEqual(['areas[1].parentCode', 'cycle']);
  });

  it('refuses a list that is not an array alone', () => {
    expect(problems(() => buildAreaTree({ code: 'a' }))).toEqual([['areas', 'type']]);
  });
});
