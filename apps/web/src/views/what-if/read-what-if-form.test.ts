import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/i18n.tsx';
import { readWhatIfForm, type WhatIfTexts, whatIfTextsOf } from './read-what-if-form.ts';

// The Đắk Nông scenario of 2021 as stored: 05:00–24:00, 3.5 minutes a dossier, 24 machines.
const STORED = {
  open: '05:00',
  close: '24:00',
  minutesPerDossier: 3.5,
  availability: 1,
  turnout: null,
  machines: { '67': 24 },
};

describe('whatIfTextsOf', () => {
  it('writes 3.5 minutes a dossier as 3,5 in Vietnamese and 3.5 in English, as the compare page does', () => {
    expect(whatIfTextsOf(STORED, 'vi').minutesPerDossier).toBe('3,5');
    expect(whatIfTextsOf(STORED, 'en').minutesPerDossier).toBe('3.5');
    expect(whatIfTextsOf({ ...STORED, minutesPerDossier: 1440 }, 'vi').minutesPerDossier).toBe('1440');
  });
});

describe('readWhatIfForm', () => {
  const typed = (patch: Partial<WhatIfTexts>): WhatIfTexts => ({ ...whatIfTextsOf(STORED, 'vi'), ...patch });

  it('reads the stored scenario back as it was, from either decimal sign', () => {
    expect(readWhatIfForm(typed({}))).toEqual({ ok: true, edits: STORED });
    expect(readWhatIfForm(typed({ minutesPerDossier: '3.5' }))).toEqual({ ok: true, edits: STORED });
  });

  it('keeps the stored figures of boxes left as shown: Nghệ An’s 1440/278 minutes is not planned as 5,18', () => {
    // Nghệ An's scenarios store 278 dossiers a machine-day round the clock: 5.1798561… minutes.
    const edits = { ...STORED, minutesPerDossier: 1440 / 278, availability: 0.9456, turnout: 0.8125 };
    const shown = whatIfTextsOf(edits, 'vi');
    expect([shown.minutesPerDossier, shown.availabilityPercent, shown.turnoutPercent]).toEqual([
      '5,18',
      '94,6',
      '81,3',
    ]);
    expect(readWhatIfForm(shown, { edits, shown })).toEqual({ ok: true, edits });
    // A box the planner changed is read as typed, the others kept.
    expect(readWhatIfForm({ ...shown, minutesPerDossier: '5,2' }, { edits, shown })).toEqual({
      ok: true,
      edits: { ...edits, minutesPerDossier: 5.2 },
    });
  });

  it('refuses minutes a dossier the service does not take: under 0.01 or over a week', () => {
    const minutes = (text: string) => readWhatIfForm(typed({ minutesPerDossier: text }));
    expect(minutes('0,005').ok).toBe(false);
    expect(minutes('10081').ok).toBe(false);
    expect(minutes('10080').ok).toBe(true);
  });

  it('names an opening time of 25:00 in the reader’s language instead of asking the service', () => {
    const read = readWhatIfForm(typed({ open: '25:00' }));
    expect(read.ok).toBe(false);
    const problem = read.ok ? undefined : read.problems.open;
    expect(problem && translate('vi', problem.key)).toBe('Nhập giờ dạng HH:mm, từ 00:00 đến 23:59.');
    expect(problem && translate('en', problem.key)).toBe('Enter a time as HH:mm, from 00:00 to 23:59.');
  });

  it('refuses a close equal to the open, a machine count of −1 and 0 minutes a dossier, each by its box', () => {
    const read = readWhatIfForm(typed({ close: '05:00', minutesPerDossier: '0', machines: { '67': '-1' } }));
    expect(read.ok ? [] : Object.keys(read.problems).sort()).toEqual([
      'close',
      'machines-67',
      'minutesPerDossier',
    ]);
  });
});
