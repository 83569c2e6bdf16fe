import { z } from "zod";
import { MAX_PASSWORD_LENGTH } from "@/lib/domain/password-policy";

/** The set-password form. The policy itself (length, guessability, own name) is checked with the person known. */
export const setPasswordSchema = z
  .object({
    token: z.string("This link is not complete: open it again from the e-mail or message.").min(1).max(200),
    password: z.string("Choose a password").min(1, "Choose a password").max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters`),
    confirm: z.string("Type the password again").max(MAX_PASSWORD_LENGTH),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords are not the same" });

export type SetPasswordInput = z.infer<typeof setPasswordSchema>;
