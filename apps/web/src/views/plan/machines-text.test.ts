import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../i18n/format.ts';
import { translate } from '../../i18n/i18n.tsx';
import { machinesText } from './machines-text.ts';

const reader = (locale: 'vi' | 'en') => ({
  t: (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate(locale, key, params),
  n: (value: number, digits?: number) => formatNumber(locale, value, digits),
});

describe('machinesText', () => {
  // Đắk Song (665) is given 3 machines; its commune Đắk Môl is given none and needs 1.
  it('writes a district’s given machines as a plain count', () => {
    expect(machinesText(reader('vi'), { machines: 3, machinesNeeded: 3 })).toBe('3');
  });

  it('marks a commune’s machines as needed, never as given', () => {
    expect(machinesText(reader('vi'), { machines: null, machinesNeeded: 1 })).toBe('cần 1');
    expect(machinesText(reader('en'), { machines: null, machinesNeeded: 1 })).toBe('1 needed');
  });

  it('writes a dash where neither is known', () => {
    expect(machinesText(reader('en'), { machines: null, machinesNeeded: null })).toBe('—');
  });
});
