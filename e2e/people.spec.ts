// Journeys of the People pages (/admin/users) and the account page: an admin invites a staff member and
// reads the one-time link from the page (this server has no SMTP); the new person opens it without a
// session, is refused a weak password beside the field, sets a good one and signs in; the admin assigns
// them a whole area and they record an update in it; the admin sends a
// reset link, then deactivates them, and the person's open session stops working at once: a server
// action they submit is refused and their next page load goes to sign-in. Also: an edit made on a stale
// page is refused, the invitation works with the keyboard alone, every page passes axe and fits a 390 px
// screen, and non-admins get 403. Every person here is made by the factories or invited by this spec.
import { expect, test, type Page } from "@playwright/test";
import { uniqueSuffix } from "@/prisma/factories";
import { expectNoAxeViolations } from "./support/axe";
import { signIn } from "./support/auth";
import { freshProposal, newUser, openUpdateOf } from "./support/data";
import { testDb } from "./support/db";
import { newAnonymousContext, recordUpdateThroughForm, signedInPage } from "./support/pages";
import { elementsPastTheRightEdge } from "./support/reports";

const GOOD_PASSWORD = "lantern orbit violet ferry";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function outcome(page: Page) {
  return page.getByRole("status").filter({ hasText: /./ }).first();
}

async function fillInvite(page: Page, person: { name: string; email: string; role: RegExp; organisation: string; body?: string }) {
  await page.getByLabel("Full name").fill(person.name);
  await page.getByLabel("E-mail address").fill(person.email);
  await page.getByRole("group", { name: "Role" }).getByRole("radio", { name: person.role }).check();
  await page.getByRole("group", { name: "Organisation" }).getByRole("radio", { name: person.organisation }).check();
  if (person.body) await page.getByLabel("EU body").selectOption({ label: person.body });
}

async function expectNoSidewaysScroll(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect.soft(scrollWidth, `page width of ${url} at 390 px; past the edge: ${(await elementsPastTheRightEdge(page)).join(", ")}`).toBeLessThanOrEqual(390);
}

test("an admin invites a staff member, who sets a password and signs in; given an area, they record an update; deactivated, their open session stops working", async ({
  browser,
}) => {
  // The whole journey of two people in one test: invitation, area, update, reset and deactivation.
  test.setTimeout(120_000);
  const admin = await newUser("ADMIN");
  const proposal = await freshProposal(14);
  const page = await signedInPage(browser, admin, "/admin/users");
  const suffix = uniqueSuffix();
  const invitee = { name: `Ines Invited ${suffix}`, email: `ines.${suffix}@nato.test` };
  const anonymous = await newAnonymousContext(browser);
  try {
    // The list, then the invitation form.
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "People", level: 1 })).toBeVisible();
    await expect(page.getByTestId("people-count")).toContainText(/\d+ people\./);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Invite someone" }).click();
    await expect(page.getByRole("heading", { name: "Invite someone", level: 1 })).toBeVisible();
    await expect(page.getByText("E-mail is not configured on this server")).toBeVisible();
    await expectNoAxeViolations(page);

    // Nothing filled in: every error beside its field, the summary focused.
    await page.getByRole("button", { name: "Invite and create a link" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Some answers need correcting" })).toBeFocused();
    await expect(page.getByLabel("Full name")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Enter the person's name")).toBeVisible();
    await expect(page.getByText("Choose a role")).toBeVisible();
    await expect(page.getByText("Choose the organisation")).toBeVisible();
    await expectNoAxeViolations(page);

    await fillInvite(page, { ...invitee, role: /^Staff\b/, organisation: "NATO International Staff" });
    await expect(page.getByLabel("EU body")).toBeHidden();
    await page.getByRole("button", { name: "Invite and create a link" }).click();
    await expect(outcome(page)).toContainText(`${invitee.name} is invited.`);
    await expect(outcome(page)).toBeFocused();
    await expect(page.getByTestId("password-link-delivery")).toContainText("E-mail is not configured on this server, so nothing was sent");
    await expect(page.getByTestId("password-link")).toContainText(/Works once, until \d+ \w+ \d{4}/);
    const link = await page.getByTestId("password-link-url").inputValue();
    expect(link).toMatch(/\/set-password\?token=[A-Za-z0-9_-]{40,}$/);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByRole("button", { name: "Copy link" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Copied." })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await expectNoAxeViolations(page);

    const row = await testDb().user.findUniqueOrThrow({
      where: { email: invitee.email },
      select: { id: true, role: true, organisationId: true, passwordHash: true },
    });
    expect(row).toMatchObject({ role: "STAFF", organisationId: "nato", passwordHash: null });

    // The list shows them as invited.
    await page.goto(`/admin/users?q=${encodeURIComponent(invitee.email)}`);
    await expect(page.getByTestId("people-table").getByRole("row", { name: new RegExp(invitee.name) })).toContainText("Invited – link not yet used");

    // The invitee opens the link with no session; a weak password is refused beside the field.
    const personPage = await anonymous.newPage();
    await personPage.goto(link);
    await expect(personPage.getByRole("heading", { name: "Welcome: choose your password" })).toBeVisible();
    await expectNoAxeViolations(personPage);
    await personPage.getByLabel("New password").fill("password1234");
    await personPage.getByLabel("Type it again").fill("password1234");
    await personPage.getByRole("button", { name: "Set password" }).click();
    await expect(personPage.locator("#password-error")).toContainText("too easy to guess");
    await expect(personPage.getByLabel("New password")).toHaveAttribute("aria-invalid", "true");
    await personPage.getByLabel("New password").fill(GOOD_PASSWORD);
    await personPage.getByLabel("Type it again").fill(GOOD_PASSWORD);
    await personPage.getByRole("button", { name: "Set password" }).click();
    await expect(personPage).toHaveURL(/\/signin\?passwordSet=1/);
    await signIn(personPage, invitee.email, GOOD_PASSWORD, "/account");
    await expect(personPage.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
    await expect(personPage.getByText(invitee.email)).toBeVisible();
    await expectNoAxeViolations(personPage);

    // The admin gives them a whole area from the person's focal-point page; they record an update in it.
    await page.goto(`/admin/focal-points/people/${row.id}`);
    await expect(page.getByTestId("followed-count")).toHaveText("Follows 0 proposals.");
    const area = page.getByTestId(`area-${proposal.areaId}`);
    await area.getByRole("button", { name: new RegExp(`^Assign all of ${escapeRegExp(proposal.areaName)} \\(`) }).click();
    await expect(page.getByTestId("focal-point-changes").getByRole("status")).toContainText(`${invitee.name} now follows`);
    expect(await testDb().focalPoint.count({ where: { userId: row.id, proposalId: proposal.id } })).toBe(1);
    await recordUpdateThroughForm(personPage, proposal.id, {
      status: "In progress",
      assessment: "On track",
      progress: "10",
      narrative: `First update by ${invitee.name}.`,
      rationale: "First assessment by the new focal point.",
    });
    expect(await openUpdateOf(proposal.id)).toMatchObject({ authorId: row.id, workflowState: "DRAFT", progress: 10 });
    await personPage.goto("/account");

    // The admin opens their page: active now; sends a reset link (shown once, with its expiry).
    await page.goto("/admin/users?state=active&q=" + encodeURIComponent(invitee.name));
    await page.getByRole("link", { name: invitee.name }).click();
    await expect(page.getByRole("heading", { name: invitee.name, level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Proposals this person follows" })).toHaveAttribute("href", `/admin/focal-points/people/${row.id}`);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Send a new password link" }).click();
    await expect(page.getByTestId("password-link")).toContainText(`Password reset link for ${invitee.name}`);
    const resetLink = await page.getByTestId("password-link-url").inputValue();
    expect(resetLink).not.toBe(link);
    await expectNoAxeViolations(page);

    // Deactivation: the person's open page can no longer act, and their next page load goes to sign-in.
    await page.getByRole("button", { name: `Deactivate ${invitee.name}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Deactivated: they can no longer sign in" })).toBeVisible();
    await expect(page.locator(".page-header [data-state]")).toHaveText("Deactivated");

    await personPage.getByLabel("Current password").fill(GOOD_PASSWORD);
    await personPage.getByLabel("New password", { exact: true }).fill("ferry lantern quartz meadow");
    await personPage.getByLabel("Type the new password again").fill("ferry lantern quartz meadow");
    await personPage.getByRole("button", { name: "Change password" }).click();
    await expect(personPage.getByRole("alert").filter({ hasText: "Your session has ended. Sign in again." })).toBeFocused();
    expect(await testDb().auditEvent.count({ where: { actorId: row.id, action: "user.password_change" } })).toBe(0);
    await personPage.reload();
    await expect(personPage).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
    // Nor can they sign in again, and the reset link died with the account.
    await personPage.getByLabel("E-mail address").fill(invitee.email);
    await personPage.getByLabel("Password").fill(GOOD_PASSWORD);
    await personPage.getByRole("button", { name: "Sign in" }).click();
    await expect(personPage.getByRole("alert").filter({ hasText: "not correct, or the account is inactive" })).toBeVisible();
    await personPage.goto(resetLink);
    await expect(personPage.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();

    expect(
      (
        await testDb().auditEvent.findMany({ where: { entityId: row.id, action: { startsWith: "user." } }, orderBy: { id: "asc" }, select: { action: true } })
      ).map((e) => e.action),
    ).toEqual(["user.invite", "user.password_set", "user.password_link", "user.deactivate"]);
  } finally {
    await testDb().focalPoint.deleteMany({ where: { user: { email: invitee.email } } });
    await anonymous.close();
    await page.context().close();
  }
});

test("an admin changes a person's role and organisation; an edit from a page opened before another change is refused", async ({ browser }) => {
  const admin = await newUser("ADMIN");
  const person = await newUser("VIEWER", { organisationId: "nato" });
  const page = await signedInPage(browser, admin, `/admin/users/${person.id}`);
  const stale = await page.context().newPage();
  try {
    await stale.goto(`/admin/users/${person.id}`);
    await expect(page.getByRole("heading", { name: person.name, level: 1 })).toBeVisible();

    const form = page.getByRole("form", { name: "Change details" });
    await form.getByRole("radio", { name: /^Manager\b/ }).check();
    await form.getByRole("radio", { name: "European Union" }).check();
    // The EU side needs its body: refused beside the field until one is chosen.
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByText("Choose the EU body")).toBeVisible();
    await expect(form.getByLabel("EU body")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);
    await form.getByLabel("EU body").selectOption({ label: "European Defence Agency" });
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/users/${person.id}\\?saved=1$`));
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await expect(page.locator("dl.facts")).toContainText("EU · European Defence Agency");
    expect(await testDb().user.findUniqueOrThrow({ where: { id: person.id }, select: { role: true, organisationId: true, body: true } })).toEqual({
      role: "MANAGER",
      organisationId: "eu",
      body: "EDA",
    });

    // The other tab still shows the person as they were.
    const staleForm = stale.getByRole("form", { name: "Change details" });
    await staleForm.getByLabel("Full name").fill("Overwritten Name");
    await staleForm.getByRole("button", { name: "Save changes" }).click();
    await expect(staleForm.getByRole("alert")).toContainText("account changed while you were editing it. Reload the page");
    expect((await testDb().user.findUniqueOrThrow({ where: { id: person.id }, select: { name: true } })).name).toBe(person.name);
  } finally {
    await page.context().close();
  }
});

test("the invitation works with the keyboard alone", async ({ browser }) => {
  const admin = await newUser("ADMIN");
  const page = await signedInPage(browser, admin, "/admin/users/new");
  const suffix = uniqueSuffix();
  try {
    await page.goto("/admin/users/new");
    const name = page.getByLabel("Full name");
    for (let i = 0; i < 40 && !(await name.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(name).toBeFocused();
    await page.keyboard.type(`Kai Keyboard ${suffix}`);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("E-mail address")).toBeFocused();
    await page.keyboard.type(`kai.${suffix}@eu.test`);
    // Into the role group (the first radio), then down to Staff.
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("radio", { name: /^Staff\b/ })).toBeChecked();
    // Into the organisation group: NATO, then down to the EU, which brings the EU body.
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("radio", { name: "European Union" })).toBeChecked();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("EU body")).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByLabel("EU body")).toHaveValue("EEAS");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Invite and create a link" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(outcome(page)).toContainText(`Kai Keyboard ${suffix} is invited.`);
    await expect(outcome(page)).toBeFocused();
    expect(
      await testDb().user.findUniqueOrThrow({ where: { email: `kai.${suffix}@eu.test` }, select: { role: true, organisationId: true, body: true } }),
    ).toEqual({
      role: "STAFF",
      organisationId: "eu",
      body: "EEAS",
    });
  } finally {
    await page.context().close();
  }
});

test("every people page and the account page fit a 390 px wide screen and pass axe", async ({ browser }) => {
  const admin = await newUser("ADMIN");
  const person = await newUser("STAFF", { organisationId: "eu" });
  const page = await signedInPage(browser, admin, "/admin/users");
  try {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const url of ["/admin/users", "/admin/users?org=EU&role=STAFF&state=active", "/admin/users/new", `/admin/users/${person.id}`, "/account"]) {
      await expectNoSidewaysScroll(page, url);
      await expectNoAxeViolations(page);
    }
    // An unknown person: 404.
    expect((await page.goto("/admin/users/no-such-person"))?.status()).toBe(404);
  } finally {
    await page.context().close();
  }
});

test("people who are not admins get 403 on the people pages, audited; they still reach their own account page", async ({ browser }) => {
  const manager = await newUser("MANAGER");
  const target = await newUser("STAFF");
  const page = await signedInPage(browser, manager, "/dashboard");
  try {
    for (const path of ["/admin/users", "/admin/users/new", `/admin/users/${target.id}`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "The admin section is for administrators", level: 1 })).toBeVisible();
    }
    expect(await testDb().auditEvent.count({ where: { actorId: manager.id, action: "permission.denied" } })).toBe(3);
    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
    await expect(page.getByText("To change these, ask an administrator.")).toBeVisible();
  } finally {
    await page.context().close();
  }
});
