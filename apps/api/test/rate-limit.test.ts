// Issue 11 §7: brakes on failed authentications per client and on requests per token, answering
// 429 with Retry-After (counted in PostgreSQL for every instance, in process on PGlite).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { yoga } from '../src/yoga.ts';
import { tokenFor, useDatabase } from './graphql.ts';

useDatabase();

beforeEach(async () => {
  // Counters run per clock minute: start a test well inside one, so its requests share a window.
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
  // Clients told apart by X-Forwarded-For, as behind a proxy; small limits so a test is short.
  vi.stubEnv('TRUST_PROXY', '1');
  vi.stubEnv('RATE_LIMIT_FAILED_AUTH_PER_MINUTE', '5');
  vi.stubEnv('RATE_LIMIT_REQUESTS_PER_TOKEN_PER_MINUTE', '8');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

let clients = 0;
const newClient = () => {
  clients += 1;
  return `203.0.113.${clients}`;
};

const ask = (client: string, token: string) =>
  yoga.fetch('http://muster.test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'x-forwarded-for': client,
    },
    body: JSON.stringify({ query: '{ viewer { name } }' }),
  });

describe('failed authentications', () => {
  it('answers 401 to the first five unknown tokens of a client, then 429 with Retry-After, even for a live token', async () => {
    const client = newClient();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await ask(client, `mst_guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const live = await tokenFor({ role: 'ADMIN', name: 'blocked admin' });
    const refused = await ask(client, live);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
    // Another client is not slowed by this one's failures.
    expect((await ask(newClient(), live)).status).toBe(200);
  });
});

describe('requests per token', () => {
  it('serves eight requests of a token in a minute and answers the ninth 429 with Retry-After', async () => {
    const token = await tokenFor({ role: 'ADMIN', name: 'busy admin' });
    const client = newClient();
    const statuses: number[] = [];
    for (let i = 0; i < 9; i += 1) statuses.push((await ask(client, token)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
    const other = await tokenFor({ role: 'ADMIN', name: 'calm admin' });
    expect((await ask(client, other)).status).toBe(200);
  });
});
