// Journey: what each role may not do, through the UI, a forged server action and the JSON API; the
// server refuses and writes nothing. Also sign-in failures and sign-out.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ROLES, signIn, storageStatePath } from "./support/auth";
import { freshProposals, newUser, openPeriodId, openUpdateOf } from "./support/data";
import { testDb } from "./support/db";
import { newAnonymousContext, signedInPage } from "./support/pages";

const FOCAL_POINT_ONLY = "You can record updates only for proposals where you are a focal point.";

/** A body the API accepts for a proposal with no update yet in the open period. */
async function validBody() {
  return {
    periodId: await openPeriodId(),
    status: "IN_PROGRESS",
    assessment: "ON_TRACK",
    progress: 30,
    narrative: "Forged update: must never be stored.",
    nextSteps: "",
    evidenceLinks: [],
    expectedVersion: 0,
  };
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
      await expect(page.getByRole("heading", { name: "You cannot change this", level: 1 })).toBeVisible();
      await expect(page.getByRole("button", { name: /^Save update/ })).toHaveCount(0);
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
      await page.getByRole("group", { name: "Implementation status" }).getByRole("radio", { name: /^In progress\b/ }).check();
      await page.getByRole("group", { name: "Assessment" }).getByRole("radio", { name: "On track", exact: true }).check();
      await page.getByLabel("Progress (%)").fill("30");
      await page.getByLabel("Narrative").fill("Forged update: must never be stored.");
      const forged = await page.evaluate((target) => {
        const input = document.querySelector<HTMLInputElement>('form input[type="hidden"][name="proposalId"]');
        if (!input) return null;
        input.value = target;
        return input.value;
      }, b!.id);
      expect(forged).toBe(b!.id);
      await page.getByRole("button", { name: /^Save update for the / }).click();

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
      const notJson = await page.request.put(`/api/proposals/${a!.id}/status`, { data: Buffer.from("{not json"), headers: { "Content-Type": "application/json" } });
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
      expect(await openUpdateOf(a!.id)).toMatchObject({ authorId: staff.id, progress: 30, version: 1 });
      expect(await openUpdateOf(b!.id)).toBeNull();
    } finally {
      await page.context().close();
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
    await expect(page.getByRole("heading", { name: "You cannot change this" })).toBeVisible();

    const csv = await page.request.get("/api/proposals/export");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="proposals-report-11-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = (await csv.body()).toString("utf8");
    expect(text.startsWith("\uFEFFProposal,Set,Area,Title,")).toBe(true);
    expect(text.trimEnd().split("\r\n").filter((line) => /^P\d{2},/.test(line))).toHaveLength(74);
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
      await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
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

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin(\?|$)/);
    await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();

    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard$/);
    const exported = await context.request.get("/api/proposals/export");
    expect(exported.status()).toBe(401);
  } finally {
    await context.close();
  }
});
