import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/i18n.tsx';
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

describe('holding each figure to what the API takes', () => {
  it('names a 20-digit dossiers figure under its box instead of letting GraphQL refuse it', () => {
    expect(readFigures({ ...DAK_SONG, dossiers: '100000000000000000000' }, TOMORROW)).toEqual({
      ok: false,
      problems: { dossiers: 'tooLarge' },
    });
  });

  it('takes a million dossiers and refuses one more', () => {
    expect(readFigures({ ...DAK_SONG, dossiers: '1000000' }, TOMORROW).ok).toBe(true);
    expect(readFigures({ ...DAK_SONG, dossiers: '1000001' }, TOMORROW)).toEqual({
      ok: false,
      problems: { dossiers: 'tooLarge' },
    });
  });

  it('takes 100,000 machines and refuses 20 million', () => {
    expect(readFigures({ ...DAK_SONG, machinesWorking: '100000' }, TOMORROW).ok).toBe(true);
    expect(readFigures({ ...DAK_SONG, machinesWorking: '100001' }, TOMORROW)).toEqual({
      ok: false,
      problems: { machinesWorking: 'tooLarge' },
    });
    expect(readFigures({ ...DAK_SONG, machinesWorking: '20000000' }, TOMORROW)).toEqual({
      ok: false,
      problems: { machinesWorking: 'tooLarge' },
    });
  });

  it('takes a whole day open, 24 hours, and refuses 24,5 and 25', () => {
    expect(readFigures({ ...DAK_SONG, hoursOpen: '24' }, TOMORROW).ok).toBe(true);
    for (const hoursOpen of ['24,5', '25']) {
      expect(readFigures({ ...DAK_SONG, hoursOpen }, TOMORROW)).toEqual({
        ok: false,
        problems: { hoursOpen: 'tooLarge' },
      });
    }
  });

  it('takes a whole day of downtime, 1,440 minutes, and refuses 1,441', () => {
    expect(readFigures({ ...DAK_SONG, downtimeMinutes: '1440' }, TOMORROW).ok).toBe(true);
    expect(readFigures({ ...DAK_SONG, downtimeMinutes: '1441' }, TOMORROW)).toEqual({
      ok: false,
      problems: { downtimeMinutes: 'tooLarge' },
    });
  });

  it('says the bound in the reader’s language', () => {
    expect(translate('vi', 'report.problem.tooLarge', { max: 1_000_000 })).toBe('Không được quá 1.000.000.');
    expect(translate('en', 'report.problem.tooLarge', { max: 1_000_000 })).toBe('At most 1,000,000.');
  });
});
