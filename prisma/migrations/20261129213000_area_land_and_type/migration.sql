-- An area's land, urban share and commune type, from which a commune's terrain class (and so
-- its drive times for mobile teams) is read. Nullable: areas imported without them keep the
-- terrain used when nothing is known; the seed fills them in on a database seeded before.
ALTER TABLE "Area" ADD COLUMN "areaKm2" DOUBLE PRECISION,
ADD COLUMN "urbanShare" DOUBLE PRECISION,
ADD COLUMN "communeType" TEXT;
