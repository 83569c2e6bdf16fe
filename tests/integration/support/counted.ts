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
