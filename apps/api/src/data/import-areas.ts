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
  await fillMissingCentroids(prisma, rows);
  return inserted;
}

/**
 * Sets the centroid of areas stored before centroids were loaded (a database seeded by an
 * earlier version); areas that already have one are left alone.
 */
async function fillMissingCentroids(prisma: PrismaClient, rows: readonly AreaRow[]): Promise<void> {
  const withPoint = rows.filter((row) => row.latitude !== null && row.longitude !== null);
  const missing = new Set(
    (
      await prisma.area.findMany({
        where: { latitude: null, code: { in: withPoint.map((row) => row.code) } },
        select: { code: true },
      })
    ).map((area) => area.code),
  );
  const updates = withPoint.filter((row) => missing.has(row.code));
  for (let from = 0; from < updates.length; from += CHUNK_SIZE) {
    const chunk = updates.slice(from, from + CHUNK_SIZE);
    const values = chunk
      .map((_, i) => `($${3 * i + 1}, $${3 * i + 2}::float8, $${3 * i + 3}::float8)`)
      .join(', ');
    await prisma.$executeRawUnsafe(
      `UPDATE "Area" AS a SET "latitude" = v.lat, "longitude" = v.lon FROM (VALUES ${values}) AS v(code, lat, lon) WHERE a."code" = v.code AND a."latitude" IS NULL`,
      ...chunk.flatMap((row) => [row.code, row.latitude, row.longitude]),
    );
  }
}
