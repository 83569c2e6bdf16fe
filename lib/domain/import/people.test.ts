import { describe, expect, test } from "vitest";
import { planPeople, type PeopleSnapshot } from "./people";
import type { ParsedFile, PersonRow } from "./rows";

const people: PeopleSnapshot["people"] = [
  { id: "u-ana", email: "ana@eeas.example", name: "Ana Popescu", role: "STAFF", active: true, organisation: "EU", body: "EEAS" },
  { id: "u-admin", email: "admin@nato.example", name: "Ada Admin", role: "ADMIN", active: true, organisation: "NATO", body: null },
  { id: "u-old", email: "old@nato.example", name: "Olaf Old", role: "STAFF", active: false, organisation: "NATO", body: null },
];

function file(rows: PersonRow[]): ParsedFile<"people"> {
  return { kind: "people", rowCount: rows.length, rows: rows.map((values, i) => ({ row: i + 2, values })), errors: [] };
}

const snapshot = (over: Partial<PeopleSnapshot> = {}): PeopleSnapshot => ({ people, activeAdminIds: ["u-admin"], actorId: "u-admin", ...over });

describe("planPeople", () => {
  test("new addresses are created, known ones changed field by field, the rest unchanged", () => {
    const { plan, operations } = planPeople(
      file([
        { email: "ana@eeas.example", name: "Ana Popescu", role: "STAFF", organisation: "EU", body: "EEAS" },
        { email: "new@nato.example", name: "Nina New", role: "VIEWER", organisation: "NATO", body: null },
        { email: "old@nato.example", name: "Olaf Old", role: "MANAGER", organisation: "NATO", body: null },
      ]),
      snapshot(),
    );
    expect(plan.unchanged).toEqual([{ row: 2, key: "ana@eeas.example", label: "Ana Popescu" }]);
    expect(plan.creates).toEqual([
      {
        row: 3,
        key: "new@nato.example",
        label: "Nina New",
        changes: [
          { label: "Name", before: "", after: "Nina New" },
          { label: "Role", before: "", after: "Viewer" },
          { label: "Organisation", before: "", after: "NATO" },
        ],
      },
    ]);
    expect(plan.changes).toEqual([
      {
        row: 4,
        key: "old@nato.example",
        label: "Olaf Old",
        changes: [
          { label: "Role", before: "Staff", after: "Manager" },
          { label: "State", before: "Deactivated", after: "Deactivated (import does not reactivate)" },
        ],
      },
    ]);
    expect(operations.creates).toEqual([{ row: 3, email: "new@nato.example", name: "Nina New", role: "VIEWER", organisation: "NATO", body: null }]);
    expect(operations.updates.map((u) => [u.userId, u.after.role])).toEqual([["u-old", "MANAGER"]]);
    expect(plan.notes[0]).toMatch(/^New accounts have no password/);
  });

  test("a file may not leave the tracker without an active admin", () => {
    const demote = file([{ email: "admin@nato.example", name: "Ada Admin", role: "MANAGER", organisation: "NATO", body: null }]);
    const { plan, operations } = planPeople(demote, snapshot());
    expect(plan.errors).toEqual([
      {
        row: 2,
        column: "Role",
        value: "Manager",
        reason: expect.stringMatching(/^You are the last active admin.*No active admin would be left after this file/),
      },
    ]);
    expect(plan.changes).toEqual([]);
    expect(operations.updates).toEqual([]);
    // With another admin (already there, or made by the same file), it may.
    expect(planPeople(demote, snapshot({ activeAdminIds: ["u-admin", "u-other"] })).plan.errors).toEqual([]);
    const handOver = file([
      ...demote.rows.map((r) => r.values),
      { email: "boss@nato.example", name: "Bea Boss", role: "ADMIN", organisation: "NATO", body: null },
    ]);
    expect(planPeople(handOver, snapshot()).plan.errors).toEqual([]);
  });
});
