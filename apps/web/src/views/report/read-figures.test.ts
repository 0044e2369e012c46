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

  it('reads seven and a half hours written with a point as well', () => {
    const read = readFigures({ ...DAK_SONG, hoursOpen: '7.5' }, TOMORROW);
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
        machinesWorking: 'wholeMachines',
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
      problems: { downtimeMinutes: 'wholeMinutes' },
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

  it('takes a whole day of downtime, 1,440 minutes, and refuses 1,441 when no machines are given', () => {
    for (const machinesWorking of ['', '0']) {
      expect(readFigures({ ...DAK_SONG, machinesWorking, downtimeMinutes: '1440' }, TOMORROW).ok).toBe(true);
      expect(readFigures({ ...DAK_SONG, machinesWorking, downtimeMinutes: '1441' }, TOMORROW)).toEqual({
        ok: false,
        problems: { downtimeMinutes: 'tooLarge' },
      });
    }
  });

  it('takes a whole day of downtime on each of 3 machines, 4,320 minutes, and refuses 4,321 naming the machines', () => {
    // 3 machines standing still a whole day: 3 × 1,440 = 4,320 machine-minutes.
    const three = { ...DAK_SONG, machinesWorking: '3', hoursOpen: '24' };
    const read = readFigures({ ...three, downtimeMinutes: '4.320' }, TOMORROW);
    expect(read.ok && read.report.downtimeMinutes).toBe(4320);
    expect(readFigures({ ...three, downtimeMinutes: '4321' }, TOMORROW)).toEqual({
      ok: false,
      problems: { downtimeMinutes: 'aboveMachineDays' },
      downtimeBound: { minutes: 4320, machines: 3 },
    });
    expect(readFigures({ ...three, machinesWorking: '1', downtimeMinutes: '1441' }, TOMORROW)).toEqual({
      ok: false,
      problems: { downtimeMinutes: 'aboveMachineDays' },
      downtimeBound: { minutes: 1440, machines: 1 },
    });
    // Machines that cannot be read give no bound: the machines are named, not the downtime.
    expect(readFigures({ ...three, machinesWorking: 'ba', downtimeMinutes: '4320' }, TOMORROW)).toEqual({
      ok: false,
      problems: { machinesWorking: 'wholeMachines' },
    });
  });

  it('says the downtime’s bound with the machines in the reader’s language', () => {
    const three = { max: 4320, machines: 3, perDay: 1440 };
    expect(translate('vi', 'report.problem.aboveMachineDays', three)).toBe(
      'Không được quá 4.320 phút (3 máy hoạt động × 1.440 phút một ngày).',
    );
    expect(translate('en', 'report.problem.aboveMachineDays', three)).toBe(
      'At most 4,320 minutes (3 machines working × 1,440 minutes a day).',
    );
    const one = { max: 1440, machines: 1, perDay: 1440 };
    expect(translate('en', 'report.problem.aboveMachineDays', one)).toBe(
      'At most 1,440 minutes (1 machine working × 1,440 minutes a day).',
    );
  });

  it('says the bound in the reader’s language', () => {
    expect(translate('vi', 'report.problem.tooLarge', { max: 1_000_000 })).toBe('Không được quá 1.000.000.');
    expect(translate('en', 'report.problem.tooLarge', { max: 1_000_000 })).toBe('At most 1,000,000.');
  });
});

describe('reading figures as the rest of the app reads them', () => {
  it('reads Đắk Song’s 1,085 dossiers with its thousands grouped the Vietnamese way or the English way', () => {
    for (const dossiers of ['1.085', '1,085', '1 085']) {
      const read = readFigures({ ...DAK_SONG, dossiers }, TOMORROW);
      expect(read.ok && read.report.dossiers).toBe(1085);
    }
  });

  it('reads 1.500 and 1,500 dossiers as fifteen hundred, in a count a point or comma can only group thousands', () => {
    for (const dossiers of ['1.500', '1,500']) {
      const read = readFigures({ ...DAK_SONG, dossiers }, TOMORROW);
      expect(read.ok && read.report.dossiers).toBe(1500);
    }
  });

  it('groups the thousands of every count: 1.440 minutes of downtime, 1.000 machines', () => {
    const read = readFigures({ ...DAK_SONG, downtimeMinutes: '1.440', machinesWorking: '1,000' }, TOMORROW);
    expect(read.ok && read.report.downtimeMinutes).toBe(1440);
    expect(read.ok && read.report.machinesWorking).toBe(1000);
  });

  it('refuses 1.5 dossiers: no way of reading it makes a whole number', () => {
    for (const dossiers of ['1.5', '1,5']) {
      expect(readFigures({ ...DAK_SONG, dossiers }, TOMORROW)).toEqual({
        ok: false,
        problems: { dossiers: 'wholeNumber' },
      });
    }
  });

  it('asks again for 1,500 hours rather than reading it as one and a half, or fifteen hundred', () => {
    for (const hoursOpen of ['1,500', '1.500']) {
      expect(readFigures({ ...DAK_SONG, hoursOpen }, TOMORROW)).toEqual({
        ok: false,
        problems: { hoursOpen: 'ambiguous' },
      });
    }
  });

  it('still reads hours with a leading zero or fewer than three decimals: 0,500 and 1,50', () => {
    const half = readFigures({ ...DAK_SONG, hoursOpen: '0,500' }, TOMORROW);
    expect(half.ok && half.report.hoursOpen).toBe(0.5);
    const oneAndAHalf = readFigures({ ...DAK_SONG, hoursOpen: '1,50' }, TOMORROW);
    expect(oneAndAHalf.ok && oneAndAHalf.report.hoursOpen).toBe(1.5);
  });

  it('refuses negative figures and garbage in every box', () => {
    expect(
      readFigures(
        { ...DAK_SONG, dossiers: '-1.085', machinesWorking: 'hai', hoursOpen: '-7,5', downtimeMinutes: '3O' },
        TOMORROW,
      ),
    ).toEqual({
      ok: false,
      problems: {
        dossiers: 'wholeNumber',
        machinesWorking: 'wholeMachines',
        hoursOpen: 'number',
        // Minutes, not a count of dossiers: an example of its own.
        downtimeMinutes: 'wholeMinutes',
      },
    });
    expect(readFigures({ ...DAK_SONG, hoursOpen: '7,5,0' }, TOMORROW)).toEqual({
      ok: false,
      problems: { hoursOpen: 'number' },
    });
  });

  it('words the new problems under their box in both languages', () => {
    expect(translate('vi', 'report.problem.ambiguous')).toBe(
      'Không rõ là hàng nghìn hay phần thập phân: viết số giờ như 7 hoặc 7,5.',
    );
    expect(translate('en', 'report.problem.ambiguous')).toBe(
      'Unclear whether that is thousands or a fraction: write the hours as 7 or 7.5.',
    );
    // One example each, grouped as its reader writes a thousand (the box takes either grouping).
    expect(translate('vi', 'report.problem.wholeNumber')).toBe('Nhập số nguyên từ 0 trở lên, ví dụ 1.085.');
    expect(translate('en', 'report.problem.wholeNumber')).toBe(
      'Enter a whole number, 0 or more, e.g. 1,085.',
    );
    expect(translate('vi', 'report.problem.wholeMinutes')).toBe(
      'Nhập số phút nguyên từ 0 trở lên, ví dụ 30.',
    );
    expect(translate('en', 'report.problem.wholeMinutes')).toBe('Enter whole minutes, 0 or more, e.g. 30.');
    expect(translate('vi', 'report.problem.wholeMachines')).toBe('Nhập số máy nguyên từ 0 trở lên, ví dụ 4.');
    expect(translate('en', 'report.problem.wholeMachines')).toBe('Enter whole machines, 0 or more, e.g. 4.');
  });
});
