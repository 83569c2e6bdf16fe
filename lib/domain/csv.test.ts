import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import { PROPOSAL_CSV_HEADER, neutraliseFormula, proposalCsvRows, toCsv } from "./csv";
import type { ProposalRow } from "./proposals";

describe("neutraliseFormula", () => {
  test.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+33 1 23", "'+33 1 23"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ["Plain text", "Plain text"],
    ["50", "50"],
    ["", ""],
    ["a=b", "a=b"],
  ])("%j -> %j", (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });
});

const row: ProposalRow = {
  id: "p01",
  number: 1,
  set: "SET_2016",
  areaId: "hybrid",
  areaNumber: 1,
  areaName: "Countering hybrid threats",
  title: 'Staff participation, "Hybrid CoE"',
  focalPoints: [
    { userId: "a", name: "Ana", organisationCode: "NATO" },
    { userId: "b", name: "Émile", organisationCode: "EU" },
  ],
  update: {
    id: "u1",
    status: "ONGOING",
    assessment: "ON_TRACK",
    progress: 80,
    narrative: '=HYPERLINK("http://evil")\nsecond line',
    highlight: false,
    nextSteps: "Keep going",
    evidenceLinks: [{ label: "Minutes", url: "https://example.org/m" }],
    rationale: "-Talks resumed",
    warnings: [],
    workflowState: "APPROVED",
    returnNote: null,
    authorId: "a",
    authorName: "Ana",
    organisationCode: "NATO",
    updatedAt: new Date("2026-01-02T03:04:05Z"),
    version: 2,
  },
};

describe("toCsv(proposalCsvRows)", () => {
  const csv = toCsv(proposalCsvRows([row, { ...row, id: "p02", number: 2, update: null }], "Report 11", "approved"));

  test("starts with a UTF-8 BOM and uses CRLF", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("\r\n");
  });

  test("round-trips through a CSV parser with one header row", () => {
    const records: string[][] = parse(csv, { bom: true });
    expect(records[0]).toEqual([...PROPOSAL_CSV_HEADER]);
    expect(records).toHaveLength(3);
    expect(records[1]).toEqual([
      "P01",
      "December 2016 set",
      "Countering hybrid threats",
      'Staff participation, "Hybrid CoE"',
      "Ana",
      "Émile",
      "Report 11",
      "Ongoing",
      "On track",
      "80",
      "Approved",
      "'-Talks resumed",
      '\'=HYPERLINK("http://evil")\nsecond line',
      "Keep going",
      "Minutes: https://example.org/m",
      "Ana",
      "NATO",
      "2026-01-02T03:04:05.000Z",
      "Approved updates only",
    ]);
    expect(records[2]!.slice(0, 1)).toEqual(["P02"]);
    expect(records[2]![7]).toBe("No update");
    expect(records[2]![10]).toBe("");
  });
});
