import "server-only";
import { getDb } from "@/lib/db";
import {
  AUDIT_CSV_HEADER,
  AUDIT_GROUPS,
  SIGN_IN_GROUP,
  auditCsvRows,
  describeActor,
  describeAuditEvent,
  organisationLabel,
  referencedIds,
  type AuditEventFacts,
  type AuditLookups,
  type AuditRow,
} from "@/lib/domain/audit";
import { CSV_BOM, toCsvRecord } from "@/lib/domain/csv";
import { proposalCode } from "@/lib/domain/vocabulary";
import { toByteStream } from "@/lib/export/stream";
import { Prisma } from "@/lib/prisma-client";
import { proposalRef, showsSignIns, type AuditFilters } from "@/lib/validation/audit-filters";

// The shapes these reads return, defined in lib/domain so that components can take them as props.
export type { AuditRow };

export const AUDIT_PAGE_SIZE = 50;
/** Events per query of the CSV export (each batch: one query for the events, one for their names). */
export const AUDIT_EXPORT_BATCH = 500;

export type AuditPage = { rows: AuditRow[]; nextBefore: string | null; problems: string[] };

/** LIKE patterns match literally: Prisma passes `%`, `_` and `\` through as wildcards and escapes. */
const literal = (text: string) => text.replace(/[\\%_]/g, "\\$&");

const DAY_MS = 24 * 3600 * 1000;

type Resolved = { where: Prisma.AuditEventWhereInput | null; problems: string[] };

/** The filters as a Prisma condition; `where` is null when they name something that does not exist. */
async function resolveFilters(filters: AuditFilters): Promise<Resolved> {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filters.proposal) {
    const ref = proposalRef(filters.proposal);
    const proposal = ref && (await getDb().proposal.findFirst({ where: ref, select: { id: true } }));
    if (!proposal) {
      const name = ref && "number" in ref ? proposalCode(ref.number) : `“${filters.proposal}”`;
      return { where: null, problems: [`There is no proposal ${name}.`] };
    }
    and.push({ proposalId: proposal.id });
  }
  if (filters.person) {
    const text = { contains: literal(filters.person), mode: "insensitive" as const };
    and.push({ OR: [{ actorId: filters.person }, { actor: { is: { OR: [{ name: text }, { email: text }] } } }] });
  }
  if (filters.group) {
    const { exact, prefixes } = AUDIT_GROUPS[filters.group];
    and.push({ OR: [{ action: { in: [...exact] } }, ...prefixes.map((p) => ({ action: { startsWith: literal(p) } }))] });
  }
  if (filters.action) {
    const isExact = filters.action.includes(".") && !filters.action.endsWith(".");
    and.push({ action: isExact ? filters.action : { startsWith: literal(filters.action) } });
  }
  if (filters.period) and.push({ periodId: filters.period });
  if (filters.from) and.push({ at: { gte: new Date(`${filters.from}T00:00:00Z`) } });
  if (filters.to) and.push({ at: { lt: new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + DAY_MS) } });
  if (!showsSignIns(filters)) {
    and.push({ NOT: { OR: AUDIT_GROUPS[SIGN_IN_GROUP].prefixes.map((p) => ({ action: { startsWith: literal(p) } })) } });
  }
  if (filters.before) and.push({ id: { lt: BigInt(filters.before) } });
  return { where: { AND: and }, problems: [] };
}

const eventSelect = {
  id: true,
  at: true,
  actorId: true,
  action: true,
  entityType: true,
  entityId: true,
  proposalId: true,
  periodId: true,
  before: true,
  after: true,
} as const;

type EventRecord = AuditEventFacts & { id: bigint; at: Date };

async function findEvents(where: Prisma.AuditEventWhereInput, take: number, olderThan?: bigint): Promise<EventRecord[]> {
  return getDb().auditEvent.findMany({
    where: olderThan === undefined ? where : { AND: [where, { id: { lt: olderThan } }] },
    orderBy: { id: "desc" },
    take,
    select: eventSelect,
  });
}

type NameRow = { kind: "proposal" | "period" | "user"; id: string; name: string; number: number | null; organisation: string | null; body: string | null };

/** The names a batch of events mentions (proposals, periods, people with their organisation), in one query. */
async function loadLookups(events: readonly AuditEventFacts[]): Promise<AuditLookups> {
  const ids = { proposals: new Set<string>(), periods: new Set<string>(), users: new Set<string>() };
  for (const event of events) {
    const mentioned = referencedIds(event);
    mentioned.proposals.forEach((id) => ids.proposals.add(id));
    mentioned.periods.forEach((id) => ids.periods.add(id));
    mentioned.users.forEach((id) => ids.users.add(id));
  }
  const lookups = { proposals: new Map(), periods: new Map(), users: new Map() } satisfies AuditLookups;
  if (ids.proposals.size + ids.periods.size + ids.users.size === 0) return lookups;
  const rows = await getDb().$queryRaw<NameRow[]>`
    SELECT 'proposal' AS kind, id, title AS name, number, NULL AS organisation, NULL AS body FROM "Proposal" WHERE id = ANY(${[...ids.proposals]}::text[])
    UNION ALL
    SELECT 'period', id, name, number, NULL, NULL FROM "ReportingPeriod" WHERE id = ANY(${[...ids.periods]}::text[])
    UNION ALL
    SELECT 'user', u.id, u.name, NULL, o.code, u.body::text FROM "User" u JOIN "Organisation" o ON o.id = u."organisationId"
    WHERE u.id = ANY(${[...ids.users]}::text[])`;
  for (const row of rows) {
    if (row.kind === "proposal") lookups.proposals.set(row.id, { number: Number(row.number), title: row.name });
    else if (row.kind === "period") lookups.periods.set(row.id, { name: row.name });
    else lookups.users.set(row.id, { name: row.name, organisation: organisationLabel(row.organisation ?? "", row.body) });
  }
  return lookups;
}

/** `timeZone`: the reader's, for the instants among the changed values; UTC in the CSV. */
function toRow(event: EventRecord, lookups: AuditLookups, timeZone: string): AuditRow {
  const proposal = event.proposalId ? lookups.proposals.get(event.proposalId) : undefined;
  const period = event.periodId ? lookups.periods.get(event.periodId) : undefined;
  return {
    id: event.id.toString(),
    at: event.at,
    action: event.action,
    actorId: event.actorId,
    who: describeActor(event, lookups),
    ...describeAuditEvent(event, lookups, timeZone),
    proposal: event.proposalId
      ? { id: event.proposalId, code: proposal ? proposalCode(proposal.number) : event.proposalId, title: proposal?.title ?? "" }
      : null,
    period: event.periodId ? { id: event.periodId, name: period?.name ?? event.periodId } : null,
  };
}

/**
 * One page of the trail, newest first (keyset on the id, so deep pages stay fast). A constant number
 * of queries whatever the page holds: the proposal filter's lookup, the events, and their names.
 */
export async function listAuditEvents(filters: AuditFilters, timeZone: string): Promise<AuditPage> {
  const { where, problems } = await resolveFilters(filters);
  if (!where) return { rows: [], nextBefore: null, problems };
  const events = await findEvents(where, AUDIT_PAGE_SIZE + 1);
  const page = events.slice(0, AUDIT_PAGE_SIZE);
  const lookups = await loadLookups(page);
  return {
    rows: page.map((event) => toRow(event, lookups, timeZone)),
    nextBefore: events.length > AUDIT_PAGE_SIZE ? page[page.length - 1]!.id.toString() : null,
    problems,
  };
}

/** Every action recorded so far, in order: a skip scan over the action index, not a read of the trail. */
export async function listAuditActions(): Promise<string[]> {
  const rows = await getDb().$queryRaw<{ action: string }[]>`
    WITH RECURSIVE actions AS (
      (SELECT action FROM "AuditEvent" ORDER BY action LIMIT 1)
      UNION ALL
      SELECT (SELECT e.action FROM "AuditEvent" e WHERE e.action > a.action ORDER BY e.action LIMIT 1) FROM actions a WHERE a.action IS NOT NULL
    )
    SELECT action FROM actions WHERE action IS NOT NULL`;
  return rows.map((r) => r.action);
}

/**
 * The filtered trail as CSV (all of it, whatever page the filters came from): the BOM and the header at
 * once, then batches of events read by keyset, each with one query for its names. Pulled by the reader,
 * so a cancelled download stops the queries.
 */
export function auditCsvStream(filters: AuditFilters): ReadableStream<Uint8Array> {
  return toByteStream(async function* () {
    yield CSV_BOM + toCsvRecord([...AUDIT_CSV_HEADER]);
    const { where } = await resolveFilters({ ...filters, before: undefined });
    if (!where) return;
    let olderThan: bigint | undefined;
    for (;;) {
      const events = await findEvents(where, AUDIT_EXPORT_BATCH, olderThan);
      if (events.length === 0) return;
      const lookups = await loadLookups(events);
      yield events
        .flatMap((event) => auditCsvRows(toRow(event, lookups, "UTC")))
        .map(toCsvRecord)
        .join("");
      if (events.length < AUDIT_EXPORT_BATCH) return;
      olderThan = events[events.length - 1]!.id;
    }
  });
}
