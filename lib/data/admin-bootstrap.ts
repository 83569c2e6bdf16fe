import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AdminCommandInput } from "@/lib/validation/people";
import { appendAudit } from "./audit";
import { issuePasswordToken } from "./password-tokens";

/**
 * `npm run admin:create`: makes (or makes again) an administrator from the command line, the way a real
 * deployment gets its first admin without any demo account. The person sets their password through the
 * one-time link returned; an existing account becomes an active admin and gets a reset link instead.
 */
export async function createAdminByCommand(input: AdminCommandInput, now = new Date()) {
  return getDb().$transaction(async (tx) => {
    const organisation = await tx.organisation.findUnique({ where: { code: input.organisation }, select: { id: true } });
    if (!organisation) throw new AppError("VALIDATION", `There is no organisation ${input.organisation}.`);
    const data = { name: input.name, role: "ADMIN" as const, organisationId: organisation.id, body: input.body ?? null, active: true };
    const existing = await tx.user.findUnique({
      where: { email: input.email },
      select: { id: true, name: true, role: true, active: true, passwordHash: true },
    });
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.user.create({ data: { email: input.email, ...data }, select: { id: true } });
    await appendAudit(tx, {
      actorId: null,
      action: existing ? "user.update" : "user.create",
      entityType: "User",
      entityId: user.id,
      before: existing ? { name: existing.name, role: existing.role, active: existing.active } : null,
      after: { ...data, email: input.email, via: "npm run admin:create" },
    });
    const purpose = existing?.passwordHash ? "RESET" : "INVITE";
    const link = await issuePasswordToken(tx, { userId: user.id, purpose, issuedById: null }, now);
    return { ...link, created: !existing, purpose };
  });
}
