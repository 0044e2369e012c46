-- Every token stops working at its "expiresAt" (UTC), refused from then on like a revoked one. The
-- tokens issued before this migration had no end: a live one gets 90 days from the migration (a
-- planner's default lifetime), so a deployment's tokens keep working now and expire in a season;
-- a revoked one its revocation's instant.
ALTER TABLE "ApiToken" ADD COLUMN "expiresAt" TIMESTAMP(3);
UPDATE "ApiToken" SET "expiresAt" = CASE
    WHEN "revokedAt" IS NULL THEN (now() AT TIME ZONE 'UTC') + interval '90 days'
    ELSE "revokedAt" END;
ALTER TABLE "ApiToken" ALTER COLUMN "expiresAt" SET NOT NULL;

-- A change of a token's expiry is notified like a change of its grant: the live subscriptions opened
-- with it read the new expiry (and end when it is past).
DROP TRIGGER "ApiToken_notify_update" ON "ApiToken";
CREATE TRIGGER "ApiToken_notify_update" AFTER UPDATE ON "ApiToken"
    FOR EACH ROW
    WHEN (OLD."revokedAt" IS DISTINCT FROM NEW."revokedAt"
       OR OLD."expiresAt" IS DISTINCT FROM NEW."expiresAt"
       OR OLD."role" IS DISTINCT FROM NEW."role"
       OR OLD."areaCode" IS DISTINCT FROM NEW."areaCode"
       OR OLD."teamCode" IS DISTINCT FROM NEW."teamCode")
    EXECUTE FUNCTION "muster_notify_tokens"();
