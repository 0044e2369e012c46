// Bearer tokens kept in the database, hashed. Why not signed JWTs: a reporter's phone gets lost
// and its token must stop working at once (`revokedAt`), every instance already shares the
// database, and there is no signing key to distribute or rotate. A token is 32 random bytes, so a
// plain SHA-256 is enough to keep the stored form useless to a thief (no password stretching needed).
// Every token also ends by itself (`expiresAt`): one forgotten on an old phone or in a script stops
// working within a season even if nobody revokes it.
import { createHash, randomBytes } from 'node:crypto';
import { PlanningInputError, type PlanningInputErrorCode } from '@muster/planning';
import { NotFoundError } from '../errors.ts';
import { Prisma, type PrismaClient, type Role } from '../generated/prisma/client.ts';
import { isInSubtree } from './access.ts';

export type { Role };

/** Who is calling, as the token says; `areaPath` is the subtree a planner or reporter may see. */
export type Principal = {
  tokenId: string;
  name: string;
  role: Role;
  areaCode: string | null;
  areaPath: string | null;
  teamCode: string | null;
};

export type TokenRequest = {
  role: Role;
  /** Who holds it; shown on every write made with it. */
  name: string;
  /** Planner: the root of the subtree it plans. Reporter: defaults to its team's home area. */
  areaCode?: string | null;
  /** Reporter: the team it reports for. */
  teamCode?: string | null;
  /**
   * Days from now until it stops working, a whole number from 1 to {@link MAX_TOKEN_LIFETIME_DAYS};
   * default {@link DEFAULT_TOKEN_LIFETIME_DAYS} of its role.
   */
  expiresInDays?: number | null;
};

/**
 * A token's lifetime when none is asked for, in days, by role: an admin's, which may do anything,
 * a month; a planner's and a reporter's a season (a campaign's months), renewed with the next one.
 */
export const DEFAULT_TOKEN_LIFETIME_DAYS: Readonly<Record<Role, number>> = {
  ADMIN: 30,
  PLANNER: 90,
  REPORTER: 90,
};

/** The longest lifetime a token may be issued with, in days: a year, the longest campaign. */
export const MAX_TOKEN_LIFETIME_DAYS = 365;

const DAY_MS = 86_400_000;

const TOKEN_PREFIX = 'mst_';
const MAX_TOKEN_NAME_LENGTH = 200;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function refuseAt(path: string, code: PlanningInputErrorCode, expected: string, received: unknown): never {
  throw new PlanningInputError({ path, code, expected, received });
}

/** Checks what a token would grant and returns the area and team it is scoped to. */
async function resolveScope(
  prisma: PrismaClient,
  request: TokenRequest,
  under: string,
): Promise<{ areaCode: string | null; teamCode: string | null }> {
  const refuse: (path: string, code: PlanningInputErrorCode, expected: string, received: unknown) => never = (
    path,
    code,
    expected,
    received,
  ) => refuseAt(`${under}${path}`, code, expected, received);
  if (request.name.trim() === '' || request.name.length > MAX_TOKEN_NAME_LENGTH) {
    refuse('name', 'range', `a name of 1 to ${MAX_TOKEN_NAME_LENGTH} characters`, request.name);
  }
  const days = request.expiresInDays;
  if (days != null && !(Number.isInteger(days) && days >= 1 && days <= MAX_TOKEN_LIFETIME_DAYS)) {
    refuse('expiresInDays', 'range', `a whole number of days from 1 to ${MAX_TOKEN_LIFETIME_DAYS}`, days);
  }
  if (request.role === 'ADMIN') {
    if (request.areaCode != null || request.teamCode != null) {
      refuse('role', 'conflict', 'no area or team for an admin (admins see everything)', request.role);
    }
    return { areaCode: null, teamCode: null };
  }
  if (request.role === 'PLANNER') {
    if (request.teamCode != null) refuse('teamCode', 'conflict', 'no team for a planner', request.teamCode);
    if (request.areaCode == null) refuse('areaCode', 'required', 'the area a planner plans', null);
    const area = await prisma.area.findUnique({ where: { code: request.areaCode }, select: { code: true } });
    if (!area) throw new NotFoundError('area', request.areaCode, `${under}areaCode`);
    return { areaCode: area.code, teamCode: null };
  }
  if (request.teamCode == null) refuse('teamCode', 'required', 'the team a reporter reports for', null);
  const team = await prisma.team.findUnique({
    where: { code: request.teamCode },
    include: { homeArea: { select: { path: true } } },
  });
  if (!team) refuse('teamCode', 'unknown-reference', 'the code of a known team', request.teamCode);
  if (team.retired) {
    refuse('teamCode', 'conflict', `a team in service (team ${team.code} is retired)`, request.teamCode);
  }
  const areaCode = request.areaCode ?? team.homeAreaCode;
  const area = await prisma.area.findUnique({
    where: { code: areaCode },
    select: { code: true, path: true },
  });
  if (!area) throw new NotFoundError('area', areaCode, `${under}areaCode`);
  // A team reports in its home area only: a reporter's area lies within it.
  if (!isInSubtree(area.path, team.homeArea.path)) {
    refuse(
      'areaCode',
      'conflict',
      `an area within team ${team.code}'s home area ${team.homeAreaCode}`,
      areaCode,
    );
  }
  return { areaCode, teamCode: team.code };
}

/**
 * Issues a token that works from now until `request.expiresInDays` (default by role) have passed;
 * the returned secret is shown once and only its hash is stored. A refusal names the request's
 * field, under `options.under` when the request is an argument (`input.areaCode`).
 */
export async function issueToken(
  prisma: PrismaClient,
  request: TokenRequest,
  options: { under?: string } = {},
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const scope = await resolveScope(prisma, request, options.under ? `${options.under}.` : '');
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const days = request.expiresInDays ?? DEFAULT_TOKEN_LIFETIME_DAYS[request.role];
  const expiresAt = new Date(Date.now() + days * DAY_MS);
  const row = await prisma.apiToken.create({
    data: { name: request.name, role: request.role, ...scope, tokenHash: hashToken(token), expiresAt },
  });
  return { id: row.id, token, expiresAt };
}

/** Revokes a live token by id, or every live token of a holder's name; returns how many. */
export async function revokeTokens(
  prisma: PrismaClient,
  which: { id: string } | { name: string },
): Promise<number> {
  const result = await prisma.apiToken.updateMany({
    where: { ...which, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return result.count;
}

const PRINCIPAL_COLUMNS = Prisma.sql`t."id" AS "tokenId", t."name", t."role"::text AS "role", t."areaCode", a."path" AS "areaPath", t."teamCode"`;
const TOKEN_TABLES = Prisma.sql`FROM "ApiToken" t LEFT JOIN "Area" a ON a."code" = t."areaCode"`;

/**
 * A token's principal as one row: the select list and the tables (the token as `t`), for the
 * statements that read it (by hash, by id, and with the rate limit's counters in one statement on
 * PostgreSQL).
 */
export const PRINCIPAL_ROW = Prisma.sql`SELECT ${PRINCIPAL_COLUMNS} ${TOKEN_TABLES}`;

/**
 * The condition on `t` of a token that works now: neither revoked nor expired. Expiry is judged by
 * this instance's clock (the one its subscriptions' timers run on), not the database's.
 */
export function liveToken(now: Date = new Date()): Prisma.Sql {
  return Prisma.sql`t."revokedAt" IS NULL AND t."expiresAt" > ${now}`;
}

/** The same condition for Prisma's queries. */
export function liveTokenWhere(): Prisma.ApiTokenWhereInput {
  return { revokedAt: null, expiresAt: { gt: new Date() } };
}

/** The principal of a live token, or null when it is unknown, revoked or expired. */
export async function principalOfToken(prisma: PrismaClient, token: string): Promise<Principal | null> {
  const found = await tokenOf(prisma, token);
  return found?.ended === null ? found.principal : null;
}

/** Why a token that was issued no longer works. */
export type TokenEnd = 'EXPIRED' | 'REVOKED';

/**
 * Why the token `t` no longer works, or null while it does: revoked wins over expired. Judged, as
 * {@link liveToken}, by this instance's clock.
 */
export function tokenEnd(now: Date = new Date()): Prisma.Sql {
  return Prisma.sql`CASE WHEN t."revokedAt" IS NOT NULL THEN 'REVOKED'
    WHEN t."expiresAt" <= ${now} THEN 'EXPIRED' END`;
}

/**
 * A token as sent: its principal and why it no longer works (null while it does); null when no
 * token was ever issued with that secret.
 */
export async function tokenOf(
  prisma: PrismaClient,
  token: string,
): Promise<{ principal: Principal; ended: TokenEnd | null } | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  // Every request with a token runs this: one statement, where an `include` of the area would
  // cost Prisma a second one.
  const rows = await prisma.$queryRaw<(Principal & { ended: TokenEnd | null })[]>`
    SELECT ${PRINCIPAL_COLUMNS}, ${tokenEnd()} AS "ended" ${TOKEN_TABLES} WHERE t."tokenHash" = ${hashToken(token)}`;
  const row = rows[0];
  if (!row) return null;
  const { ended, ...principal } = row;
  return { principal, ended };
}

/** What a token grants, and until when. */
export type Grant = Principal & { expiresAt: Date };

/**
 * The grants of the tokens among `tokenIds` not revoked, by id, expired ones too (their
 * `expiresAt` past): what a live subscription checks its token against after it was opened, to
 * end it when revoked (or deleted: absent), expired, or moved out of the area it follows.
 */
export async function unrevokedGrants(
  prisma: PrismaClient,
  tokenIds: readonly string[],
): Promise<Map<string, Grant>> {
  if (tokenIds.length === 0) return new Map();
  const rows = await prisma.$queryRaw<Grant[]>`
    SELECT ${PRINCIPAL_COLUMNS}, t."expiresAt" ${TOKEN_TABLES}
    WHERE t."id" = ANY(${[...tokenIds]}::text[]) AND t."revokedAt" IS NULL`;
  return new Map(rows.map((row) => [row.tokenId, row]));
}

/** The service itself writing (demo seed, imports, benches): an admin with no token. */
export function systemPrincipal(name: string): Principal {
  return { tokenId: '', name, role: 'ADMIN', areaCode: null, areaPath: null, teamCode: null };
}
