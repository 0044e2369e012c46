import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { formatDate, type Locale } from '../../i18n/format.ts';
import { timeAxisLabels } from './time-axis-labels.ts';
import { type TimeAxisTick, timeAxisTicks } from './time-axis-ticks.ts';

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The burn-up's axis from `first` to `last` drawn `widthPx` wide (its margins: 64 px left, 16 right). */
function axisOf(locale: Locale, first: string, last: string, widthPx: number) {
  const x = scaleLinear()
    .domain([dayNumber(first), dayNumber(last)])
    .range([64, widthPx - 16]);
  return {
    firstDay: dayNumber(first),
    lastDay: dayNumber(last),
    at: (day: number) => x(day),
    labels: (days: readonly number[]) =>
      timeAxisLabels((iso, style) => formatDate(locale, iso, style), days.map(isoOfDay), first, last),
    widthPx,
  };
}

const labelsOf = (ticks: TimeAxisTick[]) => ticks.map((tick) => tick.label);

describe('timeAxisTicks', () => {
  it('labels the example’s axis every two weeks, its first label moved in to stay on the drawing', () => {
    expect(
      timeAxisTicks({
        firstDay: 0,
        lastDay: 100,
        at: (day) => day * 3,
        labels: (days) => days.map(String),
        widthPx: 300,
      }),
    ).toEqual([
      { day: 0, label: '0', x: 3.5 },
      { day: 14, label: '14', x: 42 },
      { day: 28, label: '28', x: 84 },
      { day: 42, label: '42', x: 126 },
      { day: 56, label: '56', x: 168 },
      { day: 70, label: '70', x: 210 },
      { day: 84, label: '84', x: 252 },
      { day: 98, label: '98', x: 293 },
    ]);
  });

  it('gives a 360 px phone’s burn-up of 15 March to 2 July 2021 a date every 20 days', () => {
    // The chart is 294 px wide on a 360 px phone (the page's and the card's padding and border).
    // Day 18,720 since 1970 is 3 April 2021; every 20 days on: 23/4, 13/5, 2/6, 22/6.
    expect(labelsOf(timeAxisTicks(axisOf('vi', '2021-03-15', '2021-07-02', 294)))).toEqual([
      '3/4',
      '23/4',
      '13/5',
      '2/6',
      '22/6',
    ]);
  });

  it('gives a narrower chart over a longer campaign a date every 30 days', () => {
    // 15 March to 1 August 2021 in 240 px; day 18,720 is 3 April, then every 30 days: 3/5, 2/6, 2/7
    // and 1/8, the last day.
    expect(labelsOf(timeAxisTicks(axisOf('vi', '2021-03-15', '2021-08-01', 240)))).toEqual([
      '3/4',
      '3/5',
      '2/6',
      '2/7',
      '1/8',
    ]);
  });

  it('gives a wider drawing no fewer labels, and the year on each when the axis crosses one', () => {
    for (const [first, last] of [
      ['2021-03-15', '2021-07-02'],
      ['2023-10-02', '2024-03-24'],
      ['2021-12-20', '2022-01-05'],
    ] as const) {
      let before = 0;
      for (let widthPx = 200; widthPx <= 1400; widthPx += 50) {
        const ticks = timeAxisTicks(axisOf('en', first, last, widthPx));
        expect(ticks.length, `${first} to ${last} at ${widthPx} px`).toBeGreaterThanOrEqual(before);
        before = ticks.length;
        const crossesYear = first.slice(0, 4) !== last.slice(0, 4);
        for (const { label } of ticks)
          expect(label).toMatch(crossesYear ? /^\d\d\/\d\d\/\d{4}$/ : /^\d\d\/\d\d$/);
      }
    }
  });
});
