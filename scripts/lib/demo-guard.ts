// A real deployment must not run with the demo accounts' published password: anyone who read the README
// could sign in as an admin. The accounts that can carry it are the seed's (…@nato.demo, …@eu.demo);
// the password policy refuses it for every other account.
import { PUBLISHED_PASSWORDS } from "@/lib/domain/password-policy";
import { verifyPassword } from "@/lib/auth/passwords";
import { createPrismaClient } from "@/lib/prisma-client";

/** E-mails of active accounts that still sign in with a published password. */
export async function accountsWithPublishedPassword(databaseUrl: string): Promise<string[]> {
  const prisma = createPrismaClient(databaseUrl, 1);
  try {
    const candidates = await prisma.user.findMany({
      where: { active: true, passwordHash: { not: null }, OR: [{ email: { endsWith: ".demo" } }, { id: { startsWith: "seed-user-" } }] },
      select: { email: true, passwordHash: true },
    });
    const found: string[] = [];
    for (const user of candidates) {
      for (const password of PUBLISHED_PASSWORDS) {
        if (await verifyPassword(user.passwordHash!, password)) {
          found.push(user.email);
          break;
        }
      }
    }
    return found;
  } finally {
    await prisma.$disconnect();
  }
}

export const DEMO_GUARD_HELP =
  "Deactivate these accounts or give them real passwords (an admin can reset them), or, for a demonstration " +
  "deployment only, set SEED_DEMO_DATA=true. To create a real first administrator: npm run admin:create -- --email … --name … --organisation NATO|EU";
