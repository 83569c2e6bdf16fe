-- CreateEnum
CREATE TYPE "EuBody" AS ENUM ('EEAS', 'COMMISSION', 'EDA');

-- CreateEnum
CREATE TYPE "PasswordTokenPurpose" AS ENUM ('INVITE', 'RESET');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "body" "EuBody",
ALTER COLUMN "passwordHash" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "retiredAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "PasswordToken" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" "PasswordTokenPurpose" NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalVersion" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "set" "ProposalSet" NOT NULL,
    "areaId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "edaInvolved" BOOLEAN NOT NULL,
    "validFrom" TIMESTAMPTZ(3) NOT NULL,
    "changedById" TEXT,

    CONSTRAINT "ProposalVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PasswordToken_tokenHash_key" ON "PasswordToken"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordToken_userId_idx" ON "PasswordToken"("userId");

-- CreateIndex
CREATE INDEX "ProposalVersion_proposalId_validFrom_idx" ON "ProposalVersion"("proposalId", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalVersion_proposalId_version_key" ON "ProposalVersion"("proposalId", "version");

-- AddForeignKey
ALTER TABLE "PasswordToken" ADD CONSTRAINT "PasswordToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordToken" ADD CONSTRAINT "PasswordToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalVersion" ADD CONSTRAINT "ProposalVersion_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalVersion" ADD CONSTRAINT "ProposalVersion_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- The wording history of the catalogue is append-only, like the revisions of updates.
CREATE TRIGGER "ProposalVersion_append_only" BEFORE UPDATE OR DELETE ON "ProposalVersion"
  FOR EACH ROW EXECUTE FUNCTION "forbid_append_only_change"();
CREATE TRIGGER "ProposalVersion_no_truncate" BEFORE TRUNCATE ON "ProposalVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION "forbid_append_only_change"();

-- The wording every existing proposal has now is its first version, valid since before any report.
INSERT INTO "ProposalVersion" (id, "proposalId", version, number, set, "areaId", title, description, "edaInvolved", "validFrom")
SELECT 'pv-' || p.id || '-1', p.id, 1, p.number, p.set, p."areaId", p.title, p.description, p."edaInvolved", TIMESTAMPTZ '2016-01-01 00:00:00+00'
FROM "Proposal" p;

-- The two organisations of the joint report are reference data, present in every deployment (the demo
-- seed used to be the only thing creating them).
INSERT INTO "Organisation" (id, code, name) VALUES
  ('nato', 'NATO', 'NATO International Staff'),
  ('eu', 'EU', 'European Union (EEAS, Commission, EDA)')
ON CONFLICT DO NOTHING;
