// ETag and If-None-Match on GET queries (issue 15): the same query by the same caller over the
// same stored data is 304 Not Modified; a write, or another caller, gets a full answer.
import { beforeAll, describe, expect, it } from 'vitest';
import { yoga } from '../src/yoga.ts';
import { data, database, tokenFor, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

let planner = '';
let other = '';
beforeAll(async () => {
  planner = await tokenFor({ role: 'PLANNER', name: 'etag planner', areaCode: '67' });
  other = await tokenFor({ role: 'PLANNER', name: 'etag other planner', areaCode: '67' });
});

const QUERY = `{ planVsActual(scenarioId: "dak-nong-2021", areaCode: "67") { ... on PlanVsActual { totalActual } } }`;

async function get(token: string, ifNoneMatch?: string): Promise<Response> {
  return await yoga.fetch(`http://muster.test/graphql?query=${encodeURIComponent(QUERY)}`, {
    method: 'GET',
    headers: {
      accept: 'application/json',
      authorization: `Bearer ${token}`,
      ...(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}),
    },
  });
}

describe('ETag on GET queries', () => {
  it('answers 304 with no body while the data is unchanged, and in full after a report is written', async () => {
    const first = await get(planner);
    expect(first.status).toBe(200);
    const tag = first.headers.get('etag') as string;
    expect(tag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const before = ((await first.json()) as { data: { planVsActual: { totalActual: number } } }).data;

    const again = await get(planner, tag);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    await data(
      `mutation { recordActuals(reports: [{ date: "2021-06-28", areaCode: "665", dossiers: 9 }]) { __typename } }`,
    );
    const changed = await get(planner, tag);
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(tag);
    const after = ((await changed.json()) as { data: { planVsActual: { totalActual: number } } }).data;
    expect(after.planVsActual.totalActual).toBe(before.planVsActual.totalActual + 9);
  });

  it('never shares a tag between callers, even of the same scope', async () => {
    const tag = (await get(planner)).headers.get('etag') as string;
    const theirs = await get(other, tag);
    expect(theirs.status).toBe(200);
    expect(theirs.headers.get('etag')).not.toBe(tag);
  });

  it('tags no POST', async () => {
    const response = await yoga.fetch('http://muster.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${planner}` },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBeNull();
  });

  it('covers every table an answer reads: each changes a data version when written', async () => {
    // Not answer data: the shared rate-limit counters, the versions themselves, the migrations' log.
    const untracked = new Set(['RateLimit', 'DataVersion', '_prisma_migrations']);
    const tables = await database.prisma.$queryRaw<{ table_name: string }[]>`
      SELECT table_name::text AS table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`;
    const triggered = await database.prisma.$queryRaw<{ event_object_table: string }[]>`
      SELECT DISTINCT event_object_table::text AS event_object_table FROM information_schema.triggers
      WHERE trigger_schema = current_schema() AND trigger_name LIKE '%\\_data\\_version'`;
    const covered = new Set(triggered.map((row) => row.event_object_table));
    const missing = tables
      .map((row) => row.table_name)
      .filter((name) => !untracked.has(name) && !covered.has(name));
    expect(missing).toEqual([]);
  });
});
