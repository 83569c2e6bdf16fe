import { describe, expect, test } from "vitest";
import {
  AUDIT_CSV_HEADER,
  AUDIT_GROUP_KEYS,
  actionLabel,
  auditChanges,
  auditCsvRows,
  describeActor,
  describeAuditEvent,
  formatAuditValue,
  isInGroup,
  referencedIds,
  shorten,
  type AuditEventFacts,
  type AuditLookups,
} from "./audit";

const lookups: AuditLookups = {
  proposals: new Map([["p12", { number: 12, title: "Shared hybrid picture" }]]),
  periods: new Map([
    ["report-10", { name: "10th progress report" }],
    ["report-11", { name: "11th progress report" }],
  ]),
  users: new Map([
    ["u-alice", { name: "Alice Martin", organisation: "NATO" }],
    ["u-bruno", { name: "Bruno Keller", organisation: "EU · EEAS" }],
    ["u-chloe", { name: "Chloé Dubois", organisation: "EU · Commission" }],
  ]),
};

function event(action: string, facts: Partial<AuditEventFacts> = {}): AuditEventFacts {
  return { action, actorId: "u-alice", entityType: "StatusUpdate", entityId: "su-1", proposalId: null, periodId: null, before: null, after: null, ...facts };
}

const onUpdate = { entityType: "StatusUpdate", proposalId: "p12", periodId: "report-11" };
const onPeriod = (periodId = "report-11") => ({ entityType: "ReportingPeriod", entityId: periodId, periodId });
const onEdition = { entityType: "ReportEdition", entityId: "ed-2", periodId: "report-10" };
const onUser = (entityId: string, actorId: string | null = "u-alice") => ({ entityType: "User", entityId, actorId });
const content = { status: "ONGOING", assessment: "ON_TRACK", progress: 40, narrative: "Staff talks held.", nextSteps: "", evidenceLinks: [], rationale: "" };
const LONG_NOTE = `Please add the dates of the staff talks and the name of the exercise ${"and more detail ".repeat(10)}at the end.`;

// Every action written today, and those being added alongside this page, with the sentence people read.
describe("describeAuditEvent: the summary in plain words", () => {
  test.each<[string, Partial<AuditEventFacts>, string]>([
    [
      "status_update.create",
      { ...onUpdate, after: { ...content, workflowState: "DRAFT", version: 1 } },
      "Created the update of P12 for the 11th progress report as a draft: Ongoing, On track, 40%",
    ],
    [
      "status_update.create_submit",
      { ...onUpdate, after: { ...content, workflowState: "SUBMITTED", version: 1 } },
      "Created the update of P12 for the 11th progress report and submitted it for review: Ongoing, On track, 40%",
    ],
    [
      "status_update.update",
      { ...onUpdate, before: { ...content, version: 1 }, after: { ...content, status: "STALLED", version: 2 } },
      "Edited the update of P12 for the 11th progress report: status changed from Ongoing to Stalled",
    ],
    [
      "status_update.update",
      { ...onUpdate, before: { ...content, version: 1 }, after: { ...content, narrative: "Other words.", version: 2 } },
      "Edited the update of P12 for the 11th progress report",
    ],
    [
      "status_update.submit",
      { ...onUpdate, before: content, after: { ...content, status: "STALLED", assessment: "AT_RISK" } },
      "Submitted for review the update of P12 for the 11th progress report: status changed from Ongoing to Stalled, assessment changed from On track to At risk",
    ],
    [
      "status_update.approve",
      { ...onUpdate, before: { workflowState: "SUBMITTED", returnNote: null, version: 3 }, after: { workflowState: "APPROVED", returnNote: null, version: 4 } },
      "Approved the update of P12 for the 11th progress report",
    ],
    [
      "status_update.return",
      {
        ...onUpdate,
        before: { workflowState: "SUBMITTED", returnNote: null },
        after: { workflowState: "RETURNED", returnNote: "Add dates.", note: "Add dates." },
      },
      "Returned the update of P12 for the 11th progress report to its author with the note “Add dates.”",
    ],
    [
      "status_update.highlight",
      { ...onUpdate, before: { highlight: false }, after: { highlight: true } },
      "Marked the update of P12 for the 11th progress report as a highlight of the report",
    ],
    [
      "status_update.unhighlight",
      { ...onUpdate, before: { highlight: true }, after: { highlight: false } },
      "Removed the update of P12 for the 11th progress report from the report's highlights",
    ],

    ["period.create", { ...onPeriod("report-12"), after: { number: 12, name: "12th progress report" } }, "Created the 12th progress report"],
    ["period.create", { ...onPeriod("report-11"), after: { number: 11, name: "11th progress report" } }, "Created the 11th progress report"],
    [
      "period.update",
      { ...onPeriod(), before: { cutOffOn: "2026-05-31" }, after: { cutOffOn: "2026-06-07" } },
      "Changed the details of the 11th progress report",
    ],
    ["period.open", { ...onPeriod(), before: { state: "UPCOMING" }, after: { state: "OPEN" } }, "Opened the 11th progress report for updates"],
    [
      "period.lock",
      { ...onPeriod(), before: { state: "OPEN" }, after: { state: "LOCKED" } },
      "Locked the 11th progress report: no more edits without a reopening",
    ],
    ["period.unlock", { ...onPeriod(), before: { state: "LOCKED" }, after: { state: "OPEN" } }, "Unlocked the 11th progress report: open for updates again"],
    ["period.close", { ...onPeriod(), before: { state: "LOCKED" }, after: { state: "CLOSED" } }, "Closed the 11th progress report"],
    [
      "period.reopen_proposal",
      {
        entityType: "PeriodReopening",
        proposalId: "p12",
        periodId: "report-11",
        after: { reason: "Late evidence.", expiresAt: "2026-06-10T23:59:59.999Z", until: "10 Jun 2026" },
      },
      "Reopened P12 for edits in the 11th progress report until 10 Jun 2026, because “Late evidence.”",
    ],
    [
      "period.reminders_sent",
      { ...onPeriod(), after: { recipients: 4, sent: 3 } },
      "Sent reminders about the 11th progress report to 4 people (3 e-mails sent)",
    ],
    [
      "period.reminders_sent",
      { ...onPeriod(), after: { recipients: 1, sent: 1 } },
      "Sent reminders about the 11th progress report to 1 person (1 e-mail sent)",
    ],

    ["permission.denied", { entityType: "Page", entityId: "view_audit", after: { attempted: "view_audit" } }, "Was refused permission to open the audit trail"],
    [
      "permission.denied",
      { entityType: "Export", entityId: "export_audit", after: { attempted: "export_audit" } },
      "Was refused permission to download the audit trail",
    ],
    ["permission.denied", { ...onUpdate, after: { attempted: "approve" } }, "Was refused permission to approve the update of P12 for the 11th progress report"],
    [
      "permission.denied",
      { ...onUpdate, after: { attempted: "edit_status_update" } },
      "Was refused permission to edit the update of P12 for the 11th progress report",
    ],
    ["permission.denied", { ...onPeriod(), after: { attempted: "period_lock" } }, "Was refused permission to lock the 11th progress report"],
    [
      "permission.denied",
      { entityType: "ReportingPeriod", entityId: "new", after: { attempted: "create_period" } },
      "Was refused permission to create a reporting period",
    ],
    ["permission.denied", { entityType: "ReportEdition", entityId: "publish", after: { attempted: "publish" } }, "Was refused permission to publish a report"],
    ["permission.denied", { ...onUpdate, after: { attempted: "merge_proposals" } }, "Was refused permission to merge proposals (P12, 11th progress report)"],

    ["auth.sign_in", { entityType: "User", entityId: "u-alice" }, "Signed in"],
    ["auth.sign_in_failed", { entityType: "User", entityId: "alice@nato.test" }, "Failed to sign in: the password did not match"],
    [
      "auth.sign_in_failed",
      { actorId: null, entityType: "User", entityId: "nobody@example.org" },
      "Failed to sign in as “nobody@example.org”: no active account has this e-mail address",
    ],
    [
      "auth.sign_in_failed",
      { entityType: "User", entityId: "alice@nato.test", after: { failures: 1, address: "192.0.2.7" } },
      "Failed to sign in: the password did not match (the first failure in 15 minutes; further ones are counted, not recorded one by one)",
    ],
    [
      "auth.sign_in_failed",
      { actorId: null, entityType: "ClientAddress", entityId: "192.0.2.7", after: { failures: 1, email: "nobody@example.org" } },
      "Failed to sign in from 192.0.2.7 as “nobody@example.org” (the first failure in 15 minutes; further ones are counted, not recorded one by one)",
    ],
    [
      "auth.sign_in_throttled",
      { entityType: "User", entityId: "alice@nato.test", after: { failures: 20, blockedUntil: "2026-12-02T13:20:00.000Z", address: "192.0.2.7" } },
      "Sign-in blocked until 2 Dec 2026, 13:20 UTC after 20 failed attempts on this account in 15 minutes",
    ],
    [
      "auth.sign_in_throttled",
      { actorId: null, entityType: "ClientAddress", entityId: "2001:db8:1:2::/64", after: { failures: 100, blockedUntil: "2026-12-02T13:20:00.000Z" } },
      "Sign-in blocked until 2 Dec 2026, 13:20 UTC after 100 failed attempts from 2001:db8:1:2::/64 in 15 minutes",
    ],
    ["auth.sign_out", { entityType: "User", entityId: "u-alice" }, "Signed out"],

    [
      "report.publish",
      { ...onEdition, after: { edition: 2, changeNote: "Corrected P12.", contentHash: "ab12", proposals: 74, signedOffBy: "NATO" } },
      "Published edition 2 of the 10th progress report, signed off for NATO",
    ],
    ["report.sign_off", { ...onEdition, after: { edition: 2, organisation: "NATO" } }, "Signed off edition 2 of the 10th progress report for NATO"],
    [
      "report.sign_off_repeated",
      { ...onEdition, after: { edition: 2, organisation: "EU" } },
      "Signed off edition 2 of the 10th progress report for EU again: it already was, nothing changed",
    ],
    [
      "report.sign_off_refused",
      { ...onEdition, after: { edition: 1, reason: "Edition 1 was superseded by edition 2." } },
      "Could not sign off edition 1 of the 10th progress report: “Edition 1 was superseded by edition 2.”",
    ],

    ["user.create", { ...onUser("u-bruno"), after: { name: "Bruno Keller", role: "STAFF" } }, "Created the account of Bruno Keller"],
    [
      "user.create",
      { ...onUser("u-new", null), after: { name: "Dana Admin", role: "ADMIN", via: "npm run admin:create" } },
      "Created the account of Dana Admin (npm run admin:create)",
    ],
    ["user.update", { ...onUser("u-bruno"), before: { role: "STAFF" }, after: { role: "MANAGER" } }, "Changed the account of Bruno Keller"],
    ["user.update", { ...onUser("u-alice"), before: { name: "Alice M." }, after: { name: "Alice Martin" } }, "Changed their own account"],
    ["user.invite", { ...onUser("u-chloe"), after: { email: "chloe@eu.test", role: "VIEWER" } }, "Invited Chloé Dubois to the tracker"],
    ["user.deactivate", { ...onUser("u-bruno"), before: { active: true }, after: { active: false } }, "Deactivated the account of Bruno Keller"],
    ["user.reactivate", { ...onUser("u-bruno"), before: { active: false }, after: { active: true } }, "Reactivated the account of Bruno Keller"],
    ["user.password_set", { ...onUser("u-bruno", "u-bruno"), after: { via: "one-time link" } }, "Chose a password through an invitation link"],
    ["user.password_reset", { ...onUser("u-bruno", "u-bruno"), after: { via: "one-time link" } }, "Chose a new password through a reset link"],
    ["user.password_link", { ...onUser("u-bruno"), after: { purpose: "RESET" } }, "Issued a one-time password link for Bruno Keller"],
    ["user.password_change", { ...onUser("u-bruno", "u-bruno") }, "Changed their own password"],
    ["user.password_change", { ...onUser("u-bruno") }, "Changed the password of Bruno Keller"],
    [
      "user.time_zone",
      { ...onUser("u-bruno", "u-bruno"), before: { timeZone: null }, after: { timeZone: "Europe/Lisbon" } },
      "Chose to see times in Europe/Lisbon",
    ],

    [
      "focal_point.assign",
      { entityType: "FocalPoint", entityId: "p12/u-bruno", proposalId: "p12", after: { userId: "u-bruno" } },
      "Made Bruno Keller a focal point of P12",
    ],
    [
      "focal_point.remove",
      { entityType: "FocalPoint", entityId: "p12/u-bruno", proposalId: "p12", before: { userId: "u-bruno" } },
      "Removed Bruno Keller as a focal point of P12",
    ],
    [
      "focal_point.assign_area",
      { entityType: "Area", entityId: "cyber", after: { userId: "u-chloe", areaName: "Cyber security and defence", proposals: 5 } },
      "Made Chloé Dubois a focal point of every proposal in the area “Cyber security and defence”",
    ],
    [
      "focal_point.handover",
      { entityType: "User", entityId: "u-bruno", after: { fromUserId: "u-bruno", toUserId: "u-chloe", proposals: 3 } },
      "Handed the proposals of Bruno Keller over to Chloé Dubois",
    ],

    [
      "proposal.update",
      { entityType: "Proposal", entityId: "p12", proposalId: "p12", before: { title: "Old" }, after: { title: "New" } },
      "Changed P12 in the catalogue",
    ],
    [
      "proposal.retire",
      { entityType: "Proposal", entityId: "p12", proposalId: "p12", after: { retiredAt: "2026-07-01T00:00:00.000Z" } },
      "Retired P12: kept with its history, out of later periods",
    ],
    ["proposal.retire", { entityType: "Proposal", entityId: "p99", after: { number: 9 } }, "Retired P09: kept with its history, out of later periods"],
    [
      "area.update",
      { entityType: "Area", entityId: "cyber", before: { name: "Cyber" }, after: { name: "Cyber security and defence" } },
      "Changed the area “Cyber security and defence”",
    ],

    // Actions without wording of their own read from their name, with what they concern.
    ["import.catalogue", { entityType: "Import", entityId: "imp-1", after: { proposals: 74 } }, "Import: catalogue"],
    ["import.status_updates", { entityType: "Import", entityId: "imp-2", periodId: "report-10" }, "Import: status updates (10th progress report)"],
    ["notification.sent", { entityType: "Notification", entityId: "n-1", proposalId: "p12" }, "Notification: sent (P12)"],
    ["proposal.merge", { entityType: "Proposal", entityId: "p12", proposalId: "p12" }, "Proposal: merge (P12)"],
    ["user.lock_out", { ...onUser("u-bruno") }, "Account: lock out (Bruno Keller)"],
    ["status_update.withdraw", { ...onUpdate }, "Update: withdraw (P12, 11th progress report)"],
    ["settings.catalogueNotice", { entityType: "AppSetting", entityId: "notice" }, "Settings: catalogue notice"],
    ["cleanup", { entityType: "System", entityId: "x" }, "Cleanup"],
    ["status_update.approve", { proposalId: "p99", periodId: "report-99" }, "Approved the update of p99 for period report-99"],
  ])("%s %#", (action, facts, summary) => {
    expect(describeAuditEvent(event(action, facts), lookups).summary).toBe(summary);
  });
});

describe("describeAuditEvent: changes with labels and readable values", () => {
  test.each<[string, Partial<AuditEventFacts>, { label: string; before: string; after: string }[]]>([
    [
      "status_update.update",
      { ...onUpdate, before: { ...content, version: 1 }, after: { ...content, status: "STALLED", progress: 50, version: 2 } },
      [
        { label: "Implementation status", before: "Ongoing", after: "Stalled" },
        { label: "Progress", before: "40%", after: "50%" },
      ],
    ],
    [
      // A creation lists what was set, and leaves out the fields left empty.
      "status_update.create",
      { ...onUpdate, after: { ...content, evidenceLinks: [{ label: "Minutes", url: "https://example.org/m" }], workflowState: "DRAFT", version: 1 } },
      [
        { label: "Implementation status", before: "", after: "Ongoing" },
        { label: "Assessment", before: "", after: "On track" },
        { label: "Progress", before: "", after: "40%" },
        { label: "Narrative", before: "", after: "Staff talks held." },
        { label: "Evidence", before: "", after: "Minutes: https://example.org/m" },
        { label: "Review state", before: "", after: "Draft" },
      ],
    ],
    [
      // The full note is in the changes, once (not again as "Note").
      "status_update.return",
      {
        ...onUpdate,
        before: { workflowState: "SUBMITTED", returnNote: null, version: 2 },
        after: { workflowState: "RETURNED", returnNote: LONG_NOTE, note: LONG_NOTE, version: 3 },
      },
      [
        { label: "Review state", before: "Submitted", after: "Returned" },
        { label: "Return note", before: "", after: LONG_NOTE },
      ],
    ],
    [
      "period.lock",
      { ...onPeriod(), before: { state: "OPEN", version: 3 }, after: { state: "LOCKED", version: 4 } },
      [{ label: "State", before: "Open for updates", after: "Locked" }],
    ],
    [
      "period.update",
      { ...onPeriod(), before: { cutOffOn: "2026-05-31", version: 1 }, after: { cutOffOn: "2026-06-07", version: 2 } },
      [{ label: "Cut-off", before: "31 May 2026", after: "7 Jun 2026" }],
    ],
    [
      "status_update.highlight",
      { ...onUpdate, before: { highlight: false }, after: { highlight: true } },
      [{ label: "Highlight of the report", before: "No", after: "Yes" }],
    ],
    ["report.sign_off", { ...onEdition, after: { edition: 2, organisation: "NATO" } }, []],
    ["permission.denied", { entityType: "Page", entityId: "view_audit", after: { attempted: "view_audit" } }, []],
    ["auth.sign_in", { entityType: "User", entityId: "u-alice" }, []],
    [
      "auth.sign_in_failed",
      { entityType: "User", entityId: "alice@nato.test", after: { failures: 1, address: "192.0.2.7" } },
      [{ label: "Address", before: "", after: "192.0.2.7" }],
    ],
    ["auth.sign_in_throttled", { entityType: "ClientAddress", entityId: "192.0.2.7", after: { failures: 100, blockedUntil: "2026-12-02T13:20:00.000Z" } }, []],
    [
      "user.update",
      { ...onUser("u-bruno"), before: { role: "STAFF", active: true, body: null }, after: { role: "MANAGER", active: false, body: "COMMISSION" } },
      [
        { label: "Role", before: "Staff", after: "Manager" },
        { label: "Active", before: "Yes", after: "No" },
        { label: "EU body", before: "", after: "Commission" },
      ],
    ],
    [
      "focal_point.handover",
      { entityType: "User", entityId: "u-bruno", after: { toUserId: "u-chloe" } },
      [{ label: "To user id", before: "", after: "Chloé Dubois" }],
    ],
    [
      "import.people",
      { entityType: "Import", entityId: "i", after: { createdCount: 12, fileName: "=cmd|' /C calc'!A0" } },
      [
        { label: "Created count", before: "", after: "12" },
        { label: "File name", before: "", after: "=cmd|' /C calc'!A0" },
      ],
    ],
  ])("%s %#", (action, facts, changes) => {
    expect(describeAuditEvent(event(action, facts), lookups).changes.map(({ label, before, after }) => ({ label, before, after }))).toEqual(changes);
  });

  test("a long note is shortened in the summary with an ellipsis, and kept whole in the changes", () => {
    const { summary, changes } = describeAuditEvent(
      event("status_update.return", { ...onUpdate, before: { returnNote: null }, after: { returnNote: LONG_NOTE, note: LONG_NOTE } }),
      lookups,
    );
    expect(summary).toMatch(/^Returned the update of P12 for the 11th progress report to its author with the note “Please add the dates .*…”$/);
    expect(summary).not.toContain("at the end.");
    expect(changes.find((c) => c.field === "returnNote")?.after).toBe(LONG_NOTE);
  });
});

describe("small pieces", () => {
  test.each([
    ["short text", 80, "short text"],
    ["two\nlines  and   spaces", 80, "two lines and spaces"],
    ["the quick brown fox jumps over the lazy dog", 20, "the quick brown fox…"],
    ["abcdefghijklmnopqrstuvwxyz", 10, "abcdefghi…"],
  ])("shorten(%j, %i)", (text, max, expected) => {
    expect(shorten(text, max)).toBe(expected);
    expect(shorten(text, max).length).toBeLessThanOrEqual(max);
  });

  test.each([
    ["status", "IN_PROGRESS", "In progress"],
    ["assessment", "OFF_TRACK", "Off track"],
    ["workflowState", "RETURNED", "Returned"],
    ["state", "CLOSED", "Closed"],
    ["status", "SOMETHING_NEW", "SOMETHING_NEW"],
    ["progress", 0, "0%"],
    ["active", false, "No"],
    ["proposalId", "p12", "P12"],
    ["periodId", "report-10", "10th progress report"],
    ["userIds", ["u-alice", "u-gone"], "Alice Martin, u-gone"],
    ["dueOn", "2026-06-30", "30 Jun 2026"],
    ["narrative", null, ""],
    ["extra", { a: 1 }, '{"a":1}'],
  ])("formatAuditValue(%s, %j)", (key, value, expected) => {
    expect(formatAuditValue(key, value, lookups)).toBe(expected);
  });

  // Instants in the reader's zone on the page, UTC (the default) in the CSV; calendar days never shift.
  test.each([
    ["expiresAt", "2026-12-03T23:59:59.999Z", "Europe/Brussels", "4 Dec 2026, 00:59 CET"],
    ["expiresAt", "2026-12-03T23:59:59.999Z", undefined, "3 Dec 2026, 23:59 UTC"],
    ["until", "2026-12-03", "America/New_York", "3 Dec 2026"],
  ])("formatAuditValue(%s, %j) in %s", (key, value, zone, expected) => {
    expect(formatAuditValue(key, value, lookups, zone)).toBe(expected);
  });

  test("the changes of a time zone choice read with their label", () => {
    const { changes } = describeAuditEvent(
      event("user.time_zone", { ...onUser("u-bruno", "u-bruno"), before: { timeZone: "Europe/Brussels" }, after: { timeZone: "Europe/Lisbon" } }),
      lookups,
      "Europe/Brussels",
    );
    expect(changes.map(({ label, before, after }) => ({ label, before, after }))).toEqual([
      { label: "Time zone", before: "Europe/Brussels", after: "Europe/Lisbon" },
    ]);
  });

  test.each([
    [
      { actorId: "u-bruno", action: "auth.sign_in", after: null },
      { name: "Bruno Keller", organisation: "EU · EEAS" },
    ],
    [
      { actorId: null, action: "auth.sign_in_failed", after: null },
      { name: "Unknown visitor", organisation: "" },
    ],
    [
      { actorId: null, action: "user.create", after: { via: "npm run admin:create" } },
      { name: "Command line", organisation: "" },
    ],
    [
      { actorId: null, action: "period.lock", after: null },
      { name: "System", organisation: "" },
    ],
    [
      { actorId: "u-gone", action: "period.lock", after: null },
      { name: "u-gone", organisation: "" },
    ],
  ])("describeActor(%j)", (facts, expected) => {
    expect(describeActor(facts, lookups)).toEqual(expected);
  });

  test("referencedIds: the actor, the account an event is about, and ids among the values", () => {
    const ids = referencedIds(
      event("focal_point.handover", {
        actorId: "u-alice",
        entityType: "User",
        entityId: "u-bruno",
        proposalId: "p12",
        after: { toUserId: "u-chloe", proposalIds: ["p01", "p02"] },
      }),
    );
    expect(ids).toEqual({ proposals: ["p12", "p01", "p02"], periods: [], users: ["u-alice", "u-bruno", "u-chloe"] });
  });

  test.each([
    ["status_update.create", "updates"],
    ["status_update.submit", "updates"],
    ["status_update.approve", "reviews"],
    ["status_update.return", "reviews"],
    ["status_update.highlight", "reports"],
    ["period.reopen_proposal", "cycle"],
    ["period.reminders_sent", "cycle"],
    ["report.sign_off", "reports"],
    ["report.sign_off_refused", "refusals"],
    ["permission.denied", "refusals"],
    ["auth.sign_in", "signins"],
    ["auth.sign_in_failed", "signins"],
    ["auth.sign_in_throttled", "signins"],
    ["auth.sign_out", "signins"],
    ["user.password_link", "people"],
    ["focal_point.handover", "focal"],
    ["proposal.retire", "catalogue"],
    ["area.update", "catalogue"],
    ["import.catalogue", "imports"],
    ["notification.sent", "notifications"],
  ] as const)("%s is among the %s", (action, group) => {
    expect(isInGroup(action, group)).toBe(true);
    // Only refusals of a sign-off belong to two kinds (reports and refusals).
    const groups = AUDIT_GROUP_KEYS.filter((g) => isInGroup(action, g));
    expect(groups).toEqual(action === "report.sign_off_refused" ? ["reports", "refusals"] : [group]);
  });

  test.each([
    ["period.lock", "Reporting period: lock"],
    ["status_update.create_submit", "Update: create submit"],
    ["import.people", "Import: people"],
    ["weird", "Weird"],
  ])("actionLabel(%s)", (action, label) => {
    expect(actionLabel(action)).toBe(label);
  });

  test("CSV rows: one per changed field, or one for an event without changes", () => {
    const base = {
      at: new Date("2026-06-03T14:05:09.123Z"),
      who: { name: "Alice Martin", organisation: "NATO" },
      proposal: { code: "P12" },
      period: { name: "11th progress report" },
    };
    const changes = [
      { field: "status", label: "Implementation status", before: "Ongoing", after: "Stalled" },
      { field: "progress", label: "Progress", before: "40%", after: "50%" },
    ];
    expect(auditCsvRows({ ...base, summary: "Edited", changes })).toEqual([
      ["2026-06-03 14:05:09", "Alice Martin", "NATO", "Edited", "P12", "11th progress report", "Implementation status", "Ongoing", "Stalled"],
      ["2026-06-03 14:05:09", "Alice Martin", "NATO", "Edited", "P12", "11th progress report", "Progress", "40%", "50%"],
    ]);
    expect(auditCsvRows({ ...base, proposal: null, period: null, summary: "Signed in", changes: [] })).toEqual([
      ["2026-06-03 14:05:09", "Alice Martin", "NATO", "Signed in", "", "", "", "", ""],
    ]);
    expect(AUDIT_CSV_HEADER).toHaveLength(9);
  });
});

test.each([
  [
    null,
    { status: "ONGOING", progress: 40 },
    [
      { field: "status", before: "", after: "ONGOING" },
      { field: "progress", before: "", after: "40" },
    ],
  ],
  [
    { status: "ONGOING", progress: 40, narrative: "a" },
    { status: "STALLED", progress: 40, narrative: "a" },
    [{ field: "status", before: "ONGOING", after: "STALLED" }],
  ],
  [{ evidenceLinks: [] }, { evidenceLinks: [{ url: "https://x" }] }, [{ field: "evidenceLinks", before: "[]", after: '[{"url":"https://x"}]' }]],
  [{ state: "OPEN" }, { state: "OPEN" }, []],
  [null, null, []],
])("auditChanges(%j, %j): the raw field differences", (before, after, expected) => {
  expect(auditChanges(before, after)).toEqual(expected);
});
