import { describe, expect, it } from 'vitest';
import type { OutboxEntry, Receipt } from './outbox-entry.ts';
import { replacedEntries } from './replaced-entries.ts';

// The tester's phone: Đắk Hòa's 21 March 2021 sent as 1,085 dossiers on 5 machines, then again as
// 100 on 2 machines; the API answered the second CORRECTED, the same report at version 2.
function entry(
  key: string,
  dossiers: number,
  machinesWorking: number,
  state: OutboxEntry['state'],
  receipt: Receipt | null,
): OutboxEntry {
  return {
    key,
    teamCode: 'DN-DAK-SONG-MOBILE',
    enteredBy: 'Reporter 1',
    report: {
      date: '2021-03-21',
      areaCode: '24719',
      dossiers,
      machinesWorking,
      hoursOpen: null,
      downtimeMinutes: null,
      note: null,
    },
    enteredAt: '2021-03-21T10:00:00.000Z',
    state,
    attempts: 0,
    lastAttemptAt: null,
    receipt,
    refusal: null,
  };
}

const THOUSAND = entry('k-1085', 1085, 5, 'sent', {
  outcome: 'CREATED',
  reportId: 'report-a',
  version: 1,
  at: '2021-03-21T10:00:01.000Z',
  warnings: [{ code: 'machines-above-team', field: 'machinesWorking', message: '5 machines, team has 2' }],
});
const HUNDRED = entry('k-100', 100, 2, 'sent', {
  outcome: 'CORRECTED',
  reportId: 'report-a',
  version: 2,
  at: '2021-03-21T10:05:01.000Z',
  warnings: [],
});

describe('which reports on the phone a later one replaced', () => {
  it('marks the 1,085 dossiers replaced by the 100 the API corrected them to, and nothing else', () => {
    expect(replacedEntries([HUNDRED, THOUSAND])).toEqual(new Map([['k-1085', HUNDRED]]));
  });

  it('goes by the version the API answered, not by the order on the phone', () => {
    // A teammate's report entered first but sent last corrected the one sent before it.
    const enteredFirst = { ...HUNDRED, enteredAt: '2021-03-21T09:00:00.000Z' };
    expect(replacedEntries([THOUSAND, enteredFirst])).toEqual(new Map([['k-1085', enteredFirst]]));
  });

  it('marks the earlier of the same figures sent twice, which the API answered UNCHANGED', () => {
    const again = entry('k-1085-again', 1085, 5, 'sent', {
      outcome: 'UNCHANGED',
      reportId: 'report-a',
      version: 1,
      at: '2021-03-21T10:02:00.000Z',
      warnings: [],
    });
    expect(replacedEntries([again, THOUSAND])).toEqual(new Map([['k-1085', again]]));
  });

  it('replaces nothing with a report of another day, area or team (another report id)', () => {
    const otherDay = entry('k-22', 100, 2, 'sent', {
      outcome: 'CREATED',
      reportId: 'report-b',
      version: 1,
      at: '2021-03-22T10:00:00.000Z',
      warnings: [],
    });
    expect(replacedEntries([otherDay, THOUSAND])).toEqual(new Map());
  });

  it('replaces nothing with a report still pending or refused: the API holds the 1,085', () => {
    const pending = entry('k-pending', 100, 2, 'pending', null);
    const refused = {
      ...entry('k-refused', 100, 0, 'refused', null),
      refusal: { kind: 'InputError', field: 'machinesWorking', code: 'range', message: 'no machines' },
    };
    expect(replacedEntries([pending, refused, THOUSAND])).toEqual(new Map());
  });
});
