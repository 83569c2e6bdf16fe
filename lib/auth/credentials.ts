import "server-only";
import { z } from "zod";
import { getDummyHash, verifyPassword } from "@/lib/auth/passwords";
import { recordAuditEvent } from "@/lib/data/audit";
import { admitSignInAttempt, recordSignInFailure, recordSignInSuccess, type Admission } from "@/lib/data/sign-in-throttle";
import { startSession } from "@/lib/data/sessions";
import { findUserForSignIn } from "@/lib/data/users";
import { forwardedClientAddress } from "@/lib/domain/client-address";
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, accountThrottleKey, addressThrottleKey, throttledErrorCode } from "@/lib/domain/throttle";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

/**
 * Thrown by `authorizeCredentials` when the account or the address must wait. next-auth passes the
 * message on as its `error`; app/api/auth/[...nextauth]/route.ts answers 429 with Retry-After for it.
 */
export class SignInThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(throttledErrorCode(retryAfterSeconds));
    this.name = "SignInThrottledError";
  }
}

/** What next-auth 4 passes to a credentials provider's `authorize` as its second argument. */
type AuthorizeRequest = { headers?: Record<string, unknown> } | undefined;

function forwardedFor(request: AuthorizeRequest): string | undefined {
  const value = request?.headers?.["x-forwarded-for"];
  return typeof value === "string" ? value : undefined;
}

type Counted = Extract<Admission, { admitted: true }>;

/**
 * The audit trail gets at most one failure and one block per account and per address in each window,
 * however many attempts there were: the window's first failure (with the client address), and the
 * attempt that reached the limit. Per account only when an active account has the e-mail; tries on
 * unknown e-mails show in their address's record, so that they cannot grow the trail one row each.
 */
async function auditAccountFailure(account: Counted, userId: string, email: string, address: string): Promise<void> {
  if (account.count === 1) {
    await recordAuditEvent({ actorId: userId, action: "auth.sign_in_failed", entityType: "User", entityId: email, after: { failures: 1, address } });
  }
  if (account.count === ACCOUNT_THROTTLE.limit) {
    await recordAuditEvent({
      actorId: userId,
      action: "auth.sign_in_throttled",
      entityType: "User",
      entityId: email,
      after: { failures: account.count, blockedUntil: account.blockedUntil?.toISOString() ?? null, address },
    });
  }
}

async function auditAddressFailure(byAddress: Counted, address: string, email: string): Promise<void> {
  if (byAddress.count === 1) {
    await recordAuditEvent({ actorId: null, action: "auth.sign_in_failed", entityType: "ClientAddress", entityId: address, after: { failures: 1, email } });
  }
  if (byAddress.count === ADDRESS_THROTTLE.limit) {
    await recordAuditEvent({
      actorId: null,
      action: "auth.sign_in_throttled",
      entityType: "ClientAddress",
      entityId: address,
      after: { failures: byAddress.count, blockedUntil: byAddress.blockedUntil?.toISOString() ?? null },
    });
  }
}

/**
 * next-auth's credentials `authorize`: the user, null for wrong credentials, or SignInThrottledError.
 * The attempt is counted for the client address, then for the account, before the password is checked;
 * a blocked key refuses without checking it. The client address is the last X-Forwarded-For entry: the
 * server of `npm start` (scripts/serve.ts) sets it to the socket's address, or with TRUST_PROXY to what
 * the trusted proxy saw (lib/domain/client-address.ts).
 */
export async function authorizeCredentials(raw: unknown, request: AuthorizeRequest) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const address = forwardedClientAddress(forwardedFor(request));
  const keys = { account: accountThrottleKey(email), address: addressThrottleKey(address) };

  const byAddress = await admitSignInAttempt(keys.address, ADDRESS_THROTTLE);
  if (!byAddress.admitted) throw new SignInThrottledError(byAddress.retryAfterSeconds);
  const account = await admitSignInAttempt(keys.account, ACCOUNT_THROTTLE);
  if (!account.admitted) {
    // The address counts this try: it did not succeed.
    await auditAddressFailure(byAddress, address, email);
    throw new SignInThrottledError(account.retryAfterSeconds);
  }

  const user = await findUserForSignIn(email);
  // Verify against a dummy hash for unknown e-mails so timing does not reveal which accounts exist.
  const isValid = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  if (!user || !isValid) {
    await recordSignInFailure(keys.account, Boolean(user));
    if (user) await auditAccountFailure(account, user.id, email, address);
    await auditAddressFailure(byAddress, address, email);
    return null;
  }
  await recordSignInSuccess(keys, ADDRESS_THROTTLE);
  const userAgent = request?.headers?.["user-agent"];
  const sessionId = await startSession(user.id, { userAgent: typeof userAgent === "string" ? userAgent : undefined, address });
  await recordAuditEvent({ actorId: user.id, action: "auth.sign_in", entityType: "User", entityId: user.id });
  return { id: user.id, email: user.email, name: user.name, sessionId };
}
