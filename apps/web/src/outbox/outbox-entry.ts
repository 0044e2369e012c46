// A report as the phone keeps it until the API has it: the figures the reporter entered, the
// idempotency key made on the device at that moment (so every resend is the same report), and
// where it stands: pending (not yet accepted), sent (with the API's receipt), or refused (with
// the API's reason, which only the reporter can mend).
import type { RecordOutcome } from '../gql/graphql.ts';

/** The day's figures for one area, as `recordActuals` takes them (the team is the token's). */
export type ReportFigures = {
  /** The campaign day, yyyy-MM-dd in the campaign's zone. */
  date: string;
  areaCode: string;
  dossiers: number;
  machinesWorking: number | null;
  hoursOpen: number | null;
  downtimeMinutes: number | null;
  note: string | null;
};

/** What the API said when it accepted the report. */
export type Receipt = {
  outcome: RecordOutcome;
  reportId: string;
  version: number;
  /** When the answer came, ISO instant. */
  at: string;
  /**
   * What the API found unlikely in the figures it recorded (absent from receipts kept before
   * warnings were asked for).
   */
  warnings?: ReceiptWarning[];
};

/** A figure the API recorded but found unlikely: its code (`above-service-capacity`, …) and figure. */
export type ReceiptWarning = {
  code: string;
  /** The figure, without the batch's prefix: `dossiers`, `date`, …; null for the report as a whole. */
  field: string | null;
  /** The API's own words (English), kept with the receipt and shown on no page. */
  message: string;
};

/** Why the API refused the report: its error type, and the field and code where it gives them. */
export type Refusal = {
  /** `InputError`, `NotFoundError`, `ForbiddenError`, … or the error code of a GraphQL error. */
  kind: string;
  /** The figure refused, without the batch's prefix: `hoursOpen`, `date`, … */
  field: string | null;
  /** `range`, `integer`, `format`, … where the API gives one. */
  code: string | null;
  /** The API's own words (English). */
  message: string;
};

export type OutboxEntry = {
  /** The idempotency key: made once, when the report is entered. */
  key: string;
  teamCode: string;
  /**
   * Who entered it: the name the API gives the signed-in token's holder. It is sent with that
   * reporter's sign-in only, so a report is never recorded as another's on a shared phone.
   * Absent from entries kept before it was written down: those go with any of the team's.
   */
  enteredBy?: string;
  report: ReportFigures;
  /** When it was entered, ISO instant. */
  enteredAt: string;
  state: 'pending' | 'sent' | 'refused';
  /** Sends tried that got no answer (no signal, service down). */
  attempts: number;
  lastAttemptAt: string | null;
  receipt: Receipt | null;
  refusal: Refusal | null;
};

/**
 * A new random key (UUID v4). `crypto.randomUUID` exists only in secure contexts (https,
 * localhost): elsewhere the same key is drawn from `crypto.getRandomValues`, which exists everywhere.
 *
 * @example newReportKey() // '3b241101-e2bb-4255-8caf-4136c566a962'
 */
export function newReportKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A report just entered by `enteredBy` (the token holder's name): pending, with its key made now. */
export function enterReport(
  teamCode: string,
  enteredBy: string,
  report: ReportFigures,
  now: Date,
): OutboxEntry {
  return {
    key: newReportKey(),
    teamCode,
    enteredBy,
    report,
    enteredAt: now.toISOString(),
    state: 'pending',
    attempts: 0,
    lastAttemptAt: null,
    receipt: null,
    refusal: null,
  };
}

/**
 * The reporter another sign-in's report waits for, or null when `holder` may send it: its own,
 * or one kept before the outbox wrote down who entered it.
 *
 * @example waitsFor({ ...entry, enteredBy: 'Reporter 1' }, 'Reporter 2') // 'Reporter 1'
 */
export function waitsFor(entry: OutboxEntry, holder: string): string | null {
  return entry.enteredBy === undefined || entry.enteredBy === holder ? null : entry.enteredBy;
}

/**
 * The report `holder` takes over from the teammate it waits for (one who will not sign in under
 * that name again: a token expired, revoked or replaced, a teammate gone): written down as
 * `holder`'s, so the outbox sends it with `holder`'s sign-in and the API records `holder` as its
 * sender. The key stays the report's, so a copy the teammate's phone did send counts once.
 *
 * @example takeOver({ ...entry, enteredBy: 'Reporter 1' }, 'phone 3').enteredBy // 'phone 3'
 */
export function takeOver(entry: OutboxEntry, holder: string): OutboxEntry {
  return { ...entry, enteredBy: holder };
}
