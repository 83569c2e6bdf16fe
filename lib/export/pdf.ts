// The progress report as a PDF, made on the server with pdfkit (no browser) and streamed as it is made.
//
// Pages are not buffered: pdfkit writes each page out when the next one starts, and the bytes are handed on
// between proposals, only when the reader asks for more (back-pressure), so memory stays flat however many
// proposals there are. "Page X of Y" still works in that single pass: see pdf/page-numbers.ts.
import { closeReportPdf, openReportPdf, takeBytes, type ReportPdf } from "./pdf/document";
import { renderAnnex } from "./pdf/annex";
import { forgetWordLayouts } from "./pdf/fonts";
import { renderAreas } from "./pdf/areas";
import { renderCharts } from "./pdf/charts";
import { renderHighlights, renderIntroduction } from "./pdf/introduction";
import { renderTitlePage } from "./pdf/title-page";
import { toByteStream } from "./stream";
import type { ReportRenderInput, ReportRenderer } from "./types";

/** Steps (proposals, or runs of annex rows) between two clear-outs of pdfkit's word layouts. */
const FORGET_EVERY = 500;

/** Lets other requests run between two proposals: one large download never holds the server for long. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The parts of the report in reading order; each yields at points where bytes may be handed on. */
function parts(report: ReportPdf, { source, charts }: ReportRenderInput): (() => AsyncIterable<void>)[] {
  return [
    () => renderTitlePage(report),
    () => renderIntroduction(report),
    () => renderHighlights(report),
    () => renderAreas(report, source),
    () => renderCharts(report, charts),
    () => renderAnnex(report, source),
  ];
}

async function* generateReportPdf(input: ReportRenderInput): AsyncGenerator<Uint8Array, void, undefined> {
  const report = openReportPdf(input.source.header);
  let isFinished = false;
  let steps = 0;
  try {
    for (const part of parts(report, input)) {
      for await (const _ of part()) {
        const bytes = takeBytes(report.doc);
        if (bytes) yield bytes;
        if (++steps % FORGET_EVERY === 0) forgetWordLayouts(report.doc);
        await nextTurn();
      }
    }
    const tail = closeReportPdf(report);
    isFinished = true;
    yield tail;
  } finally {
    // Cancelled (the client went away) or failed: drop what pdfkit still holds. The part being set was
    // already stopped, and with it the entries it was reading.
    if (!isFinished) report.doc.destroy();
  }
}

/** Streams the report as a PDF: A4, DejaVu Sans embedded, bookmarks per section and area, deterministic bytes. */
export const renderReportPdf: ReportRenderer = (input) => toByteStream(() => generateReportPdf(input));
