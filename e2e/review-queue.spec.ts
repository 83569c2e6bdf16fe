// The review queue: a manager filters it to one author's three updates, sees each against the period
// before (status, progress, the narrative as a word diff, evidence added), approves the first with
// "Approve and next", returns the second with "Return to author and next", approves the last, and the
// queue says nothing is left; PostgreSQL holds each decision. An update the manager wrote is in their
// queue but cannot be approved by them (four eyes). axe on the queue. Only this spec's updates are changed.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { createOpenUpdate, earlierUpdateOf, freshProposals, newUser, openUpdateOf } from "./support/data";
import { signedInPage } from "./support/pages";

test("a manager approves and returns through the queue with '… and next'; their own update waits for another manager", async ({ browser }) => {
  test.setTimeout(120_000);
  const proposals = await freshProposals(0, 4, { withEarlierUpdate: true });
  const [first, second, third, own] = proposals as [(typeof proposals)[0], (typeof proposals)[0], (typeof proposals)[0], (typeof proposals)[0]];
  const author = await newUser("STAFF", { organisationId: "eu" });
  const manager = await newUser("MANAGER", { organisationId: "nato" });
  for (const p of [first, second, third]) {
    await createOpenUpdate(p.id, author, { workflowState: "SUBMITTED", status: "STALLED", narrative: `Talks on ${p.code} stalled over information sharing.` });
  }
  await createOpenUpdate(own.id, manager, { workflowState: "SUBMITTED", narrative: "Written by the manager." });

  const page = await signedInPage(browser, manager, `/review?author=${author.id}`);
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect(page.getByTestId("review-summary")).toHaveText("3 updates await review in this selection.");
    await expect(page.getByTestId("review-queue").getByRole("link")).toHaveText([first, second, third].map((p) => `${p.code} · ${p.title}`));

    // The first update, against the period before.
    const earlier = await earlierUpdateOf(first.id);
    const item = page.getByTestId("review-item");
    await expect(page.locator("#review-item-title")).toHaveText(`${first.code} · ${first.title}`);
    const diff = item.getByTestId("review-diff");
    await expect(diff.locator("caption")).toContainText(`Compared with the ${earlier.period.name}`);
    await expect(diff.locator('tr[data-field="status"]')).toHaveAttribute("data-changed", earlier.status === "STALLED" ? "false" : "true");
    await expect(diff.locator('tr[data-field="narrative"] ins').first()).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Approve and next" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]at=${second.id}&done=approved$`));
    await expect(page.getByTestId("review-flash")).toHaveText(`Update approved. Next: ${second.code}.`);
    await expect(page.locator("#review-item-title")).toHaveText(`${second.code} · ${second.title}`);
    await expect(page.getByTestId("review-summary")).toHaveText("2 updates await review in this selection.");

    await page.getByLabel("Note to the author").fill("Say when the next round of talks is planned.");
    await page.getByRole("button", { name: "Return to author and next" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]at=${third.id}&done=returned$`));
    await expect(page.getByTestId("review-flash")).toHaveText(`Update returned to its author. Next: ${third.code}.`);

    await page.getByRole("button", { name: "Approve and next" }).click();
    await expect(page.getByTestId("review-flash")).toHaveText("Update approved.");
    await expect(page.getByTestId("review-summary")).toHaveText("No update awaiting review matches these filters.");

    expect((await openUpdateOf(first.id))?.workflowState).toBe("APPROVED");
    expect(await openUpdateOf(second.id)).toMatchObject({ workflowState: "RETURNED", returnNote: "Say when the next round of talks is planned." });
    expect((await openUpdateOf(third.id))?.workflowState).toBe("APPROVED");

    // Their own update: in the queue, marked, with no Approve; another manager decides.
    await page.goto(`/review?author=${manager.id}`);
    await expect(page.getByTestId("review-queue")).toContainText("yours");
    await expect(page.getByTestId("own-update")).toHaveText("You wrote this update, so another manager approves it (four eyes).");
    await expect(page.getByRole("button", { name: "Approve and next" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Return to author and next" })).toBeVisible();
    expect((await openUpdateOf(own.id))?.workflowState).toBe("SUBMITTED");
  } finally {
    await page.context().close();
  }
});
