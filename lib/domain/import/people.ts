// Planning a people import. Rows are keyed by e-mail (lower case): a new address creates an account
// without a password (the admin sends the person a one-time link from People), a known one changes the
// person's name, role, organisation or EU body. Import never sets a password and never (de)activates
// anyone. The last-admin rule of the People page holds: no file may leave the tracker without an active admin.
import { lastAdminBlocker, type EuBodyCode, type OrganisationCode } from "../people";
import { ROLE_LABELS, type Role } from "../vocabulary";
import { created, diffFields, type ImportPlan, type PlanEntry, type UnchangedEntry } from "./plan";
import type { ParsedFile, RowError } from "./rows";

export type PeopleSnapshot = {
  /** The accounts the file names (by lower-case e-mail). */
  people: { id: string; email: string; name: string; role: Role; active: boolean; organisation: OrganisationCode; body: EuBodyCode | null }[];
  /** Active admins now (read under a lock by the caller when committing). */
  activeAdminIds: string[];
  actorId: string;
};

export type PersonValues = { name: string; role: Role; organisation: OrganisationCode; body: EuBodyCode | null };

export type PeopleOperations = {
  creates: ({ row: number; email: string } & PersonValues)[];
  updates: { row: number; userId: string; email: string; before: PersonValues; after: PersonValues }[];
};

const BODY_LABELS: Record<EuBodyCode, string> = { EEAS: "EEAS", COMMISSION: "European Commission", EDA: "European Defence Agency" };

function shown(values: PersonValues) {
  return [
    { label: "Name", value: values.name },
    { label: "Role", value: ROLE_LABELS[values.role] },
    { label: "Organisation", value: values.organisation },
    { label: "EU body", value: values.body ? BODY_LABELS[values.body] : "" },
  ];
}

export function planPeople(file: ParsedFile<"people">, snapshot: PeopleSnapshot): { plan: ImportPlan; operations: PeopleOperations } {
  const byEmail = new Map(snapshot.people.map((p) => [p.email, p]));
  const errors: RowError[] = [...file.errors];
  const creates: PlanEntry[] = [];
  const changes: PlanEntry[] = [];
  const unchanged: UnchangedEntry[] = [];
  const operations: PeopleOperations = { creates: [], updates: [] };

  for (const { row, values } of file.rows) {
    const after: PersonValues = { name: values.name, role: values.role, organisation: values.organisation, body: values.body };
    const person = byEmail.get(values.email);
    if (!person) {
      creates.push({
        row,
        key: values.email,
        label: values.name,
        changes: shown(after)
          .map((f) => created(f.label, f.value))
          .filter((f) => f.after !== ""),
      });
      operations.creates.push({ row, email: values.email, ...after });
      continue;
    }
    const before: PersonValues = { name: person.name, role: person.role, organisation: person.organisation, body: person.body };
    const fields = diffFields(shown(before).map((f, i) => ({ label: f.label, before: f.value, after: shown(after)[i]!.value })));
    if (fields.length === 0) {
      unchanged.push({ row, key: values.email, label: person.name });
      continue;
    }
    if (!person.active) fields.push({ label: "State", before: "Deactivated", after: "Deactivated (import does not reactivate)" });
    changes.push({ row, key: values.email, label: person.name, changes: fields });
    operations.updates.push({ row, userId: person.id, email: values.email, before, after });
  }

  // The last-admin rule over the whole file: the admins left once every row is applied.
  const demoted = operations.updates.filter((u) => u.before.role === "ADMIN" && u.after.role !== "ADMIN" && snapshot.activeAdminIds.includes(u.userId));
  const newAdmins = operations.creates.filter((c) => c.role === "ADMIN").length;
  const remaining = snapshot.activeAdminIds.filter((id) => !demoted.some((d) => d.userId === id)).length + newAdmins;
  if (demoted.length && remaining === 0) {
    for (const d of demoted) {
      const person = byEmail.get(d.email)!;
      const reason =
        lastAdminBlocker({
          target: { id: person.id, name: person.name, role: "ADMIN", active: true },
          next: { role: d.after.role, active: true },
          activeAdminIds: [person.id],
          actorId: snapshot.actorId,
        }) ?? "No active admin would be left.";
      errors.push({ row: d.row, column: "Role", value: ROLE_LABELS[d.after.role], reason: `${reason} (No active admin would be left after this file.)` });
    }
    // A row with an error is not part of what the file changes.
    const refused = new Set(demoted.map((d) => d.row));
    operations.updates = operations.updates.filter((u) => !refused.has(u.row));
    changes.splice(0, changes.length, ...changes.filter((c) => !refused.has(c.row)));
  }

  errors.sort((a, b) => a.row - b.row);
  const notes: string[] = [];
  if (operations.creates.length) {
    notes.push("New accounts have no password: send each person a one-time link from People when they should start. Nothing is e-mailed by the import.");
  }
  return {
    plan: {
      kind: "people",
      rowCount: file.rowCount,
      creates,
      changes,
      unchanged,
      errors,
      notes,
      hasWork: operations.creates.length + operations.updates.length > 0,
    },
    operations,
  };
}
