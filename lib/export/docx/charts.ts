// The charts, as pictures Word can edit around: the SVG (sharp at any zoom in Word 2016+) with its PNG
// as the fallback older readers show, scaled to fit the text width of an A4 page with its aspect ratio
// kept, the title as a caption and the text summary as alt text and as a paragraph drafters can reuse.
import { AlignmentType, HeadingLevel, ImageRun, Paragraph, type FileChild } from "docx";
import type { ChartImage } from "../types";
import { TEXT_HEIGHT_PX, textWidthPx } from "./layout";
import { cleanText, heading, textRuns } from "./text";

const encoder = new TextEncoder();

/** Display size in CSS pixels: the chart's own size, shrunk (never enlarged) to fit the page. */
export function fitToPage(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, textWidthPx("portrait") / width, TEXT_HEIGHT_PX / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function picture(chart: ChartImage, index: number): ImageRun {
  const transformation = fitToPage(chart.width, chart.height);
  return new ImageRun({
    type: "svg",
    // Bytes, not the string: docx reads a string as base64 data.
    data: encoder.encode(chart.svg),
    fallback: { type: "png", data: chart.png },
    transformation,
    // A fixed drawing id: docx otherwise takes it from a counter shared by every document it builds.
    altText: { id: String(index + 1), name: cleanText(chart.id), title: cleanText(chart.title), description: cleanText(`${chart.title}. ${chart.summary}`) },
  });
}

export function charts(list: readonly ChartImage[]): FileChild[] {
  const children: FileChild[] = [heading("Charts", HeadingLevel.HEADING_1, true)];
  if (list.length === 0) children.push(new Paragraph({ children: textRuns("No charts were drawn for this report.") }));
  list.forEach((chart, index) => {
    children.push(
      new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 240, after: 0 }, children: [picture(chart, index)] }),
      new Paragraph({ style: "Caption", alignment: AlignmentType.CENTER, keepNext: true, children: textRuns(chart.title) }),
      new Paragraph({ children: textRuns(chart.summary, { size: 20, color: "404040" }) }),
    );
  });
  return children;
}
