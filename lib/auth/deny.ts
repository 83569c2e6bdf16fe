import "server-only";
import { forbidden } from "next/navigation";
import { recordAuditEvent } from "@/lib/data/audit";
import type { SessionUser } from "./session";

/** A page a signed-in user may not use: record the refusal in the audit trail, then answer 403. */
export async function denyPage(user: SessionUser, attempted: string, target: { proposalId?: string; periodId?: string }): Promise<never> {
  await recordAuditEvent({
    actorId: user.id,
    action: "permission.denied",
    entityType: "Page",
    entityId: attempted,
    proposalId: target.proposalId ?? null,
    periodId: target.periodId ?? null,
    after: { attempted },
  });
  forbidden();
}
