// The password rule people are told: at least 12 characters, up to 256; not a commonly used or leaked
// password (zxcvbn's dictionaries of breached passwords, common words and names, offline); not made of
// the person's own name or e-mail; never the published demo password.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
/** zxcvbn's score 0-4: 3 means "safely unguessable" (about 10^8 guesses and more). */
const MIN_SCORE = 3;

/** Passwords printed in the README, the tests and the seed: never accepted for a real account. */
export const PUBLISHED_PASSWORDS = ["demo-password-2026", "factory-password-2026"] as const;

export const PASSWORD_RULE = `At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a good one; avoid common or leaked passwords and your own name or e-mail.`;

let zxcvbn: ZxcvbnFactory | undefined;
function checker(): ZxcvbnFactory {
  zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return zxcvbn;
}

/** The reason a password is refused, in words for the person choosing it; null when it is acceptable. */
export function passwordProblem(password: string, person: { email?: string; name?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters (this one has ${password.length}).`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  if ((PUBLISHED_PASSWORDS as readonly string[]).includes(password)) return "This password is published in the demo instructions: choose your own.";
  const own = [...(person.email?.split("@")[0]?.split(/[._+-]/) ?? []), ...(person.name?.split(/[\s'-]+/) ?? [])].filter((part) => part.length >= 4);
  if (own.some((part) => password.toLowerCase().includes(part.toLowerCase()))) return "Leave your own name and e-mail out of your password.";
  const inputs = [person.email ?? "", ...(person.email?.split(/[@.]/) ?? []), ...(person.name?.split(/\s+/) ?? []), "nato", "tracker", "progress", "report"];
  const result = checker().check(
    password.slice(0, 100),
    inputs.filter((s) => s.length >= 3),
  );
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning;
  return `This password is too easy to guess${warning ? `: ${warning.replace(/\.$/, "").toLowerCase()}` : ""}. ${result.feedback.suggestions[0] ?? "Add another word or two."}`;
}
