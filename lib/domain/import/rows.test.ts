import { describe, expect, test } from "vitest";
import { HeaderRefused } from "./columns";
import { parseTable, type TableInput } from "./rows";

const CATALOGUE_HEADER = ["Number", "Set", "Area", "Title", "Description", "EDA involved", "Focal points"];

function table(header: string[], rows: string[][], options: Partial<TableInput> = {}): TableInput {
  return { format: "csv", header, headerRow: 1, rows: rows.map((cells, i) => ({ row: i + 2, cells })), problems: [], ...options };
}

const good = ["12", "2016", "Cyber security and defence", "Cyber exercises", "Staff take part in each other's exercises.", "no", "a@nato.int; b@eu.int"];

describe("parseTable: catalogue rows", () => {
  test("reads a good row into typed values", () => {
    const parsed = parseTable("catalogue", table(CATALOGUE_HEADER, [good]));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rowCount).toBe(1);
    expect(parsed.rows).toEqual([
      {
        row: 2,
        values: {
          number: 12,
          set: "SET_2016",
          area: "Cyber security and defence",
          title: "Cyber exercises",
          description: "Staff take part in each other's exercises.",
          edaInvolved: false,
          focalPoints: ["a@nato.int", "b@eu.int"],
        },
      },
    ]);
  });

  test("every bad cell is an error of its row, with the column as the file names it, the value and the reason", () => {
    const header = ["No.", "Set", "Area", "Title", "Description", "EDA"];
    const parsed = parseTable("catalogue", table(header, [["12.0", "2019", "Cyber security and defence", "Line one\nline two", "", "perhaps"]]));
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([
      { row: 2, column: "No.", value: "12.0", reason: expect.stringMatching(/whole number such as 12, without decimals/) },
      { row: 2, column: "Set", value: "2019", reason: expect.stringMatching(/^Enter the set as 2016 or 2017/) },
      { row: 2, column: "Title", value: "Line one\nline two", reason: "Keep the title on one line" },
      { row: 2, column: "Description", value: "", reason: "Describe the proposal" },
      { row: 2, column: "EDA", value: "perhaps", reason: "Enter Yes or No" },
    ]);
  });

  test("a key twice: the later row is an error naming the earlier one; blank rows are skipped", () => {
    const parsed = parseTable("catalogue", table(CATALOGUE_HEADER, [good, ["", "", "", "", "", "", ""], ["P12", ...good.slice(1)], ["13", ...good.slice(1)]]));
    expect(parsed.rowCount).toBe(3);
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 5]);
    expect(parsed.errors).toEqual([{ row: 4, column: "Number", value: "P12", reason: "Proposal P12 is already on row 2: each may appear once in a file." }]);
  });

  test("a duplicate is found even when another cell of the later row is bad", () => {
    const parsed = parseTable("catalogue", table(CATALOGUE_HEADER, [good, ["12", "2016", "Cyber security and defence", "x", "d", "no", ""]]));
    expect(parsed.errors.map((e) => e.reason)).toEqual(["Give the proposal a title of at least 3 characters", expect.stringMatching(/already on row 2/)]);
  });

  test("cell problems found by the reader (formulas, merged cells) are errors of their rows, once", () => {
    const parsed = parseTable(
      "catalogue",
      table(CATALOGUE_HEADER, [good, ["13", "2016", "Cyber security and defence", "", "d", "no", ""]], {
        format: "xlsx",
        problems: [{ row: 3, column: 4, reason: "Formulas are not imported: replace it with the value (copy, paste as values).", value: "=A1&B1" }],
      }),
    );
    expect(parsed.rows.map((r) => r.row)).toEqual([2]);
    expect(parsed.errors).toEqual([{ row: 3, column: "Title", value: "=A1&B1", reason: expect.stringMatching(/^Formulas are not imported/) }]);
  });

  test("a problem in the heading row refuses the file", () => {
    expect(() =>
      parseTable(
        "catalogue",
        table(CATALOGUE_HEADER, [good], { problems: [{ row: 1, column: 2, reason: "Merged cells are not imported: unmerge them and fill in every cell." }] }),
      ),
    ).toThrow(HeaderRefused);
  });

  test("a CSV cell that an export made inert reads back as it was written", () => {
    const parsed = parseTable("catalogue", table(CATALOGUE_HEADER, [["12", "2016", "Cyber security and defence", "'=Cyber+", "'-5 days", "no", ""]]));
    expect(parsed.rows[0]!.values).toMatchObject({ title: "=Cyber+", description: "-5 days" });
  });

  test("an optional column left out means none", () => {
    const parsed = parseTable("catalogue", table(CATALOGUE_HEADER.slice(0, 6), [good.slice(0, 6)]));
    expect(parsed.rows[0]!.values.focalPoints).toEqual([]);
  });
});

describe("parseTable: people and updates", () => {
  const PEOPLE = ["E-mail", "Name", "Organisation", "EU body", "Role"];
  test.each([
    [
      ["Ana@EEAS.example", "Ana Popescu", "European Union", "European Commission", "staff"],
      { email: "ana@eeas.example", organisation: "EU", body: "COMMISSION", role: "STAFF" },
    ],
    [["jo@nato.example", "Jonas Berg", "NATO", "", "Viewer"], { email: "jo@nato.example", organisation: "NATO", body: null, role: "VIEWER" }],
  ])("reads %j", (cells, values) => {
    const parsed = parseTable("people", table(PEOPLE, [cells]));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]!.values).toMatchObject(values);
  });

  test.each([
    [["ana@eeas.example", "Ana", "EU", "", "Staff"], "EU body", /^Choose the EU body/],
    [["jo@nato.example", "Jonas", "NATO", "EDA", "Staff"], "EU body", /^Only EU staff belong to an EU body/],
    [["not-mail", "Jonas", "NATO", "", "Staff"], "E-mail", /is not an e-mail address/],
    [["jo@nato.example", "Jonas", "NATO", "", "Boss"], "Role", /^Enter one of: Viewer, Staff, Manager, Admin/],
    [["jo@nato.example", "J", "NATO", "", "Staff"], "Name", /name/],
  ])("refuses %j in %s", (cells, column, reason) => {
    const parsed = parseTable("people", table(PEOPLE, [cells]));
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([expect.objectContaining({ column, reason: expect.stringMatching(reason) })]);
  });

  const UPDATES = ["Proposal", "Period", "Status", "Assessment", "Progress (%)", "Narrative", "Next steps", "Evidence links", "Author e-mail"];
  test("an update row, and the same (proposal, period) twice", () => {
    const row = ["P03", "4", "in progress", "Amber", "40%", "Met twice.", "", "Paper: https://nato.int/p", "Staff@NATO.demo"];
    const parsed = parseTable("updates", table(UPDATES, [row, ["3", ...row.slice(1)], ["3", "5", ...row.slice(2)]]));
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(parsed.rows[0]!.values).toEqual({
      proposal: 3,
      period: 4,
      status: "IN_PROGRESS",
      assessment: "AT_RISK",
      progress: 40,
      narrative: "Met twice.",
      nextSteps: "",
      evidenceLinks: [{ label: "Paper", url: "https://nato.int/p" }],
      author: "staff@nato.demo",
    });
    expect(parsed.errors).toEqual([
      { row: 3, column: "Proposal and Period", value: "3 / 4", reason: "The update of P03 for period 4 is already on row 2: each may appear once in a file." },
    ]);
  });

  test("dates where numbers belong are errors that say so", () => {
    const parsed = parseTable("updates", table(UPDATES, [["3", "2023-06-01", "Ongoing", "On track", "1 June 2023", "x", "", "", "a@b.org"]]));
    expect(parsed.errors.map((e) => [e.column, e.reason])).toEqual([
      ["Period", expect.stringMatching(/^This is a date, not a number/)],
      ["Progress (%)", expect.stringMatching(/^This is a date, not a number/)],
    ]);
  });
});
