import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../i18n/format.ts';
import { wholeNumberTicks } from './whole-number-ticks.ts';

/** The machines axis of the staffing chart: from 0 to the most machines open in an hour. */
const machinesAxis = (most: number) => scaleLinear().domain([0, most]).nice();

describe('wholeNumberTicks', () => {
  it('labels an axis of 2 machines 0 1 2, not 0 1 1 2 2', () => {
    const labels = wholeNumberTicks(machinesAxis(2), 4).map((value) => formatNumber('vi', value));
    expect(labels).toEqual(['0', '1', '2']);
  });

  it('keeps whole ticks only, each once, for one machine to many', () => {
    expect(wholeNumberTicks(machinesAxis(1), 4)).toEqual([0, 1]);
    expect(wholeNumberTicks(machinesAxis(3), 4)).toEqual([0, 1, 2, 3]);
    expect(wholeNumberTicks(machinesAxis(6), 4)).toEqual([0, 2, 4, 6]);
    expect(wholeNumberTicks(machinesAxis(37), 4)).toEqual([0, 10, 20, 30, 40]);
  });
});
