-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "TeamKind" AS ENUM ('FIXED', 'MOBILE');

-- CreateTable
CREATE TABLE "Area" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "parentCode" TEXT,
    "path" TEXT NOT NULL,
    "depth" INTEGER NOT NULL,
    "population" INTEGER,
    "eligibleShare" DOUBLE PRECISION,
    "eligible" INTEGER,
    "alreadyServed" INTEGER NOT NULL DEFAULT 0,
    "turnout" DOUBLE PRECISION,

    CONSTRAINT "Area_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Scenario" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "areaCode" TEXT NOT NULL,
    "start" TEXT NOT NULL,
    "deadline" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    "closedDates" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "closedWeekdays" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "open" TEXT NOT NULL,
    "close" TEXT NOT NULL,
    "minutesPerDossier" DOUBLE PRECISION NOT NULL,
    "serviceCv" DOUBLE PRECISION,
    "availability" DOUBLE PRECISION,
    "hardCaseShare" DOUBLE PRECISION,
    "hardCaseExtraMinutes" DOUBLE PRECISION,
    "waitTargetMinutes" DOUBLE PRECISION,
    "teamsPerSite" INTEGER,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Scenario_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScenarioMachines" (
    "scenarioId" TEXT NOT NULL,
    "areaCode" TEXT NOT NULL,
    "machines" INTEGER NOT NULL,

    CONSTRAINT "ScenarioMachines_pkey" PRIMARY KEY ("scenarioId","areaCode")
);

-- CreateTable
CREATE TABLE "Team" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "TeamKind" NOT NULL,
    "homeAreaCode" TEXT NOT NULL,
    "machines" INTEGER NOT NULL,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "ActualReport" (
    "id" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "areaCode" TEXT NOT NULL,
    "teamCode" TEXT,
    "teamKey" TEXT NOT NULL DEFAULT '',
    "idempotencyKey" TEXT,
    "dossiers" INTEGER NOT NULL,
    "machinesWorking" INTEGER,
    "hoursOpen" DOUBLE PRECISION,
    "downtimeMinutes" INTEGER,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActualReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActualReportRevision" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "dossiers" INTEGER NOT NULL,
    "machinesWorking" INTEGER,
    "hoursOpen" DOUBLE PRECISION,
    "downtimeMinutes" INTEGER,
    "note" TEXT,
    "supersededAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActualReportRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Area_parentCode_idx" ON "Area"("parentCode");

-- CreateIndex
CREATE INDEX "Area_level_idx" ON "Area"("level");

-- CreateIndex
CREATE INDEX "Area_path_idx" ON "Area"("path");

-- CreateIndex
CREATE UNIQUE INDEX "ActualReport_idempotencyKey_key" ON "ActualReport"("idempotencyKey");

-- CreateIndex
CREATE INDEX "ActualReport_areaCode_date_idx" ON "ActualReport"("areaCode", "date");

-- CreateIndex
CREATE UNIQUE INDEX "ActualReport_date_areaCode_teamKey_key" ON "ActualReport"("date", "areaCode", "teamKey");

-- CreateIndex
CREATE UNIQUE INDEX "ActualReportRevision_reportId_version_key" ON "ActualReportRevision"("reportId", "version");

-- AddForeignKey
ALTER TABLE "Area" ADD CONSTRAINT "Area_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Area"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioMachines" ADD CONSTRAINT "ScenarioMachines_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioMachines" ADD CONSTRAINT "ScenarioMachines_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_homeAreaCode_fkey" FOREIGN KEY ("homeAreaCode") REFERENCES "Area"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActualReport" ADD CONSTRAINT "ActualReport_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActualReport" ADD CONSTRAINT "ActualReport_teamCode_fkey" FOREIGN KEY ("teamCode") REFERENCES "Team"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActualReportRevision" ADD CONSTRAINT "ActualReportRevision_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ActualReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

