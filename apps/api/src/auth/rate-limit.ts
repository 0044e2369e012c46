// Brakes on abuse: failed authentications per client (a guesser of tokens is stopped after a few
// a minute) and requests per token (a leaked or runaway client is slowed), each answering 429 with
// Retry-After. Counters live where every instance sees them: in PostgreSQL, one row per key and
// fixed window, counted in the same statement that reads the token; on the embedded PGlite (one
// process) in memory.
import { GraphQLError } from 'graphql';
import type { Database } from '../db.ts';
import {
  hashToken,
  liveToken,
  PRINCIPAL_ROW,
  type Principal,
  type TokenEnd,
  tokenEnd,
  tokenOf,
} from './tokens.ts';

const WINDOW_MS = 60_000;
/** Failed authentications a client may make in a minute: far above typing a token wrong. */
const DEFAULT_FAILED_AUTH_PER_MINUTE = 30;
/** Requests a token may make in a minute: twenty a second, above any dashboard or phone. */
const DEFAULT_REQUESTS_PER_TOKEN_PER_MINUTE = 1200;

function limit(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export function rateLimits(): { failedAuthPerMinute: number; requestsPerTokenPerMinute: number } {
  return {
    failedAuthPerMinute: limit('RATE_LIMIT_FAILED_AUTH_PER_MINUTE', DEFAULT_FAILED_AUTH_PER_MINUTE),
    requestsPerTokenPerMinute: limit(
      'RATE_LIMIT_REQUESTS_PER_TOKEN_PER_MINUTE',
      DEFAULT_REQUESTS_PER_TOKEN_PER_MINUTE,
    ),
  };
}

/** The window a moment falls in, and the seconds until the next one. */
function windowOf(now: number): { start: number; retryAfterSeconds: number } {
  const start = now - (now % WINDOW_MS);
  return { start, retryAfterSeconds: Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000)) };
}

export function tooManyRequests(message: string, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'RATE_LIMITED',
      http: { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
    },
  });
}

export type Authentication =
  /** The client failed too often this minute: no token is looked up. */
  | { kind: 'blocked' }
  /** No token was ever issued with this secret: a failure, counted against the client. */
  | { kind: 'unknown' }
  /**
   * A token issued and since revoked or expired: refused, and counted against the token rather
   * than the client (it is no guess; an office whose phones all expire keeps its live tokens).
   */
  | { kind: 'ended'; reason: TokenEnd; tokenId: string }
  | { kind: 'known'; principal: Principal; requests: number };

/** Counters and the token look-up, per backend. */
export type Authenticator = {
  authenticate(token: string, client: string): Promise<Authentication>;
  /** Counts a failed authentication of a client; returns its failures this window. */
  countFailure(client: string): Promise<number>;
  /** Counts a request with an ended token; returns that token's requests this window. */
  countEnded(tokenId: string): Promise<number>;
};

type Counter = { start: number; count: number };

/** On the embedded database: counters in this process (PGlite serves one process only). */
function inProcess(database: Database): Authenticator {
  const counters = new Map<string, Counter>();
  const hit = (key: string, start: number): number => {
    const counter = counters.get(key);
    const count = counter?.start === start ? counter.count + 1 : 1;
    counters.set(key, { start, count });
    // Counters of past windows go when the map grows: it holds only this minute's keys.
    if (counters.size > 10_000) for (const [k, c] of counters) if (c.start !== start) counters.delete(k);
    return count;
  };
  return {
    async authenticate(token, client) {
      const { start } = windowOf(Date.now());
      const failures = counters.get(`auth-fail:${client}`);
      if (failures?.start === start && failures.count >= rateLimits().failedAuthPerMinute)
        return { kind: 'blocked' };
      const found = await tokenOf(database.prisma, token);
      if (!found) return { kind: 'unknown' };
      const { principal } = found;
      if (found.ended !== null) return { kind: 'ended', reason: found.ended, tokenId: principal.tokenId };
      return { kind: 'known', principal, requests: hit(`token:${principal.tokenId}`, start) };
    },
    async countFailure(client) {
      return hit(`auth-fail:${client}`, windowOf(Date.now()).start);
    },
    async countEnded(tokenId) {
      return hit(`ended:${tokenId}`, windowOf(Date.now()).start);
    },
  };
}

/** On PostgreSQL: counters in the RateLimit table, shared by every instance. */
function shared(database: Database): Authenticator {
  /** Counts one more of `key` in this window; returns its count. */
  const hit = async (key: string): Promise<number> => {
    const { start } = windowOf(Date.now());
    const rows = await database.prisma.$queryRaw<{ count: number }[]>`
      INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${start}::bigint, 1)
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateLimit"."windowStart" = EXCLUDED."windowStart" THEN "RateLimit"."count" + 1 ELSE 1 END,
        "windowStart" = EXCLUDED."windowStart"
      RETURNING "count"`;
    return Number(rows[0]?.count ?? 1);
  };
  return {
    async authenticate(token, client) {
      const now = new Date();
      const { start } = windowOf(now.getTime());
      // One statement: the client's failures, the token, and the token's request counted.
      const rows = await database.prisma.$queryRaw<
        (Partial<Principal> & {
          failures: number | null;
          requests: number | null;
          ended: TokenEnd | null;
          endedId: string | null;
        })[]
      >`
        WITH blocked AS (
          SELECT "count" FROM "RateLimit" WHERE "key" = ${`auth-fail:${client}`} AND "windowStart" = ${start}::bigint
        ), issued AS (
          SELECT ${tokenEnd(now)} AS "ended", t."id" FROM "ApiToken" t WHERE t."tokenHash" = ${hashToken(token)}
        ), found AS (
          ${PRINCIPAL_ROW}
          WHERE t."tokenHash" = ${hashToken(token)} AND ${liveToken(now)}
            AND COALESCE((SELECT "count" FROM blocked), 0) < ${rateLimits().failedAuthPerMinute}
        ), hit AS (
          INSERT INTO "RateLimit" ("key", "windowStart", "count")
          SELECT 'token:' || "tokenId", ${start}::bigint, 1 FROM found
          ON CONFLICT ("key") DO UPDATE SET
            "count" = CASE WHEN "RateLimit"."windowStart" = EXCLUDED."windowStart" THEN "RateLimit"."count" + 1 ELSE 1 END,
            "windowStart" = EXCLUDED."windowStart"
          RETURNING "count"
        )
        SELECT found.*, (SELECT "count" FROM blocked) AS "failures", (SELECT "count" FROM hit) AS "requests",
          (SELECT "ended" FROM issued) AS "ended", (SELECT "id" FROM issued) AS "endedId"
        FROM (SELECT 1) AS one LEFT JOIN found ON true`;
      const row = rows[0];
      if ((row?.failures ?? 0) >= rateLimits().failedAuthPerMinute) return { kind: 'blocked' };
      if (row?.ended && row.endedId) return { kind: 'ended', reason: row.ended, tokenId: row.endedId };
      if (!row?.tokenId) return { kind: 'unknown' };
      const { failures: _f, requests, ended: _e, endedId: _i, ...principal } = row;
      return { kind: 'known', principal: principal as Principal, requests: Number(requests ?? 1) };
    },
    countFailure: (client) => hit(`auth-fail:${client}`),
    countEnded: (tokenId) => hit(`ended:${tokenId}`),
  };
}

export function createAuthenticator(database: Database): Authenticator {
  return database.kind === 'postgres' ? shared(database) : inProcess(database);
}

/** Seconds until the current window ends. */
export function retryAfterSeconds(): number {
  return windowOf(Date.now()).retryAfterSeconds;
}
