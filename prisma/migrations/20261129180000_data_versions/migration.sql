-- Versions of the stored data, so that every instance of the API keys its caches and ETags on what
-- the database holds (issue 15): a version changes in the same transaction as the data it covers,
-- so a reader that reads a version before the data never pairs an old version with newer data
-- that it then keeps, and a committed write changes the version every instance reads next.
-- Versions come from one sequence: they only grow, and never repeat, even for a scenario deleted
-- and created again under the same id.

CREATE SEQUENCE "DataVersionSequence";

-- One version per kind of data, changed by any statement that writes the kind's tables.
CREATE TABLE "DataVersion" (
    "name" TEXT NOT NULL,
    "version" BIGINT NOT NULL,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("name")
);

INSERT INTO "DataVersion" ("name", "version") VALUES
    ('areas', nextval('"DataVersionSequence"')),
    ('scenarios', nextval('"DataVersionSequence"')),
    ('teams', nextval('"DataVersionSequence"')),
    ('reports', nextval('"DataVersionSequence"')),
    ('tokens', nextval('"DataVersionSequence"'));

-- Before the statement, so that concurrent writers queue on the version row before they touch any
-- other row (no deadlock between a writer holding the version and one holding a new report).
CREATE FUNCTION "muster_bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "DataVersion" SET "version" = nextval('"DataVersionSequence"') WHERE "name" = TG_ARGV[0];
  RETURN NULL;
END $$;

CREATE TRIGGER "Area_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Area"
    FOR EACH STATEMENT EXECUTE FUNCTION "muster_bump_data_version"('areas');
CREATE TRIGGER "Scenario_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Scenario"
    FOR EACH STATEMENT EXECUTE FUNCTION "muster_bump_data_version"('scenarios');
CREATE TRIGGER "ScenarioMachines_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ScenarioMachines"
    FOR EACH STATEMENT EXECUTE FUNCTION "muster_bump_data_version"('scenarios');
CREATE TRIGGER "Team_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Team"
    FOR EACH STATEMENT EXECUTE FUNCTION "muster_bump_data_version"('teams');
CREATE TRIGGER "ActualReport_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ActualReport"
    FOR EACH STATEMENT EXECUTE FUNCTION "muster_bump_data_version"('reports');
CREATE TRIGGER "ActualReportRevision_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ActualReportRevision"
    FOR EACH STATEMENT EXECUTE FUNCTION "muster_bump_data_version"('reports');
CREATE TRIGGER "ApiToken_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ApiToken"
    FOR EACH STATEMENT EXECUTE FUNCTION "muster_bump_data_version"('tokens');

-- Each scenario's own version: its row and its machines, so one scenario's edit leaves the others'
-- cached plans alone.
ALTER TABLE "Scenario" ADD COLUMN "version" BIGINT NOT NULL DEFAULT nextval('"DataVersionSequence"');

CREATE FUNCTION "muster_bump_scenario_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."version" := nextval('"DataVersionSequence"');
  RETURN NEW;
END $$;

CREATE TRIGGER "Scenario_version" BEFORE UPDATE ON "Scenario"
    FOR EACH ROW EXECUTE FUNCTION "muster_bump_scenario_version"();

CREATE FUNCTION "muster_bump_scenario_of_machines"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE "Scenario" SET "version" = 0 WHERE "id" = OLD."scenarioId";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE "Scenario" SET "version" = 0 WHERE "id" = NEW."scenarioId";
  END IF;
  RETURN NULL;
END $$;

-- (The scenario's own trigger replaces the 0 with the next version.)
CREATE TRIGGER "ScenarioMachines_scenario_version" AFTER INSERT OR UPDATE OR DELETE ON "ScenarioMachines"
    FOR EACH ROW EXECUTE FUNCTION "muster_bump_scenario_of_machines"();

-- Live actuals: each report written notifies, at commit and only then, every instance listening on
-- the schema's channel (named as the API's channelOf('actuals', schema) names it) with
-- "<transaction id> <report id>", so that a listener tells one committed batch from the next.
CREATE FUNCTION "muster_notify_actuals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(
    left('muster_actuals_' || lower(regexp_replace(TG_TABLE_SCHEMA, '[^A-Za-z0-9_]', '_', 'g')), 63),
    txid_current()::text || ' ' || NEW."id");
  RETURN NULL;
END $$;

CREATE TRIGGER "ActualReport_notify" AFTER INSERT OR UPDATE ON "ActualReport"
    FOR EACH ROW EXECUTE FUNCTION "muster_notify_actuals"();
