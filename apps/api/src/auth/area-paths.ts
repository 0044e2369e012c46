// The paths of the areas a request names, read for the checks of who may write where.
import type { PrismaClient } from '../generated/prisma/client.ts';

/**
 * The path of each known area among `codes` (unknown codes are left out). A plain statement: it
 * runs for every batch of reports, many a second, and a model query costs the main thread about
 * twice as much (Prisma compiles each one).
 */
export async function areaPathsOf(
  prisma: PrismaClient,
  codes: readonly string[],
): Promise<Map<string, string>> {
  const rows = await prisma.$queryRaw<{ code: string; path: string }[]>`
    SELECT "code", "path" FROM "Area" WHERE "code" = ANY(${[...codes]}::text[])`;
  return new Map(rows.map((row) => [row.code, row.path]));
}
