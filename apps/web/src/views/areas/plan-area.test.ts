import { describe, expect, it } from 'vitest';
import { planArea } from './plan-area.ts';

// The demo's tree as /areas/67 lists it: Đắk Nông (67), its districts Đắk Mil (663) and Đắk Song
// (665), and Thuận Hạnh (24724), a commune of Đắk Song.
const DAK_NONG_PAGE = [
  { code: '67', depth: 0 },
  { code: '663', depth: 1 },
  { code: '665', depth: 1 },
  { code: '24724', depth: 2 },
];

describe('planArea', () => {
  it('asks the province’s plan for the province’s planner on the province', () => {
    expect(planArea('67', DAK_NONG_PAGE, ['67', '67'])).toBe('67');
  });

  it('asks the plan of Đắk Mil for Đắk Mil’s planner on the province, the only rows it may read', () => {
    expect(planArea('67', DAK_NONG_PAGE, ['663', '67'])).toBe('663');
  });

  it('asks the plan of a district’s scenario at its district on the province', () => {
    expect(planArea('67', DAK_NONG_PAGE, [null, '665'])).toBe('665');
  });

  it('keeps to the page’s area when the caller’s area is above it (not among its rows)', () => {
    expect(planArea('663', [{ code: '663', depth: 0 }], ['67', '67'])).toBe('663');
  });

  it('asks at a commune for a commune’s caller', () => {
    expect(planArea('67', DAK_NONG_PAGE, ['24724', '67'])).toBe('24724');
  });
});
