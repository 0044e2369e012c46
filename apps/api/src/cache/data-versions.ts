// The versions of the stored data (migration 20261129180000_data_versions): one per kind of data,
// and one per scenario, changed by triggers in the same transaction as the data. Read once per
// request, before the data an answer is computed from, so that what is kept under a version is
// never older than it: the cache keys and ETags of every instance follow every committed write.
import { type Memo, memoize } from '../compute/memo.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

/**
 * The kinds of stored data and their versions: decimal strings of a growing sequence, one per
 * shard of the kind joined by `-` (migration 20261129220000_report_version_shards), so that any
 * committed write of the kind changes it.
 */
export type DataVersions = Readonly<Record<'areas' | 'scenarios' | 'teams' | 'reports' | 'tokens', string>>;

/** Every kind's version, read once per request. */
export function dataVersions(memo: Memo, prisma: PrismaClient): Promise<DataVersions> {
  return memoize(memo, 'versions', async () => {
    const rows = await prisma.$queryRaw<{ name: string; version: string }[]>`
      SELECT "name", string_agg("version"::text, '-' ORDER BY "shard") AS "version"
      FROM "DataVersion" GROUP BY "name"`;
    return Object.fromEntries(rows.map((row) => [row.name, row.version])) as DataVersions;
  });
}

/** A stored scenario's own version (its row and its machines), read once per request; null when there is none. */
export function scenarioVersion(
  memo: Memo,
  prisma: PrismaClient,
  scenarioId: string,
): Promise<string | null> {
  return memoize(memo, `versions:scenario:${scenarioId}`, async () => {
    const rows = await prisma.$queryRaw<{ version: string }[]>`
      SELECT "version"::text AS "version" FROM "Scenario" WHERE "id" = ${scenarioId}`;
    return rows[0]?.version ?? null;
  });
}
