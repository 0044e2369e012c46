import { GraphQLError } from 'graphql';
import type { Client } from 'urql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n.tsx';
import { refusalWords } from '../views/report/refusal-words.ts';
import { enterReport, type Refusal } from './outbox-entry.ts';
import { outcomeOf, sendReport } from './send-report.ts';

const NOW = new Date('2021-03-20T15:00:00Z');
// Đắk Song's report of 20 March 2021 (1,085 dossiers), entered by its mobile team.
const ENTRY = enterReport(
  'DN-DAK-SONG-MOBILE',
  'Đắk Song reporter',
  {
    date: '2021-03-20',
    areaCode: '665',
    dossiers: 1085,
    machinesWorking: 2,
    hoursOpen: 19,
    downtimeMinutes: null,
    note: null,
  },
  NOW,
);

function refusalOf(outcome: ReturnType<typeof outcomeOf>): Refusal {
  if (outcome.state !== 'refused') throw new Error(`expected a refusal, got ${outcome.state}`);
  return outcome.refusal;
}

describe('what an answer to a sent report means', () => {
  it('a report the API recorded is sent, with its outcome and version', () => {
    const outcome = outcomeOf(
      {
        data: {
          recordActuals: {
            __typename: 'RecordActualsPayload',
            reports: [{ outcome: 'CREATED', report: { reportId: 'r1', version: 1 }, warnings: [] }],
          },
        },
      },
      NOW,
    );
    expect(outcome).toEqual({
      state: 'sent',
      receipt: {
        outcome: 'CREATED',
        reportId: 'r1',
        version: 1,
        at: '2021-03-20T15:00:00.000Z',
        warnings: [],
      },
    });
  });

  it('a report recorded with warnings keeps them with its receipt, each with its code and figure', () => {
    // The API's answer for 1,085 dossiers on 2 machines on a day after the 2021 campaign.
    const outcome = outcomeOf(
      {
        data: {
          recordActuals: {
            __typename: 'RecordActualsPayload',
            reports: [
              {
                outcome: 'CREATED',
                report: { reportId: 'r2', version: 1 },
                warnings: [
                  {
                    code: 'above-service-capacity',
                    field: 'reports[0].dossiers',
                    message:
                      'reports[0].dossiers: 1085 dossiers on 2 machines is 543 a machine-day, above the 411',
                  },
                  {
                    code: 'outside-campaign',
                    field: 'reports[0].date',
                    message:
                      'reports[0].date: 2026-01-10 is after the deadline of every campaign over area 24718',
                  },
                ],
              },
            ],
          },
        },
      },
      NOW,
    );
    if (outcome.state !== 'sent') throw new Error(`expected sent, got ${outcome.state}`);
    expect(outcome.receipt.warnings?.map(({ code, field }) => ({ code, field }))).toEqual([
      { code: 'above-service-capacity', field: 'dossiers' },
      { code: 'outside-campaign', field: 'date' },
    ]);
  });

  it('25 hours open refused by the API reads “Số giờ mở cửa: nằm ngoài giới hạn cho phép” in Vietnamese', () => {
    // The API's answer as recordActuals gives it for hoursOpen 25.
    const refusal = refusalOf(
      outcomeOf(
        {
          data: {
            recordActuals: {
              __typename: 'InputError',
              field: 'reports[0].hoursOpen',
              code: 'range',
              message: 'reports[0].hoursOpen must be a number of hours from 0 to 24, got 25',
            },
          },
        },
        NOW,
      ),
    );
    expect(refusal).toEqual({
      kind: 'InputError',
      field: 'hoursOpen',
      code: 'range',
      message: 'reports[0].hoursOpen must be a number of hours from 0 to 24, got 25',
    });
    const { field, reason } = refusalWords(refusal);
    expect(field && `${translate('vi', field)}: ${translate('vi', reason)}`).toBe(
      'Số giờ mở cửa: nằm ngoài giới hạn cho phép',
    );
    expect(field && `${translate('en', field)}: ${translate('en', reason)}`).toBe(
      'Hours open: outside the allowed range',
    );
  });

  it('an area outside the reporter’s is refused as forbidden, naming the area', () => {
    const refusal = refusalOf(
      outcomeOf(
        {
          error: new CombinedError({
            graphQLErrors: [
              new GraphQLError('reports[0].areaCode: area 661 is outside the area of reporter …', {
                extensions: { code: 'FORBIDDEN', field: 'reports[0].areaCode' },
              }),
            ],
          }),
        },
        NOW,
      ),
    );
    expect(refusal).toMatchObject({ kind: 'FORBIDDEN', field: 'areaCode' });
    expect(translate('en', refusalWords(refusal).reason)).toBe('your account may not report this');
  });

  it('no signal keeps the report to try again', () => {
    const outcome = outcomeOf(
      { error: new CombinedError({ networkError: new TypeError('Failed to fetch') }) },
      NOW,
    );
    expect(outcome).toEqual({ state: 'kept', problem: 'offline' });
  });

  it('a token no longer valid keeps the report for the next sign-in rather than refusing it', () => {
    const outcome = outcomeOf(
      {
        error: new CombinedError({
          networkError: new Error('Unauthorized'),
          response: { status: 401 },
        }),
      },
      NOW,
    );
    expect(outcome).toEqual({ state: 'kept', problem: 'unauthenticated' });
  });
});

/** A client whose mutations answer as `answer` says (never, when it gives nothing). */
function fakeClient(answer: (variables: unknown) => object | null) {
  const sent: unknown[] = [];
  let cancelled = 0;
  const client = {
    mutation: (_document: unknown, variables: unknown) => ({
      subscribe(deliver: (result: object) => void) {
        sent.push(variables);
        const result = answer(variables);
        if (result) queueMicrotask(() => deliver(result));
        return {
          unsubscribe() {
            cancelled += 1;
          },
        };
      },
    }),
  } as unknown as Client;
  return { client, sent, cancelled: () => cancelled };
}

describe('sending a kept report', () => {
  it('sends the key made when the report was entered, the same at every resend', async () => {
    const { client, sent } = fakeClient(() => ({
      error: new CombinedError({ networkError: new TypeError('Failed to fetch') }),
    }));
    await sendReport(client, ENTRY);
    await sendReport(client, ENTRY);
    expect(sent).toEqual([
      { report: { ...ENTRY.report, teamCode: 'DN-DAK-SONG-MOBILE', idempotencyKey: ENTRY.key } },
      { report: { ...ENTRY.report, teamCode: 'DN-DAK-SONG-MOBILE', idempotencyKey: ENTRY.key } },
    ]);
  });

  it('gives up waiting for an answer that does not come, cancels the request and keeps the report', async () => {
    const { client, cancelled } = fakeClient(() => null);
    expect(await sendReport(client, ENTRY, () => NOW, 20)).toEqual({ state: 'kept', problem: 'offline' });
    expect(cancelled()).toBe(1);
  });
});

describe('the key made on the device', () => {
  it('is a UUID v4, new for every report entered', () => {
    const keys = new Set(
      Array.from({ length: 50 }, () => enterReport('T', 'Reporter', ENTRY.report, NOW).key),
    );
    expect(keys.size).toBe(50);
    for (const key of keys)
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
