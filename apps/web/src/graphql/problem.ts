// What went wrong with a request, in the terms a planner acts on: the service cannot be reached,
// the sign-in is no longer valid, the role may not do this, the request is more than the service
// computes at once, or the service failed.
import type { CombinedError } from 'urql';
import type { MessageKey } from '../i18n/vi.ts';

export type ProblemKind = 'offline' | 'unauthenticated' | 'forbidden' | 'tooLarge' | 'server';

export function problemOf(error: CombinedError): ProblemKind {
  const status = error.response?.status as number | undefined;
  const codes = error.graphQLErrors.map((e) => e.extensions?.code);
  if (status === 401 || codes.includes('UNAUTHENTICATED')) return 'unauthenticated';
  if (status === 403 || codes.includes('FORBIDDEN')) return 'forbidden';
  // Over the service's cost or time for one request: asking again gives the same answer.
  if (codes.includes('LIMIT_EXCEEDED')) return 'tooLarge';
  if (error.networkError && error.graphQLErrors.length === 0) {
    // A fetch that failed outright (refused, reset) or a gateway answering for a stopped service.
    return status === undefined || status >= 500 ? 'offline' : 'server';
  }
  return 'server';
}

export const PROBLEM_MESSAGE: Record<ProblemKind, MessageKey> = {
  offline: 'problem.offline',
  unauthenticated: 'problem.unauthenticated',
  forbidden: 'problem.forbidden',
  tooLarge: 'problem.tooLarge',
  server: 'problem.server',
};
