// Bearer tokens kept in the database, hashed. Why not signed JWTs: a reporter's phone gets lost
// and its token must stop working at once (`revokedAt`), every instance already shares the
// database, and there is no signing key to distribute or rotate. A token is 32 random bytes, so a
// plain SHA-256 is enough to keep the stored form useless to a thief (no password stretching needed).
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
};

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
 * Issues a token; the returned secret is shown once and only its hash is stored. A refusal names
 * the request's field, under `options.under` when the request is an argument (`input.areaCode`).
 */
export async function issueToken(
  prisma: PrismaClient,
  request: TokenRequest,
  options: { under?: string } = {},
): Promise<{ id: string; token: string }> {
  const scope = await resolveScope(prisma, request, options.under ? `${options.under}.` : '');
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const row = await prisma.apiToken.create({
    data: { name: request.name, role: request.role, ...scope, tokenHash: hashToken(token) },
  });
  return { id: row.id, token };
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

/**
 * A token's principal as one row: the select list and the tables, for the statements that read
 * it (by hash, by id, and with the rate limit's counters in one statement on PostgreSQL).
 */
export const PRINCIPAL_ROW = Prisma.sql`
  SELECT t."id" AS "tokenId", t."name", t."role"::text AS "role", t."areaCode", a."path" AS "areaPath", t."teamCode"
  FROM "ApiToken" t LEFT JOIN "Area" a ON a."code" = t."areaCode"`;

/** The principal of a live token, or null when it is unknown or revoked. */
export async function principalOfToken(prisma: PrismaClient, token: string): Promise<Principal | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  // Every request with a token runs this: one statement, where an `include` of the area would
  // cost Prisma a second one.
  const rows = await prisma.$queryRaw<Principal[]>`
    ${PRINCIPAL_ROW} WHERE t."tokenHash" = ${hashToken(token)} AND t."revokedAt" IS NULL`;
  return rows[0] ?? null;
}

/**
 * The principals of the tokens among `tokenIds` that are still live, by id: what a live
 * subscription checks its token against after it was opened (a revoked or deleted token is absent).
 */
export async function liveGrants(
  prisma: PrismaClient,
  tokenIds: readonly string[],
): Promise<Map<string, Principal>> {
  if (tokenIds.length === 0) return new Map();
  const rows = await prisma.$queryRaw<Principal[]>`
    ${PRINCIPAL_ROW} WHERE t."id" = ANY(${[...tokenIds]}::text[]) AND t."revokedAt" IS NULL`;
  return new Map(rows.map((row) => [row.tokenId, row]));
}

/** The service itself writing (demo seed, imports, benches): an admin with no token. */
export function systemPrincipal(name: string): Principal {
  return { tokenId: '', name, role: 'ADMIN', areaCode: null, areaPath: null, teamCode: null };
}
