import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";

test.use({ storageState: storageStatePath("manager") });

test("the dashboard shows the open period and passes axe", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(page.getByText("Open for updates:")).toBeVisible();
  await expectNoAxeViolations(page);
});
