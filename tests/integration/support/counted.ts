import type { IncludeOption } from "@/lib/domain/proposals";
import { Prisma } from "@/lib/prisma-client";

/**
 * Which updates each include option counts, written for the tests as SQL on `s` (an update or a revision:
 * both have "workflowState") rather than taken from lib/domain: approved only (the dashboard's default),
 * approved and submitted, or every one.
 */
export const COUNTED: Record<IncludeOption, Prisma.Sql> = {
  approved: Prisma.sql`s."workflowState" = 'APPROVED'`,
  submitted: Prisma.sql`s."workflowState" IN ('APPROVED', 'SUBMITTED')`,
  all: Prisma.sql`TRUE`,
};

/**
 * Whether the proposal `p` belongs to the period `rp`, written for the tests with the endorsement dates
 * typed out (DOMAIN.md) rather than taken from lib/domain: its set endorsed by the cut-off, and not
 * retired before the period began.
 */
export const IN_PERIOD_TEXT = `((CASE p.set::text WHEN 'SET_2016' THEN DATE '2016-12-06' WHEN 'SET_2017' THEN DATE '2017-12-05' END) <= rp."cutOffOn"
  AND (p."retiredAt" IS NULL OR p."retiredAt" > rp."startsOn"))`;
export const IN_PERIOD = Prisma.raw(IN_PERIOD_TEXT);
