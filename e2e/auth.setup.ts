import { test as setup } from "@playwright/test";
import { ROLES, signIn, storageStatePath, type RoleName } from "./support/auth";

for (const role of Object.keys(ROLES) as RoleName[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, ROLES[role]);
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
