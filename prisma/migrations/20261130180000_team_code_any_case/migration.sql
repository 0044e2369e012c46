-- Team codes are typed by people: `t-1` beside `T-1` would read as one team and report as two. One
-- code whatever its case, held by the database so concurrent creates of both get one team (the
-- service refuses the other as the code taken). Prisma's schema cannot state an index on an
-- expression, so it lives here only.
--
-- The service took such pairs before this migration. Where a database holds one, the index cannot
-- be built: the migration says which codes clash (a warning in the log) and goes on without it,
-- the service still refusing a new code that differs from another only by case. Rename one code
-- of each pair (its reports and tokens with it), then create the index as below.
DO $$
DECLARE
  clashes text;
BEGIN
  SELECT string_agg(codes, '; ') INTO clashes FROM (
    SELECT string_agg("code", ', ' ORDER BY "code") AS codes
    FROM "Team" GROUP BY lower("code") HAVING count(*) > 1
  ) AS pairs;
  IF clashes IS NULL THEN
    CREATE UNIQUE INDEX "Team_code_lower_key" ON "Team" (lower("code"));
  ELSE
    RAISE WARNING 'Team codes that differ only by case: %. Rename one of each, then CREATE UNIQUE INDEX "Team_code_lower_key" ON "Team" (lower("code")).', clashes;
  END IF;
END $$;
