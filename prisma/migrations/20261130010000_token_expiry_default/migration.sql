-- A token's expiry defaults to 90 days (a planner's lifetime) for a writer that names none: an
-- instance of the version before token_expiry, still running beside upgraded ones on one PostgreSQL
-- during a rolling upgrade, would otherwise fail every token it issues on the NOT NULL. The service
-- itself always names the expiry.
ALTER TABLE "ApiToken" ALTER COLUMN "expiresAt" SET DEFAULT ((now() AT TIME ZONE 'UTC') + interval '90 days');
