-- Live actuals notified once per statement instead of once per report: a bulk import of 100,000
-- reports in statements of 20,000 sends some 560 notifications instead of 100,000. Each is
-- "<transaction id> <report id> <report id> …" with at most 180 ids (37 bytes each), within
-- NOTIFY's 8,000-byte payload; still sent at commit, and only then.
DROP TRIGGER "ActualReport_notify" ON "ActualReport";
DROP FUNCTION "muster_notify_actuals"();

CREATE FUNCTION "muster_notify_actuals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(
    left('muster_actuals_' || lower(regexp_replace(TG_TABLE_SCHEMA, '[^A-Za-z0-9_]', '_', 'g')), 63),
    txid_current()::text || ' ' || chunks."ids")
  FROM (
    SELECT string_agg(numbered."id", ' ') AS "ids"
    FROM (SELECT "id", (row_number() OVER ()) / 180 AS "chunk" FROM "written") AS numbered
    GROUP BY numbered."chunk"
  ) AS chunks;
  RETURN NULL;
END $$;

-- A trigger with a transition table takes one event.
CREATE TRIGGER "ActualReport_notify_insert" AFTER INSERT ON "ActualReport"
    REFERENCING NEW TABLE AS "written" FOR EACH STATEMENT EXECUTE FUNCTION "muster_notify_actuals"();
CREATE TRIGGER "ActualReport_notify_update" AFTER UPDATE ON "ActualReport"
    REFERENCING NEW TABLE AS "written" FOR EACH STATEMENT EXECUTE FUNCTION "muster_notify_actuals"();
