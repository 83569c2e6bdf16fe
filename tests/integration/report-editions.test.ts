// Editions of the progress report on the real database: publishing freezes a snapshot that later edits,
// reopenings and catalogue changes never touch; the database refuses any change to it; joint sign-off
// needs one manager of each organisation; highlights are marked on approved updates. Every step is
// audited. The 10th report (closed in the seed) is published here, so no other file's period moves.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { publishEdition, signOffEdition, verifyEdition } from "@/lib/data/editions";
import { setHighlight } from "@/lib/data/highlights";
import { collectEntries, getDraftReport, getEditionReport, loadReport, findPeriodByNumber } from "@/lib/data/reports";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { auditEventsAfter, createActor, expectAppError, lastAuditId, type TestActor } from "./support/app-helpers";

let prisma: PrismaClient;
let natoManager: TestActor & { organisationCode: string };
let euManager: TestActor & { organisationCode: string };
let secondNatoManager: TestActor & { organisationCode: string };
let viewer: TestActor & { organisationCode: string };
let period10: { id: string; number: number };

const withCode = (actor: TestActor) => ({ ...actor, organisationCode: actor.organisationId === "eu" ? "EU" : "NATO" });

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"), 2);
  natoManager = withCode(await createActor(prisma, "MANAGER", { organisationId: "nato" }));
  secondNatoManager = withCode(await createActor(prisma, "MANAGER", { organisationId: "nato" }));
  euManager = withCode(await createActor(prisma, "MANAGER", { organisationId: "eu" }));
  viewer = withCode(await createActor(prisma, "VIEWER", { organisationId: "eu" }));
  period10 = await prisma.reportingPeriod.findUniqueOrThrow({ where: { number: 10 }, select: { id: true, number: true } });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await getDb().$disconnect();
});

/** Counts of the period's approved updates by status, straight from SQL. */
async function approvedByStatus(periodId: string): Promise<Record<string, number>> {
  const rows = await prisma.$queryRaw<{ status: string; count: number }[]>`
    SELECT status::text AS status, count(*)::int AS count FROM "StatusUpdate" WHERE "periodId" = ${periodId} AND "workflowState" = 'APPROVED' GROUP BY status`;
  return Object.fromEntries(rows.map((r) => [r.status, r.count]));
}

describe.sequential("an edition of the 10th report", () => {
  let editionId: string;

  test("publishing freezes the approved updates, the figures and the catalogue text, signed off by the publisher's side", async () => {
    const before = await lastAuditId(prisma);
    const { number } = await publishEdition(natoManager, { periodNumber: 10, expectedEditions: 0, changeNote: "" });
    expect(number).toBe(1);
    const source = (await getEditionReport(period10.id, 1))!;
    expect(source.header.state).toBe("awaiting_sign_off");
    expect(source.header.signOffs.map((s) => s.organisationCode)).toEqual(["NATO"]);
    expect(source.header.missingSignOffs).toEqual(["EU"]);

    const entries = await collectEntries(source, "number");
    expect(entries.map((e) => e.number)).toEqual(
      (await prisma.proposal.findMany({ select: { number: true }, orderBy: { number: "asc" } })).map((p) => p.number),
    );
    const counted = await approvedByStatus(period10.id);
    const fromEntries: Record<string, number> = {};
    for (const e of entries) if (e.update) fromEntries[e.update.status] = (fromEntries[e.update.status] ?? 0) + 1;
    expect(fromEntries).toEqual(counted);
    for (const s of source.header.figures.statusCounts) {
      if (s.status !== "NO_UPDATE") expect(s.count, s.status).toBe(counted[s.status] ?? 0);
    }
    const sample = entries.find((e) => e.update)!;
    const live = await prisma.statusUpdate.findUniqueOrThrow({ where: { proposalId_periodId: { proposalId: sample.proposalId, periodId: period10.id } } });
    expect(sample.update!.narrative).toBe(live.narrative);
    expect(sample.history).toHaveLength(10);

    const edition = await prisma.reportEdition.findUniqueOrThrow({ where: { periodId_number: { periodId: period10.id, number: 1 } } });
    editionId = edition.id;
    const check = await verifyEdition(edition.id);
    expect(check.computed).toBe(check.stored);
    expect(check.entries).toBe(entries.length);
    const events = await auditEventsAfter(prisma, before);
    expect(events.map((e) => e.action)).toEqual(["report.publish"]);
  });

  test("the database refuses to change or remove an edition, its entries or its sign-offs, or to add entries later", async () => {
    const attempts = [
      prisma.$executeRawUnsafe(`UPDATE "ReportEdition" SET "changeNote" = 'tampered' WHERE id = $1`, editionId),
      prisma.$executeRawUnsafe(`DELETE FROM "ReportEdition" WHERE id = $1`, editionId),
      prisma.$executeRawUnsafe(`UPDATE "ReportEditionEntry" SET narrative = 'tampered' WHERE "editionId" = $1`, editionId),
      prisma.$executeRawUnsafe(`DELETE FROM "ReportEditionEntry" WHERE "editionId" = $1`, editionId),
      prisma.$executeRawUnsafe(`UPDATE "ReportSignOff" SET "signedAt" = now() WHERE "editionId" = $1`, editionId),
      prisma.$executeRawUnsafe(`DELETE FROM "ReportSignOff" WHERE "editionId" = $1`, editionId),
      prisma.$executeRawUnsafe(`TRUNCATE "ReportEditionEntry"`),
      prisma.$executeRawUnsafe(
        `INSERT INTO "ReportEditionEntry" ("editionId", "proposalNumber", "proposalId", set, "areaNumber", "areaName", title, description, "edaInvolved")
         VALUES ($1, 9999, 'p9999', 'SET_2016', 1, 'x', 'smuggled', 'x', false)`,
        editionId,
      ),
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toThrow(/append-only|is published/);
    const check = await verifyEdition(editionId);
    expect(check.computed).toBe(check.stored);
  });

  test("a second sign-off by the same side does nothing; the other side makes it final", async () => {
    const before = await lastAuditId(prisma);
    expect((await signOffEdition(secondNatoManager, { periodNumber: 10, edition: 1 })).outcome).toBe("already");
    expect((await signOffEdition(natoManager, { periodNumber: 10, edition: 1 })).outcome).toBe("already");
    expect((await getEditionReport(period10.id, 1))!.header.state).toBe("awaiting_sign_off");
    await expectAppError(signOffEdition(viewer, { periodNumber: 10, edition: 1 }), "FORBIDDEN");
    expect((await signOffEdition(euManager, { periodNumber: 10, edition: 1 })).outcome).toBe("signed");
    expect((await signOffEdition(euManager, { periodNumber: 10, edition: 1 })).outcome).toBe("already");
    const header = (await getEditionReport(period10.id, 1))!.header;
    expect(header.state).toBe("final");
    expect(header.signOffs.map((s) => s.organisationCode).sort()).toEqual(["EU", "NATO"]);
    const actions = (await auditEventsAfter(prisma, before)).map((e) => e.action);
    expect(actions).toEqual(["report.sign_off_repeated", "report.sign_off_repeated", "permission.denied", "report.sign_off", "report.sign_off_repeated"]);
  });

  test("later edits of the live data and the catalogue leave the edition as it was", async () => {
    const entriesBefore = await collectEntries((await getEditionReport(period10.id, 1))!, "number");
    const sample = entriesBefore.find((e) => e.update)!;
    const title = (await prisma.proposal.findUniqueOrThrow({ where: { id: sample.proposalId } })).title;
    await prisma.proposal.update({ where: { id: sample.proposalId }, data: { title: `${title} (renamed)` } });
    await prisma.statusUpdate.update({
      where: { proposalId_periodId: { proposalId: sample.proposalId, periodId: period10.id } },
      data: { narrative: "Rewritten after publication." },
    });
    try {
      const after = await collectEntries((await getEditionReport(period10.id, 1))!, "number");
      expect(after).toEqual(entriesBefore);
      const draft = await collectEntries(await getDraftReport({ ...(await findPeriodByNumber(10))! }), "number");
      const liveSample = draft.find((e) => e.number === sample.number)!;
      // The draft of a past period takes the catalogue wording valid at the end of its cut-off day (the
      // proposal's ProposalVersion then), so a later rename does not reach it; the update's text is live.
      expect(liveSample.title).toBe(title);
      expect(liveSample.update!.narrative).toBe("Rewritten after publication.");
    } finally {
      await prisma.proposal.update({ where: { id: sample.proposalId }, data: { title } });
      await prisma.statusUpdate.update({
        where: { proposalId_periodId: { proposalId: sample.proposalId, periodId: period10.id } },
        data: { narrative: sample.update!.narrative },
      });
    }
  });

  test("a corrected edition needs a change note and the number the manager saw; it supersedes the first", async () => {
    await expectAppError(publishEdition(natoManager, { periodNumber: 10, expectedEditions: 1, changeNote: "" }), "VALIDATION");
    await expectAppError(publishEdition(natoManager, { periodNumber: 10, expectedEditions: 0, changeNote: "Fixes P03" }), "CONFLICT");
    const { number } = await publishEdition(euManager, { periodNumber: 10, expectedEditions: 1, changeNote: "Corrects the figures of area 3." });
    expect(number).toBe(2);
    const first = (await getEditionReport(period10.id, 1))!.header;
    expect(first.state).toBe("superseded");
    expect(first.edition!.supersededBy).toBe(2);
    const second = (await getEditionReport(period10.id, 2))!.header;
    expect(second.state).toBe("awaiting_sign_off");
    expect(second.signOffs.map((s) => s.organisationCode)).toEqual(["EU"]);
    await expectAppError(signOffEdition(natoManager, { periodNumber: 10, edition: 1 }), "CONFLICT");
  });

  test("a viewer sees final editions only, never the draft or an edition awaiting sign-off", async () => {
    await expect(loadReport(viewer, 10, 1)).resolves.toBeTruthy(); // final (superseded since)
    await expectAppError(loadReport(viewer, 10, 2), "NOT_FOUND");
    await expectAppError(loadReport(viewer, 10, "draft"), "NOT_FOUND");
    await expectAppError(loadReport(viewer, 99, 1), "NOT_FOUND");
  });

  test("an open period cannot be published; a viewer cannot publish at all", async () => {
    const open = await prisma.reportingPeriod.findFirstOrThrow({ where: { state: "OPEN" }, select: { id: true, number: true } });
    // With the number of editions the manager saw (another file may have published one while it was locked).
    const expectedEditions = await prisma.reportEdition.count({ where: { periodId: open.id } });
    const refused = await expectAppError(publishEdition(natoManager, { periodNumber: open.number, expectedEditions, changeNote: "x" }), "CONFLICT");
    expect(refused.message).toMatch(/^Lock the .* before publishing/);
    await expectAppError(publishEdition(viewer, { periodNumber: 10, expectedEditions: 2, changeNote: "x" }), "FORBIDDEN");
  });
});

describe("highlights", () => {
  test("managers mark approved updates of a reviewed period; the mark is audited and reaches the draft's highlights", async () => {
    const open = await prisma.reportingPeriod.findFirstOrThrow({ where: { state: "OPEN" }, select: { id: true, number: true } });
    const update = await prisma.statusUpdate.findFirstOrThrow({
      where: { periodId: open.id, workflowState: "APPROVED" },
      select: { proposalId: true, version: true, proposal: { select: { number: true } } },
    });
    const input = { proposalId: update.proposalId, periodId: open.id, expectedVersion: update.version };
    const before = await lastAuditId(prisma);
    await expectAppError(setHighlight(viewer, { ...input, highlight: true }), "FORBIDDEN");
    await expectAppError(setHighlight(natoManager, { ...input, highlight: true, expectedVersion: update.version + 1 }), "CONFLICT");
    expect(await setHighlight(natoManager, { ...input, highlight: true })).toEqual({ changed: true });
    expect(await setHighlight(euManager, { ...input, highlight: true })).toEqual({ changed: false });
    const draft = await getDraftReport((await findPeriodByNumber(open.number))!);
    expect(draft.header.highlights.map((h) => h.number)).toContain(update.proposal.number);
    expect(await setHighlight(natoManager, { ...input, highlight: false })).toEqual({ changed: true });
    const actions = (await auditEventsAfter(prisma, before)).map((e) => e.action);
    expect(actions).toEqual(["permission.denied", "status_update.highlight", "status_update.unhighlight"]);
  });

  test("a draft update cannot be a highlight, nor any update of a closed period", async () => {
    const open = await prisma.reportingPeriod.findFirstOrThrow({ where: { state: "OPEN" }, select: { id: true } });
    const draft = await prisma.statusUpdate.findFirst({
      where: { periodId: open.id, workflowState: { not: "APPROVED" } },
      select: { proposalId: true, version: true },
    });
    if (draft)
      await expectAppError(
        setHighlight(natoManager, { proposalId: draft.proposalId, periodId: open.id, expectedVersion: draft.version, highlight: true }),
        "CONFLICT",
      );
    const closed = await prisma.statusUpdate.findFirstOrThrow({
      where: { periodId: period10.id, workflowState: "APPROVED" },
      select: { proposalId: true, version: true },
    });
    await expectAppError(
      setHighlight(natoManager, { proposalId: closed.proposalId, periodId: period10.id, expectedVersion: closed.version, highlight: true }),
      "CONFLICT",
    );
  });
});
