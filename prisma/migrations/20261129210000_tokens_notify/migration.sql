-- A token's grant changed (revoked, deleted, or moved to another area, team or role): every
-- instance listening on the schema's `tokens` channel (named as the API's channelOf('tokens',
-- schema) names it) hears the token's id at commit, and ends the live subscriptions opened with
-- it at once, whichever instance or command (the token CLI) made the change.
CREATE FUNCTION "muster_notify_tokens"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(
    left('muster_tokens_' || lower(regexp_replace(TG_TABLE_SCHEMA, '[^A-Za-z0-9_]', '_', 'g')), 63),
    OLD."id");
  RETURN NULL;
END $$;

CREATE TRIGGER "ApiToken_notify_update" AFTER UPDATE ON "ApiToken"
    FOR EACH ROW
    WHEN (OLD."revokedAt" IS DISTINCT FROM NEW."revokedAt"
       OR OLD."role" IS DISTINCT FROM NEW."role"
       OR OLD."areaCode" IS DISTINCT FROM NEW."areaCode"
       OR OLD."teamCode" IS DISTINCT FROM NEW."teamCode")
    EXECUTE FUNCTION "muster_notify_tokens"();
CREATE TRIGGER "ApiToken_notify_delete" AFTER DELETE ON "ApiToken"
    FOR EACH ROW EXECUTE FUNCTION "muster_notify_tokens"();
