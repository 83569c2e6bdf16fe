import { expect, test } from "vitest";
import { strictInteger, unsafeTextProblem, withoutUnsafeText } from "./text";

test.each([
  ["plain text, with tabs\tand\nnew lines\r\n", true],
  ["Arabic with marks \u200Fمرحبا\u200E", true],
  ["an emoji 🇪🇺 (a surrogate pair)", true],
  ["NUL \u0000", false],
  ["bell \u0007", false],
  ["C1 \u0085", false],
  ["lone high \uD83D.", false],
  ["lone low \uDE00.", false],
  ["override \u202Eexe.txt", false],
  ["isolate \u2066x\u2069", false],
])("%j is storable: %s", (text, ok) => {
  expect(unsafeTextProblem(text) === null).toBe(ok);
});

test("filters drop the unsafe characters instead of refusing", () => {
  expect(withoutUnsafeText("cy\u0000ber\u202E \uD800sec")).toBe("cyber sec");
});

test.each([
  ["42", 42],
  [" 7 ", 7],
  [13, 13],
  ["+5", 5],
])("strictInteger reads %j as %d", (value, expected) => {
  expect(strictInteger("Bad").parse(value)).toBe(expected);
});

test.each([null, [], {}, true, "1e3", "4.5", 4.5, Infinity, Number.NaN, "0x10", "12abc", "9999999999"])("strictInteger refuses %j", (value) => {
  const result = strictInteger("Bad").safeParse(value);
  expect(result.success).toBe(false);
  expect(result.error?.issues[0]?.message).toBe("Bad");
});
