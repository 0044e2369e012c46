-- The reports' version split over 16 rows (shards), so that concurrent writers of reports no longer
-- queue on one row until they commit: each transaction bumps the shard of its transaction id
-- (every statement of one transaction the same shard, so a writer holds one version row at most),
-- and a reader reads the kind's version as all its shards in one statement. Each bump takes a
-- new value from the sequence, so any committed write changes the kind's version, as before.
-- Other kinds, written rarely, keep one row (shard 0).
ALTER TABLE "DataVersion" ADD COLUMN "shard" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "DataVersion" DROP CONSTRAINT "DataVersion_pkey";
ALTER TABLE "DataVersion" ADD CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("name", "shard");
INSERT INTO "DataVersion" ("name", "shard", "version")
    SELECT 'reports', shard, nextval('"DataVersionSequence"') FROM generate_series(1, 15) AS shard;

-- TG_ARGV[1]: the kind's number of shards (1 when absent).
CREATE OR REPLACE FUNCTION "muster_bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "DataVersion" SET "version" = nextval('"DataVersionSequence"')
  WHERE "name" = TG_ARGV[0] AND "shard" = txid_current() % COALESCE(TG_ARGV[1]::int, 1);
  RETURN NULL;
END $$;

DROP TRIGGER "ActualReport_data_version" ON "ActualReport";
DROP TRIGGER "ActualReportRevision_data_version" ON "ActualReportRevision";
CREATE TRIGGER "ActualReport_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ActualReport"
    FOR EACH STATEMENT EXECUTE FUNCTION "muster_bump_data_version"('reports', '16');
CREATE TRIGGER "ActualReportRevision_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ActualReportRevision"
    FOR EACH STATEMENT EXECUTE FUNCTION "muster_bump_data_version"('reports', '16');
