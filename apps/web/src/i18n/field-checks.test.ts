import { describe, expect, it } from 'vitest';
import { checkDay, checkHours, checkTime, readNumber } from './field-checks.ts';

describe('checkTime', () => {
  it('takes 00:00 to 23:59 for an open and 24:00 only for a close', () => {
    expect(checkTime('05:00')).toBeNull();
    expect(checkTime('23:59')).toBeNull();
    expect(checkTime('24:00')).toEqual({ key: 'check.time' });
    expect(checkTime('24:00', { endOfDay: true })).toBeNull();
  });

  it('refuses 25:00, 7:30 and 07:60', () => {
    expect(checkTime('25:00')).toEqual({ key: 'check.time' });
    expect(checkTime('7:30')).toEqual({ key: 'check.time' });
    expect(checkTime('07:60', { endOfDay: true })).toEqual({ key: 'check.closeTime' });
  });
});

describe('checkHours', () => {
  it('takes 05:00–24:00 and a whole day of 00:00–24:00', () => {
    expect(checkHours('05:00', '24:00')).toEqual({});
    expect(checkHours(' 00:00', '24:00 ')).toEqual({});
  });

  it('refuses a close at the open, typed with spaces or not: a day of no hours', () => {
    expect(checkHours('07:00', '07:00')).toEqual({ close: { key: 'check.sameTime' } });
    expect(checkHours('07:00 ', ' 07:00')).toEqual({ close: { key: 'check.sameTime' } });
  });

  it('names each wrong box, and no sameness beside a wrong open', () => {
    expect(checkHours('24:00', '24:00')).toEqual({ open: { key: 'check.time' } });
    expect(checkHours('25:00', '7:30')).toEqual({
      open: { key: 'check.time' },
      close: { key: 'check.closeTime' },
    });
  });
});

describe('readNumber', () => {
  const visitors = { min: 0, max: 10_000_000, whole: true };

  it('reads a decimal comma as Vietnamese writes it, and a point', () => {
    expect(readNumber('3,5', { min: 0, max: 1440, aboveMin: true })).toEqual({ value: 3.5 });
    expect(readNumber('3.5', { min: 0, max: 1440, aboveMin: true })).toEqual({ value: 3.5 });
  });

  it('reads thousands grouped as Vietnamese and English write them, never as a decimal', () => {
    // 10.000 visitors was read as 10: the point taken for a decimal sign.
    expect(readNumber('10.000', visitors)).toEqual({ value: 10_000 });
    expect(readNumber('1.000.000', visitors)).toEqual({ value: 1_000_000 });
    expect(readNumber('1,000', visitors)).toEqual({ value: 1000 });
    expect(readNumber('1 500', visitors)).toEqual({ value: 1500 });
    // Where a fraction is taken, 1.500 is 1,500 to one reader and 1.5 to the other: asked again.
    const minutes = { min: 0, max: 10_080, aboveMin: true };
    expect(readNumber('1.500', minutes)).toEqual({ problem: { key: 'check.ambiguous' } });
    expect(readNumber('1.000.000,5', minutes)).toEqual({ problem: { key: 'check.number' } });
    expect(readNumber('1,50', minutes)).toEqual({ value: 1.5 });
    // A leading 0 is no group of thousands: half a minute, an eighth.
    expect(readNumber('0,500', minutes)).toEqual({ value: 0.5 });
    expect(readNumber('0.125', minutes)).toEqual({ value: 0.125 });
  });

  it('takes a blank box as no figure', () => {
    expect(readNumber(' ', visitors)).toEqual({ value: null });
  });

  it('refuses −5 visitors, 1,5 visitors and more than ten million', () => {
    const problem = { problem: { key: 'check.wholeRange', min: 0, max: 10_000_000 } };
    expect(readNumber('-5', visitors)).toEqual(problem);
    expect(readNumber('1,5', visitors)).toEqual(problem);
    expect(readNumber('10000001', visitors)).toEqual(problem);
    expect(readNumber('10000000', visitors)).toEqual({ value: 10_000_000 });
  });

  it('refuses zero minutes a dossier and words', () => {
    const minutes = { min: 0, max: 1440, aboveMin: true };
    expect(readNumber('0', minutes)).toEqual({ problem: { key: 'check.above', min: 0, max: 1440 } });
    expect(readNumber('ba', minutes)).toEqual({ problem: { key: 'check.number' } });
  });
});

describe('checkDay', () => {
  // The Đắk Nông campaign of 2021: 15 March to 30 June.
  it('takes the campaign’s first and last day and refuses the day after', () => {
    expect(checkDay('2021-03-15', '2021-03-15', '2021-06-30')).toBeNull();
    expect(checkDay('2021-06-30', '2021-03-15', '2021-06-30')).toBeNull();
    expect(checkDay('2021-07-01', '2021-03-15', '2021-06-30')).toEqual({
      key: 'check.day',
      from: '2021-03-15',
      to: '2021-06-30',
    });
    expect(checkDay('', '2021-03-15', '2021-06-30')).toBeNull();
  });
});
