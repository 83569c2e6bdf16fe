import { expect, test } from "vitest";
import { parseProposalFilters, toFilterQuery } from "./proposal-filters";

test("parses repeated and comma-separated values, dropping unknown ones", () => {
  const filters = parseProposalFilters(
    new URLSearchParams(
      "q=%20cyber%20&status=ONGOING&status=BOGUS,STALLED&area=cyber&area=Bad Area&org=nato&assessment=AT_RISK&mine=1&action=0&state=RETURNED,NONE,BOGUS",
    ),
  );
  expect(filters).toEqual({
    q: "cyber",
    area: ["cyber"],
    status: ["ONGOING", "STALLED"],
    assessment: ["AT_RISK"],
    org: ["NATO"],
    mine: true,
    action: false,
    state: ["RETURNED", "NONE"],
    period: undefined,
    include: "approved",
  });
});

test("an empty query means no filters", () => {
  expect(parseProposalFilters({})).toEqual({
    q: "",
    area: [],
    status: [],
    assessment: [],
    org: [],
    mine: false,
    action: false,
    state: [],
    period: undefined,
    include: "approved",
  });
});

test.each([
  [{ q: "mobility", status: ["NO_UPDATE" as const] }, "?q=mobility&status=NO_UPDATE"],
  [{ area: ["cyber", "exercises"] }, "?area=cyber&area=exercises"],
  [{ mine: true, action: true, state: ["SUBMITTED", "NONE"] }, "?mine=1&action=1&state=SUBMITTED&state=NONE"],
  [{}, ""],
])("toFilterQuery(%j) = %s and parses back", (filters, expected) => {
  const query = toFilterQuery(filters);
  expect(query).toBe(expected);
  const back = parseProposalFilters(new URLSearchParams(query));
  expect(toFilterQuery(back)).toBe(expected);
});

// Drafts and returned text reach the list (and its CSV) only when asked for: approved is the default.
test.each([
  ["include=approved", "approved"],
  ["include=submitted", "submitted"],
  ["include=all", "all"],
  ["include=bogus", "approved"],
  ["", "approved"],
])("?%s counts %s updates, and only non-default values reach the URL", (query, expected) => {
  const filters = parseProposalFilters(new URLSearchParams(query));
  expect(filters.include).toBe(expected);
  expect(toFilterQuery(filters)).toBe(expected === "approved" ? "" : `?include=${expected}`);
});
