import Link from "next/link";
import { dismissSignInNoticeAction } from "@/lib/actions/auth";
import { signInNoticeText, type SignInNotice as Notice } from "@/lib/domain/throttle";

/**
 * Tells the owner, after they sign in, how many attempts on their account failed since their previous
 * sign-in, on every page until they dismiss it (a form posting to a server action: no client code).
 */
export function SignInNotice({ notice, timeZone }: { notice: Notice; timeZone: string }) {
  return (
    <div className="alert alert--warning" role="status" aria-label="Failed sign-in attempts" data-testid="sign-in-notice">
      <p>
        {signInNoticeText(notice.failures, notice.lastFailureAt, timeZone)} If these were not you, <Link href="/account">change your password</Link>.
      </p>
      <form action={dismissSignInNoticeAction}>
        <button type="submit" className="button button--secondary button--small">
          Dismiss
        </button>
      </form>
    </div>
  );
}
