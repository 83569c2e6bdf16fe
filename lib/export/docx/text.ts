// Text as it goes into the Word document: cleaned of what XML 1.0 cannot hold, with its line breaks,
// blank-line paragraphs and tabs turned into Word's own breaks, paragraphs and tabs. Text only ever
// becomes w:t runs, never field codes, so a narrative such as "=HYPERLINK(…)" or "{ PAGE }" stays
// literal text: Word evaluates fields and formulas only from fldChar / instrText markup.
import { ExternalHyperlink, HeadingLevel, Paragraph, Tab, TextRun, type IParagraphOptions, type IRunOptions } from "docx";
import { formatDate, formatDateTime } from "@/lib/domain/format";

/**
 * Control characters other than tab, line feed and carriage return, the non-characters U+FFFE/U+FFFF
 * and lone surrogates: XML 1.0 forbids them, and Word refuses a file that holds one.
 */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe for XML 1.0, with line endings as "\n"; every other character (accents, Greek, RTL marks) kept. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(XML_FORBIDDEN, "");
}

/** Formatting of a run, without its content. */
export type RunFormat = Omit<IRunOptions, "children" | "text" | "break">;

/** Runs of one paragraph's text: "\n" becomes a line break, "\t" a Word tab. */
export function textRuns(text: string, format: RunFormat = {}): TextRun[] {
  return cleanText(text)
    .split("\n")
    .map(
      (line, i) =>
        new TextRun({
          ...format,
          break: i > 0 ? 1 : undefined,
          children: line.split("\t").flatMap((part, j) => [...(j > 0 ? [new Tab()] : []), ...(part ? [part] : [])]),
        }),
    );
}

/** One paragraph per blank-line-separated block of a narrative; single line breaks stay breaks inside it. */
export function textParagraphs(text: string, options: Omit<IParagraphOptions, "children" | "text"> = {}, format: RunFormat = {}): Paragraph[] {
  return cleanText(text)
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .filter((block) => block.trim() !== "")
    .map((block) => new Paragraph({ ...options, children: textRuns(block, format) }));
}

/** A paragraph of a bold label and its value: "Status: In progress". */
export function labelled(label: string, value: string, options: Omit<IParagraphOptions, "children" | "text"> = {}): Paragraph {
  return new Paragraph({ ...options, children: [new TextRun({ text: `${label}: `, bold: true }), ...textRuns(value)] });
}

/** Only web and mail addresses become links: a "javascript:" or "file:" address in an evidence link stays text. */
export function isLinkable(url: string): boolean {
  try {
    return ["http:", "https:", "mailto:"].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** A clickable link (Word's Hyperlink style), or the plain address when it is not one to follow. */
export function link(label: string, url: string): ExternalHyperlink | TextRun {
  const address = cleanText(url).trim();
  const text = cleanText(label).trim() || address;
  if (!isLinkable(address)) return new TextRun(`${text} (${address})`);
  return new ExternalHyperlink({ link: address, children: [new TextRun({ text, style: "Hyperlink" })] });
}

/** "1 Jun 2025" from a calendar date "2025-06-01" (UTC). */
export function formatDay(isoDate: string): string {
  return formatDate(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/**
 * "9 Jun 2026, 16:45 UTC" from an ISO timestamp. Always UTC, whoever downloads: a file is the same bytes
 * for every reader (and every download), so it cannot follow one reader's time zone.
 */
export function formatMoment(isoTimestamp: string): string {
  return formatDateTime(new Date(isoTimestamp), "UTC");
}

/** "1st", "2nd", "11th", "23rd": the short name of a progress report in the annex columns. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

const countFormat = new Intl.NumberFormat("en-GB");

/** "7,400": counts with a thousands separator. */
export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** A paragraph in one of Word's built-in Heading styles, so the navigation pane and the contents list it. */
export function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], pageBreakBefore = false): Paragraph {
  return new Paragraph({ heading: level, pageBreakBefore, children: textRuns(text) });
}
