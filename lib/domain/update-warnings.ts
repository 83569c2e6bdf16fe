// Contradictions within one status update that are worth a second look but never block a save: the
// form shows them live, the server computes them again from the saved values and keeps them with the
// update (and its revision) for the reviewer. The same function runs in the browser and on the server.
//
// The rules (one warning per contradiction, worded as the reviewer reads it after "Flagged when saved: "):
// - Stalled (blocked or paused) but assessed On track.
// - Completed below 100 % progress.
// - Completed but assessed anything other than On track (At risk, Off track or Not assessed).
// - Not started with progress above 0 %.
// - 100 % progress while not Completed (Not started at 100 % is already flagged by the rule above).
// "Ongoing" is a healthy steady state: it is flagged only at 100 %, like any status short of Completed.
import { ASSESSMENTS, ASSESSMENT_LABELS, IMPLEMENTATION_STATUSES, STATUS_LABELS, type Assessment, type ImplementationStatus } from "./vocabulary";

export const UPDATE_WARNING_CODES = [
  "STALLED_ON_TRACK",
  "COMPLETED_BELOW_FULL_PROGRESS",
  "COMPLETED_NOT_ON_TRACK",
  "NOT_STARTED_WITH_PROGRESS",
  "FULL_PROGRESS_NOT_COMPLETED",
] as const;
export type UpdateWarningCode = (typeof UPDATE_WARNING_CODES)[number];

/** The fields of the form a warning is about (to place and describe it next to them). */
export type WarnedField = "status" | "assessment" | "progress";

export type UpdateWarning = { code: UpdateWarningCode; fields: WarnedField[]; message: string };

/** What the rules read. A value left out (not chosen yet, or not a valid number) turns off the rules that need it. */
export type JudgedValues = { status?: ImplementationStatus; assessment?: Assessment; progress?: number };

const FULL = 100;

/** The warnings of one update, in the order of the rules above; [] when nothing contradicts. */
export function updateWarnings({ status, assessment, progress }: JudgedValues): UpdateWarning[] {
  const warnings: UpdateWarning[] = [];
  const hasProgress = typeof progress === "number" && Number.isInteger(progress) && progress >= 0 && progress <= FULL;
  if (status === "STALLED" && assessment === "ON_TRACK") {
    warnings.push({
      code: "STALLED_ON_TRACK",
      fields: ["status", "assessment"],
      message: `${STATUS_LABELS.STALLED} but assessed ${ASSESSMENT_LABELS.ON_TRACK}`,
    });
  }
  if (status === "COMPLETED" && hasProgress && progress < FULL) {
    warnings.push({ code: "COMPLETED_BELOW_FULL_PROGRESS", fields: ["status", "progress"], message: `${STATUS_LABELS.COMPLETED} at ${progress} % progress` });
  }
  if (status === "COMPLETED" && assessment && assessment !== "ON_TRACK") {
    warnings.push({
      code: "COMPLETED_NOT_ON_TRACK",
      fields: ["status", "assessment"],
      message:
        assessment === "NOT_ASSESSED"
          ? `${STATUS_LABELS.COMPLETED} but not assessed`
          : `${STATUS_LABELS.COMPLETED} but assessed ${ASSESSMENT_LABELS[assessment]}`,
    });
  }
  if (status === "NOT_STARTED" && hasProgress && progress > 0) {
    warnings.push({ code: "NOT_STARTED_WITH_PROGRESS", fields: ["status", "progress"], message: `${STATUS_LABELS.NOT_STARTED} at ${progress} % progress` });
  }
  if (status && status !== "COMPLETED" && status !== "NOT_STARTED" && hasProgress && progress === FULL) {
    warnings.push({
      code: "FULL_PROGRESS_NOT_COMPLETED",
      fields: ["status", "progress"],
      message: `${FULL} % progress but ${STATUS_LABELS[status]}, not ${STATUS_LABELS.COMPLETED}`,
    });
  }
  return warnings;
}

/** The sentences stored with an update (plain text, so they read the same whatever the rules become). */
export function warningMessages(values: JudgedValues): string[] {
  return updateWarnings(values).map((warning) => warning.message);
}

/** The form's raw text as the rules read it (for the live warnings): anything not (yet) valid is left out. */
export function judgedFromForm(raw: { status: string; assessment: string; progress: string }): JudgedValues {
  const status = IMPLEMENTATION_STATUSES.find((s) => s === raw.status);
  const assessment = ASSESSMENTS.find((a) => a === raw.assessment);
  const progress = /^\s*\d{1,3}\s*$/.test(raw.progress) ? Number(raw.progress) : undefined;
  return { status, assessment, progress };
}
