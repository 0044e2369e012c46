import { describe, expect, it } from 'vitest';
import { crewsFromMachines } from './crews-from-machines.ts';

describe('crewsFromMachines', () => {
  it('turns machines into operators', () => {
    expect(crewsFromMachines([0, 2, 3], 2)).toEqual([0, 4, 6]);
  });

  it('refuses a fractional machine count, naming the period', () => {
    expect(() => crewsFromMachines([1, 0.5], 2)).toThrow(/machinesPerPeriod\[1\]/);
  });

  it('refuses an operator count below one', () => {
    expect(() => crewsFromMachines([1, 2], 0)).toThrow(/^operatorsPerMachine must be/);
  });
});
