"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { safeReturnPath } from "@/lib/domain/safe-redirect";
import { parseThrottledError, throttledMessage } from "@/lib/domain/throttle";

type Errors = { email?: string; password?: string; form?: string };

export function SignInForm({ returnTo, email: knownEmail = "" }: { returnTo: string; email?: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const next: Errors = {};
    if (!email) next.email = "Enter your e-mail address";
    else if (!/^[^\s@]+@[^\s@]+$/.test(email)) next.email = "Enter an e-mail address like name@example.org";
    if (!password) next.password = "Enter your password";
    setErrors(next);
    if (next.email || next.password) return;

    setPending(true);
    const result = await signIn("credentials", { email, password, redirect: false }).catch(() => null);
    setPending(false);
    if (!result || result.error) {
      // 429: the account or this address must wait (lib/auth/throttle-response.ts); the wait rides in `error`.
      const wait = result?.status === 429 ? parseThrottledError(result.error) : null;
      if (wait !== null) setErrors({ form: throttledMessage(wait) });
      else if (!result) setErrors({ form: "Signing in failed: check your connection and try again." });
      else setErrors({ form: "The e-mail address or password is not correct, or the account is inactive." });
      return;
    }
    // Checked again here, so the form never follows a path the page did not vet.
    router.replace(safeReturnPath(returnTo));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={errors.form ? "signin-error" : undefined}>
      {errors.form && (
        <div id="signin-error" className="alert alert--error" role="alert">
          {errors.form}
        </div>
      )}
      <div className="field">
        <label htmlFor="email">E-mail address</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={knownEmail}
          required
          aria-invalid={Boolean(errors.email)}
          aria-describedby={errors.email ? "email-error" : undefined}
        />
        {errors.email && (
          <span id="email-error" className="field__error">
            {errors.email}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={Boolean(errors.password)}
          aria-describedby={errors.password ? "password-error" : undefined}
        />
        {errors.password && (
          <span id="password-error" className="field__error">
            {errors.password}
          </span>
        )}
      </div>
      <button className="button" type="submit" disabled={pending} data-state={pending ? "pending" : "idle"}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
