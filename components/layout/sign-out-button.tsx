import { signOutAction } from "@/lib/actions/auth";

/** A form posting to a server action: works without JavaScript and loads no next-auth client code. */
export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="button button--secondary button--small">
        Sign out
      </button>
    </form>
  );
}
