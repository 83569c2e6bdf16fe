// Text people type is stored as it is, except what no reader can see and PostgreSQL or a browser would
// misread: NUL and other control characters (PostgreSQL refuses NUL in text), lone UTF-16 surrogates
// (not Unicode, refused by the database driver) and the bidirectional embedding, override and isolate
// controls that make "exe.txt" read "txt.exe". Pure (no zod here beyond the helpers): forms and the JSON
// API share it.
import { z } from "zod";

// C0 controls other than tab, line feed and carriage return; DEL; C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI (the marks LRM and RLM stay allowed: Arabic and Hebrew text needs them).
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

export const UNSAFE_TEXT_MESSAGE = "Remove the invisible control characters from this text (such as text-direction overrides)";

/** Why a text cannot be stored as it is, or null when it can. */
export function unsafeTextProblem(value: string): string | null {
  return CONTROL.test(value) || LONE_SURROGATE.test(value) || BIDI_CONTROL.test(value) ? UNSAFE_TEXT_MESSAGE : null;
}

/** The same text with every such character removed: for search boxes and filters, which never refuse. */
export function withoutUnsafeText(value: string): string {
  return value.replace(new RegExp(`${CONTROL.source}|${LONE_SURROGATE.source}|${BIDI_CONTROL.source}`, "g"), "");
}

/** A string schema refusing unsafe characters with a message people can act on. */
export function safeString() {
  return z.string().refine((value) => unsafeTextProblem(value) === null, UNSAFE_TEXT_MESSAGE);
}

/**
 * A whole number typed in a form or sent as JSON, parsed strictly: "42" or 42, never "", null, [], true,
 * "1e309" or "4.5" read as something else. `message` is the one error for anything that is not one.
 */
export function strictInteger(message: string) {
  return z.preprocess((value) => {
    if (typeof value === "number") return Number.isSafeInteger(value) ? value : Number.NaN;
    if (typeof value === "string") {
      const text = value.trim();
      if (text === "") return undefined;
      return /^[+-]?\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
    }
    return value === undefined ? undefined : Number.NaN;
  }, z.number(message).int(message));
}
