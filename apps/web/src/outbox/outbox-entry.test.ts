import { describe, expect, it } from 'vitest';
import { enterReport, type OutboxEntry, takeOver, waitsFor } from './outbox-entry.ts';

// Đắk Hòa's day of 20 March 2021 (137 dossiers in 9 hours), entered on the Đắk Song team's shared phone.
const ENTRY = enterReport(
  'DN-DAK-SONG-MOBILE',
  'Reporter 1',
  {
    date: '2021-03-20',
    areaCode: '24719',
    dossiers: 137,
    machinesWorking: null,
    hoursOpen: 9,
    downtimeMinutes: null,
    note: null,
  },
  new Date('2021-03-20T15:00:00Z'),
);

/** An entry kept before the outbox wrote down who entered it. */
function legacy(entry: OutboxEntry): OutboxEntry {
  const { enteredBy: _who, ...rest } = entry;
  return rest;
}

describe('whom a pending report waits for on a shared phone', () => {
  it('waits for nobody when its own reporter is signed in', () => {
    expect(waitsFor(ENTRY, 'Reporter 1')).toBeNull();
  });

  it('waits for the reporter who entered it while a teammate is signed in', () => {
    expect(waitsFor(ENTRY, 'phone 3')).toBe('Reporter 1');
  });

  it('waits for nobody when it was kept before the outbox wrote down who entered it: any of the team sends it', () => {
    expect(waitsFor(legacy(ENTRY), 'phone 3')).toBeNull();
    expect(waitsFor(legacy(ENTRY), 'Reporter 1')).toBeNull();
  });
});

describe('a waiting report taken over by the signed-in teammate', () => {
  it('becomes the teammate’s, so it waits for nobody and is sent with their sign-in', () => {
    const taken = takeOver(ENTRY, 'phone 3');
    expect(taken.enteredBy).toBe('phone 3');
    expect(waitsFor(taken, 'phone 3')).toBeNull();
    // The one who entered it would now find it waiting for the new sender.
    expect(waitsFor(taken, 'Reporter 1')).toBe('phone 3');
  });

  it('keeps its key, team, figures and where it stands, so a copy already sent counts once', () => {
    const taken = takeOver({ ...ENTRY, attempts: 2, lastAttemptAt: '2021-03-20T15:05:00.000Z' }, 'phone 3');
    expect(taken).toEqual({
      key: ENTRY.key,
      teamCode: 'DN-DAK-SONG-MOBILE',
      enteredBy: 'phone 3',
      report: {
        date: '2021-03-20',
        areaCode: '24719',
        dossiers: 137,
        machinesWorking: null,
        hoursOpen: 9,
        downtimeMinutes: null,
        note: null,
      },
      enteredAt: '2021-03-20T15:00:00.000Z',
      state: 'pending',
      attempts: 2,
      lastAttemptAt: '2021-03-20T15:05:00.000Z',
      receipt: null,
      refusal: null,
    });
  });

  it('leaves the entry it was given unchanged', () => {
    takeOver(ENTRY, 'phone 3');
    expect(ENTRY.enteredBy).toBe('Reporter 1');
  });

  it('writes down a sender for a report kept before senders were written down', () => {
    expect(takeOver(legacy(ENTRY), 'phone 3').enteredBy).toBe('phone 3');
  });
});
