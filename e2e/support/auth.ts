import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { E2E_LANE_DIR } from "./config";

export const DEMO_PASSWORD = "demo-password-2026";

/** Demo users from prisma/seed-data/users.ts, one per role; storage states are written by auth.setup.ts. */
export const ROLES = {
  staff: "staff@nato.demo",
  manager: "manager@eu.demo",
  viewer: "viewer@nato.demo",
  admin: "admin@nato.demo",
} as const;

export type RoleName = keyof typeof ROLES;

export function storageStatePath(role: RoleName): string {
  return path.join("e2e/.auth", E2E_LANE_DIR, `${role}.json`);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, returnTo = "/dashboard"): Promise<void> {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
}
