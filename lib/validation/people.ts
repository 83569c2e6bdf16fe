// Inputs about people: who they are, where they work, what they may do.
import { z } from "zod";

export const EU_BODIES = ["EEAS", "COMMISSION", "EDA"] as const;
export const EU_BODY_LABELS: Record<(typeof EU_BODIES)[number], string> = { EEAS: "EEAS", COMMISSION: "European Commission", EDA: "European Defence Agency" };

export const emailSchema = z
  .string("Enter the e-mail address")
  .trim()
  .toLowerCase()
  .max(320, "The e-mail address is too long")
  .email("Enter an e-mail address like name@example.org");

export const personNameSchema = z
  .string("Enter the person's name")
  .trim()
  .min(2, "Enter the person's name")
  .max(120, "Keep the name under 120 characters")
  .refine((v) => !/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(v), "Remove control and direction-override characters from the name");

/** `npm run admin:create -- --email … --name … --organisation NATO|EU [--body EEAS|COMMISSION|EDA]`. */
export const adminCommandSchema = z
  .object({
    email: emailSchema,
    name: personNameSchema,
    organisation: z.enum(["NATO", "EU"], "--organisation must be NATO or EU"),
    body: z.enum(EU_BODIES, "--body must be EEAS, COMMISSION or EDA").optional(),
  })
  .refine((v) => v.organisation === "EU" || v.body === undefined, { path: ["body"], message: "--body is for EU users only" });

export type AdminCommandInput = z.infer<typeof adminCommandSchema>;
