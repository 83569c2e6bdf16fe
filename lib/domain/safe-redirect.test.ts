import { expect, test } from "vitest";
import { safeReturnPath } from "./safe-redirect";

test.each([
  ["/proposals?area=cyber", "/proposals?area=cyber"],
  ["/proposals/p01", "/proposals/p01"],
  ["https://evil.example/", "/dashboard"],
  ["//evil.example", "/dashboard"],
  ["/\\evil.example", "/dashboard"],
  ["/signin", "/dashboard"],
  [undefined, "/dashboard"],
  [["/a", "/b"], "/dashboard"],
])("safeReturnPath(%j) = %s", (input, expected) => {
  expect(safeReturnPath(input)).toBe(expected);
});
