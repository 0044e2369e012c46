/** Test-only: Nghệ An's day and night as three 8-hour shifts, one crew each, over four weeks from 20 March 2021. */
export const THREE_EIGHTS = [
  { name: 'Day', start: '06:00', end: '14:00', crews: 1 },
  { name: 'Evening', start: '14:00', end: '22:00', crews: 1 },
  { name: 'Night', start: '22:00', end: '06:00', crews: 1 },
];

export const FOUR_WEEKS = { startDate: '2021-03-20', days: 28, shifts: THREE_EIGHTS };
