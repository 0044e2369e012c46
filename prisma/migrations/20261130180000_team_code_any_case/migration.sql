-- Team codes are typed by people: `t-1` beside `T-1` would read as one team and report as two. One
-- code whatever its case, held by the database so concurrent creates of both get one team (the
-- service refuses the other as the code taken). Prisma's schema cannot state an index on an
-- expression, so it lives here only.
CREATE UNIQUE INDEX "Team_code_lower_key" ON "Team" (lower("code"));
