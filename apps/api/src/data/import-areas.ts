import type { PrismaClient } from '../generated/prisma/client.ts';
import type { AreaRow } from './vietnam-areas.ts';

/** Rows per INSERT: large enough to be fast, small enough for PGlite's memory and parameter limits. */
const CHUNK_SIZE = 2000;

/**
 * Inserts areas that are not there yet (parents must come before their children). Running it
 * again with the same rows changes nothing; returns how many rows were new.
 */
export async function importAreas(prisma: PrismaClient, rows: readonly AreaRow[]): Promise<number> {
  let inserted = 0;
  for (let from = 0; from < rows.length; from += CHUNK_SIZE) {
    const { count } = await prisma.area.createMany({
      data: rows.slice(from, from + CHUNK_SIZE).map((row) => ({ ...row })),
      skipDuplicates: true,
    });
    inserted += count;
  }
  return inserted;
}
