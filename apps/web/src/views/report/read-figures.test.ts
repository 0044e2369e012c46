import { describe, expect, it } from 'vitest';
import { type FormValues, readFigures } from './read-figures.ts';

// Đắk Song's field report of 20 March 2021: 1,085 dossiers; open 05:00–24:00 (19 hours).
const DAK_SONG: FormValues = {
  date: '2021-03-20',
  areaCode: '665',
  dossiers: '1085',
  machinesWorking: '2',
  hoursOpen: '19',
  downtimeMinutes: '',
  note: '',
};
const TOMORROW = '2021-03-21';

describe('reading the report form', () => {
  it('reads Đắk Song’s 20 March as figures, a blank downtime as not reported rather than zero', () => {
    expect(readFigures(DAK_SONG, TOMORROW)).toEqual({
      ok: true,
      report: {
        date: '2021-03-20',
        areaCode: '665',
        dossiers: 1085,
        machinesWorking: 2,
        hoursOpen: 19,
        downtimeMinutes: null,
        note: null,
      },
    });
  });

  it('reads seven and a half hours written the Vietnamese way, with a comma', () => {
    const read = readFigures({ ...DAK_SONG, hoursOpen: '7,5' }, TOMORROW);
    expect(read.ok && read.report.hoursOpen).toBe(7.5);
  });

  it('names every field it cannot read, at once', () => {
    expect(
      readFigures(
        { ...DAK_SONG, dossiers: '12a', machinesWorking: '1.5', hoursOpen: 'x', date: '' },
        TOMORROW,
      ),
    ).toEqual({
      ok: false,
      problems: {
        dossiers: 'wholeNumber',
        machinesWorking: 'wholeNumber',
        hoursOpen: 'number',
        date: 'date',
      },
    });
  });

  it('asks for the dossiers, the one figure a report cannot do without', () => {
    expect(readFigures({ ...DAK_SONG, dossiers: ' ' }, TOMORROW)).toEqual({
      ok: false,
      problems: { dossiers: 'required' },
    });
  });

  it('refuses a minus sign rather than reading a negative count', () => {
    expect(readFigures({ ...DAK_SONG, downtimeMinutes: '-30' }, TOMORROW)).toEqual({
      ok: false,
      problems: { downtimeMinutes: 'wholeNumber' },
    });
  });

  it('takes a report for tomorrow but not for the day after', () => {
    expect(readFigures({ ...DAK_SONG, date: TOMORROW }, TOMORROW).ok).toBe(true);
    expect(readFigures({ ...DAK_SONG, date: '2021-03-22' }, TOMORROW)).toEqual({
      ok: false,
      problems: { date: 'future' },
    });
  });
});
