import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { CATALOGUE_NOTICE_KEY } from "@/lib/domain/settings";

/** The notice shown while the demo catalogue is in use; null once an admin clears it. */
export const getCatalogueNotice = cache(async (): Promise<string | null> => {
  const setting = await getDb().appSetting.findUnique({ where: { key: CATALOGUE_NOTICE_KEY }, select: { value: true } });
  return setting?.value || null;
});
