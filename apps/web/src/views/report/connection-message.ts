// What the banner above the reporter's form says: whether reports wait and why, and whether a
// refused one needs the reporter; "all sent" only when none waits and none was refused.
import type { ProblemKind } from '../../graphql/problem.ts';
import type { MessageKey } from '../../i18n/vi.ts';

export type ConnectionState = {
  online: boolean;
  /** Reports not yet accepted. */
  waiting: number;
  /** Reports the API refused, which only the reporter can mend or drop. */
  refused: number;
  sending: boolean;
  problem: ProblemKind | null;
};

/**
 * The banner's sentences, each with its count.
 *
 * @example connectionMessages({ online: true, waiting: 0, refused: 1, sending: false, problem: null })
 * // [{ key: 'outbox.needsAttention', count: 1 }]
 */
export function connectionMessages(state: ConnectionState): { key: MessageKey; count: number }[] {
  const { online, waiting, refused, sending, problem } = state;
  const messages: { key: MessageKey; count: number }[] = [];
  if (!online) messages.push({ key: 'outbox.offline', count: waiting });
  else if (waiting > 0) {
    const key: MessageKey = sending
      ? 'outbox.sending'
      : problem === 'unauthenticated'
        ? 'outbox.signInAgain'
        : 'outbox.waiting';
    messages.push({ key, count: waiting });
  }
  if (refused > 0) messages.push({ key: 'outbox.needsAttention', count: refused });
  if (messages.length === 0) messages.push({ key: 'outbox.allSent', count: 0 });
  return messages;
}
