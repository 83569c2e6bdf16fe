// Places in the docx body kept for XML written as text (see xml.ts): docx writes a marker paragraph,
// and the package step puts the XML in its place. The marker's style id is one no other paragraph of
// the report has, so text of the report can never be taken for a marker.
import { Paragraph, TextRun } from "docx";

const SLOT_STYLE = "ReportSlot";
const SLOT_PATTERN = new RegExp(`<w:p><w:pPr><w:pStyle w:val="${SLOT_STYLE}"/></w:pPr><w:r><w:t xml:space="preserve">(\\d+)</w:t></w:r></w:p>`, "g");

/** The marker paragraph of slot `index`. */
export function slotParagraph(index: number): Paragraph {
  return new Paragraph({ style: SLOT_STYLE, children: [new TextRun(String(index))] });
}

/** Puts each slot's XML in place of its marker; throws if a marker is missing (docx wrote it differently). */
export function fillSlots(documentXml: string, slots: readonly string[]): string {
  const filled = new Set<number>();
  const xml = documentXml.replace(SLOT_PATTERN, (_m, index: string) => {
    filled.add(Number(index));
    return slots[Number(index)] ?? "";
  });
  if (filled.size !== slots.length) throw new Error(`docx report: ${slots.length - filled.size} of ${slots.length} slots not found in document.xml`);
  return xml;
}
