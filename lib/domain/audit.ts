// How an audit event reads: one sentence in plain words ("Approved the update of P12 for the 11th
// progress report") and its field changes with labels and readable values ("Implementation status:
// Ongoing → Stalled"), for the audit page and its CSV alike. Pure: the data layer looks up the names
// (proposals, periods, people) once per page and passes them in. An action without wording of its own
// still reads acceptably, from its name, so new actions need no change here to be shown.
import { formatDate, formatDateTime } from "./format";
import { WORKFLOW_LABELS } from "./workflow";
import { ASSESSMENT_LABELS, PERIOD_STATE_LABELS, ROLE_LABELS, SET_LABELS, STATUS_LABELS, proposalCode } from "./vocabulary";

export type AuditEventFacts = {
  action: string;
  actorId: string | null;
  entityType: string;
  entityId: string;
  proposalId: string | null;
  periodId: string | null;
  before: unknown;
  after: unknown;
};

/** Names the data layer looked up for a page of events. `organisation` reads e.g. "NATO" or "EU · EEAS". */
export type AuditLookups = {
  proposals: ReadonlyMap<string, { number: number; title: string }>;
  periods: ReadonlyMap<string, { name: string }>;
  users: ReadonlyMap<string, { name: string; organisation: string }>;
};

export type AuditChange = { field: string; label: string; before: string; after: string };
export type AuditDescription = { summary: string; changes: AuditChange[] };

/** Longest quoted text in a summary; the full text is in the changes. */
export const SUMMARY_QUOTE_LENGTH = 80;

type Json = Record<string, unknown>;

function asRecord(value: unknown): Json {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
}

const str = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** One line, at most `max` characters, cut at a word boundary with an ellipsis. */
export function shorten(text: string, max = SUMMARY_QUOTE_LENGTH): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  // Cut at the last space, unless the cut already ends a word or there is no space in the second half.
  const space = line[max - 1] === " " ? -1 : cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const quote = (text: string) => `“${shorten(text)}”`;

/** "nextSteps", "sign_off_refused" -> "next steps", "sign off refused". */
export function humanise(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.-]+/g, " ")
    .trim()
    .toLowerCase();
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

// ---------------------------------------------------------------------------------------------------
// Field values

const FIELD_LABELS: Record<string, string> = {
  status: "Implementation status",
  assessment: "Assessment",
  progress: "Progress",
  narrative: "Narrative",
  nextSteps: "Next steps",
  evidenceLinks: "Evidence",
  rationale: "Rationale",
  workflowState: "Review state",
  returnNote: "Return note",
  note: "Note",
  highlight: "Highlight of the report",
  state: "State",
  number: "Number",
  name: "Name",
  startsOn: "Starts",
  cutOffOn: "Cut-off",
  dueOn: "Due",
  reason: "Reason",
  until: "Until",
  edition: "Edition",
  changeNote: "Change note",
  contentHash: "Content fingerprint (SHA-256)",
  proposals: "Proposals in the edition",
  signedOffBy: "Signed off for",
  organisation: "Organisation",
  organisationId: "Organisation",
  email: "E-mail",
  role: "Role",
  body: "EU body",
  active: "Active",
  via: "How",
  timeZone: "Time zone",
  recipients: "People reminded",
  sent: "E-mails sent",
  title: "Title",
  description: "Description",
  areaId: "Area",
  set: "Set",
  edaInvolved: "EDA involved",
  retiredAt: "Retired",
  userId: "Person",
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? capitalise(humanise(field));
}

const EU_BODY_LABELS: Record<string, string> = { EEAS: "EEAS", COMMISSION: "Commission", EDA: "EDA" };

/** "NATO", or "EU · EEAS" for a person of an EU body. */
export function organisationLabel(code: string, body: string | null): string {
  return body ? `${code} · ${EU_BODY_LABELS[body] ?? body}` : code;
}

const ENUM_LABELS: Record<string, Record<string, string>> = {
  status: STATUS_LABELS,
  assessment: ASSESSMENT_LABELS,
  workflowState: WORKFLOW_LABELS,
  state: PERIOD_STATE_LABELS,
  role: ROLE_LABELS,
  set: SET_LABELS,
  body: EU_BODY_LABELS,
};

// Keys whose values are ids the data layer resolves to names (see referencedIds).
const isUserKey = (key: string) => /(^u|U)serIds?$/.test(key);
const isProposalKey = (key: string) => /(^p|P)roposalIds?$/.test(key);
const isPeriodKey = (key: string) => /(^p|P)eriodIds?$/.test(key);

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function lookupName(key: string, id: string, lookups: AuditLookups): string {
  if (isUserKey(key)) return lookups.users.get(id)?.name ?? id;
  if (isProposalKey(key)) {
    const proposal = lookups.proposals.get(id);
    return proposal ? proposalCode(proposal.number) : id;
  }
  if (isPeriodKey(key)) return lookups.periods.get(id)?.name ?? id;
  return id;
}

function linkText(link: unknown): string {
  const { label, url } = asRecord(link);
  if (typeof url !== "string") return JSON.stringify(link);
  return typeof label === "string" && label ? `${label}: ${url}` : url;
}

/**
 * A stored value as people read it: labels for enum values, names for ids, calendar days as they are and
 * instants in `timeZone` (the reader's on the page; UTC, the default, in the CSV). "" for none.
 */
export function formatAuditValue(key: string, value: unknown, lookups: AuditLookups, timeZone = "UTC"): string {
  if (value === undefined || value === null || value === "") return "";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return key === "progress" ? `${value}%` : String(value);
  if (Array.isArray(value)) {
    if (key === "evidenceLinks") return value.map(linkText).join("\n");
    return value.map((v) => (typeof v === "string" ? lookupName(key, v, lookups) : JSON.stringify(v))).join(", ");
  }
  if (typeof value !== "string") return JSON.stringify(value);
  const label = ENUM_LABELS[key]?.[value];
  if (label) return label;
  if (isUserKey(key) || isProposalKey(key) || isPeriodKey(key)) return lookupName(key, value, lookups);
  if (DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return formatDate(new Date(`${value}T00:00:00Z`));
  if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(new Date(value), timeZone);
  return value;
}

export type AuditFieldChange = { field: string; before: string; after: string };

function showRaw(value: unknown): string {
  if (value === undefined || value === null || value === "") return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The fields whose values differ between `before` and `after` (all of `after` for a creation), in key order, raw. */
export function auditChanges(before: unknown, after: unknown): AuditFieldChange[] {
  const a = asRecord(before);
  const b = asRecord(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .map((field) => ({ field, before: showRaw(a[field]), after: showRaw(b[field]) }));
}

// Bookkeeping, never shown: the row version, and what a refusal's summary already says.
const NEVER_SHOWN = new Set(["version", "attempted"]);

// Fields a summary states in full, so repeating them below it adds nothing. Texts a summary shortens
// (notes, reasons) are never listed here: the changes carry them whole.
const IN_SUMMARY: Record<string, readonly string[]> = {
  "status_update.return": ["note"],
  "period.reopen_proposal": ["expiresAt", "until"],
  "period.reminders_sent": ["recipients", "sent"],
  "report.publish": ["edition", "signedOffBy"],
  "report.sign_off": ["edition", "organisation"],
  "report.sign_off_repeated": ["edition", "organisation"],
  "report.sign_off_refused": ["edition"],
  "auth.sign_in_failed": ["failures", "email"],
  "auth.sign_in_throttled": ["failures", "blockedUntil"],
};

function describeChanges(event: AuditEventFacts, lookups: AuditLookups, timeZone: string): AuditChange[] {
  const hidden = new Set([...NEVER_SHOWN, ...(IN_SUMMARY[event.action] ?? [])]);
  const before = asRecord(event.before);
  const after = asRecord(event.after);
  return auditChanges(before, after)
    .filter((c) => !hidden.has(c.field))
    .map((c) => ({
      field: c.field,
      label: fieldLabel(c.field),
      before: formatAuditValue(c.field, before[c.field], lookups, timeZone),
      after: formatAuditValue(c.field, after[c.field], lookups, timeZone),
    }))
    .filter((c) => c.before !== c.after);
}

// ---------------------------------------------------------------------------------------------------
// Sentences

type Context = {
  event: AuditEventFacts;
  before: Json;
  after: Json;
  lookups: AuditLookups;
  /** "P12", or null when the event names no proposal. */
  proposal: string | null;
  /** "the 11th progress report", or null. */
  period: string | null;
  /** The reader's time zone, for instants in sentences. */
  timeZone: string;
};

const proposalOf = (c: Context) => c.proposal ?? "a proposal";
const periodOf = (c: Context) => c.period ?? "a reporting period";
const updateOf = (c: Context) => (c.proposal || c.period ? `the update of ${proposalOf(c)}${c.period ? ` for ${c.period}` : ""}` : "an update");

/** The person an event is about (an account, a focal point): from the values, else the entity. */
function personOf(c: Context, keys: readonly string[] = ["userId"]): string {
  for (const key of keys) {
    const id = str(c.after[key]) ?? str(c.before[key]);
    if (id) return c.lookups.users.get(id)?.name ?? id;
  }
  if (c.event.entityType === "User") return c.lookups.users.get(c.event.entityId)?.name ?? str(c.after.name) ?? str(c.before.name) ?? c.event.entityId;
  return str(c.after.name) ?? str(c.before.name) ?? "someone";
}

const isAboutSelf = (c: Context) => c.event.entityType === "User" && c.event.actorId !== null && c.event.entityId === c.event.actorId;
const accountOf = (c: Context) => (isAboutSelf(c) ? "their own account" : `the account of ${personOf(c)}`);

function labelOf(record: Json, key: string): string | undefined {
  const value = str(record[key]);
  return value && (ENUM_LABELS[key]?.[value] ?? value);
}

/** ": status changed from Ongoing to Stalled" (and the assessment), or "" when neither moved. */
function judgementChange(c: Context): string {
  const parts = (["status", "assessment"] as const).flatMap((key) => {
    const from = labelOf(c.before, key);
    const to = labelOf(c.after, key);
    return from && to && from !== to ? [`${key} changed from ${from} to ${to}`] : [];
  });
  return parts.length ? `: ${parts.join(", ")}` : "";
}

/** "Ongoing, On track, 40%" for a new update. */
function judgement(c: Context): string {
  const parts = [labelOf(c.after, "status"), labelOf(c.after, "assessment"), typeof c.after.progress === "number" ? `${c.after.progress}%` : undefined];
  const known = parts.filter(Boolean);
  return known.length ? `: ${known.join(", ")}` : "";
}

const editionOf = (c: Context) => (c.after.edition !== undefined ? `edition ${String(c.after.edition)}` : "an edition");
const sideOf = (c: Context, key: string) => (str(c.after[key]) ? ` for ${str(c.after[key])}` : "");
const withText = (label: string, value: unknown) => (str(value) ? `${label}${quote(str(value)!)}` : "");

// What someone was refused (permission.denied's `attempted`), as "to …" would continue it.
const ATTEMPTS: Record<string, (c: Context) => string> = {
  view_audit: () => "open the audit trail",
  export_audit: () => "download the audit trail",
  view_admin: () => "open the admin section",
  create_period: () => "create a reporting period",
  update_period: (c) => `change ${periodOf(c)}`,
  period_open: (c) => `open ${periodOf(c)}`,
  period_lock: (c) => `lock ${periodOf(c)}`,
  period_unlock: (c) => `unlock ${periodOf(c)}`,
  period_close: (c) => `close ${periodOf(c)}`,
  reopen_proposal: (c) => `reopen ${proposalOf(c)}${c.period ? ` in ${c.period}` : ""}`,
  edit_status_update: (c) => `edit ${updateOf(c)}`,
  save: (c) => `save ${updateOf(c)}`,
  submit: (c) => `submit ${updateOf(c)}`,
  approve: (c) => `approve ${updateOf(c)}`,
  return: (c) => `return ${updateOf(c)}`,
  highlight: (c) => `mark ${updateOf(c)} as a highlight`,
  unhighlight: (c) => `remove ${updateOf(c)} from the highlights`,
  publish: (c) => `publish ${c.period ? `a report of ${c.period}` : "a report"}`,
  sign_off: (c) => `sign off ${c.period ? `a report of ${c.period}` : "a report"}`,
};

function refusal(c: Context): string {
  const attempted = str(c.after.attempted) ?? str(c.event.entityId) ?? "";
  const known = ATTEMPTS[attempted];
  if (known) return `Was refused permission to ${known(c)}`;
  const about = [c.proposal, c.period?.replace(/^the /, "")].filter(Boolean);
  return `Was refused permission to ${humanise(attempted) || "do something"}${about.length ? ` (${about.join(", ")})` : ""}`;
}

function proposalRef(c: Context): string {
  if (c.proposal) return c.proposal;
  if (c.event.entityType === "Proposal") {
    const found = c.lookups.proposals.get(c.event.entityId);
    if (found) return proposalCode(found.number);
  }
  const number = c.after.number ?? c.before.number;
  return typeof number === "number" ? proposalCode(number) : "a proposal";
}

const areaOf = (c: Context) => {
  const name = str(c.after.areaName) ?? str(c.after.name) ?? str(c.before.name) ?? str(c.after.area);
  return name ? `the area “${name}”` : "an area";
};

// Failed sign-ins are recorded once per account and per address in each 15-minute window (the first
// failure; later ones are counted, not recorded), plus the attempt that reached the limit. Events
// written before that (one per attempt, no `failures`) read as they always did.
const FAILURES_COUNTED = " (the first failure in 15 minutes; further ones are counted, not recorded one by one)";

function signInFailure(c: Context): string {
  const counted = typeof c.after.failures === "number" ? FAILURES_COUNTED : "";
  if (c.event.entityType === "ClientAddress") {
    return `Failed to sign in from ${c.event.entityId}${str(c.after.email) ? ` as ${quote(str(c.after.email)!)}` : ""}${counted}`;
  }
  return c.event.actorId
    ? `Failed to sign in: the password did not match${counted}`
    : `Failed to sign in as ${quote(c.event.entityId)}: no active account has this e-mail address`;
}

function signInThrottled(c: Context): string {
  const failures = typeof c.after.failures === "number" ? `${c.after.failures} failed attempts` : "too many failed attempts";
  const blockedUntil = str(c.after.blockedUntil);
  const until = blockedUntil && !Number.isNaN(Date.parse(blockedUntil)) ? ` until ${formatDateTime(new Date(blockedUntil), c.timeZone)}` : "";
  const whose = c.event.entityType === "ClientAddress" ? `from ${c.event.entityId}` : "on this account";
  return `Sign-in blocked${until} after ${failures} ${whose} in 15 minutes`;
}

const SUMMARIES: Record<string, (c: Context) => string> = {
  "status_update.create": (c) => `Created ${updateOf(c)} as a draft${judgement(c)}`,
  "status_update.create_submit": (c) => `Created ${updateOf(c)} and submitted it for review${judgement(c)}`,
  "status_update.update": (c) => `Edited ${updateOf(c)}${judgementChange(c)}`,
  "status_update.submit": (c) => `Submitted for review ${updateOf(c)}${judgementChange(c)}`,
  "status_update.approve": (c) => `Approved ${updateOf(c)}`,
  "status_update.return": (c) => `Returned ${updateOf(c)} to its author${withText(" with the note ", c.after.returnNote ?? c.after.note)}`,
  "status_update.highlight": (c) => `Marked ${updateOf(c)} as a highlight of the report`,
  "status_update.unhighlight": (c) => `Removed ${updateOf(c)} from the report's highlights`,

  "period.create": (c) => {
    const name = (c.event.periodId && c.lookups.periods.get(c.event.periodId)?.name) ?? str(c.after.name);
    return `Created ${name ? `the ${name}` : periodOf(c)}`;
  },
  "period.update": (c) => `Changed the details of ${periodOf(c)}`,
  "period.open": (c) => `Opened ${periodOf(c)} for updates`,
  "period.lock": (c) => `Locked ${periodOf(c)}: no more edits without a reopening`,
  "period.unlock": (c) => `Unlocked ${periodOf(c)}: open for updates again`,
  "period.close": (c) => `Closed ${periodOf(c)}`,
  "period.reopen_proposal": (c) =>
    `Reopened ${proposalOf(c)} for edits in ${periodOf(c)}${str(c.after.until) ? ` until ${str(c.after.until)}` : ""}${withText(", because ", c.after.reason)}`,
  "period.reminders_sent": (c) => {
    const people = typeof c.after.recipients === "number" ? c.after.recipients : null;
    const sent = typeof c.after.sent === "number" ? ` (${c.after.sent} e-mail${c.after.sent === 1 ? "" : "s"} sent)` : "";
    return `Sent reminders about ${periodOf(c)}${people === null ? "" : ` to ${people} ${people === 1 ? "person" : "people"}`}${sent}`;
  },

  "permission.denied": refusal,
  "auth.sign_in": () => "Signed in",
  "auth.sign_out": () => "Signed out",
  "auth.sign_in_failed": signInFailure,
  "auth.sign_in_throttled": signInThrottled,

  "report.publish": (c) => `Published ${editionOf(c)} of ${periodOf(c)}${str(c.after.signedOffBy) ? `, signed off for ${str(c.after.signedOffBy)}` : ""}`,
  "report.sign_off": (c) => `Signed off ${editionOf(c)} of ${periodOf(c)}${sideOf(c, "organisation")}`,
  "report.sign_off_repeated": (c) => `Signed off ${editionOf(c)} of ${periodOf(c)}${sideOf(c, "organisation")} again: it already was, nothing changed`,
  "report.sign_off_refused": (c) => `Could not sign off ${editionOf(c)} of ${periodOf(c)}${withText(": ", c.after.reason)}`,

  "user.create": (c) => `Created the account of ${personOf(c)}${str(c.after.via) ? ` (${str(c.after.via)})` : ""}`,
  "user.update": (c) => `Changed ${accountOf(c)}${str(c.after.via) ? ` (${str(c.after.via)})` : ""}`,
  "user.invite": (c) => `Invited ${personOf(c)} to the tracker`,
  "user.deactivate": (c) => `Deactivated the account of ${personOf(c)}`,
  "user.reactivate": (c) => `Reactivated the account of ${personOf(c)}`,
  "user.password_set": (c) => (isAboutSelf(c) ? "Chose a password through an invitation link" : `Set the password of ${personOf(c)}`),
  "user.password_reset": (c) => (isAboutSelf(c) ? "Chose a new password through a reset link" : `Reset the password of ${personOf(c)}`),
  "user.password_link": (c) => `Issued a one-time password link for ${personOf(c)}`,
  "user.password_change": (c) => (isAboutSelf(c) ? "Changed their own password" : `Changed the password of ${personOf(c)}`),
  "user.time_zone": (c) =>
    `${isAboutSelf(c) ? "Chose to see times in" : `Set the time zone of ${personOf(c)} to`} ${str(c.after.timeZone) ?? "the default (Europe/Brussels)"}`,

  "focal_point.assign": (c) => `Made ${personOf(c)} a focal point of ${proposalRef(c)}`,
  "focal_point.remove": (c) => `Removed ${personOf(c)} as a focal point of ${proposalRef(c)}`,
  "focal_point.assign_area": (c) => `Made ${personOf(c)} a focal point of every proposal in ${areaOf(c)}`,
  "focal_point.handover": (c) => `Handed the proposals of ${personOf(c, ["fromUserId", "from"])} over to ${personOf(c, ["toUserId", "to"])}`,

  "proposal.create": (c) => `Added ${proposalRef(c)} to the catalogue`,
  "proposal.update": (c) => `Changed ${proposalRef(c)} in the catalogue`,
  "proposal.retire": (c) => `Retired ${proposalRef(c)}: kept with its history, out of later periods`,
  "proposal.unretire": (c) => `Brought ${proposalRef(c)} back into the catalogue`,
  "area.create": (c) => `Added ${areaOf(c)}`,
  "area.update": (c) => `Changed ${areaOf(c)}`,
};

// How an unknown action of a known kind reads ("import.people" -> "Import: people").
const SUBJECTS: Record<string, string> = {
  status_update: "Update",
  period: "Reporting period",
  report: "Report",
  user: "Account",
  focal_point: "Focal points",
  proposal: "Proposal",
  area: "Area",
  import: "Import",
  notification: "Notification",
  auth: "Sign-in",
  permission: "Permission",
};

function fallback(c: Context): string {
  const [prefix = "", ...rest] = c.event.action.split(".");
  const subject = SUBJECTS[prefix] ?? capitalise(humanise(prefix) || "event");
  const verb = humanise(rest.join(" "));
  const about = [c.proposal, c.period?.replace(/^the /, ""), c.event.entityType === "User" ? personOf(c) : null].filter(Boolean);
  return `${subject}${verb ? `: ${verb}` : ""}${about.length ? ` (${about.join(", ")})` : ""}`;
}

function context(event: AuditEventFacts, lookups: AuditLookups, timeZone: string): Context {
  const proposal = event.proposalId ? lookups.proposals.get(event.proposalId) : undefined;
  const period = event.periodId ? lookups.periods.get(event.periodId) : undefined;
  return {
    event,
    before: asRecord(event.before),
    after: asRecord(event.after),
    lookups,
    proposal: event.proposalId ? (proposal ? proposalCode(proposal.number) : event.proposalId) : null,
    period: event.periodId ? (period ? `the ${period.name}` : `period ${event.periodId}`) : null,
    timeZone,
  };
}

/** The event as a sentence and its changed fields, with names looked up in `lookups` and instants in `timeZone`. */
export function describeAuditEvent(event: AuditEventFacts, lookups: AuditLookups, timeZone = "UTC"): AuditDescription {
  const c = context(event, lookups, timeZone);
  const summary = (SUMMARIES[event.action] ?? fallback)(c);
  return { summary, changes: describeChanges(event, lookups, timeZone) };
}

/** Whose event it is: the person and their organisation, or what acted when no one was signed in. */
export function describeActor(event: Pick<AuditEventFacts, "actorId" | "action" | "after">, lookups: AuditLookups): { name: string; organisation: string } {
  if (event.actorId) return lookups.users.get(event.actorId) ?? { name: event.actorId, organisation: "" };
  if (str(asRecord(event.after).via)) return { name: "Command line", organisation: "" };
  return { name: event.action.startsWith("auth.") ? "Unknown visitor" : "System", organisation: "" };
}

/** Ids an event mentions, for the data layer to look up in one go (actor, target account, values). */
export function referencedIds(event: AuditEventFacts): { proposals: string[]; periods: string[]; users: string[] } {
  const ids = { proposals: [] as string[], periods: [] as string[], users: [] as string[] };
  if (event.proposalId) ids.proposals.push(event.proposalId);
  if (event.periodId) ids.periods.push(event.periodId);
  if (event.actorId) ids.users.push(event.actorId);
  if (event.entityType === "User") ids.users.push(event.entityId);
  if (event.entityType === "Proposal") ids.proposals.push(event.entityId);
  for (const record of [asRecord(event.before), asRecord(event.after)]) {
    for (const [key, value] of Object.entries(record)) {
      const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string" && v.length > 0 && v.length <= 100);
      if (isUserKey(key) || key === "from" || key === "to") ids.users.push(...values);
      else if (isProposalKey(key)) ids.proposals.push(...values);
      else if (isPeriodKey(key)) ids.periods.push(...values);
    }
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------------
// Kinds of event, for the filter

export const AUDIT_GROUPS = {
  updates: { label: "Updates", exact: ["status_update.create", "status_update.create_submit", "status_update.update", "status_update.submit"], prefixes: [] },
  reviews: { label: "Reviews", exact: ["status_update.approve", "status_update.return"], prefixes: [] },
  cycle: { label: "Reporting cycle", exact: [], prefixes: ["period."] },
  reports: { label: "Reports", exact: ["status_update.highlight", "status_update.unhighlight"], prefixes: ["report."] },
  people: { label: "People", exact: [], prefixes: ["user."] },
  focal: { label: "Focal points", exact: [], prefixes: ["focal_point."] },
  catalogue: { label: "Catalogue", exact: [], prefixes: ["proposal.", "area."] },
  imports: { label: "Imports", exact: [], prefixes: ["import."] },
  notifications: { label: "Notifications", exact: [], prefixes: ["notification."] },
  signins: { label: "Sign-ins", exact: [], prefixes: ["auth."] },
  refusals: { label: "Refusals", exact: ["report.sign_off_refused"], prefixes: ["permission."] },
} as const satisfies Record<string, { label: string; exact: readonly string[]; prefixes: readonly string[] }>;

export type AuditGroup = keyof typeof AUDIT_GROUPS;
export const AUDIT_GROUP_KEYS = Object.keys(AUDIT_GROUPS) as AuditGroup[];

/** Sign-ins and failed sign-ins: hidden from the trail unless asked for. */
export const SIGN_IN_GROUP: AuditGroup = "signins";

export function isInGroup(action: string, group: AuditGroup): boolean {
  const { exact, prefixes } = AUDIT_GROUPS[group];
  return (exact as readonly string[]).includes(action) || prefixes.some((p) => action.startsWith(p));
}

/** A name for an action in a list ("period.lock" -> "Reporting period: lock"). */
export function actionLabel(action: string): string {
  const [prefix = "", ...rest] = action.split(".");
  const subject = SUBJECTS[prefix] ?? capitalise(humanise(prefix));
  const verb = humanise(rest.join(" "));
  return verb ? `${subject}: ${verb}` : subject;
}

// ---------------------------------------------------------------------------------------------------
// CSV

export const AUDIT_CSV_HEADER = ["When (UTC)", "Who", "Organisation", "What", "Proposal", "Period", "Field", "Before", "After"] as const;

export type DescribedAuditEvent = AuditDescription & {
  at: Date;
  who: { name: string; organisation: string };
  proposal: { code: string } | null;
  period: { name: string } | null;
};

/** An event as the page and the CSV show it: names looked up, the sentence and the changes in plain words. */
export type AuditRow = DescribedAuditEvent & {
  id: string;
  action: string;
  actorId: string | null;
  proposal: { id: string; code: string; title: string } | null;
  period: { id: string; name: string } | null;
};

/** "2026-06-03 14:05:09", UTC: a form spreadsheets read as a date and time. */
export function csvTimestamp(at: Date): string {
  return at.toISOString().slice(0, 19).replace("T", " ");
}

/** One row per changed field, or one row for an event without field changes. Not yet CSV-escaped. */
export function auditCsvRows(event: DescribedAuditEvent): string[][] {
  const common = [csvTimestamp(event.at), event.who.name, event.who.organisation, event.summary, event.proposal?.code ?? "", event.period?.name ?? ""];
  if (event.changes.length === 0) return [[...common, "", "", ""]];
  return event.changes.map((c) => [...common, c.label, c.before, c.after]);
}
