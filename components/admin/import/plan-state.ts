// Client-side reading of a plan (lib/domain/import/plan.ts itself hashes with node:crypto, so the browser
// imports only its types).
import type { PlanView } from "@/lib/domain/import/plan";

/** As isCommittable in lib/domain/import/plan.ts: no row error, and something to write. */
export function isCommittablePlanView(plan: PlanView): boolean {
  return plan.counts.errors === 0 && plan.hasWork;
}

/** Saves text as a file the browser downloads (built here: uploads and plans are never stored on the server). */
export function downloadText(text: string, fileName: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
