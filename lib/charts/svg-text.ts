// Text for the server-drawn charts: XML escaping and, since nothing measures text here, width estimates
// from DejaVu Sans' advance widths and the word wrapping built on them (checked against resvg's real glyph
// boxes in svg.test.ts).

/** Escapes XML's five specials and drops characters XML 1.0 forbids (control characters, lone surrogates). */
export function escapeXml(value: string): string {
  const allowed = [...value].filter((ch) => {
    const code = ch.codePointAt(0)!;
    return code === 9 || code === 10 || code === 13 || (code >= 32 && !(code >= 0xd800 && code <= 0xdfff) && code !== 0xfffe && code !== 0xffff);
  });
  return allowed.join("").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** DejaVu Sans' advance width in em, by kind of character, rounded up: every layout keeps some slack. */
function charWidth(ch: string): number {
  if (" .,:;'|!ijlItfr()[]".includes(ch)) return 0.36;
  if (ch === "%" || ch === "m" || ch === "w" || ch === "M" || ch === "W") return 0.96;
  if (/[0-9A-Z\u0391-\u03a9\u0400-\u042f]/.test(ch)) return 0.7;
  return 0.62;
}

export function textWidth(content: string, size: number, bold = false): number {
  const em = [...content].reduce((sum, ch) => sum + charWidth(ch), 0);
  return em * size * (bold ? 1.12 : 1);
}

/** Greedy word wrap at spaces; a word wider than the line is broken after its hyphens, else between letters, never cut. */
export function wrapText(content: string, maxWidth: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of content.replace(/\s+/g, " ").trim().split(" ")) {
    for (const [i, piece] of breakWord(word, maxWidth, size, bold).entries()) {
      const candidate = current ? current + (i === 0 ? " " : "") + piece : piece;
      if (current && textWidth(candidate, size, bold) > maxWidth) {
        lines.push(current);
        current = piece;
      } else current = candidate;
    }
  }
  lines.push(current);
  return lines;
}

/** "capacity-building" -> "capacity-", "building" (a leading or doubled hyphen is not a break). */
const AFTER_HYPHEN = /(?<=[^-\s]-)(?=[^-])/;

function breakWord(word: string, maxWidth: number, size: number, bold: boolean): string[] {
  if (textWidth(word, size, bold) <= maxWidth) return [word];
  return word.split(AFTER_HYPHEN).flatMap((part) => {
    if (textWidth(part, size, bold) <= maxWidth) return [part];
    const pieces = [""];
    for (const ch of part) {
      if (pieces[pieces.length - 1] && textWidth(pieces[pieces.length - 1] + ch, size, bold) > maxWidth) pieces.push("");
      pieces[pieces.length - 1] += ch;
    }
    return pieces;
  });
}

/** The widest piece of any label that wrapping cannot break (a word, or part of a hyphenated one). */
export function widestWord(labels: string[], size: number, bold = false): number {
  return widest(
    labels.flatMap((l) => l.split(/\s+/).flatMap((w) => w.split(AFTER_HYPHEN))),
    size,
    bold,
  );
}

export function widest(lines: string[], size: number, bold = false): number {
  return Math.max(0, ...lines.map((l) => textWidth(l, size, bold)));
}

/**
 * Width of a column of labels: wide enough for the longest label on one line up to `comfortable`, then
 * the narrowest width that keeps every label within two lines, never past `max` (then labels take more lines).
 */
export function labelColumnWidth(labels: string[], size: number, comfortable: number, max: number): number {
  const natural = widest(labels, size);
  let twoLines = widestWord(labels, size);
  while (twoLines < max && labels.some((l) => wrapText(l, twoLines, size).length > 2)) twoLines += 4;
  return Math.ceil(Math.min(max, Math.max(twoLines, Math.min(natural, comfortable))));
}
