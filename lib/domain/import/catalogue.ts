// Planning a catalogue import. Rows are keyed by proposal number: a known number updates that proposal
// in place (its id, updates, focal points and wording history stay linked), a new number adds one. Areas
// are found by name (case and spacing do not matter); an unknown name adds an area with the next number.
// Focal points are added, never removed. Proposals not in the file are left as they are.
import { PROPOSAL_FIELDS, changedFields, sameAreaName, setChangeBlocker, type ProposalWording } from "../catalogue";
import { focalPointRefusal } from "../focal-points";
import { SET_LABELS, proposalCode, type ProposalSet, type Role } from "../vocabulary";
import { created, diffFields, plural, type FieldChange, type ImportPlan, type PlanEntry, type UnchangedEntry } from "./plan";
import type { ParsedFile, RowError } from "./rows";

/** Demo accounts of the seed (prisma/seed-data/users.ts) have e-mail addresses ending in ".demo". */
export const DEMO_EMAIL_SUFFIX = ".demo";

export function isDemoEmail(email: string): boolean {
  return email.toLowerCase().endsWith(DEMO_EMAIL_SUFFIX);
}

/**
 * Whether a proposal still reads as the demo seed wrote it: its latest wording is the seed's first version
 * ("pv-<id>-1", made by no one). An edit, or an import, adds a version made by an admin.
 */
export function isDemoWording(proposalId: string, latest: { id: string; version: number; changedById: string | null } | null): boolean {
  return latest !== null && latest.version === 1 && latest.changedById === null && latest.id === `pv-${proposalId}-1`;
}

export type CatalogueSnapshot = {
  areas: { id: string; number: number; name: string }[];
  proposals: (ProposalWording & {
    id: string;
    number: number;
    retired: boolean;
    /** The latest wording is the demo seed's (isDemoWording). */
    demoWording: boolean;
    /** E-mail addresses (lower case) of its focal points, active or not. */
    focalPointEmails: string[];
    /** The earliest period in which it has an update (it cannot move to a set endorsed after that cut-off). */
    firstUpdatePeriod: { name: string; cutOffOn: Date } | null;
  })[];
  /** The accounts the file names as focal points (by lower-case e-mail). */
  people: { id: string; email: string; name: string; role: Role; active: boolean; organisationCode: string }[];
  /** Whether the demo-data notice is shown now. */
  notice: boolean;
  /** Active accounts with a demo e-mail address (isDemoEmail). */
  activeDemoAccounts: number;
};

export type CatalogueWording = Omit<ProposalWording, "areaId"> & { areaName: string };

export type CatalogueOperation = {
  row: number;
  number: number;
  /** The proposal the row updates, or null for a new one. */
  existing: { id: string; wording: ProposalWording; demoWording: boolean } | null;
  wording: CatalogueWording;
  /** The existing area's id, or null when the row's area is one of `newAreas`. */
  areaId: string | null;
  wordingChanged: boolean;
  addFocalPoints: { userId: string; email: string; name: string; organisationCode: string }[];
};

export type CatalogueOperations = {
  newAreas: { name: string; number: number }[];
  /** Only rows that create or change something. */
  proposals: CatalogueOperation[];
  removeNotice: boolean;
};

const yesNo = (value: boolean) => (value ? "Yes" : "No");
const emails = (list: readonly string[]) => [...list].sort().join(", ");

function fieldsOf(wording: CatalogueWording): { label: string; value: string }[] {
  return [
    { label: "Set", value: SET_LABELS[wording.set] },
    { label: "Area", value: wording.areaName },
    { label: "Title", value: wording.title },
    { label: "Description", value: wording.description },
    { label: "EDA involved", value: yesNo(wording.edaInvolved) },
  ];
}

/** The plan of a catalogue file against the catalogue as it is (`snapshot`), and what applying it writes. */
export function planCatalogue(file: ParsedFile<"catalogue">, snapshot: CatalogueSnapshot): { plan: ImportPlan; operations: CatalogueOperations } {
  const byNumber = new Map(snapshot.proposals.map((p) => [p.number, p]));
  const people = new Map(snapshot.people.map((p) => [p.email, p]));
  const areaNames = new Map(snapshot.areas.map((a) => [a.id, a.name]));
  const newAreaNames: string[] = [];

  const errors: RowError[] = [...file.errors];
  const creates: PlanEntry[] = [];
  const changes: PlanEntry[] = [];
  const unchanged: UnchangedEntry[] = [];
  const operations: CatalogueOperation[] = [];
  const stillDemo = new Set(snapshot.proposals.filter((p) => p.demoWording).map((p) => p.number));

  for (const { row, values } of file.rows) {
    const existingArea = snapshot.areas.find((a) => sameAreaName(a.name, values.area));
    let areaName = existingArea?.name ?? values.area;
    if (!existingArea) {
      const known = newAreaNames.find((name) => sameAreaName(name, values.area));
      if (known) areaName = known;
      else newAreaNames.push(values.area);
    }
    const wording: CatalogueWording = { title: values.title, description: values.description, set: values.set, edaInvolved: values.edaInvolved, areaName };
    const proposal = byNumber.get(values.number);
    const key = proposalCode(values.number);

    // Focal points: only the ones it does not have yet are checked and added.
    const current = new Set(proposal?.focalPointEmails ?? []);
    const rowErrors: RowError[] = [];
    const addFocalPoints: CatalogueOperation["addFocalPoints"] = [];
    for (const email of values.focalPoints.filter((e) => !current.has(e))) {
      const person = people.get(email);
      const fail = (reason: string) => rowErrors.push({ row, column: "Focal points", value: email, reason });
      if (!person) fail(`No account has the e-mail ${email}: add the person first (import People, or invite them).`);
      else if (focalPointRefusal(person)) fail(focalPointRefusal(person)!);
      else if (proposal?.retired) fail(`${key} is retired: it gets no new focal points.`);
      else addFocalPoints.push({ userId: person.id, email, name: person.name, organisationCode: person.organisationCode });
    }
    if (proposal && proposal.set !== values.set) {
      const blocker = setChangeBlocker(values.number, values.set, proposal.firstUpdatePeriod ? [proposal.firstUpdatePeriod] : []);
      if (blocker) rowErrors.push({ row, column: "Set", value: SET_LABELS[values.set], reason: blocker });
    }
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    const added = addFocalPoints.map((f) => f.email);

    if (!proposal) {
      creates.push({
        row,
        key,
        label: wording.title,
        changes: [...fieldsOf(wording).map((f) => created(f.label, f.value)), ...(added.length ? [created("Focal points", emails(added))] : [])],
      });
      operations.push({ row, number: values.number, existing: null, wording, areaId: existingArea?.id ?? null, wordingChanged: true, addFocalPoints });
      continue;
    }
    const before: CatalogueWording = { ...proposal, areaName: areaNames.get(proposal.areaId) ?? proposal.areaId };
    const areaId = existingArea?.id ?? null;
    const currentWording: ProposalWording = {
      title: proposal.title,
      description: proposal.description,
      areaId: proposal.areaId,
      set: proposal.set,
      edaInvolved: proposal.edaInvolved,
    };
    const next: ProposalWording = {
      title: wording.title,
      description: wording.description,
      areaId: areaId ?? `new:${areaName}`,
      set: wording.set,
      edaInvolved: wording.edaInvolved,
    };
    const wordingChanged = changedFields(currentWording, next, PROPOSAL_FIELDS).length > 0;
    const fieldChanges: FieldChange[] = diffFields(fieldsOf(before).map((f, i) => ({ label: f.label, before: f.value, after: fieldsOf(wording)[i]!.value })));
    if (added.length) fieldChanges.push({ label: "Focal points", before: emails([...current]), after: emails([...current, ...added]) });
    if (!wordingChanged && added.length === 0) {
      unchanged.push({ row, key, label: proposal.title });
      continue;
    }
    if (wordingChanged) stillDemo.delete(proposal.number);
    changes.push({ row, key, label: proposal.title, changes: fieldChanges });
    operations.push({
      row,
      number: values.number,
      existing: { id: proposal.id, wording: currentWording, demoWording: proposal.demoWording },
      wording,
      areaId,
      wordingChanged,
      addFocalPoints,
    });
  }

  const notes: string[] = [];
  // Numbered once every row is known, in the order the file first names them.
  const firstNumber = Math.max(0, ...snapshot.areas.map((a) => a.number)) + 1;
  const usedNewAreas = newAreaNames
    .filter((name) => operations.some((o) => o.areaId === null && o.wording.areaName === name))
    .map((name, i) => ({ name, number: firstNumber + i }));
  for (const area of usedNewAreas) notes.push(`New area “${area.name}” (number ${area.number}): no area has this name yet.`);
  const inFile = new Set(file.rows.map((r) => r.values.number));
  const absent = snapshot.proposals.filter((p) => !inFile.has(p.number)).map((p) => proposalCode(p.number));
  if (absent.length && file.rows.length) {
    const shown = absent.length > 20 ? `${absent.slice(0, 20).join(", ")} and ${absent.length - 20} more` : absent.join(", ");
    const one = absent.length === 1;
    notes.push(
      `${plural(absent.length, "proposal")} of the catalogue ${one ? "is" : "are"} not in the file and ${one ? "stays as it is" : "stay as they are"} (${shown}).`,
    );
  }
  const replacingDemo = operations.filter((o) => o.existing?.demoWording && o.wordingChanged).length;
  if (replacingDemo) {
    notes.push(
      `${plural(replacingDemo, "proposal")} replace${replacingDemo === 1 ? "s" : ""} the demo wording: the new wording also applies to the reports of earlier periods, since the demo wording was never official.`,
    );
  }
  const removeNotice = snapshot.notice && stillDemo.size === 0 && snapshot.activeDemoAccounts === 0;
  if (removeNotice) notes.push("The demo-data notice will be removed: no proposal keeps its demo wording and no demo account is active.");
  else if (snapshot.notice) {
    const reasons = [
      stillDemo.size ? `${plural(stillDemo.size, "proposal")} keep${stillDemo.size === 1 ? "s" : ""} the demo wording` : "",
      snapshot.activeDemoAccounts
        ? `${plural(snapshot.activeDemoAccounts, "demo account")} (e-mail ending in ${DEMO_EMAIL_SUFFIX}) ${snapshot.activeDemoAccounts === 1 ? "is" : "are"} active`
        : "",
    ].filter(Boolean);
    notes.push(`The demo-data notice stays: ${reasons.join(", and ")}.`);
  }

  errors.sort((a, b) => a.row - b.row);
  const plan: ImportPlan = {
    kind: "catalogue",
    rowCount: file.rowCount,
    creates,
    changes,
    unchanged,
    errors,
    notes,
    hasWork: operations.length > 0 || removeNotice,
  };
  return { plan, operations: { newAreas: usedNewAreas, proposals: operations, removeNotice } };
}

export type { ProposalSet };
