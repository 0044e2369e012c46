// Small helpers shared by the API's tests and its bench.
import pg from 'pg';

/** A seeded uniform generator in [0, 1) (mulberry32), so a run replays from its printed seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Drops a PostgreSQL schema and all in it, over a connection of its own. */
export async function dropSchema(serverUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema.replaceAll('"', '""')}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * A what-if's input: a root area `root` and `communes` communes under it (`c0`, `c1`, …), each of
 * `population(i)` people, planned from 2021-03-22 to 2021-06-30 with `machines` machines at the root.
 */
export function communesUnderRoot(
  communes: number,
  { machines = 4, population = (i: number) => 4_000 + i } = {},
) {
  return {
    areas: [
      { code: 'root', name: 'Root' },
      ...Array.from({ length: communes }, (_, i) => ({
        code: `c${i}`,
        name: `Commune ${i}`,
        parentCode: 'root',
        population: population(i),
      })),
    ],
    calendar: { start: '2021-03-22', deadline: '2021-06-30' },
    hours: { open: '07:00', close: '19:00' },
    service: { minutesPerDossier: 5 },
    machines: [{ areaCode: 'root', machines }],
  };
}
