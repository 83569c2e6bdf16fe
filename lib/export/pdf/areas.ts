// Progress area by area: a section per area (its status counts, then each proposal in number order) with
// the approved update of the period, or a plain statement that there is none.
import { STATUS_KEYS, statusKeyLabel } from "@/lib/domain/dashboard";
import type { ReportEntry, ReportSource, ReportUpdate } from "@/lib/domain/report";
import { ASSESSMENT_LABELS, STATUS_LABELS } from "@/lib/domain/vocabulary";
import { LINK, STYLES, heading, space, startSection, write, writeLabelled, writeParagraphs, type PdfContext } from "./layout";
import { drawTable, spreadColumns } from "./table";
import { cleanText, formatMoment } from "./text";

export const NO_UPDATE_TEXT = "No approved update for this period.";

export function areaTitle(number: number, name: string): string {
  return `Area ${number}: ${name}`;
}

function drawAreaCounts(ctx: PdfContext, areaNumber: number): void {
  const row = ctx.header.figures.byArea.find((r) => r.number === areaNumber);
  if (!row) return;
  const columns = spreadColumns(ctx, [
    ...STATUS_KEYS.map((key) => ({ label: statusKeyLabel(key), align: "center" as const })),
    { label: "Total", align: "center" },
  ]);
  drawTable(ctx, { columns, size: 8, layout: "portrait" }, [[...STATUS_KEYS.map((key) => String(row.counts[key])), String(row.total)]]);
}

function updateLine(update: ReportUpdate): string {
  const approved = update.approvedAt ? `, approved ${formatMoment(update.approvedAt)}` : "";
  return (
    `Status: ${STATUS_LABELS[update.status]} · Assessment: ${ASSESSMENT_LABELS[update.assessment]} · Progress: ${update.progress}% · ` +
    `Reported by ${update.authorName} (${update.organisationCode})${approved}`
  );
}

/** Only web and mail addresses become clickable: a PDF link can otherwise launch files or scripts. */
export function isSafeLink(url: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(url.trim());
}

function drawEvidence(ctx: PdfContext, update: ReportUpdate): void {
  if (update.evidenceLinks.length === 0) return;
  space(ctx, 2);
  heading(ctx, "Evidence", STYLES.h3, 14);
  for (const { label, url } of update.evidenceLinks) {
    const safe = isSafeLink(url);
    const text = `${cleanText(label)} — ${cleanText(url)}`;
    write(ctx, text, { ...STYLES.link, color: safe ? LINK : STYLES.meta.color }, safe ? { link: url.trim(), underline: true } : {});
  }
}

function drawProposal(ctx: PdfContext, entry: ReportEntry): void {
  heading(ctx, `${entry.code} · ${entry.title}`, STYLES.h2, 36);
  const { update } = entry;
  if (!update) {
    write(ctx, NO_UPDATE_TEXT, STYLES.meta);
    return;
  }
  write(ctx, updateLine(update), STYLES.meta);
  space(ctx, 4);
  writeParagraphs(ctx, update.narrative);
  if (update.nextSteps.trim()) writeLabelled(ctx, "Next steps:", update.nextSteps);
  drawEvidence(ctx, update);
}

/**
 * Entries stream in area order and are set one at a time (never a whole area in memory), starting a new
 * section whenever the area changes. Yields after each proposal so the caller can hand on the bytes.
 */
export async function* renderAreas(ctx: PdfContext, source: ReportSource): AsyncGenerator<void> {
  let area: number | null = null;
  for await (const entry of source.entries("area")) {
    if (entry.areaNumber !== area) {
      area = entry.areaNumber;
      startSection(ctx, areaTitle(entry.areaNumber, entry.areaName));
      drawAreaCounts(ctx, entry.areaNumber);
    }
    drawProposal(ctx, entry);
    yield;
  }
  if (area === null) {
    startSection(ctx, "Progress by area");
    write(ctx, "The catalogue holds no proposals.", STYLES.meta);
  }
}
