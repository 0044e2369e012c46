import { describe, expect, it } from 'vitest';
import { formatDate, type Locale } from '../../i18n/format.ts';
import { timeAxisLabels } from './time-axis-labels.ts';

const dateIn = (locale: Locale) => (isoDate: string, style: Parameters<typeof formatDate>[2]) =>
  formatDate(locale, isoDate, style);

describe('timeAxisLabels', () => {
  // A forecast from June 2021 into July 2022: 8 January is of 2022, after 27 July 2021's month.
  const overTwoYears = ['2021-06-22', '2022-01-08', '2022-07-27'];

  it('writes the year on every tick when the axis runs into another year, in both languages', () => {
    expect(timeAxisLabels(dateIn('vi'), overTwoYears, '2021-03-15', '2022-08-02')).toEqual([
      '22/6/2021',
      '8/1/2022',
      '27/7/2022',
    ]);
    expect(timeAxisLabels(dateIn('en'), overTwoYears, '2021-03-15', '2022-08-02')).toEqual([
      '22/06/2021',
      '08/01/2022',
      '27/07/2022',
    ]);
  });

  it('writes the year when the axis crosses New Year though every tick falls in one year', () => {
    // 20 December 2021 to 5 January 2022, ticks before New Year only.
    expect(timeAxisLabels(dateIn('vi'), ['2021-12-22', '2021-12-29'], '2021-12-20', '2022-01-05')).toEqual([
      '22/12/2021',
      '29/12/2021',
    ]);
  });

  it('writes day and month only when the axis keeps within one year', () => {
    // Đắk Nông 2021: 15 March to 30 June.
    const days = ['2021-03-15', '2021-05-01', '2021-06-30'];
    expect(timeAxisLabels(dateIn('vi'), days, '2021-03-15', '2021-06-30')).toEqual(['15/3', '1/5', '30/6']);
    expect(timeAxisLabels(dateIn('en'), days, '2021-03-15', '2021-06-30')).toEqual([
      '15/03',
      '01/05',
      '30/06',
    ]);
  });
});
