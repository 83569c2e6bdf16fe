// The title page: what the report is, which period it covers, which edition and state it is in, who
// published it and who signed it off for each organisation (or has not yet).
import { REPORT_STATE_LABELS, SIGNATORY_ORGANISATIONS, editionLabel, type ReportHeader } from "@/lib/domain/report";
import { INK, MUTED, NAVY, STYLES, contentWidth, newPage, space, applyStyle, write, type PdfContext, type Style } from "./layout";
import { PDF_AUTHOR } from "./document";
import { cleanText, formatDay, formatMoment } from "./text";

const TITLE: Style = { font: "Bold", size: 21, color: NAVY, lineGap: 3 };
const PERIOD: Style = { font: "Bold", size: 15, color: INK, lineGap: 2 };
const EDITION: Style = { font: "Bold", size: 13, color: NAVY, lineGap: 2 };
const SMALL_PRINT: Style = { font: "Regular", size: 7, color: MUTED, lineGap: 1 };
const LABEL_WIDTH = 120;

function stateText(header: ReportHeader): string {
  const superseded = header.edition?.supersededBy;
  return superseded ? `${REPORT_STATE_LABELS[header.state]} (replaced by edition ${superseded})` : REPORT_STATE_LABELS[header.state];
}

function signOffText(header: ReportHeader, organisation: string): string {
  const signOff = header.signOffs.find((s) => s.organisationCode === organisation);
  if (signOff) return `Signed off by ${signOff.userName}, ${formatMoment(signOff.signedAt)}`;
  return header.edition ? "Not signed off yet" : "Not signed off (a draft is signed off once published as an edition)";
}

/** The facts of the title page, label then value, in reading order. */
export function titleFacts(header: ReportHeader): [string, string][] {
  const { edition } = header;
  const facts: [string, string][] = [
    ["Edition", editionLabel(header)],
    ["State", stateText(header)],
    edition ? ["Published", formatMoment(edition.publishedAt)] : ["Live data as of", formatMoment(header.asOf)],
  ];
  if (edition) facts.push(["Published by", edition.publishedBy]);
  if (edition?.changeNote.trim()) facts.push(["Change note", edition.changeNote]);
  for (const organisation of SIGNATORY_ORGANISATIONS) facts.push([`Sign-off ${organisation}`, signOffText(header, organisation)]);
  if (header.missingSignOffs.length > 0) facts.push(["Awaiting sign-off", header.missingSignOffs.join(", ")]);
  return facts;
}

function drawFact(ctx: PdfContext, label: string, value: string): void {
  const { doc } = ctx;
  const top = doc.y;
  const left = doc.page.margins.left;
  applyStyle(ctx, STYLES.bodyBold);
  doc.text(cleanText(label), left, top, { width: LABEL_WIDTH - 8, lineGap: 2 });
  const labelBottom = doc.y;
  applyStyle(ctx, STYLES.body);
  doc.text(cleanText(value), left + LABEL_WIDTH, top, { width: contentWidth(doc) - LABEL_WIDTH, lineGap: 2 });
  doc.y = Math.max(doc.y, labelBottom) + 4;
}

export async function* renderTitlePage(ctx: PdfContext): AsyncGenerator<void> {
  const { doc, header } = ctx;
  newPage(ctx);
  doc.outline.addItem("Title page");
  doc.y = doc.page.margins.top + 60;
  write(ctx, PDF_AUTHOR.toUpperCase(), { ...STYLES.meta, font: "Bold" });
  space(ctx, 10);
  write(ctx, header.title, TITLE);
  space(ctx, 14);
  write(ctx, header.period.name, PERIOD);
  write(ctx, `Covering ${formatDay(header.period.startsOn)} to ${formatDay(header.period.cutOffOn)} · due ${formatDay(header.period.dueOn)}`, STYLES.body);
  space(ctx, 18);
  // A draft's state is "Draft" too: say it once.
  write(ctx, header.edition ? `${editionLabel(header)} · ${stateText(header)}` : editionLabel(header), EDITION);
  space(ctx, 16);
  for (const [label, value] of titleFacts(header)) drawFact(ctx, label, value);
  drawContentHash(ctx);
  yield;
}

/** Small print at the foot of the page: the fingerprint of the frozen snapshot, so a copy can be checked. */
function drawContentHash(ctx: PdfContext): void {
  const { doc, header } = ctx;
  const text = header.edition
    ? `Content hash (SHA-256 of the frozen snapshot): ${header.edition.contentHash}`
    : "No content hash: a draft is built from live data and changes until an edition is published.";
  doc.y = Math.max(doc.y + 12, doc.page.maxY() - 24);
  write(ctx, text, SMALL_PRINT);
}
