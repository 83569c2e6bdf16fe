import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/domain/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // No return path: the landing page of the role (app/page.tsx).
  const returnTo = safeReturnPath(params.callbackUrl, "/");
  const passwordSet = params.passwordSet === "1";
  const email = typeof params.email === "string" && params.email.length <= 320 ? params.email : "";
  if (await getCurrentUser()) redirect(returnTo);
  return (
    <main id="main" className="signin">
      <div className="card">
        <h1>Sign in</h1>
        <p className="muted">NATO–EU Progress Tracker: the 74 common proposals and their progress reports.</p>
        {passwordSet && (
          <div className="alert alert--success" role="status">
            Your password is set. Sign in with it now.
          </div>
        )}
        <SignInForm returnTo={returnTo} email={email} />
      </div>
    </main>
  );
}
