import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/domain/permissions";
import { resolveTimeZone } from "@/lib/domain/time-zone";
import { AppError } from "@/lib/errors";
import { appendAudit } from "./audit";

// The signed-in person's own display preferences (/account). Like every profile change, a change is
// written with its audit event in one transaction; saving the zone already in force writes nothing.

/** Sets the zone the person reads times in (an IANA name the caller has validated). */
export async function setOwnTimeZone(user: Actor, timeZone: string): Promise<{ changed: boolean }> {
  return getDb().$transaction(async (tx) => {
    const account = await tx.user.findFirst({ where: { id: user.id, active: true }, select: { timeZone: true } });
    if (!account) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    if (resolveTimeZone(account.timeZone) === timeZone) return { changed: false };
    await tx.user.update({ where: { id: user.id }, data: { timeZone } });
    await appendAudit(tx, {
      actorId: user.id,
      action: "user.time_zone",
      entityType: "User",
      entityId: user.id,
      before: { timeZone: account.timeZone },
      after: { timeZone },
    });
    return { changed: true };
  });
}
