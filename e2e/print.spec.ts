// Printing on A4: the dashboard, the cycle cockpit, "What changed" and a proposal page print without the
// site header and controls, start on the first page (no blank page), keep every chart inside the page box,
// and carry a header saying when (in the reader's time zone) and what was printed. Chromium's own PDF
// output is read back for the first page. Nothing is written.
import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "./support/auth";
import { pdfPageTexts } from "./support/reports";

test.use({ storageState: storageStatePath("manager") });

// A4 (210 mm) less the 16 mm side margins of the stylesheet's @page, at 96 px per inch.
const PAGE_BOX_WIDTH = Math.floor(((210 - 2 * 16) / 25.4) * 96);

const PRINTED: { path: string; h1: string | RegExp; period: RegExp; charts: boolean }[] = [
  { path: "/dashboard?area=cyber&org=NATO", h1: "Dashboard", period: /Period: 11th progress report/, charts: true },
  { path: "/periods/report-11", h1: "11th progress report", period: /Period: 11th progress report/, charts: false },
  { path: "/dashboard/changes", h1: "What changed", period: /Periods: from the 10th progress report to the 11th progress report/, charts: false },
  { path: "/proposals/p01", h1: /^P01 · /, period: /Period: /, charts: false },
];

async function printLayout(page: Page, path: string) {
  await page.setViewportSize({ width: PAGE_BOX_WIDTH, height: 1000 });
  await page.goto(path);
  await page.emulateMedia({ media: "print" });
}

for (const printed of PRINTED) {
  test(`${printed.path} prints on A4 with its header, inside the page`, async ({ page }) => {
    await printLayout(page, printed.path);
    await expect(page.locator(".site-header")).toBeHidden();
    const header = page.getByTestId("print-header");
    await expect(header).toBeVisible();
    // Demo users keep the default zone: Brussels, CET in winter and CEST in summer.
    await expect(header).toContainText(/Printed \d{1,2} \w+ \d{4}, \d{2}:\d{2} (CET|CEST|GMT\+[12])/);
    await expect(header).toContainText(printed.period);
    const h1 = page.getByRole("heading", { level: 1 });
    await expect(h1).toHaveText(printed.h1);
    // The title near the top of the first page: nothing pushes it down a page.
    expect((await h1.boundingBox())!.y).toBeLessThan(300);
    if (printed.charts) {
      await expect(page.locator("main figure svg").first()).toBeVisible();
      const boxes = await page.locator("main figure svg").evaluateAll((svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          return { label: svg.closest("figure")?.getAttribute("aria-label") ?? svg.closest("figure")?.id ?? "figure", left: box.left, right: box.right };
        }),
      );
      expect(boxes.length).toBeGreaterThan(0);
      for (const box of boxes) {
        expect.soft(box.left, `${box.label} starts inside the page`).toBeGreaterThanOrEqual(0);
        expect.soft(box.right, `${box.label} ends inside the page`).toBeLessThanOrEqual(PAGE_BOX_WIDTH + 0.5);
      }
    }
    // Nothing else sticks out of the page box either.
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(PAGE_BOX_WIDTH);
  });
}

test("the dashboard's PDF from Chromium starts with the dashboard on page 1, with the charts", async ({ page }) => {
  await printLayout(page, "/dashboard");
  await expect(page.locator("main figure svg").first()).toBeVisible();
  const pages = await pdfPageTexts(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(pages.length).toBeGreaterThan(1);
  expect(pages[0]).toMatch(/Printed \d{1,2} \w+ \d{4}/);
  expect(pages[0]).toContain("Dashboard");
  expect(pages[0]).toMatch(/Period: 11th progress report/);
  // The header and controls stay off paper.
  expect(pages.join("\n")).not.toContain("Skip to main content");
  expect(pages.join("\n")).not.toContain("Sign out");
});
