-- Reports can be voided (kept, never deleted) and have their date corrected; each version says
-- why it was made. Rate limits shared by every instance: one counter per key and window.

-- AlterTable
ALTER TABLE "ActualReport" ADD COLUMN "voided" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "changeReason" TEXT;

-- AlterTable
ALTER TABLE "ActualReportRevision" ADD COLUMN "date" TEXT,
ADD COLUMN "voided" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "changeReason" TEXT;

-- Earlier versions kept before dates could change had the report's date.
UPDATE "ActualReportRevision" r SET "date" = a."date" FROM "ActualReport" a WHERE a."id" = r."reportId";

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);
