// One pending report sent to the API, and what its answer means for the phone: accepted (sent),
// refused (the reporter must mend it), or no answer worth acting on (kept, to try again).
import { type Client, CombinedError } from 'urql';
import type { RecordReportMutation } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { type ProblemKind, problemOf } from '../graphql/problem.ts';
import type { OutboxEntry, Receipt, Refusal } from './outbox-entry.ts';

const RecordReportDocument = graphql(`
  mutation RecordReport($report: ActualReportInput!) {
    recordActuals(reports: [$report]) {
      __typename
      ... on RecordActualsPayload {
        reports {
          outcome
          report {
            reportId
            version
          }
          warnings {
            code
            field
            message
          }
        }
      }
      ... on InputError {
        field
        code
      }
      ... on NotFoundError {
        field
      }
      ... on Error {
        message
      }
    }
  }
`);

/** Longest wait for an answer: in a weak signal a request can hang far longer than it is worth. */
export const ANSWER_TIMEOUT_MS = 30_000;

export type SendOutcome =
  | { state: 'sent'; receipt: Receipt }
  | { state: 'refused'; refusal: Refusal }
  /** No usable answer: no signal, the service down or failing, or a sign-in no longer valid. */
  | { state: 'kept'; problem: ProblemKind };

type Answer = { data?: RecordReportMutation | undefined; error?: CombinedError | undefined };

/** GraphQL error codes that refuse the report itself (a resend would be refused again). */
const REFUSING_CODES = new Set(['BAD_USER_INPUT', 'FORBIDDEN']);

/** `reports[0].hoursOpen` → `hoursOpen`; `reports[0]` (the report as a whole) → null. */
function figureOf(field: string | null | undefined): string | null {
  if (!field) return null;
  const figure = field.replace(/^reports\[\d+\]\.?/, '');
  return figure === '' ? null : figure;
}

/** What an answer of `recordActuals` for one report means; `now` stamps a receipt. */
export function outcomeOf(answer: Answer, now: Date): SendOutcome {
  const result = answer.data?.recordActuals;
  if (result?.__typename === 'RecordActualsPayload') {
    const recorded = result.reports[0];
    if (recorded) {
      return {
        state: 'sent',
        receipt: {
          outcome: recorded.outcome,
          reportId: recorded.report.reportId,
          version: recorded.report.version,
          at: now.toISOString(),
          warnings: recorded.warnings.map((warning) => ({
            code: warning.code,
            field: figureOf(warning.field),
            message: warning.message,
          })),
        },
      };
    }
  } else if (result) {
    // A sign-in no longer valid is no fault of the report: it waits for the next sign-in.
    const kind: string = result.__typename;
    if (kind === 'UnauthenticatedError') return { state: 'kept', problem: 'unauthenticated' };
    return {
      state: 'refused',
      refusal: {
        kind,
        field: figureOf('field' in result ? result.field : null),
        code: 'code' in result ? result.code : null,
        message: result.message,
      },
    };
  }
  const error = answer.error;
  const refusing = error?.graphQLErrors.find((e) => REFUSING_CODES.has(String(e.extensions?.code)));
  if (refusing) {
    return {
      state: 'refused',
      refusal: {
        kind: String(refusing.extensions.code),
        field: figureOf(refusing.extensions.field as string | undefined),
        code: null,
        message: refusing.message,
      },
    };
  }
  return { state: 'kept', problem: error ? problemOf(error) : 'server' };
}

/**
 * Sends `entry` with its own idempotency key and team, and reads the answer. Gives up waiting
 * after `timeoutMs` (the request is cancelled) and keeps the report for the next try.
 */
export function sendReport(
  client: Client,
  entry: OutboxEntry,
  now: () => Date = () => new Date(),
  timeoutMs = ANSWER_TIMEOUT_MS,
): Promise<SendOutcome> {
  const report = { ...entry.report, teamCode: entry.teamCode, idempotencyKey: entry.key };
  return new Promise((resolve) => {
    const request = { settled: false, subscription: null as { unsubscribe(): void } | null };
    const finish = (answer: Answer) => {
      if (request.settled) return;
      request.settled = true;
      clearTimeout(timer);
      request.subscription?.unsubscribe();
      resolve(outcomeOf(answer, now()));
    };
    const timer = setTimeout(
      () => finish({ error: new CombinedError({ networkError: new Error('no answer in time') }) }),
      timeoutMs,
    );
    request.subscription = client
      .mutation(RecordReportDocument, { report }, { requestPolicy: 'network-only' })
      .subscribe(finish);
    // An answer that came synchronously (from a cache) has already settled.
    if (request.settled) request.subscription.unsubscribe();
  });
}
