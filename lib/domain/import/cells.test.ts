import { describe, expect, test } from "vitest";
import { ASSESSMENTS, ASSESSMENT_LABELS } from "../vocabulary";
import {
  DATE_NOT_NUMBER,
  emailListSchema,
  evidenceLinksSchema,
  looksLikeDate,
  percentSchema,
  proposalSetSchema,
  vocabularySchema,
  wholeNumber,
  yesNoSchema,
} from "./cells";
import type { z } from "zod";

function outcome<T>(schema: z.ZodType<T>, value: string): T | string {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : `error: ${parsed.error.issues[0]!.message}`;
}

describe("whole numbers", () => {
  const number = wholeNumber("proposal number", 1, 999, { allowCode: true });
  test.each([
    ["12", 12],
    [" 7 ", 7],
    ["P12", 12],
    ["p 03", 3],
    ["", "error: Enter the proposal number"],
    ["12.0", "error: Enter the proposal number as a whole number such as 12, without decimals or exponents"],
    ["1e3", "error: Enter the proposal number as a whole number such as 12, without decimals or exponents"],
    ["1,5", "error: Enter the proposal number as a whole number such as 12, without decimals or exponents"],
    ["twelve", "error: Enter the proposal number as a whole number"],
    ["0", "error: The proposal number must be from 1 to 999"],
    ["1000", "error: The proposal number must be from 1 to 999"],
    ["2024-06-01", `error: ${DATE_NOT_NUMBER}`],
    ["01/06/2024", `error: ${DATE_NOT_NUMBER}`],
    ["1 June 2024", `error: ${DATE_NOT_NUMBER}`],
    ["June 1, 2024", `error: ${DATE_NOT_NUMBER}`],
  ])("%j -> %j", (value, expected) => expect(outcome(number, value)).toEqual(expected));

  test("a period number takes no P prefix", () => {
    expect(outcome(wholeNumber("period number", 1, 999), "P3")).toBe("error: Enter the period number as a whole number");
  });

  test.each(["2024-06-01", "2024-06-01T00:00:00", "1.6.2024", "3rd Mar 2023", "Sept 3 2023"])("%j looks like a date", (v) =>
    expect(looksLikeDate(v)).toBe(true),
  );
  test.each(["12", "2024", "P12", "12.5"])("%j does not look like a date", (v) => expect(looksLikeDate(v)).toBe(false));
});

describe("progress", () => {
  test.each([
    ["40", 40],
    ["40%", 40],
    ["100 %", 100],
    ["0", 0],
    ["101", "error: Enter progress as a whole number from 0 to 100 (40 for 40%), without decimals"],
    ["0.4", "error: Enter progress as a whole number from 0 to 100 (40 for 40%), without decimals"],
    ["40.0", "error: Enter progress as a whole number from 0 to 100 (40 for 40%), without decimals"],
    ["", "error: Enter progress as a whole number from 0 to 100 (40 for 40%), without decimals"],
    ["2023-06-01", `error: ${DATE_NOT_NUMBER}`],
  ])("%j -> %j", (value, expected) => expect(outcome(percentSchema, value)).toEqual(expected));
});

describe("yes and no", () => {
  test.each([
    ["Yes", true],
    ["TRUE", true],
    ["1", true],
    ["x", true],
    ["No", false],
    ["false", false],
    ["0", false],
    ["", false],
    ["maybe", "error: Enter Yes or No"],
  ])("%j -> %j", (value, expected) => expect(outcome(yesNoSchema, value)).toEqual(expected));
});

describe("the set", () => {
  test.each([
    ["2016", "SET_2016"],
    ["SET_2016", "SET_2016"],
    ["December 2016 set", "SET_2016"],
    ["set 2017", "SET_2017"],
    ["  december 2017 ", "SET_2017"],
    ["2018", "error: Enter the set as 2016 or 2017 (or “December 2016 set”)"],
    ["", "error: Enter the set: 2016 or 2017"],
  ])("%j -> %j", (value, expected) => expect(outcome(proposalSetSchema, value)).toEqual(expected));
});

describe("vocabulary by label or value, any case", () => {
  const assessment = vocabularySchema(ASSESSMENTS, ASSESSMENT_LABELS, "assessment", { amber: "AT_RISK" });
  test.each([
    ["At risk", "AT_RISK"],
    ["AT_RISK", "AT_RISK"],
    ["at-risk", "AT_RISK"],
    ["Amber", "AT_RISK"],
    ["not ASSESSED", "NOT_ASSESSED"],
    ["Purple", "error: Enter one of: On track, At risk, Off track, Not assessed"],
    ["", "error: Enter the assessment: On track, At risk, Off track, Not assessed"],
  ])("%j -> %j", (value, expected) => expect(outcome(assessment, value)).toEqual(expected));
});

describe("e-mail lists", () => {
  test.each([
    ["", []],
    ["Ana@NATO.int", ["ana@nato.int"]],
    ["a@x.org; b@y.org,a@x.org\nc@z.org", ["a@x.org", "b@y.org", "c@z.org"]],
    ["a@x.org; not-an-address", "error: “not-an-address” is not an e-mail address"],
  ])("%j -> %j", (value, expected) => expect(outcome(emailListSchema, value)).toEqual(expected));
});

describe("evidence links", () => {
  test.each([
    ["", []],
    ["https://nato.int/a", [{ label: "", url: "https://nato.int/a" }]],
    [
      "Joint paper: https://nato.int/a\r\nhttp://eeas.europa.eu/b",
      [
        { label: "Joint paper", url: "https://nato.int/a" },
        { label: "", url: "http://eeas.europa.eu/b" },
      ],
    ],
    ["Notes: ftp://files/x", "error: “Notes: ftp://files/x”: Enter a full web address starting with https://"],
    ["javascript:alert(1)", "error: “javascript:alert(1)”: Enter a full web address starting with https://"],
    [Array.from({ length: 11 }, (_, i) => `https://x.org/${i}`).join("\n"), "error: At most 10 links (there are 11)"],
  ])("%j", (value, expected) => expect(outcome(evidenceLinksSchema, value)).toEqual(expected));
});
