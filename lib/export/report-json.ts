// The report as one JSON document (shape and documentation: lib/validation/report-json.ts), for tools
// that compare periods or feed other systems. Streamed: the header first, then the proposals one by one.
// The bytes equal JSON.stringify(document, null, 2) plus a final newline, so two files diff line by line.
import { reportEntryJsonSchema, reportHeaderJsonSchema } from "@/lib/validation/report-json";
import { toByteStream } from "./stream";
import type { ReportRenderer } from "./types";

const INDENT = "  ";

/** Pretty JSON of a value nested `depth` levels deep. JSON escapes line breaks in strings, so every "\n" is between tokens. */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, INDENT).replaceAll("\n", "\n" + INDENT.repeat(depth));
}

export const renderReportJson: ReportRenderer = ({ source }) =>
  toByteStream(async function* () {
    // Parsing through the documented schemas fixes the key order (the schema's, whatever the source's)
    // and guarantees the file matches its documentation; unknown fields are left out.
    const header = JSON.stringify(reportHeaderJsonSchema.parse(source.header), null, INDENT);
    yield header.slice(0, -"\n}".length) + `,\n${INDENT}"proposals": [`;
    let first = true;
    for await (const entry of source.entries("number")) {
      yield `${first ? "" : ","}\n${INDENT.repeat(2)}${nested(reportEntryJsonSchema.parse(entry), 2)}`;
      first = false;
    }
    yield first ? "]\n}\n" : `\n${INDENT}]\n}\n`;
  });
