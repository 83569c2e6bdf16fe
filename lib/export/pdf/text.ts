// Text as staff typed it, made safe for a PDF text run. pdfkit draws whatever it is given: a control
// character would come out as a missing-glyph box, and a lone surrogate cannot be encoded at all.
import { formatDate, formatDateTime } from "@/lib/domain/format";

// C0 controls other than \n (tab is handled first), DEL and the C1 controls.
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Keeps every printable character (accents, Greek, Cyrillic, bidi marks); tabs become spaces, CR LF a line break. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/\t/g, "    ").replace(CONTROL, "").replace(LONE_SURROGATE, "");
}

/** Paragraphs of a narrative: a blank line separates them; a single line break stays inside its paragraph. */
export function paragraphsOf(text: string): string[] {
  return cleanText(text)
    .split(/\n[ \u00A0]*\n\s*/)
    .map((p) => p.replace(/\s+$/, ""))
    .filter((p) => p.trim().length > 0);
}

/** "1 Jun 2025" from a calendar date (YYYY-MM-DD, UTC). */
export function formatDay(day: string): string {
  return formatDate(new Date(`${day}T00:00:00.000Z`));
}

/** "9 Jun 2026, 16:45 UTC" from an ISO timestamp: always UTC, so the file is the same bytes for every reader. */
export function formatMoment(iso: string): string {
  return formatDateTime(new Date(iso), "UTC");
}
