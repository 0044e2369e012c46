-- Scenarios made from a replan (issue 13): per-leaf already served, the paces as service
-- overrides, and the scenario they came from.
ALTER TABLE "Scenario" ADD COLUMN "serviceOverrides" TEXT,
ADD COLUMN "derivedFromId" TEXT,
ADD COLUMN "derivedAsOf" TEXT,
ADD COLUMN "derivedPace" TEXT;

CREATE TABLE "ScenarioServed" (
    "scenarioId" TEXT NOT NULL,
    "areaCode" TEXT NOT NULL,
    "alreadyServed" INTEGER NOT NULL,

    CONSTRAINT "ScenarioServed_pkey" PRIMARY KEY ("scenarioId","areaCode")
);

ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_derivedFromId_fkey" FOREIGN KEY ("derivedFromId") REFERENCES "Scenario"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ScenarioServed" ADD CONSTRAINT "ScenarioServed_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ScenarioServed" ADD CONSTRAINT "ScenarioServed_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A scenario's served figures are part of it: writing them changes its version, as its machines do.
CREATE TRIGGER "ScenarioServed_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ScenarioServed"
    FOR EACH STATEMENT EXECUTE FUNCTION "muster_bump_data_version"('scenarios');
CREATE TRIGGER "ScenarioServed_scenario_version" AFTER INSERT OR UPDATE OR DELETE ON "ScenarioServed"
    FOR EACH ROW EXECUTE FUNCTION "muster_bump_scenario_of_machines"();
