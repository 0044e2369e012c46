// Issue 11 §2: tokens issued and revoked while the service runs take effect at once on every
// backend (admin mutations), and the embedded database's folder is never opened by a second
// process: the token command and a second service refuse, saying why.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startApi } from './_processes.ts';
import { data, database, gql, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

const ISSUE = `mutation ($input: TokenInput!) { issueToken(input: $input) {
  __typename ... on IssuedToken { token apiToken { id name role areaCode teamCode revokedAt } } ... on InputError { field code } } }`;
const REVOKE = `mutation ($id: ID, $name: String) { revokeToken(id: $id, name: $name) {
  __typename ... on RevokedTokens { revoked } ... on InputError { field } } }`;
const codes = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (result.errors ?? []).map((error) => error.extensions?.code);

describe('tokens managed through the API', () => {
  it('issues a token that works at once, shows its secret once, and revokes it by id for the next request', async () => {
    const issued = await data<{
      issueToken: { token: string; apiToken: { id: string; name: string; areaCode: string } };
    }>(ISSUE, { input: { role: 'PLANNER', name: 'Đắk Song office', areaCode: '665' } });
    const { token, apiToken } = issued.issueToken;
    expect(token).toMatch(/^mst_/);
    const viewer = await data<{ viewer: { name: string; areaCode: string } }>(
      '{ viewer { name areaCode } }',
      {},
      { token },
    );
    expect(viewer.viewer).toEqual({ name: 'Đắk Song office', areaCode: '665' });
    // Only its hash is stored; the list shows no secret.
    const stored = await database.prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(stored.tokenHash).not.toContain(token.slice(4));
    expect(JSON.stringify(await data('{ tokens { id name role } }'))).not.toContain(token);
    const revoked = await data<{ revokeToken: { revoked: number } }>(REVOKE, { id: apiToken.id });
    expect(revoked.revokeToken.revoked).toBe(1);
    expect(codes(await gql('{ viewer { name } }', {}, { token }))).toEqual(['UNAUTHENTICATED']);
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
  const tokenCommand = () =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/token.ts', '--role', 'admin', '--name', 'ops'], {
      cwd: path.join(import.meta.dirname, '..'),
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });

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
});
