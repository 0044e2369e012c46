// Issue 11 §2: tokens issued and revoked while the service runs take effect at once on every
// backend (admin mutations), and the embedded database's folder is never opened by a second
// process: the token command and a second service refuse, saying why. Round two: every token
// expires (README, "Who may do what": by default an admin's after 30 days, a planner's and a
// reporter's after 90, at most 365), and an expired one is refused like a revoked one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { yoga } from '../src/yoga.ts';
import { childEnv, startApi } from './_processes.ts';
import { data, database, gql, request, tokenFor, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

const ISSUE = `mutation ($input: TokenInput!) { issueToken(input: $input) {
  __typename ... on IssuedToken { token apiToken { id name role areaCode teamCode revokedAt } } ... on InputError { field code } } }`;
const REVOKE = `mutation ($id: ID, $name: String) { revokeToken(id: $id, name: $name) {
  __typename ... on RevokedTokens { revoked } ... on InputError { field } } }`;
const DAY_MS = 86_400_000;
const codes = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (result.errors ?? []).map((error) => error.extensions?.code);

describe('tokens managed through the API', () => {
  it('issues a token that works at once, shows its secret once, and revokes it by id for the next request', async () => {
    const issued = await data<{
      issueToken: { token: string; apiToken: { id: string; name: string; areaCode: string } };
    }>(ISSUE, { input: { role: 'PLANNER', name: 'Đắk Song office', areaCode: '665' } });
    const { token, apiToken } = issued.issueToken;
    expect(token).toMatch(/^mst_/);
    const viewer = await data<{ viewer: { name: string; areaCode: string; expiresAt: string } }>(
      '{ viewer { name areaCode expiresAt } }',
      {},
      { token },
    );
    const { expiresAt, ...who } = viewer.viewer;
    expect(who).toEqual({ name: 'Đắk Song office', areaCode: '665' });
    // A planner's token lasts 90 days (README): the holder sees until when.
    expect(Math.abs(Date.parse(expiresAt) - (Date.now() + 90 * DAY_MS))).toBeLessThan(60_000);
    // Only its hash is stored; the list shows no secret.
    const stored = await database.prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(stored.tokenHash).not.toContain(token.slice(4));
    expect(JSON.stringify(await data('{ tokens { id name role } }'))).not.toContain(token);
    const revoked = await data<{ revokeToken: { revoked: number } }>(REVOKE, { id: apiToken.id });
    expect(revoked.revokeToken.revoked).toBe(1);
    const refused = await gql('{ viewer { name } }', {}, { token });
    expect(codes(refused)).toEqual(['UNAUTHENTICATED']);
    expect(refused.errors?.[0]?.extensions?.reason).toBe('REVOKED');
    // A token never issued gets no reason: nothing tells a guesser it came near.
    const unknown = await gql('{ viewer { name } }', {}, { token: `mst_${'x'.repeat(43)}` });
    expect(codes(unknown)).toEqual(['UNAUTHENTICATED']);
    expect(unknown.errors?.[0]?.extensions?.reason).toBeUndefined();
  });

  it('revokes every live token of a holder by name', async () => {
    const tokens = [];
    for (let i = 0; i < 2; i += 1) {
      const issued = await data<{ issueToken: { token: string } }>(ISSUE, {
        input: { role: 'REPORTER', name: 'phone 3', teamCode: 'DN-DAK-SONG-MOBILE' },
      });
      tokens.push(issued.issueToken.token);
    }
    expect(
      (await data<{ revokeToken: { revoked: number } }>(REVOKE, { name: 'phone 3' })).revokeToken.revoked,
    ).toBe(2);
    for (const token of tokens)
      expect(codes(await gql('{ viewer { name } }', {}, { token }))).toEqual(['UNAUTHENTICATED']);
  });

  it('expires a token after the days asked for, and by default after its role’s lifetime (30 days for an admin, 90 for a planner or reporter)', async () => {
    const cases = [
      { input: { role: 'PLANNER', name: 'season planner', areaCode: '665' }, days: 90 },
      { input: { role: 'REPORTER', name: 'season phone', teamCode: 'DN-DAK-SONG-MOBILE' }, days: 90 },
      { input: { role: 'ADMIN', name: 'month admin' }, days: 30 },
      { input: { role: 'PLANNER', name: 'one-day planner', areaCode: '665', expiresInDays: 1 }, days: 1 },
      { input: { role: 'ADMIN', name: 'year admin', expiresInDays: 365 }, days: 365 },
    ];
    for (const { input, days } of cases) {
      const before = Date.now();
      const issued = await data<{ issueToken: { apiToken: { id: string } } }>(ISSUE, { input });
      const after = Date.now();
      const listed = await data<{ tokens: { id: string; expiresAt: string }[] }>(
        '{ tokens { id expiresAt } }',
      );
      const expiresAt = Date.parse(
        listed.tokens.find((token) => token.id === issued.issueToken.apiToken.id)?.expiresAt ?? '',
      );
      expect(expiresAt, input.name).toBeGreaterThanOrEqual(before + days * DAY_MS);
      expect(expiresAt, input.name).toBeLessThanOrEqual(after + days * DAY_MS);
    }
  });

  it('refuses a lifetime outside 1 to 365 days, naming input.expiresInDays', async () => {
    for (const expiresInDays of [0, -1, 366, 100_000]) {
      const refused = await data<{ issueToken: Record<string, string> }>(ISSUE, {
        input: { role: 'PLANNER', name: 'no such lifetime', areaCode: '665', expiresInDays },
      });
      expect(refused.issueToken, String(expiresInDays)).toEqual({
        __typename: 'InputError',
        field: 'input.expiresInDays',
        code: 'range',
      });
    }
    expect(await database.prisma.apiToken.count({ where: { name: 'no such lifetime' } })).toBe(0);
  });

  it('refuses an expired token with 401 like a revoked one, and lists it only with includeRevoked', async () => {
    const issued = await data<{ issueToken: { token: string; apiToken: { id: string } } }>(ISSUE, {
      input: { role: 'PLANNER', name: 'expired office', areaCode: '665' },
    });
    const { token, apiToken } = issued.issueToken;
    expect((await request('{ viewer { name } }', {}, { token })).status).toBe(200);
    // Its expiry a second past, as a token issued 90 days and a second ago would have.
    const expiresAt = new Date(Date.now() - 1000);
    await database.prisma.apiToken.update({ where: { id: apiToken.id }, data: { expiresAt } });
    const refused = await request('{ viewer { name } }', {}, { token });
    expect(refused.status).toBe(401);
    expect(codes(refused.body)).toEqual(['UNAUTHENTICATED']);
    expect(refused.body.errors?.[0]?.extensions?.reason).toBe('EXPIRED');
    // Nor does it write, or reach the plans.
    const write = await request(
      'mutation { recordActuals(reports: [{ date: "2021-06-23", areaCode: "665", dossiers: 3 }]) { __typename } }',
      {},
      { token },
    );
    expect(write.status).toBe(401);
    const live = await data<{ tokens: { id: string }[] }>('{ tokens { id } }');
    expect(live.tokens.map((t) => t.id)).not.toContain(apiToken.id);
    const every = await data<{ tokens: { id: string; expiresAt: string; revokedAt: string | null }[] }>(
      '{ tokens(includeRevoked: true) { id expiresAt revokedAt } }',
    );
    expect(every.tokens.find((t) => t.id === apiToken.id)).toEqual({
      id: apiToken.id,
      expiresAt: expiresAt.toISOString(),
      revokedAt: null,
    });
  });

  it('counts an expired token against itself, not its client: an office whose phones all expire keeps its live tokens', async () => {
    vi.stubEnv('TRUST_PROXY', '1');
    vi.stubEnv('RATE_LIMIT_FAILED_AUTH_PER_MINUTE', '3');
    try {
      const office = '203.0.113.77';
      const ask = async (token: string) =>
        (
          await yoga.fetch('http://localhost/graphql', {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${token}`,
              'x-forwarded-for': office,
            },
            body: JSON.stringify({ query: '{ viewer { name } }' }),
          })
        ).status;
      const expired = await tokenFor({ role: 'REPORTER', name: 'old phone', teamCode: 'DN-DAK-SONG-MOBILE' });
      await database.prisma.apiToken.updateMany({
        where: { name: 'old phone' },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      // Ten retries of the expired token from the office, over the limit of three a minute: it is
      // slowed itself (as a leaked and revoked token would be), the office is not.
      const statuses: number[] = [];
      for (let i = 0; i < 10; i += 1) statuses.push(await ask(expired));
      expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
      const live = await tokenFor({ role: 'REPORTER', name: 'new phone', teamCode: 'DN-DAK-SONG-MOBILE' });
      expect(await ask(live)).toBe(200);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('gives a token written without an expiry, as by an instance of the version before, 90 days', async () => {
    await database.prisma.$executeRawUnsafe(
      `INSERT INTO "ApiToken" ("id", "name", "role", "tokenHash") VALUES ('older-writer', 'older writer', 'PLANNER', 'older-writer-hash')`,
    );
    const { expiresAt } = await database.prisma.apiToken.findUniqueOrThrow({ where: { id: 'older-writer' } });
    expect(Math.abs(expiresAt.getTime() - (Date.now() + 90 * DAY_MS))).toBeLessThan(60_000);
  });

  it('refuses a reporter token for an area outside its team’s home area, naming input.areaCode', async () => {
    const refused = await data<{ issueToken: Record<string, string> }>(ISSUE, {
      input: { role: 'REPORTER', name: 'lost phone', teamCode: 'DN-DAK-SONG-MOBILE', areaCode: '661' },
    });
    expect(refused.issueToken).toEqual({
      __typename: 'InputError',
      field: 'input.areaCode',
      code: 'conflict',
    });
  });
});

describe('the embedded database folder', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'muster-lock-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  // Always PGlite here, in a folder of its own, whichever backend the rest of the file uses.
  const env = { DATABASE_URL: '', PGLITE_DATA_DIR: folder };
  const tokenCommand = (...options: string[]) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/token.ts', '--role', 'admin', '--name', 'ops', ...options],
      {
        cwd: path.join(import.meta.dirname, '..'),
        env: childEnv(env),
        encoding: 'utf8',
        timeout: 60_000,
      },
    );

  it('is refused to the token command and to a second service while a service holds it, and free again after', async () => {
    const service = await startApi(env);
    try {
      const refused = tokenCommand();
      expect(refused.status).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain(`is in use by another Muster process (pid ${service.pid})`);
      await expect(startApi(env)).rejects.toThrow(/in use by another Muster process/);
    } finally {
      expect(await service.stop()).toBe(0);
    }
    const issued = tokenCommand();
    expect(issued.status, issued.stderr).toBe(0);
    expect(issued.stdout).toMatch(/^mst_/);
  });

  it('issues a token for the days given by --expires-in-days, and refuses a lifetime out of range naming the option', () => {
    const refused = tokenCommand('--expires-in-days', '366');
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /^--expires-in-days must be a whole number of days from 1 to 365, got 366\n/,
    );
    const before = Date.now();
    const issued = tokenCommand('--expires-in-days', '10');
    const after = Date.now();
    expect(issued.status, issued.stderr).toBe(0);
    expect(issued.stdout).toMatch(/^mst_/);
    const expiresAt = Date.parse(/^expires (\S+)$/m.exec(issued.stderr)?.[1] ?? '');
    expect(expiresAt).toBeGreaterThanOrEqual(before + 10 * DAY_MS);
    expect(expiresAt).toBeLessThanOrEqual(after + 10 * DAY_MS);
  });
});
