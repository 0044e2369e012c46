// What went wrong with a request, in the terms a planner acts on: the service cannot be reached,
// the sign-in is no longer valid, the role may not do this, the request is more than the service
// computes at once, or the service failed.
import type { CombinedError } from 'urql';
import type { MessageKey } from '../i18n/vi.ts';

export type ProblemKind = 'offline' | 'unauthenticated' | 'forbidden' | 'tooLarge' | 'server';

/**
 * The refusal an answer's HTTP status and error codes name (a GraphQL answer or a download's): the
 * sign-in, the role or the request's size; null when they name none of these.
 *
 * @example refusalKindOf(403, []) // 'forbidden'
 */
export function refusalKindOf(
  status: number | undefined,
  codes: readonly unknown[],
): Extract<ProblemKind, 'unauthenticated' | 'forbidden' | 'tooLarge'> | null {
  if (status === 401 || codes.includes('UNAUTHENTICATED')) return 'unauthenticated';
  if (status === 403 || codes.includes('FORBIDDEN')) return 'forbidden';
  // Over the service's cost or time for one request: asking again gives the same answer.
  if (codes.includes('LIMIT_EXCEEDED')) return 'tooLarge';
  return null;
}

export function problemOf(error: CombinedError): ProblemKind {
  const status = error.response?.status as number | undefined;
  const refused = refusalKindOf(
    status,
    error.graphQLErrors.map((e) => e.extensions?.code),
  );
  if (refused) return refused;
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
