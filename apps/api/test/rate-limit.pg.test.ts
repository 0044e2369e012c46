// Issue 11 §7 across instances: two API processes on one PostgreSQL share the counters, so a
// client's failed authentications on either count toward one limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './_processes.ts';
import { useDatabase } from './graphql.ts';

useDatabase();

const LIMIT = 4;
let instances: ApiProcess[] = [];
beforeAll(async () => {
  const env = { TRUST_PROXY: '1', RATE_LIMIT_FAILED_AUTH_PER_MINUTE: String(LIMIT) };
  instances = await Promise.all([startApi(env), startApi(env)]);
}, 120_000);
afterAll(async () => {
  await Promise.all(instances.map((api) => api.kill()));
});

const ask = (api: ApiProcess, token: string) =>
  fetch(api.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'x-forwarded-for': '198.51.100.7',
    },
    body: JSON.stringify({ query: '{ viewer { name } }' }),
  }).then((response) => response.status);

describe('failed authentications across instances', () => {
  it('stops a client on both instances once its failures on the two together reach the limit', async () => {
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 10_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
    const [a, b] = instances as [ApiProcess, ApiProcess];
    const statuses = [];
    for (let i = 0; i < LIMIT; i += 1) statuses.push(await ask(i % 2 === 0 ? a : b, `mst_guess-${i}`));
    expect(statuses).toEqual([401, 401, 401, 401]);
    expect(await ask(a, 'mst_guess-a')).toBe(429);
    expect(await ask(b, 'mst_guess-b')).toBe(429);
  });
});
