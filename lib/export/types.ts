// What every report file renderer takes: the report (header and entries, lib/domain/report.ts) and its
// charts already drawn (lib/charts), so that a file never computes a number of its own.
import type { ChartId } from "@/lib/domain/charts";
import type { ReportSource } from "@/lib/domain/report";

/** A chart drawn on the server from its spec: SVG text (vector) and a PNG of it (for Word). */
export type ChartImage = {
  id: ChartId;
  title: string;
  /** The chart's text summary: alt text in every format. */
  summary: string;
  svg: string;
  /** Size of the SVG in CSS pixels (1/96 in). */
  width: number;
  height: number;
  /** PNG of the same drawing at twice that size. */
  png: Uint8Array;
};

export type ReportRenderInput = { source: ReportSource; charts: ChartImage[] };

/** A renderer streams the file: bytes flow while later parts are still being produced; cancelling stops it. */
export type ReportRenderer = (input: ReportRenderInput) => ReadableStream<Uint8Array>;
