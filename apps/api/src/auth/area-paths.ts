// The paths of the areas a request names, read for the checks of who may write where.
import { type Memo, memoize } from '../compute/memo.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

/**
 * The path of each known area among `codes` (unknown codes are left out), read once per request
 * when its `memo` is given (a batch of reports is checked for its writer's scope, then for its
 * figures). A plain statement: it runs for every batch of reports, many a second, and a model
 * query costs the main thread about twice as much (Prisma compiles each one).
 */
export function areaPathsOf(
  prisma: PrismaClient,
  codes: readonly string[],
  memo?: Memo,
): Promise<ReadonlyMap<string, string>> {
  const read = async () => {
    const rows = await prisma.$queryRaw<{ code: string; path: string }[]>`
      SELECT "code", "path" FROM "Area" WHERE "code" = ANY(${[...codes]}::text[])`;
    return new Map(rows.map((row) => [row.code, row.path]));
  };
  return memo ? memoize(memo, `area-paths:${JSON.stringify([...codes].sort())}`, read) : read();
}
