// "My work" by keyboard only: a focal point lands on it after signing in, starts with the first item,
// records and submits each update (pre-filled from the period before, so only the narrative is typed),
// comes back to My work after each one and goes on to the next, until nothing needs their action. Then
// the list's "proposals I follow" and review-state filters show exactly those updates, awaiting review.
// axe at desktop and phone sizes. Only this spec's own staff member follows its two proposals.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { freshProposals, newUser } from "./support/data";
import { testDb } from "./support/db";
import { signedInPage } from "./support/pages";

/** Presses Tab until the focused element matches `selector` (and `text`, if given); fails after `max` presses. */
async function tabTo(page: Page, selector: string, text?: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const found = await page.evaluate(
      ([sel, txt]) => {
        const el = document.activeElement;
        return Boolean(el?.matches(sel!) && (!txt || el.textContent?.includes(txt)));
      },
      [selector, text] as const,
    );
    if (found) return;
  }
  throw new Error(`Tab never reached ${selector}${text ? ` with "${text}"` : ""}`);
}

test("a focal point works through My work from the first item to the last by keyboard only", async ({ browser }) => {
  test.setTimeout(120_000);
  const proposals = await freshProposals(0, 2, { withEarlierUpdate: true });
  const staff = await newUser("STAFF", { organisationId: "eu", focalPointOf: proposals.map((p) => p.id) });
  const page = await signedInPage(browser, staff, "/");
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    // Staff land on My work.
    await expect(page).toHaveURL(/\/my-work$/);
    await expect(page.getByTestId("my-work-summary")).toContainText("2 proposals in the");
    await expect(page.getByTestId("my-work-summary")).toContainText("2 not started. 2 need your action.");
    await expect(page.getByRole("region", { name: "Not started (2)" }).getByTestId("my-work-item")).toHaveText(proposals.map((p) => `${p.code} · ${p.title}`));
    await expectNoAxeViolations(page);

    for (const [i, proposal] of proposals.entries()) {
      // The first item is where "Start with" leads; after a save, the confirmation names the next one.
      if (i === 0) await tabTo(page, '[data-testid="my-work-start"]', proposal.code);
      else await tabTo(page, '[data-testid="my-work-flash"] a', proposal.code);
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(new RegExp(`/proposals/${proposal.id}/update\\?from=my-work$`));
      await expect(page.getByRole("heading", { level: 1 })).toContainText(proposal.code);
      await tabTo(page, "textarea#narrative");
      await page.keyboard.type(`Joint staff talks on ${proposal.code} took place; the next round is planned.`);
      await tabTo(page, "button", "Submit for review");
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/my-work\?done=submitted$/);
      await expect(page.getByTestId("my-work-flash")).toContainText("Update submitted for review.");
    }
    await expect(page.getByTestId("my-work-flash")).toContainText("Nothing else needs your action.");
    await expect(page.getByTestId("my-work-summary")).toContainText("2 awaiting review. Nothing needs your action.");
    await expect(page.getByRole("region", { name: "Submitted, awaiting review (2)" }).getByTestId("my-work-item")).toHaveCount(2);

    const states = await testDb().statusUpdate.findMany({ where: { proposalId: { in: proposals.map((p) => p.id) }, period: { state: "OPEN" } } });
    expect(states.map((s) => [s.workflowState, s.authorId])).toEqual([
      ["SUBMITTED", staff.id],
      ["SUBMITTED", staff.id],
    ]);

    // The list's personal filters, kept in the URL.
    await page.goto("/proposals?mine=1&state=SUBMITTED&include=all");
    await expect(page.getByTestId("result-count")).toContainText("2 of");
    await expect(page.getByLabel("Proposals I follow")).toBeChecked();
    await page.goto("/proposals?mine=1&action=1&include=all");
    await expect(page.getByText("No proposal matches these filters.")).toBeVisible();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/my-work");
    await expectNoAxeViolations(page);
  } finally {
    await testDb().focalPoint.deleteMany({ where: { userId: staff.id } });
    await page.context().close();
  }
});
