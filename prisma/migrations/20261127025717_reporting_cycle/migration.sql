-- CreateEnum
CREATE TYPE "WorkflowState" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');

-- AlterEnum
ALTER TYPE "PeriodState" ADD VALUE 'LOCKED' BEFORE 'CLOSED';

-- DropIndex
DROP INDEX "StatusUpdate_periodId_idx";

-- AlterTable
ALTER TABLE "ReportingPeriod" ADD COLUMN     "lockedAt" TIMESTAMPTZ(3),
ADD COLUMN     "lockedById" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "StatusUpdate" ADD COLUMN     "rationale" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "returnNote" TEXT,
ADD COLUMN     "reviewedAt" TIMESTAMPTZ(3),
ADD COLUMN     "reviewedById" TEXT,
ADD COLUMN     "submittedAt" TIMESTAMPTZ(3),
ADD COLUMN     "workflowState" "WorkflowState" NOT NULL DEFAULT 'DRAFT';

-- AlterTable
ALTER TABLE "StatusUpdateRevision" ADD COLUMN     "rationale" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "returnNote" TEXT,
ADD COLUMN     "workflowState" "WorkflowState" NOT NULL DEFAULT 'DRAFT';

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "periodId" TEXT,
ADD COLUMN     "proposalId" TEXT;

-- CreateTable
CREATE TABLE "PeriodReopening" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PeriodReopening_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PeriodReopening_periodId_proposalId_expiresAt_idx" ON "PeriodReopening"("periodId", "proposalId", "expiresAt");

-- CreateIndex
CREATE INDEX "StatusUpdate_periodId_workflowState_idx" ON "StatusUpdate"("periodId", "workflowState");

-- CreateIndex
CREATE INDEX "StatusUpdate_authorId_workflowState_idx" ON "StatusUpdate"("authorId", "workflowState");

-- CreateIndex
CREATE INDEX "AuditEvent_proposalId_idx" ON "AuditEvent"("proposalId");

-- CreateIndex
CREATE INDEX "AuditEvent_periodId_idx" ON "AuditEvent"("periodId");

-- CreateIndex
CREATE INDEX "AuditEvent_action_idx" ON "AuditEvent"("action");

-- AddForeignKey
ALTER TABLE "ReportingPeriod" ADD CONSTRAINT "ReportingPeriod_lockedById_fkey" FOREIGN KEY ("lockedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodReopening" ADD CONSTRAINT "PeriodReopening_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodReopening" ADD CONSTRAINT "PeriodReopening_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodReopening" ADD CONSTRAINT "PeriodReopening_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Data: updates recorded before the review workflow existed. Closed periods were published, so their
-- updates count as approved, and the others wait for review.
UPDATE "StatusUpdate" s
SET "workflowState" = CASE WHEN p."state" = 'CLOSED' THEN 'APPROVED'::"WorkflowState" ELSE 'SUBMITTED'::"WorkflowState" END,
    "submittedAt" = s."updatedAt"
FROM "ReportingPeriod" p
WHERE p."id" = s."periodId";

UPDATE "StatusUpdateRevision" r
SET "workflowState" = s."workflowState"
FROM "StatusUpdate" s
WHERE s."id" = r."statusUpdateId" AND r."version" = s."version";

-- The audit trail and the revision history are append-only: the database itself refuses to change or
-- remove their rows, whatever the application does.
CREATE FUNCTION "forbid_append_only_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "forbid_append_only_change"();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "forbid_append_only_change"();
CREATE TRIGGER "StatusUpdateRevision_append_only" BEFORE UPDATE OR DELETE ON "StatusUpdateRevision"
  FOR EACH ROW EXECUTE FUNCTION "forbid_append_only_change"();
CREATE TRIGGER "StatusUpdateRevision_no_truncate" BEFORE TRUNCATE ON "StatusUpdateRevision"
  FOR EACH STATEMENT EXECUTE FUNCTION "forbid_append_only_change"();
