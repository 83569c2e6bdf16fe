-- AlterTable
ALTER TABLE "StatusUpdate" ADD COLUMN     "highlight" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "highlightedAt" TIMESTAMPTZ(3),
ADD COLUMN     "highlightedById" TEXT;

-- CreateTable
CREATE TABLE "ReportEdition" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "changeNote" TEXT NOT NULL DEFAULT '',
    "publishedAt" TIMESTAMPTZ(3) NOT NULL,
    "publishedById" TEXT NOT NULL,
    "publishedByName" TEXT NOT NULL,
    "summary" JSONB NOT NULL,
    "contentHash" TEXT NOT NULL,

    CONSTRAINT "ReportEdition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportEditionEntry" (
    "editionId" TEXT NOT NULL,
    "proposalNumber" INTEGER NOT NULL,
    "proposalId" TEXT NOT NULL,
    "set" "ProposalSet" NOT NULL,
    "areaNumber" INTEGER NOT NULL,
    "areaName" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "edaInvolved" BOOLEAN NOT NULL,
    "status" "ImplementationStatus",
    "assessment" "Assessment",
    "progress" INTEGER,
    "narrative" TEXT NOT NULL DEFAULT '',
    "nextSteps" TEXT NOT NULL DEFAULT '',
    "evidenceLinks" JSONB NOT NULL DEFAULT '[]',
    "highlight" BOOLEAN NOT NULL DEFAULT false,
    "authorName" TEXT,
    "organisationCode" TEXT,
    "approvedAt" TIMESTAMPTZ(3),
    "history" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "ReportEditionEntry_pkey" PRIMARY KEY ("editionId","proposalNumber")
);

-- CreateTable
CREATE TABLE "ReportSignOff" (
    "editionId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "userName" TEXT NOT NULL,
    "organisationCode" TEXT NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportSignOff_pkey" PRIMARY KEY ("editionId","organisationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportEdition_periodId_number_key" ON "ReportEdition"("periodId", "number");

-- CreateIndex
CREATE INDEX "ReportEditionEntry_editionId_areaNumber_proposalNumber_idx" ON "ReportEditionEntry"("editionId", "areaNumber", "proposalNumber");

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_highlightedById_fkey" FOREIGN KEY ("highlightedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportEdition" ADD CONSTRAINT "ReportEdition_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportEdition" ADD CONSTRAINT "ReportEdition_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportEditionEntry" ADD CONSTRAINT "ReportEditionEntry_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "ReportEdition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSignOff" ADD CONSTRAINT "ReportSignOff_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "ReportEdition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSignOff" ADD CONSTRAINT "ReportSignOff_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSignOff" ADD CONSTRAINT "ReportSignOff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A published edition is frozen: the database itself refuses to change or remove an edition, its
-- entries or its sign-offs (the same function that guards the audit trail), whatever the application does.
CREATE TRIGGER "ReportEdition_append_only" BEFORE UPDATE OR DELETE ON "ReportEdition"
  FOR EACH ROW EXECUTE FUNCTION "forbid_append_only_change"();
CREATE TRIGGER "ReportEdition_no_truncate" BEFORE TRUNCATE ON "ReportEdition"
  FOR EACH STATEMENT EXECUTE FUNCTION "forbid_append_only_change"();
CREATE TRIGGER "ReportEditionEntry_append_only" BEFORE UPDATE OR DELETE ON "ReportEditionEntry"
  FOR EACH ROW EXECUTE FUNCTION "forbid_append_only_change"();
CREATE TRIGGER "ReportEditionEntry_no_truncate" BEFORE TRUNCATE ON "ReportEditionEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "forbid_append_only_change"();
CREATE TRIGGER "ReportSignOff_append_only" BEFORE UPDATE OR DELETE ON "ReportSignOff"
  FOR EACH ROW EXECUTE FUNCTION "forbid_append_only_change"();
CREATE TRIGGER "ReportSignOff_no_truncate" BEFORE TRUNCATE ON "ReportSignOff"
  FOR EACH STATEMENT EXECUTE FUNCTION "forbid_append_only_change"();

-- Nor can entries be added to an edition once it is published: an entry may only be inserted by the
-- transaction that inserted its edition (the edition row's xmin is that transaction's id).
CREATE FUNCTION "forbid_late_edition_entry"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "ReportEdition" e
    WHERE e.id = NEW."editionId"
      AND e.xmin::text = (pg_current_xact_id()::text::bigint % 4294967296)::text
  ) THEN
    RAISE EXCEPTION 'ReportEditionEntry: edition % is published; its entries cannot change', NEW."editionId"
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "ReportEditionEntry_only_when_published" BEFORE INSERT ON "ReportEditionEntry"
  FOR EACH ROW EXECUTE FUNCTION "forbid_late_edition_entry"();
