// A typed error the API answered instead of a result (an unknown area, a refused input, a plan
// that cannot be made, a request over the service's size or time, a role's refusal), said in the
// reader's language. The API's own sentence is English: an English reader gets it as the reason, a
// Vietnamese reader a sentence of the app's own, with the API's kept apart as a detail to pass on.
import type { LimitKind } from '../gql/graphql.ts';
import type { Locale } from '../i18n/format.ts';
import { translate } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/vi.ts';

/** The app's own sentence for each typed error it can say without the API's words. */
const SENTENCE: Partial<Record<string, MessageKey>> = {
  ForbiddenError: 'problem.forbidden',
  UnauthenticatedError: 'problem.unauthenticated',
  LimitExceededError: 'problem.tooLarge',
  NotFoundError: 'problem.notFoundHere',
};

/**
 * A LimitExceededError by its limit: over the cost points, the same request is refused again (ask
 * for less); out of time, it was stopped on a busy service and may pass when asked again.
 */
const LIMIT_SENTENCE: Record<LimitKind, MessageKey> = {
  COST: 'problem.tooLarge',
  TIME: 'problem.busy',
};

export type RefusalWords = {
  /** What the page says. */
  sentence: string;
  /** The API's English sentence, shown apart (folded) beneath; null when the sentence says it all. */
  detail: string | null;
  /** Whether asking again may answer: a request stopped when its time ran out on a busy service. */
  retry: boolean;
};

/**
 * The refusal as the page says it.
 *
 * @example refusalWords('vi', 'InfeasibleError', 'no open days before the deadline')
 * // => { sentence: 'Máy chủ từ chối yêu cầu này.', detail: 'no open days before the deadline', retry: false }
 */
export function refusalWords(
  locale: Locale,
  typename: string | undefined,
  message: string,
  /** A LimitExceededError's `limit`, when the document selected it (else said as over the cost). */
  limit?: LimitKind | null,
): RefusalWords {
  if (typename === 'LimitExceededError' && limit) {
    return { sentence: translate(locale, LIMIT_SENTENCE[limit]), detail: null, retry: limit === 'TIME' };
  }
  const own = SENTENCE[typename ?? ''];
  if (own) return { sentence: translate(locale, own), detail: null, retry: false };
  if (message === '')
    return { sentence: translate(locale, 'problem.refusedHere'), detail: null, retry: false };
  if (locale === 'en') {
    return { sentence: `${translate(locale, 'problem.refused')} ${message}`, detail: null, retry: false };
  }
  return { sentence: translate(locale, 'problem.refusedHere'), detail: message, retry: false };
}
