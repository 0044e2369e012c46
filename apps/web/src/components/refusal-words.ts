// A typed error the API answered instead of a result (an unknown area, a refused input, a plan
// that cannot be made, a request over the service's size, a role's refusal), said in the reader's
// language. The API's own sentence is English: an English reader gets it as the reason, a
// Vietnamese reader a sentence of the app's own, with the API's kept apart as a detail to pass on.
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

export type RefusalWords = {
  /** What the page says. */
  sentence: string;
  /** The API's English sentence, shown apart (folded) beneath; null when the sentence says it all. */
  detail: string | null;
};

/**
 * The refusal as the page says it.
 *
 * @example refusalWords('vi', 'InfeasibleError', 'no open days before the deadline')
 * // => { sentence: 'Máy chủ từ chối yêu cầu này.', detail: 'no open days before the deadline' }
 */
export function refusalWords(locale: Locale, typename: string | undefined, message: string): RefusalWords {
  const own = SENTENCE[typename ?? ''];
  if (own) return { sentence: translate(locale, own), detail: null };
  if (message === '') return { sentence: translate(locale, 'problem.refusedHere'), detail: null };
  if (locale === 'en') {
    return { sentence: `${translate(locale, 'problem.refused')} ${message}`, detail: null };
  }
  return { sentence: translate(locale, 'problem.refusedHere'), detail: message };
}
