// Journey: a person reads times in their own time zone, whatever the browser's. A new admin, in a browser
// set to Auckland, reads an audit event in Brussels time (the default); on their account page a zone
// slipped into the select that is not in the list is refused beside it and nothing is saved; they choose
// New York, and the same event then reads in New York time, on the server-rendered trail and in a one-time
// link's expiry formatted in the browser. The account page passes axe, and no page reports a hydration error.
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { E2E_BASE_URL } from "./support/config";
import { newUser } from "./support/data";
import { testDb } from "./support/db";

const EVENT_AT = new Date("2026-12-02T13:05:00Z");

test("times follow the zone chosen on the account page: Brussels by default, New York once chosen", async ({ browser }) => {
  const admin = await newUser("ADMIN");
  const colleague = await newUser("STAFF");
  await testDb().auditEvent.create({ data: { actorId: admin.id, action: "user.password_change", entityType: "User", entityId: admin.id, at: EVENT_AT } });
  const storedZone = async () => (await testDb().user.findUniqueOrThrow({ where: { id: admin.id }, select: { timeZone: true } })).timeZone;

  const context = await browser.newContext({ baseURL: E2E_BASE_URL, storageState: { cookies: [], origins: [] }, timezoneId: "Pacific/Auckland" });
  const page = await context.newPage();
  const hydrationErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /hydrat/i.test(message.text())) hydrationErrors.push(message.text());
  });
  const trail = `/audit?person=${admin.id}&action=user.password_change`;
  const eventTime = page.getByTestId("audit-table").locator('tr[data-action="user.password_change"] time');
  try {
    await signIn(page, admin.email, admin.password, trail);
    await page.goto(trail);
    await expect(eventTime).toHaveText("2 Dec 2026, 14:05 CET");
    await expect(eventTime).toHaveAttribute("datetime", EVENT_AT.toISOString());

    await page.goto("/account");
    const select = page.getByLabel("Show times in");
    await expect(select).toHaveValue("Europe/Brussels");
    // Only a tampered form can send a zone outside the list: refused beside the field, nothing saved.
    await select.evaluate((element: HTMLSelectElement) => {
      element.add(new Option("Mars", "Mars/Olympus_Mons"));
      element.value = "Mars/Olympus_Mons";
    });
    await page.getByRole("button", { name: "Save time zone" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Choose a time zone" })).toHaveText("Choose a time zone: see the message beside the field.");
    await expect(page.locator("#time-zone-timeZone-error")).toHaveText("Error: Choose a time zone from the list");
    await expect(select).toHaveAttribute("aria-invalid", "true");
    await expect(select).toHaveAttribute("aria-describedby", /time-zone-timeZone-error/);
    expect(await storedZone()).toBeNull();
    await expectNoAxeViolations(page);

    await select.selectOption("America/New_York");
    await page.getByRole("button", { name: "Save time zone" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved:" })).toContainText("Saved: times are now shown in America/New_York");
    await expect(select).toHaveValue("America/New_York");
    expect(await storedZone()).toBe("America/New_York");

    await page.goto(trail);
    await expect(eventTime).toHaveText("2 Dec 2026, 08:05 GMT-5");

    // Formatted in the browser (a client component, after the action): still the chosen zone, not Auckland's.
    await page.goto(`/admin/users/${colleague.id}`);
    await page.getByRole("button", { name: "Send a new password link" }).click();
    await expect(page.getByTestId("password-link")).toContainText(/Works once, until \d+ \w+ \d{4}, \d\d:\d\d GMT-[45]\./);
    expect(hydrationErrors).toEqual([]);
  } finally {
    await context.close();
  }
});
