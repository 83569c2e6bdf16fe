-- Warnings flagged when an update is saved (lib/domain/update-warnings.ts), on the update and on each of its
-- revisions. Adding a column with a constant default rewrites no row and fires no trigger, so the append-only
-- revisions stay untouched: updates saved before this migration read as flagged with nothing (they were not
-- checked when saved), and no backfill is attempted. Prisma maps String[] to a nullable array column; the
-- application always writes an array and reads a missing one as none.
-- AlterTable
ALTER TABLE "StatusUpdate" ADD COLUMN     "warnings" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "StatusUpdateRevision" ADD COLUMN     "warnings" TEXT[] DEFAULT ARRAY[]::TEXT[];

