import { expect, test } from "vitest";
import { percentOf, toShares } from "./percent";

test.each([
  [0, 0, 0],
  [1, 3, 33],
  [2, 3, 67],
  [74, 74, 100],
  [37, 74, 50],
])("percentOf(%i, %i) = %i", (part, whole, expected) => {
  expect(percentOf(part, whole)).toBe(expected);
});

test.each([
  [
    [1, 1, 1],
    [34, 33, 33],
  ],
  [
    [0, 0],
    [0, 0],
  ],
  [
    [74, 0, 0],
    [100, 0, 0],
  ],
  [
    [10, 20, 44],
    [14, 27, 59],
  ],
  [
    [1, 2, 3, 4, 5, 6, 7],
    [4, 7, 11, 14, 18, 21, 25],
  ],
])("toShares(%j) = %j and sums to 100 unless empty", (counts, expected) => {
  const shares = toShares(counts);
  expect(shares).toEqual(expected);
  if (counts.some((n) => n > 0)) expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
});
