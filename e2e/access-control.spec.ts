// Journey: what each role may not do, through the UI, a forged server action and the JSON API; the
// server refuses and writes nothing. Also the review workflow's and the reporting cycle's pages,
// sign-in failures and sign-out.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { forbiddenText } from "@/lib/domain/forbidden";
import { ROLES, signIn, storageStatePath, type RoleName } from "./support/auth";
import { createOpenUpdate, earlierUpdateOf, freshProposal, freshProposals, newUser, openPeriodId, openUpdateOf } from "./support/data";
import { testDb } from "./support/db";
import { E2E_BASE_URL } from "./support/config";
import { newAnonymousContext, newRoleContext, signedInPage } from "./support/pages";

/** A browser posting a form sends its origin (Next.js checks it against the host for server actions). */
const FORM_POST_HEADERS = { Origin: E2E_BASE_URL };

const FOCAL_POINT_ONLY = "You can record updates only for proposals where you are a focal point.";
const UNDER_REVIEW = "This update is waiting for review; a manager must return it before it can be changed.";

/**
 * A body the API accepts for a proposal with no update yet in the open period. It carries a rationale,
 * so that it is valid whether or not the status moved from the previous period.
 */
async function validBody() {
  return {
    periodId: await openPeriodId(),
    status: "IN_PROGRESS",
    assessment: "ON_TRACK",
    progress: 30,
    narrative: "Forged update: must never be stored.",
    nextSteps: "",
    evidenceLinks: [],
    rationale: "Forged: the status moved.",
    expectedVersion: 0,
  };
}

async function permissionDenials(actorId: string, proposalId?: string): Promise<number> {
  return testDb().auditEvent.count({ where: { actorId, action: "permission.denied", ...(proposalId ? { proposalId } : {}) } });
}

async function expectForbiddenPage(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(403);
  await expect(page.getByRole("heading", { name: forbiddenText(path).title, level: 1 })).toBeVisible();
}

async function updatesInOpenPeriodBy(authorId: string): Promise<number> {
  return testDb().statusUpdate.count({ where: { authorId, periodId: await openPeriodId() } });
}

async function putStatus(request: APIRequestContext, proposalId: string, data: unknown) {
  return request.put(`/api/proposals/${proposalId}/status`, { data });
}

test.describe("staff on a proposal they do not follow", () => {
  test("the update form of another proposal answers 403 and its page offers no Record update", async ({ browser }) => {
    const [a, b] = await freshProposals(3, 2);
    const staff = await newUser("STAFF", { focalPointOf: [a!.id] });
    const page = await signedInPage(browser, staff);
    try {
      // Control: on A, the focal point is offered the form.
      await page.goto(`/proposals/${a!.id}`);
      await expect(page.getByRole("link", { name: /^Record update for the / })).toBeVisible();

      await page.goto(`/proposals/${b!.id}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${b!.code} · ${b!.title}`);
      await expect(page.getByRole("link", { name: /Record update|Edit update/ })).toHaveCount(0);

      const response = await page.goto(`/proposals/${b!.id}/update`);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "You cannot record an update for this proposal now", level: 1 })).toBeVisible();
      await expect(page.getByRole("button", { name: /^(Save|Submit)/ })).toHaveCount(0);
    } finally {
      await page.context().close();
    }
  });

  test("a forged server action (hidden proposalId switched to another proposal) is refused and writes nothing", async ({ browser }) => {
    const [a, b] = await freshProposals(3, 2);
    const staff = await newUser("STAFF", { focalPointOf: [a!.id] });
    const page = await signedInPage(browser, staff);
    try {
      await page.goto(`/proposals/${a!.id}/update`);
      await page
        .getByRole("group", { name: "Implementation status" })
        .getByRole("radio", { name: /^In progress\b/ })
        .check();
      await page.getByRole("group", { name: "Assessment" }).getByRole("radio", { name: "On track", exact: true }).check();
      await page.getByLabel("Progress (%)").fill("30");
      await page.getByLabel("Narrative").fill("Forged update: must never be stored.");
      // A rationale, so that only the switched proposal can be the reason for refusing.
      await page.getByLabel("Why it changed").fill("Forged: the status moved.");
      const forged = await page.evaluate((target) => {
        const input = document.querySelector<HTMLInputElement>('form input[type="hidden"][name="proposalId"]');
        if (!input) return null;
        input.value = target;
        return input.value;
      }, b!.id);
      expect(forged).toBe(b!.id);
      await page.getByRole("button", { name: /^Save draft for the / }).click();

      await expect(page.locator("form[data-state]")).toHaveAttribute("data-state", "error");
      await expect(page.getByRole("alert").filter({ hasText: FOCAL_POINT_ONLY })).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/proposals/${a!.id}/update$`));
      expect(await openUpdateOf(b!.id)).toBeNull();
      expect(await openUpdateOf(a!.id)).toBeNull();
      expect(await updatesInOpenPeriodBy(staff.id)).toBe(0);
    } finally {
      await page.context().close();
    }
  });

  test("a forged JSON PUT for another proposal answers 403 and writes nothing; bad bodies answer 400", async ({ browser }) => {
    const [a, b] = await freshProposals(3, 2);
    const staff = await newUser("STAFF", { focalPointOf: [a!.id] });
    const page = await signedInPage(browser, staff);
    try {
      const body = await validBody();
      const forbidden = await putStatus(page.request, b!.id, body);
      expect(forbidden.status()).toBe(403);
      expect(forbidden.headers()["content-type"]).toContain("application/json");
      expect(await forbidden.json()).toEqual({ error: { code: "FORBIDDEN", message: FOCAL_POINT_ONLY } });
      expect(await openUpdateOf(b!.id)).toBeNull();

      // Not JSON at all.
      const notJson = await page.request.put(`/api/proposals/${a!.id}/status`, {
        data: Buffer.from("{not json"),
        headers: { "Content-Type": "application/json" },
      });
      expect(notJson.status()).toBe(400);
      expect(await notJson.json()).toMatchObject({ error: { code: "VALIDATION", message: "The request body must be JSON." } });

      // JSON that breaks the rules: field errors, nothing stored.
      const invalid = await putStatus(page.request, a!.id, { ...body, progress: 150, narrative: "" });
      expect(invalid.status()).toBe(400);
      expect(await invalid.json()).toMatchObject({
        error: { code: "VALIDATION", fields: { progress: "Progress cannot be above 100", narrative: "Describe the progress made in this period" } },
      });
      expect(await openUpdateOf(a!.id)).toBeNull();
      expect(await updatesInOpenPeriodBy(staff.id)).toBe(0);

      // Control: the same valid body is accepted for the proposal the user follows.
      const accepted = await putStatus(page.request, a!.id, body);
      expect(accepted.status()).toBe(201);
      expect(await openUpdateOf(a!.id)).toMatchObject({ authorId: staff.id, progress: 30, version: 1, workflowState: "DRAFT" });
      expect(await openUpdateOf(b!.id)).toBeNull();
    } finally {
      await page.context().close();
    }
  });

  test("authorization comes before the rationale rule: without a rationale the answer is still 403, not a hint about the last period", async ({ browser }) => {
    const [a, b] = await freshProposals(3, 2, { withEarlierUpdate: true });
    const staff = await newUser("STAFF", { focalPointOf: [a!.id] });
    // A status that differs from B's previous period, so that B would need a rationale.
    const earlier = await earlierUpdateOf(b!.id);
    const status = earlier.status === "IN_PROGRESS" ? "STALLED" : "IN_PROGRESS";
    const page = await signedInPage(browser, staff);
    try {
      const response = await putStatus(page.request, b!.id, { ...(await validBody()), status, rationale: "" });
      expect(await response.json()).toEqual({ error: { code: "FORBIDDEN", message: FOCAL_POINT_ONLY } });
      expect(response.status()).toBe(403);
      expect(await openUpdateOf(b!.id)).toBeNull();
      // Refused requests are recorded in the audit trail.
      expect(await permissionDenials(staff.id, b!.id)).toBe(1);
    } finally {
      await page.context().close();
    }
  });
});

test.describe("staff on their own update under review", () => {
  test("a SUBMITTED update cannot be edited by its focal point: no edit link, the edit page answers 403, the API refuses", async ({ browser }) => {
    const proposal = await freshProposal(3);
    const staff = await newUser("STAFF", { focalPointOf: [proposal.id] });
    const narrative = `Submitted text that stays (${staff.name}).`;
    await createOpenUpdate(proposal.id, staff, { workflowState: "SUBMITTED", narrative });
    const page = await signedInPage(browser, staff);
    try {
      await page.goto(`/proposals/${proposal.id}`);
      const current = page.getByRole("region", { name: /^Current state: / });
      await expect(current.getByText("Submitted", { exact: true })).toBeVisible();
      await expect(page.getByRole("link", { name: /^(Edit|Record) update for the / })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);

      const deniedBefore = await permissionDenials(staff.id, proposal.id);
      await expectForbiddenPage(page, `/proposals/${proposal.id}/update`);
      await expect(page.getByLabel("Narrative")).toHaveCount(0);
      // The refusal is in the audit trail.
      expect(await permissionDenials(staff.id, proposal.id)).toBe(deniedBefore + 1);

      const response = await putStatus(page.request, proposal.id, { ...(await validBody()), narrative: "Changed under review.", expectedVersion: 1 });
      expect(response.status()).toBe(403);
      expect(await response.json()).toEqual({ error: { code: "FORBIDDEN", message: UNDER_REVIEW } });
      expect(await openUpdateOf(proposal.id)).toMatchObject({ narrative, workflowState: "SUBMITTED", version: 1 });
    } finally {
      await page.context().close();
    }
  });
});

test.describe("review controls", () => {
  test("viewers and staff see no Approve or Return on a submitted update; managers do", async ({ browser }) => {
    const proposal = await freshProposal(3);
    const author = await newUser("STAFF", { focalPointOf: [proposal.id] });
    await createOpenUpdate(proposal.id, author, { workflowState: "SUBMITTED" });

    const focalPoint = await signedInPage(browser, author);
    try {
      await focalPoint.goto(`/proposals/${proposal.id}`);
      await expect(focalPoint.getByRole("region", { name: /^Current state: / }).getByText("Submitted", { exact: true })).toBeVisible();
      await expect(focalPoint.getByRole("region", { name: "Review" })).toHaveCount(0);
      await expect(focalPoint.getByRole("button", { name: /^(Approve|Return to author)$/ })).toHaveCount(0);
    } finally {
      await focalPoint.context().close();
    }
    for (const role of ["viewer", "staff", "manager"] as RoleName[]) {
      const context = await newRoleContext(browser, role);
      try {
        const page = await context.newPage();
        await page.goto(`/proposals/${proposal.id}`);
        await expect(page.getByRole("region", { name: /^Current state: / }).getByText("Submitted", { exact: true })).toBeVisible();
        const review = page.getByRole("region", { name: "Review" });
        if (role === "manager") {
          // Control: the same page shows the controls to a manager.
          await expect(review.getByRole("button", { name: "Approve", exact: true })).toBeVisible();
          await expect(review.getByRole("button", { name: "Return to author", exact: true })).toBeVisible();
          await expect(review.getByLabel("Note to the author")).toBeVisible();
        } else {
          await expect(review, role).toHaveCount(0);
          await expect(page.getByRole("button", { name: /^(Approve|Return to author)$/ }), role).toHaveCount(0);
        }
      } finally {
        await context.close();
      }
    }
  });

  test("a forged Approve (the manager's form replayed by a viewer or a staff member) is refused and changes nothing", async ({ browser }) => {
    const proposal = await freshProposal(3);
    const author = await newUser("STAFF", { focalPointOf: [proposal.id] });
    await createOpenUpdate(proposal.id, author, { workflowState: "SUBMITTED" });
    const manager = await newRoleContext(browser, "manager");
    try {
      // The fields of the Approve form as the manager's page renders it (the server action's id included).
      const managerPage = await manager.newPage();
      await managerPage.goto(`/proposals/${proposal.id}`);
      const approveForm = managerPage.getByRole("form", { name: "Approve the update" });
      await expect(approveForm.getByRole("button", { name: "Approve", exact: true })).toBeVisible();
      const fields = await approveForm.evaluate((form: HTMLFormElement) => {
        const entries: Record<string, string> = {};
        for (const [key, value] of new FormData(form).entries()) if (typeof value === "string") entries[key] = value;
        return entries;
      });
      expect(fields).toMatchObject({ decision: "approve", proposalId: proposal.id });

      for (const role of ["viewer", "staff"] as RoleName[]) {
        const context = await newRoleContext(browser, role);
        try {
          const actor = await testDb().user.findUniqueOrThrow({ where: { email: ROLES[role] }, select: { id: true } });
          const deniedBefore = await permissionDenials(actor.id, proposal.id);
          // Posted as the browser posts the form without JavaScript.
          const response = await context.request.post(`/proposals/${proposal.id}`, { multipart: fields, headers: FORM_POST_HEADERS });
          expect(response.status(), role).toBeLessThan(500);
          expect(await openUpdateOf(proposal.id), role).toMatchObject({ workflowState: "SUBMITTED", version: 1 });
          expect(await permissionDenials(actor.id, proposal.id), `${role}: refusal recorded`).toBe(deniedBefore + 1);
        } finally {
          await context.close();
        }
      }

      // Control: the same replay by the manager does approve, so the refusals above are real.
      const response = await manager.request.post(`/proposals/${proposal.id}`, { multipart: fields, headers: FORM_POST_HEADERS });
      expect(response.status()).toBeLessThan(500);
      expect(await openUpdateOf(proposal.id)).toMatchObject({ workflowState: "APPROVED", version: 2 });
    } finally {
      await manager.close();
    }
  });
});

test.describe("reporting cycle and audit pages", () => {
  test("staff get 403 on /audit, /periods/new, a period's edit page and the review queue, and see no manager controls on the cockpit", async ({ browser }) => {
    const staff = await newUser("STAFF");
    const page = await signedInPage(browser, staff);
    try {
      const deniedBefore = await permissionDenials(staff.id);
      await expectForbiddenPage(page, "/audit");
      await expect(page.getByTestId("audit-table")).toHaveCount(0);
      await expectForbiddenPage(page, "/periods/new");
      await expect(page.getByLabel("Report number")).toHaveCount(0);
      await expectForbiddenPage(page, `/periods/${await openPeriodId()}/edit`);
      await expect(page.getByLabel("Cut-off")).toHaveCount(0);
      await expectForbiddenPage(page, "/review");
      await expect(page.getByTestId("review-queue")).toHaveCount(0);
      expect(await permissionDenials(staff.id)).toBe(deniedBefore + 4);

      // What staff may see: the cycle's pages, read-only.
      await page.goto("/periods");
      await expect(page.getByRole("heading", { name: "Reporting cycle", level: 1 })).toBeVisible();
      await expect(page.getByRole("link", { name: "New period" })).toHaveCount(0);
      await page.goto(`/periods/${await openPeriodId()}`);
      await expect(page.getByTestId("period-state")).toContainText("Open for updates");
      await expect(page.getByRole("link", { name: "Edit dates" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: /^(Lock|Unlock|Close|Open for updates)$/ })).toHaveCount(0);
      await expect(page.getByRole("button", { name: /^E-mail reminders/ })).toHaveCount(0);
      // No link to the audit trail in the navigation.
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit trail" })).toHaveCount(0);
    } finally {
      await page.context().close();
    }
  });

  for (const role of ["viewer", "manager"] as RoleName[]) {
    test(`the audit trail is for admins only: ${role} gets 403`, async ({ browser }) => {
      const context = await newRoleContext(browser, role);
      try {
        const page = await context.newPage();
        await expectForbiddenPage(page, "/audit");
        await expect(page.getByTestId("audit-table")).toHaveCount(0);
      } finally {
        await context.close();
      }
    });
  }

  test("a forged period change (Lock) by a staff member is refused and the period stays open", async ({ browser }) => {
    const periodId = await openPeriodId();
    const manager = await newRoleContext(browser, "manager");
    const staffContext = await newRoleContext(browser, "staff");
    try {
      const managerPage = await manager.newPage();
      await managerPage.goto(`/periods/${periodId}`);
      const form = managerPage.getByRole("form", { name: /^Change the state of the / });
      await expect(form.getByRole("button", { name: "Lock", exact: true })).toBeVisible();
      const fields = await form.evaluate((f: HTMLFormElement) => {
        const entries: Record<string, string> = {};
        for (const [key, value] of new FormData(f).entries()) if (typeof value === "string") entries[key] = value;
        return entries;
      });
      expect(fields).toMatchObject({ periodId });
      const staffUser = await testDb().user.findUniqueOrThrow({ where: { email: ROLES.staff }, select: { id: true } });
      const refusals = () =>
        testDb().auditEvent.count({ where: { actorId: staffUser.id, action: "permission.denied", periodId, entityType: "ReportingPeriod" } });
      const refusedBefore = await refusals();
      const before = await testDb().reportingPeriod.findUniqueOrThrow({ where: { id: periodId }, select: { state: true, version: true } });
      // The clicked button's name/value travel with the form.
      const response = await staffContext.request.post(`/periods/${periodId}`, { multipart: { ...fields, action: "lock" }, headers: FORM_POST_HEADERS });
      expect(response.status()).toBeLessThan(500);
      expect(await testDb().reportingPeriod.findUniqueOrThrow({ where: { id: periodId }, select: { state: true, version: true } })).toEqual(before);
      // Refused for the role (recorded), not merely because the cut-off has not passed.
      expect(await refusals()).toBe(refusedBefore + 1);
    } finally {
      await manager.close();
      await staffContext.close();
    }
  });
});

test.describe("viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("may not record a status through the API (403, nothing written) but may download the CSV", async ({ page }) => {
    const [b] = await freshProposals(3, 1);
    const viewer = await testDb().user.findUniqueOrThrow({ where: { email: ROLES.viewer }, select: { id: true } });

    const response = await putStatus(page.request, b!.id, await validBody());
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect(await openUpdateOf(b!.id)).toBeNull();
    expect(await updatesInOpenPeriodBy(viewer.id)).toBe(0);

    // No form for a viewer either.
    const form = await page.goto(`/proposals/${b!.id}/update`);
    expect(form?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You cannot record an update for this proposal now" })).toBeVisible();

    const csv = await page.request.get("/api/proposals/export");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="proposals-report-11-approved-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = (await csv.body()).toString("utf8");
    expect(text.startsWith("\uFEFFProposal,Set,Area,Title,")).toBe(true);
    expect(
      text
        .trimEnd()
        .split("\r\n")
        .filter((line) => /^P\d{2},/.test(line)),
    ).toHaveLength(74);
  });
});

test.describe("anonymous visitor", () => {
  test("pages redirect to sign-in; the API answers 401 JSON", async ({ browser }) => {
    const context = await newAnonymousContext(browser);
    try {
      const page = await context.newPage();
      await page.goto("/dashboard");
      await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard$/);
      await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();

      const exported = await context.request.get("/api/proposals/export");
      expect(exported.status()).toBe(401);
      expect(exported.headers()["content-type"]).toContain("application/json");
      expect(await exported.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });

      const [b] = await freshProposals(3, 1);
      const put = await putStatus(context.request, b!.id, await validBody());
      expect(put.status()).toBe(401);
      expect(await openUpdateOf(b!.id)).toBeNull();
    } finally {
      await context.close();
    }
  });

  test("a wrong password shows the error and stays on the sign-in page", async ({ browser }) => {
    const context = await newAnonymousContext(browser);
    try {
      const page = await context.newPage();
      await page.goto("/signin");
      await page.getByLabel("E-mail address").fill(ROLES.staff);
      await page.getByLabel("Password").fill("not-the-password-2026");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "The e-mail address or password is not correct" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Sign in" })).toHaveAttribute("data-state", "idle");
      await expect(page).toHaveURL(/\/signin(\?|$)/);
      await expect(page.getByRole("button", { name: "Sign out", exact: true })).toHaveCount(0);
      expect((await context.cookies()).some((c) => c.name.includes("session-token"))).toBe(false);
    } finally {
      await context.close();
    }
  });
});

test("sign out ends the session: the dashboard redirects to sign-in again", async ({ browser }) => {
  const user = await newUser("VIEWER");
  const context = await newAnonymousContext(browser);
  try {
    const page = await context.newPage();
    await signIn(page, user.email, user.password);
    await expect(page).toHaveURL(/\/dashboard$/);

    // What an attacker would have copied before the sign-out.
    const captured = await context.cookies();
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/signin(\?|$)/);
    await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();

    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard$/);
    const exported = await context.request.get("/api/proposals/export");
    expect(exported.status()).toBe(401);

    // The captured cookie, replayed from another browser: the server ended the session, so it opens
    // nothing, and next-auth's session endpoint hands out no fresh cookie for it.
    const replay = await browser.newContext({ baseURL: E2E_BASE_URL });
    try {
      await replay.addCookies(captured);
      const replayed = await replay.newPage();
      await replayed.goto("/dashboard");
      await expect(replayed).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard$/);
      expect((await replay.request.get("/api/proposals/export")).status()).toBe(401);
      const session = await replay.request.get("/api/auth/session");
      expect(await session.json()).toEqual({});
      expect(session.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie" && /session-token=[^;]+/.test(h.value))).toEqual([]);
    } finally {
      await replay.close();
    }
  } finally {
    await context.close();
  }
});

test("the account page lists each browser signed in; ending another one signs that browser out at once", async ({ browser }) => {
  const user = await newUser("STAFF");
  const [office, phone] = [await signedInPage(browser, user), await signedInPage(browser, user)];
  try {
    await office.goto("/account");
    const sessions = office.getByTestId("session-list").getByRole("listitem");
    await expect(sessions).toHaveCount(2);
    await expect(sessions.first()).toContainText("This browser");
    await expect(sessions.first().getByRole("button")).toHaveCount(0);
    await sessions
      .nth(1)
      .getByRole("button", { name: /^End this session/ })
      .click();
    await expect(office.getByRole("status").filter({ hasText: "The session was ended" })).toBeVisible();
    await expect(office.getByTestId("session-list").getByRole("listitem")).toHaveCount(1);

    await phone.goto("/my-work");
    await expect(phone).toHaveURL(/\/signin\?callbackUrl=%2Fmy-work$/);
    await office.goto("/my-work");
    await expect(office.getByRole("heading", { level: 1 })).toHaveText(/^My work/);
    expect(await testDb().auditEvent.count({ where: { action: "auth.session_end", actorId: user.id } })).toBe(1);

    // Sign out everywhere: this browser too.
    await office.goto("/account");
    await office.getByRole("button", { name: /^Sign out everywhere/ }).click();
    await expect(office).toHaveURL(/\/signin/);
    await office.goto("/account");
    await expect(office).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
  } finally {
    await office.context().close();
    await phone.context().close();
  }
});
