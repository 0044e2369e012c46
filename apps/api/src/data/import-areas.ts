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
  await fillMissingFigures(prisma, rows);
  return inserted;
}

/**
 * Sets the centroid, land, urban share and commune type of areas stored before they were loaded
 * (a database seeded by an earlier version); what an area already has is left alone.
 */
async function fillMissingFigures(prisma: PrismaClient, rows: readonly AreaRow[]): Promise<void> {
  const known = rows.filter(
    (row) =>
      (row.latitude !== null && row.longitude !== null) ||
      row.areaKm2 !== null ||
      row.urbanShare !== null ||
      row.communeType !== null,
  );
  const missing = new Set(
    (
      await prisma.area.findMany({
        where: {
          code: { in: known.map((row) => row.code) },
          OR: [{ latitude: null }, { areaKm2: null }, { urbanShare: null }, { communeType: null }],
        },
        select: { code: true },
      })
    ).map((area) => area.code),
  );
  const updates = known.filter((row) => missing.has(row.code));
  const columns = 6;
  for (let from = 0; from < updates.length; from += CHUNK_SIZE) {
    const chunk = updates.slice(from, from + CHUNK_SIZE);
    const values = chunk
      .map((_, i) => {
        const at = columns * i;
        return `($${at + 1}, $${at + 2}::float8, $${at + 3}::float8, $${at + 4}::float8, $${at + 5}::float8, $${at + 6}::text)`;
      })
      .join(', ');
    await prisma.$executeRawUnsafe(
      `UPDATE "Area" AS a SET
         "latitude" = CASE WHEN a."latitude" IS NULL THEN v.lat ELSE a."latitude" END,
         "longitude" = CASE WHEN a."latitude" IS NULL THEN v.lon ELSE a."longitude" END,
         "areaKm2" = coalesce(a."areaKm2", v.km2),
         "urbanShare" = coalesce(a."urbanShare", v.urban),
         "communeType" = coalesce(a."communeType", v.kind)
       FROM (VALUES ${values}) AS v(code, lat, lon, km2, urban, kind) WHERE a."code" = v.code`,
      ...chunk.flatMap((row) => [
        row.code,
        row.latitude,
        row.longitude,
        row.areaKm2,
        row.urbanShare,
        row.communeType,
      ]),
    );
  }
}
