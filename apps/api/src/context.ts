import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import type { YogaInitialContext } from 'graphql-yoga';
import { createAuthenticator, rateLimits, retryAfterSeconds, tooManyRequests } from './auth/rate-limit.ts';
import type { Principal, TokenEnd } from './auth/tokens.ts';
import type { Memo } from './compute/memo.ts';
import { database } from './db.ts';
import { createRequestWork, type RequestWork } from './limits/request-work.ts';

/** Per-request context: the caller named by its bearer token, or null when it sent none. */
export type Context = {
  request: Request;
  principal: Principal | null;
  /** What the request's computations may still spend (cost points, time). */
  work: RequestWork;
  /** Results computed once per request, whichever fields and aliases ask for them. */
  memo: Memo;
};

function unauthenticated(message: string, reason?: TokenEnd): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      ...(reason ? { reason } : {}),
      http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } },
    },
  });
}

const authenticator = createAuthenticator(database);

/**
 * Who sends the request, for the brake on failed authentications: the peer's address, or behind a
 * proxy that sets it (TRUST_PROXY=1) the first X-Forwarded-For address.
 */
function clientOf(initial: YogaInitialContext & { req?: IncomingMessage }): string {
  if (process.env.TRUST_PROXY === '1') {
    const forwarded = initial.request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return initial.req?.socket?.remoteAddress ?? 'local';
}

/**
 * Reads `Authorization: Bearer <token>`; a token that is sent must be live, or the request fails
 * (401; 429 once the client failed too often this minute, or the token asked too often).
 */
export async function createContext(initial: YogaInitialContext): Promise<Context> {
  const fresh = { request: initial.request, work: createRequestWork(), memo: new Map() };
  const header = initial.request.headers.get('authorization');
  if (header === null || header.trim() === '') return { ...fresh, principal: null };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('Authorization must be "Bearer <token>".');
  const limits = rateLimits();
  const client = clientOf(initial);
  const found = await authenticator.authenticate(match[1], client);
  const blocked = () =>
    tooManyRequests(
      `More than ${limits.failedAuthPerMinute} failed authentications from this client this minute; try again after Retry-After seconds.`,
      retryAfterSeconds(),
    );
  if (found.kind === 'blocked') throw blocked();
  if (found.kind === 'unknown') {
    if ((await authenticator.countFailure(client)) > limits.failedAuthPerMinute) throw blocked();
    throw unauthenticated('The bearer token is unknown, revoked or expired.');
  }
  // A token that was issued and has ended is nobody guessing: it is counted against itself, not
  // the client (a district office behind one address whose phones all reach the expiry together
  // would otherwise lock out its own live tokens), so a leaked and revoked one is still slowed, and
  // the holder is told why, to ask for a new one.
  if (found.kind === 'ended') {
    if ((await authenticator.countEnded(found.tokenId)) > limits.failedAuthPerMinute) {
      throw tooManyRequests(
        `This token has ended and was sent more than ${limits.failedAuthPerMinute} times this minute; try again after Retry-After seconds.`,
        retryAfterSeconds(),
      );
    }
    throw unauthenticated(
      found.reason === 'EXPIRED'
        ? 'The bearer token has expired; ask an admin for a new one.'
        : 'The bearer token was revoked; ask an admin for a new one.',
      found.reason,
    );
  }
  if (found.requests > limits.requestsPerTokenPerMinute) {
    throw tooManyRequests(
      `This token made more than ${limits.requestsPerTokenPerMinute} requests this minute; try again after Retry-After seconds.`,
      retryAfterSeconds(),
    );
  }
  return { ...fresh, principal: found.principal };
}
