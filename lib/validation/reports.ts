// Inputs of the report's forms and addresses: publishing, signing off, marking highlights, comparing.
import { z } from "zod";

/** A whole number written in digits only: "1e3", " 7", "0x10" or "12.0" are refused, not coerced. */
const wholeNumber = (message: string, max = 999_999) =>
  z
    .string(message)
    .regex(/^\d{1,6}$/, message)
    .transform(Number)
    .refine((n) => n <= max, message);

/** Control characters (except tab and line breaks) and lone surrogates never reach a report. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const publishSchema = z.object({
  periodNumber: wholeNumber("Choose a reporting period"),
  /** How many editions the manager saw: publishing is refused if someone published meanwhile. */
  expectedEditions: wholeNumber("Reload the page and try again"),
  changeNote: z
    .string()
    .max(2000, "Keep the change note under 2,000 characters")
    .refine((v) => !CONTROL.test(v), "Remove the control characters from the change note")
    .default("")
    .transform((v) => v.trim()),
});
export type PublishInput = z.infer<typeof publishSchema>;

export const signOffSchema = z.object({
  periodNumber: wholeNumber("Choose a reporting period"),
  edition: wholeNumber("Choose an edition").refine((n) => n >= 1, "Choose an edition"),
});
export type SignOffInput = z.infer<typeof signOffSchema>;

export const highlightSchema = z.object({
  proposalId: z.string().min(1).max(64),
  periodId: z.string().min(1).max(64),
  /** The state asked for: marking twice (or unmarking twice) changes nothing. */
  highlight: z.enum(["true", "false"]).transform((v) => v === "true"),
  /** The update's version the manager saw: a changed update is not marked blindly. */
  expectedVersion: wholeNumber("Reload the page and try again").refine((n) => n >= 1, "Reload the page and try again"),
});
export type HighlightInput = z.infer<typeof highlightSchema>;

/** "draft" or an edition number, in report addresses and the compare form. */
export const editionRefSchema = z.union([z.literal("draft"), wholeNumber("Choose an edition").refine((n) => n >= 1)]);
export type EditionRef = z.infer<typeof editionRefSchema>;

/** The period number in a report address: digits only, else the page is not found. */
export function parsePeriodNumber(value: string): number | null {
  return /^[1-9]\d{0,5}$/.test(value) ? Number(value) : null;
}
