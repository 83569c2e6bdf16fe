"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "./form-state";
import { runSaveTimeZone } from "./save-time-zone";

// The signed-in person's own settings (/account). The checks are in runSaveTimeZone.

/** Every page shows times in the zone, so the whole layout is revalidated after a change. */
export async function saveTimeZoneAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await runSaveTimeZone(formData);
  if (state.status === "success") revalidatePath("/", "layout");
  return state;
}
