import { describe, expect, test } from "vitest";
import { HeaderRefused, IMPORT_COLUMNS, IMPORT_KINDS, columnLetter, mapHeader, normaliseHeading } from "./columns";

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(HeaderRefused);
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

describe("columnLetter", () => {
  test.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [703, "AAA"],
  ])("%i -> %s", (n, letters) => expect(columnLetter(n)).toBe(letters));
});

describe("headings", () => {
  test.each([
    ["E-mail", "email"],
    ["  e‑MAIL  address ", "email address"],
    ["Proposal_number", "proposal number"],
    ["Title *", "title"],
  ])("%j compares as %j", (heading, normal) => expect(normaliseHeading(heading)).toBe(normal));

  test.each(IMPORT_KINDS)("the %s template's own headings map to every column, in order", (kind) => {
    const headings = IMPORT_COLUMNS[kind].map((c) => c.heading);
    const { positions } = mapHeader(kind, headings);
    expect([...positions.entries()]).toEqual(IMPORT_COLUMNS[kind].map((c, i) => [c.key, i]));
  });

  test.each([
    ["catalogue", ["No.", "set", "AREA", "Proposal title", "Text", "EDA", "Focal points (e-mail)"], "number"],
    ["catalogue", ["Proposal", "Set", "Area", "Title", "Description", "EDA involvement"], "number"],
    ["people", ["Email", "Full name", "Organization", "Role"], "email"],
    ["updates", ["Proposal number", "Report", "Implementation status", "RAG", "Progress", "Narrative", "Author"], "author"],
  ] as const)("accepts other usual headings (%s: %j)", (kind, header, key) => {
    expect(mapHeader(kind, header).positions.has(key)).toBe(true);
  });

  test("optional columns may be left out; blank headings without data are ignored", () => {
    const { positions } = mapHeader("updates", ["", "Proposal", "Period", "Status", "Assessment", "Progress (%)", "Narrative", "Author e-mail"]);
    expect(positions.get("proposal")).toBe(1);
    expect(positions.has("nextSteps")).toBe(false);
  });

  test("missing and unknown columns are refused, naming them and the columns expected", () => {
    const message = refusal(() => mapHeader("catalogue", ["Number", "Title", "Colour", "Description"]));
    expect(message).toMatch(/^Missing columns: “Set”, “Area”, “EDA involved”\. Unknown column: “Colour” \(column C\)\./);
    expect(message).toContain("Number, Set, Area, Title, Description, EDA involved, Focal points (optional)");
  });

  test("two columns that mean the same, and data under a blank heading, are refused", () => {
    expect(refusal(() => mapHeader("people", ["E-mail", "Name", "Organisation", "Role", "Email"]))).toContain(
      "Two columns mean the same: columns A and E are both “E-mail”",
    );
    expect(refusal(() => mapHeader("people", ["E-mail", "Name", "Organisation", "Role", ""], [4]))).toContain("Column E holds data but has no heading");
  });
});
