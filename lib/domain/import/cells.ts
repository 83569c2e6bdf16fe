// How one cell of an import file is read: trimmed text, whole numbers (never "12.0", "1e3" or a date),
// yes/no, the set, the vocabulary by label or value (any case), e-mail lists and evidence links. Each is a
// zod schema over the cell's text, so a row is one z.object and each problem names its column.
import { z } from "zod";
import { emailSchema } from "@/lib/validation/people";
import { MAX_EVIDENCE_LINKS, evidenceLinkSchema } from "@/lib/validation/status-update";
import { PROPOSAL_SETS, type ProposalSet } from "../vocabulary";

/** Windows line breaks as plain ones, and no spaces around: how every text of the tracker is stored. */
export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, "\n").trim();
}

const MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
const DATE_PATTERNS = [
  /^\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?)?$/,
  /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/,
  new RegExp(`^\\d{1,2}(st|nd|rd|th)?[\\s-]+${MONTH}[\\s,-]+\\d{2,4}$`, "i"),
  new RegExp(`^${MONTH}\\s+\\d{1,2}(st|nd|rd|th)?,?\\s+\\d{4}$`, "i"),
];

/** Text that reads as a date ("2024-06-01", "01/06/2024", "1 June 2024"): what Excel makes of some numbers. */
export function looksLikeDate(value: string): boolean {
  const v = value.trim();
  return DATE_PATTERNS.some((p) => p.test(v));
}

export const DATE_NOT_NUMBER =
  "This is a date, not a number: Excel may have turned the number into a date. Format the column as Text, then type the number again.";

/** A whole number in [min, max]; "P12" too when `allowCode`. Decimals ("12.0"), exponents ("1e3") and dates are refused. */
export function wholeNumber(what: string, min: number, max: number, options: { allowCode?: boolean } = {}) {
  return z.string().transform((raw, ctx): number => {
    const v = raw.trim();
    const fail = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    if (v === "") return fail(`Enter the ${what}`);
    if (looksLikeDate(v)) return fail(DATE_NOT_NUMBER);
    const match = (options.allowCode ? /^[Pp]?\s*(\d{1,6})$/ : /^(\d{1,6})$/).exec(v);
    if (!match) {
      if (/^[+-]?\d*[.,]\d+$|^[+-]?\d+(\.\d*)?e[+-]?\d+$/i.test(v))
        return fail(`Enter the ${what} as a whole number such as ${min === 0 ? 40 : 12}, without decimals or exponents`);
      return fail(`Enter the ${what} as a whole number`);
    }
    const n = Number(match[1]);
    if (n < min || n > max) return fail(`The ${what} must be from ${min} to ${max}`);
    return n;
  });
}

/** A percentage as a whole number 0–100: "40" or "40%". */
export const percentSchema = z.string().transform((raw, ctx): number => {
  const v = raw.trim().replace(/\s*%$/, "");
  if (looksLikeDate(raw)) {
    ctx.addIssue({ code: "custom", message: DATE_NOT_NUMBER });
    return z.NEVER;
  }
  if (!/^\d{1,3}$/.test(v) || Number(v) > 100) {
    ctx.addIssue({ code: "custom", message: "Enter progress as a whole number from 0 to 100 (40 for 40%), without decimals" });
    return z.NEVER;
  }
  return Number(v);
});

const YES = new Set(["yes", "y", "true", "1", "x", "✓", "✔", "oui"]);
const NO = new Set(["no", "n", "false", "0", "", "-", "non"]);

/** Yes/No, TRUE/FALSE, 1/0 or x; an empty cell is No. */
export const yesNoSchema = z.string().transform((raw, ctx): boolean => {
  const v = raw.trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  ctx.addIssue({ code: "custom", message: "Enter Yes or No" });
  return z.NEVER;
});

const SET_WORDS: Record<string, ProposalSet> = {};
for (const [set, year, ordinal] of [
  ["SET_2016", "2016", "1"],
  ["SET_2017", "2017", "2"],
] as const) {
  for (const word of [set, year, `set ${year}`, `${year} set`, `december ${year}`, `december ${year} set`, `dec ${year}`, `set ${ordinal}`, ordinal]) {
    SET_WORDS[word.toLowerCase()] = set;
  }
}

export const proposalSetSchema = z.string().transform((raw, ctx): ProposalSet => {
  const v = raw
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, " ");
  const set = SET_WORDS[v] ?? SET_WORDS[v.replace(/ /g, "_")];
  if (set && (PROPOSAL_SETS as readonly string[]).includes(set)) return set;
  ctx.addIssue({ code: "custom", message: v === "" ? "Enter the set: 2016 or 2017" : "Enter the set as 2016 or 2017 (or “December 2016 set”)" });
  return z.NEVER;
});

const wordKey = (v: string) =>
  v
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");

/** Finds one of `values` written as its value ("IN_PROGRESS") or its label ("In progress"), in any case. */
export function vocabularyLookup<T extends string>(
  values: readonly T[],
  labels: Record<T, string>,
  extra: Record<string, T> = {},
): (raw: string) => T | undefined {
  const lookup = new Map<string, T>();
  for (const value of values) {
    lookup.set(wordKey(value), value);
    lookup.set(wordKey(labels[value]), value);
  }
  for (const [word, value] of Object.entries(extra)) lookup.set(wordKey(word), value);
  return (raw) => lookup.get(wordKey(raw));
}

/** A cell holding one of `values` (see vocabularyLookup); `optional`: an empty cell is null. */
export function vocabularySchema<T extends string>(values: readonly T[], labels: Record<T, string>, what: string, extra: Record<string, T> = {}) {
  const find = vocabularyLookup(values, labels, extra);
  const choices = values.map((v) => labels[v]).join(", ");
  return z.string().transform((raw, ctx): T => {
    const found = find(raw);
    if (found) return found;
    ctx.addIssue({ code: "custom", message: raw.trim() === "" ? `Enter the ${what}: ${choices}` : `Enter one of: ${choices}` });
    return z.NEVER;
  });
}

/** As vocabularySchema, but an empty cell (or a missing column) is null. */
export function optionalVocabularySchema<T extends string>(values: readonly T[], labels: Record<T, string>, extra: Record<string, T> = {}) {
  const find = vocabularyLookup(values, labels, extra);
  const choices = values.map((v) => labels[v]).join(", ");
  return z
    .string()
    .default("")
    .transform((raw, ctx): T | null => {
      if (raw.trim() === "") return null;
      const found = find(raw);
      if (found) return found;
      ctx.addIssue({ code: "custom", message: `Enter one of: ${choices}, or leave it empty` });
      return z.NEVER;
    });
}

/** Text of at most `max` characters, trimmed; required unless `optional`. */
export function textSchema(what: string, max: number, options: { optional?: boolean; singleLine?: boolean; min?: number } = {}) {
  const min = options.optional ? 0 : (options.min ?? 1);
  return z.string().transform((raw, ctx): string => {
    const v = cleanText(raw);
    if (v.length < min) ctx.addIssue({ code: "custom", message: v === "" ? `Enter the ${what}` : `The ${what} needs at least ${min} characters` });
    else if (v.length > max)
      ctx.addIssue({
        code: "custom",
        message: `Keep the ${what} under ${max.toLocaleString("en-GB")} characters (it has ${v.length.toLocaleString("en-GB")})`,
      });
    else if (options.singleLine && v.includes("\n")) ctx.addIssue({ code: "custom", message: `Keep the ${what} on one line` });
    return v;
  });
}

/** One e-mail address, lower-cased (as accounts store it). */
export const emailCellSchema = z.string().transform((raw, ctx): string => {
  const parsed = emailSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  ctx.addIssue({ code: "custom", message: raw.trim() === "" ? "Enter the e-mail address" : `“${raw.trim()}” is not an e-mail address` });
  return z.NEVER;
});

/** E-mail addresses separated by commas, semicolons or line breaks; each once, in the order given. */
export const emailListSchema = z.string().transform((raw, ctx): string[] => {
  const emails: string[] = [];
  for (const part of raw.split(/[,;\n\r]+/)) {
    if (part.trim() === "") continue;
    const parsed = emailSchema.safeParse(part);
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", message: `“${part.trim()}” is not an e-mail address` });
      return z.NEVER;
    }
    if (!emails.includes(parsed.data)) emails.push(parsed.data);
  }
  return emails;
});

const LABELLED_LINK = /^(.*?):\s+(https?:\/\/\S+)$/i;

/** Evidence links, one per line: "Label: https://…" or the address alone (what the exports write). */
export const evidenceLinksSchema = z.string().transform((raw, ctx): { label: string; url: string }[] => {
  const links: { label: string; url: string }[] = [];
  for (const line of raw.split(/\r\n?|\n/)) {
    const v = line.trim();
    if (v === "") continue;
    const labelled = LABELLED_LINK.exec(v);
    const parsed = evidenceLinkSchema.safeParse(labelled ? { label: labelled[1], url: labelled[2] } : { label: "", url: v });
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", message: `“${v}”: ${parsed.error.issues[0]?.message ?? "not a link"}` });
      return z.NEVER;
    }
    links.push(parsed.data);
  }
  if (links.length > MAX_EVIDENCE_LINKS) {
    ctx.addIssue({ code: "custom", message: `At most ${MAX_EVIDENCE_LINKS} links (there are ${links.length})` });
    return z.NEVER;
  }
  return links;
});
