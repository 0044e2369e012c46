// Issue 11 §6: production defaults (MUSTER_DEMO=0). Cross-site request forgery prevention,
// CORS by an allow-list, introspection and GraphiQL only with a live token; demo stays open.
import { getIntrospectionQuery } from 'graphql';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { yoga } from '../src/yoga.ts';
import { startApi } from './_processes.ts';
import { database, request, tokenFor, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

let token = '';
beforeAll(async () => {
  token = await tokenFor({ role: 'ADMIN', name: 'production admin' });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const production = () => vi.stubEnv('MUSTER_DEMO', '0');
const fetchApp = (init: RequestInit & { path?: string }) =>
  yoga.fetch(`http://muster.test${init.path ?? '/graphql'}`, init);

const MUTATION = 'mutation { updateScenario(id: "dak-nong-2021", input: { note: "forged" }) { __typename } }';

describe('cross-site request forgery', () => {
  for (const [kind, body] of [
    ['application/x-www-form-urlencoded', new URLSearchParams({ query: MUTATION }).toString()],
    ['text/plain', JSON.stringify({ query: MUTATION })],
  ] as const) {
    it(`refuses a mutation posted as ${kind} without a token or the CSRF header, writing nothing`, async () => {
      const response = await fetchApp({ method: 'POST', headers: { 'content-type': kind }, body });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'CSRF_PREVENTED' } }] });
      const scenario = await database.prisma.scenario.findUniqueOrThrow({ where: { id: 'dak-nong-2021' } });
      expect(scenario.note).not.toBe('forged');
    });
  }

  it('refuses a mutation posted as multipart/form-data (as uploads are) without a token or the CSRF header, writing nothing', async () => {
    // A browser sends a cross-site form without a preflight, but never with our bearer header.
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: MUTATION }));
    form.set('map', '{}');
    const response = await fetchApp({ method: 'POST', body: form });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'CSRF_PREVENTED' } }] });
    const scenario = await database.prisma.scenario.findUniqueOrThrow({ where: { id: 'dak-nong-2021' } });
    expect(scenario.note).not.toBe('forged');
  });

  it('serves a bare GET query that names the CSRF header, and refuses one that does not', async () => {
    const query = encodeURIComponent('{ area(code: "67") { name } }');
    const bare = await fetchApp({ method: 'GET', path: `/graphql?query=${query}` });
    expect(bare.status).toBe(403);
    const marked = await fetchApp({
      method: 'GET',
      path: `/graphql?query=${query}`,
      headers: { 'x-graphql-yoga-csrf': '1' },
    });
    expect(await marked.json()).toEqual({ data: { area: { name: 'Tỉnh Đắk Nông' } } });
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetchApp({
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });

  it('in production allows no other origin by default, and never credentials', async () => {
    production();
    const response = await preflight('https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('allows exactly the origins in CORS_ORIGINS', async () => {
    production();
    vi.stubEnv('CORS_ORIGINS', 'https://dashboard.example, https://field.example');
    expect((await preflight('https://field.example')).headers.get('access-control-allow-origin')).toBe(
      'https://field.example',
    );
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('in demo lets any origin call, without credentials', async () => {
    const response = await preflight('https://anywhere.example');
    expect(response.headers.get('access-control-allow-origin')).toBe('https://anywhere.example');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('introspection and GraphiQL', () => {
  const graphiql = (headers: Record<string, string> = {}) =>
    fetchApp({ method: 'GET', headers: { accept: 'text/html', ...headers } });

  it('in production refuses introspection without a token (401) and answers it with one', async () => {
    production();
    const anonymous = await request(getIntrospectionQuery(), {}, { token: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const signed = await request<{ __schema: { queryType: { name: string } } }>(
      getIntrospectionQuery(),
      {},
      { token },
    );
    expect(signed.body.data?.__schema.queryType.name).toBe('Query');
  });

  it('in production serves GraphiQL only to a request with a live token', async () => {
    production();
    const anonymous = await graphiql();
    expect(anonymous.headers.get('content-type') ?? '').not.toContain('text/html');
    const signed = await graphiql({ authorization: `Bearer ${token}` });
    expect(signed.headers.get('content-type')).toContain('text/html');
  });

  it('in demo serves GraphiQL and introspection to anyone', async () => {
    expect((await graphiql()).headers.get('content-type')).toContain('text/html');
    expect((await request(getIntrospectionQuery(), {}, { token: null })).body.errors).toBeUndefined();
  });
});

describe('the service as `pnpm start` runs it, NODE_ENV unset (production mode)', () => {
  it('starts, answers, refuses bad input as under test, and stops on SIGTERM', async () => {
    // The tests run with NODE_ENV=test, under which graphql-js and yoga take their development
    // paths; `pnpm start` leaves it unset and the service sets production.
    const service = await startApi({ PGLITE_DATA_DIR: 'memory://' }, { without: ['NODE_ENV'] });
    try {
      const ask = async (body: string) => {
        const response = await fetch(service.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      };
      expect(await ask(JSON.stringify({ query: '{ __typename }' }))).toEqual({
        status: 200,
        body: { data: { __typename: 'Query' } },
      });
      const unknown = await ask(JSON.stringify({ query: '{ areaz { code } }' }));
      expect(unknown.body).toMatchObject({
        errors: [
          {
            message: 'Cannot query field "areaz" on type "Query".',
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      });
      const deep = await ask(JSON.stringify({ query: `{${'a {'.repeat(2000)} b ${'}'.repeat(2001)}` }));
      expect(deep.body).toMatchObject({ errors: [{ extensions: { code: 'LIMIT_EXCEEDED' } }] });
      const notJson = await ask('{"query": "{ __typename }", "note": "');
      expect(notJson.status).toBe(400);
      expect(notJson.body).toMatchObject({ errors: [{ message: 'POST body sent invalid JSON.' }] });
    } finally {
      expect(await service.stop()).toBe(0);
    }
  });
});
