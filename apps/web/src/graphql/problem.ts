// What went wrong with a request, in the terms a planner acts on: the service cannot be reached,
// the sign-in is no longer valid, the role may not do this, the request is more than the service
// computes at once, the service was too busy to compute it in the time one request has, or the
// service failed.
import type { CombinedError } from 'urql';
import type { MessageKey } from '../i18n/vi.ts';

export type ProblemKind = 'offline' | 'unauthenticated' | 'forbidden' | 'tooLarge' | 'busy' | 'server';

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
  // Over the service's cost for one request: asking again gives the same answer.
  if (codes.includes('LIMIT_EXCEEDED')) return 'tooLarge';
  return null;
}

export function problemOf(error: CombinedError): ProblemKind {
  const status = error.response?.status as number | undefined;
  const refused = refusalKindOf(
    status,
    error.graphQLErrors.map((e) => e.extensions?.code),
  );
  // Stopped only by the request's time (extensions.limit 'time', apps/api/src/yoga.ts): a busy
  // service, which may answer when asked again; a cost or a document limit is refused again.
  const limits = error.graphQLErrors.filter((e) => e.extensions?.code === 'LIMIT_EXCEEDED');
  if (refused === 'tooLarge' && limits.every((e) => e.extensions?.limit === 'time')) return 'busy';
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
  busy: 'problem.busy',
  server: 'problem.server',
};
