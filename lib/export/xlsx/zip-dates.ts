// Dates the workbook's zip entries with the report's date, so the same report gives the same bytes.
import type { Workbook } from "./sheets";

/**
 * exceljs's zip (archiver) dates every entry "now", so two renders of one report would differ. archiver
 * takes a date per entry but exceljs adds the entries itself: its zip module is wrapped to date them all
 * with the report's date (private fields, so skipped if a new version lacks them). Zip errors end the download.
 */
export function tuneZip(workbook: Workbook, date: Date, fail: (error: Error) => void): void {
  type Append = (source: unknown, data: Record<string, unknown>, callback: unknown) => unknown;
  const zip = (workbook as unknown as { zip?: { on?: (event: "error", listener: (error: Error) => void) => void; _module?: { append?: Append } } }).zip;
  zip?.on?.("error", fail);
  const zipModule = zip?._module;
  const append = zipModule?.append;
  if (!zipModule || typeof append !== "function") return;
  zipModule.append = (source, data, callback) => append.call(zipModule, source, { ...data, date }, callback);
}
