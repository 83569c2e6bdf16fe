import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Runs axe with the WCAG 2.x A/AA and 2.2 AA rules and fails on any violation (listed by rule and target).
 * A soft assertion: the test is failed, but a journey goes on, so that one violation does not hide the
 * result of the steps after it.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Only violations are read: axe then skips collecting the passed, incomplete and inapplicable nodes,
  // which is most of its work on a long page (the rules that run are the same).
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .options({ resultTypes: ["violations"] })
    .analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect.soft(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * The axe rules whose outcome depends on the layout: run at phone size on pages the full scan already
 * checks at desktop size (the markup, names, roles and contrast are the same; the size of targets, what
 * scrolls and what overlaps are not).
 */
export const LAYOUT_RULES = ["target-size", "scrollable-region-focusable", "color-contrast", "meta-viewport", "meta-viewport-large", "region"];

/** axe with only the layout-dependent rules (LAYOUT_RULES). */
export async function expectNoLayoutAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withRules(LAYOUT_RULES)
    .options({ resultTypes: ["violations"] })
    .analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect.soft(summary, `axe layout violations on ${page.url()}`).toEqual([]);
}
