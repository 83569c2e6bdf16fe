-- The time zone a person reads times in (an IANA name, chosen on /account); null means the default,
-- Europe/Brussels, so existing accounts need no backfill. Stored instants stay UTC: this only changes display.
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "timeZone" TEXT;
