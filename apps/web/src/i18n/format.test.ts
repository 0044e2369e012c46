import { describe, expect, it } from 'vitest';
import { formatDate, formatInstant, formatNumber, formatPercent } from './format.ts';

// Expected texts are how each language writes them (Vietnamese groups thousands with a dot and
// writes decimals with a comma; English the other way round), not what the helpers compute.
describe('formatting in the reader’s language', () => {
  it('writes Đắk Song’s 1,085 dossiers of 20 March as 1.085 in Vietnamese and 1,085 in English', () => {
    expect(formatNumber('vi', 1085)).toBe('1.085');
    expect(formatNumber('en', 1085)).toBe('1,085');
    expect(formatNumber('vi', 15_574)).toBe('15.574');
  });

  it('writes 3.5 minutes per dossier with a decimal comma in Vietnamese', () => {
    expect(formatNumber('vi', 3.5, 1)).toBe('3,5');
    expect(formatNumber('en', 3.5, 1)).toBe('3.5');
  });

  it('writes shares as percentages', () => {
    expect(formatPercent('en', 0.25)).toBe('25%');
    expect(formatPercent('vi', 0.25)).toMatch(/^25\s?%$/);
  });

  it('keeps a campaign day on its date whatever the reader’s zone', () => {
    expect(formatDate('en', '2021-03-20')).toBe('20 Mar 2021');
    expect(formatDate('vi', '2021-03-20')).toContain('20');
    expect(formatDate('vi', '2021-03-20')).toContain('2021');
  });

  it('writes an instant in the campaign’s zone: 17:30 UTC is 00:30 the next day in Hồ Chí Minh City', () => {
    expect(formatInstant('en', '2021-03-19T17:30:00Z', 'Asia/Ho_Chi_Minh')).toBe('20 Mar 2021, 00:30');
  });
});
