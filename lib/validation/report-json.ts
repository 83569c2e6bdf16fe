// The documented shape of the JSON download of a progress report (lib/export/report-json.ts). The
// descriptions are the documentation: reportJsonSchemaDocument() turns them into the JSON Schema served
// at /reports/schema.json. The renderer parses its output through these schemas, so the key order of the
// file is the order below and a field is never published without being documented here.
import { z } from "zod";
import { STATUS_KEYS, statusKeyLabel, type StatusKey } from "@/lib/domain/dashboard";
import { REPORT_SCHEMA_VERSION, SIGNATORY_ORGANISATIONS, type ReportEntry, type ReportHeader, type ReportState } from "@/lib/domain/report";
import { ASSESSMENTS, IMPLEMENTATION_STATUSES, PROPOSAL_SETS } from "@/lib/domain/vocabulary";

const REPORT_STATES = ["draft", "awaiting_sign_off", "final", "superseded"] as const satisfies readonly ReportState[];

const count = () => z.int().min(0);
const percent = () => z.int().min(0).max(100);
const timestamp = () => z.iso.datetime();
const calendarDate = () => z.iso.date();

const statusSchema = z
  .enum(IMPLEMENTATION_STATUSES)
  .describe("Implementation status: NOT_STARTED, IN_PROGRESS, ONGOING (established, recurring), COMPLETED, STALLED.");
const statusKeySchema = z
  .enum([...IMPLEMENTATION_STATUSES, "NO_UPDATE"])
  .describe("An implementation status, or NO_UPDATE for proposals without an approved update.");
const assessmentSchema = z.enum(ASSESSMENTS).describe("Assessment (RAG): ON_TRACK, AT_RISK, OFF_TRACK, NOT_ASSESSED.");
const setSchema = z.enum(PROPOSAL_SETS).describe("The common set the proposal belongs to: SET_2016 (42 proposals) or SET_2017 (32 proposals).");

/** One integer per status key, keys always in the order of the vocabulary. */
function byStatus(what: string, value: () => z.ZodInt) {
  const shape = Object.fromEntries(STATUS_KEYS.map((key) => [key, value().describe(`${what}: ${statusKeyLabel(key)}.`)]));
  return z.object(shape as Record<StatusKey, z.ZodInt>).describe(`${what}, by status key (NO_UPDATE included).`);
}

const periodSchema = z
  .object({
    id: z.string().describe("Stable identifier of the reporting period."),
    number: z.int().min(1).describe("Number of the progress report (1 for the first, June 2017)."),
    name: z.string().describe('Name of the period, e.g. "11th progress report".'),
    startsOn: calendarDate().describe("First day covered (YYYY-MM-DD, UTC)."),
    cutOffOn: calendarDate().describe("Last day for updates to count (YYYY-MM-DD, UTC)."),
    dueOn: calendarDate().describe("Day the report is due (YYYY-MM-DD, UTC)."),
  })
  .describe("The reporting period the report covers.");

const editionSchema = z
  .object({
    number: z.int().min(1).describe("Edition number within the period; a corrected edition gets the next number."),
    publishedAt: timestamp().describe("When the edition was published (ISO 8601, UTC)."),
    publishedBy: z.string().describe("Name of the manager who published it."),
    changeNote: z.string().describe("What this edition corrects (empty for the first edition)."),
    contentHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe("SHA-256 (hex) of the frozen snapshot, to tell two editions apart."),
    supersededBy: z.int().min(1).nullable().describe("Number of the edition that replaced this one, or null."),
  })
  .describe("A published edition.");

const signOffSchema = z
  .object({
    organisationCode: z.string().describe('Organisation that signed off ("NATO" or "EU").'),
    userName: z.string().describe("Name of the manager who signed off."),
    signedAt: timestamp().describe("When (ISO 8601, UTC)."),
  })
  .describe("A sign-off of the edition by a manager of one signatory organisation.");

const labelled = {
  label: z.string().describe("Label as shown in the report."),
  count: count().describe("Number of proposals."),
  share: percent().describe("Share of the total in percent; the shares of one table add up to 100 (or are all 0)."),
};

const areaRowSchema = z
  .object({
    areaId: z.string().describe("Stable identifier of the area."),
    number: z.int().min(1).describe("Area number (1 Countering hybrid threats … 11 Political dialogue)."),
    name: z.string().describe("Area name."),
    total: count().describe("Proposals in the area."),
    counts: byStatus("Proposals of the area with this status in the period", count),
  })
  .describe("Status counts of one area in the report's period.");

const trendRowSchema = z
  .object({
    periodId: z.string().describe("Stable identifier of the period."),
    number: z.int().min(1).describe("Number of the period's report."),
    name: z.string().describe("Name of the period."),
    total: count().describe("Proposals counted in that period."),
    counts: byStatus("Proposals with this approved status in that period", count),
    shares: byStatus("Share in percent of the period's proposals with this status", percent),
  })
  .describe("Status counts of one period, for the trend across periods.");

const heatMapSchema = z
  .object({
    periods: z
      .array(
        z.object({
          id: z.string().describe("Stable identifier of the period."),
          number: z.int().min(1).describe("Number of the period's report."),
          name: z.string().describe("Name of the period."),
        }),
      )
      .describe("The columns: periods up to the report's, oldest first."),
    rows: z
      .array(
        z.object({
          areaId: z.string().describe("Stable identifier of the area."),
          number: z.int().min(1).describe("Area number."),
          name: z.string().describe("Area name."),
          cells: z
            .array(
              z.object({
                periodId: z.string().describe("The period of this cell (same order as periods)."),
                counted: count().describe("Proposals of the area with an approved update in the period."),
                total: count().describe("Proposals of the area."),
                averageProgress: percent().nullable().describe("Average progress in percent of the counted updates; null when none was counted."),
              }),
            )
            .describe("One cell per period."),
        }),
      )
      .describe("One row per area that holds proposals."),
  })
  .describe("Average progress by area and period (the heat map).");

const figuresSchema = z
  .object({
    totalProposals: count().describe("Proposals in the report (74 for the full catalogue)."),
    bySet: z
      .array(z.object({ set: setSchema, label: z.string().describe("Label of the set."), count: count().describe("Proposals in the set.") }))
      .describe("Proposals per common set."),
    updatedCount: count().describe("Proposals with an approved update in the period."),
    missingCount: count().describe("Proposals without an approved update in the period."),
    coveragePercent: percent().describe("updatedCount as a percentage of totalProposals (rounded)."),
    atRiskCount: count().describe("Approved updates assessed AT_RISK or OFF_TRACK."),
    statusCounts: z.array(z.object({ status: statusKeySchema, ...labelled })).describe("Proposals by status in the period, NO_UPDATE included."),
    assessments: z.array(z.object({ assessment: assessmentSchema, ...labelled })).describe("Approved updates by assessment."),
    byArea: z.array(areaRowSchema).describe("Status counts per area, areas holding proposals only, in area order."),
    trend: z.array(trendRowSchema).describe("Status counts of every period up to the report's, oldest first."),
    heatMap: heatMapSchema,
    coverageByOrganisation: z
      .array(
        z.object({
          code: z.string().describe('Organisation code, e.g. "NATO" or "EU".'),
          name: z.string().describe("Organisation name."),
          followed: count().describe("Proposals the organisation's focal points follow."),
          reported: count().describe("Of those, proposals with an approved update in the period."),
          missing: count().describe("followed minus reported."),
          percent: percent().describe("reported as a percentage of followed (rounded)."),
        }),
      )
      .describe("Reporting coverage per organisation, by code."),
  })
  .describe("The numbers of the report, computed once (the charts are drawn from the same numbers).");

const highlightSchema = z
  .object({
    number: z.int().min(1).describe("Proposal number."),
    code: z.string().describe('Proposal code, e.g. "P07".'),
    title: z.string().describe("Proposal title."),
    areaNumber: z.int().min(1).describe("Area number."),
    areaName: z.string().describe("Area name."),
    narrative: z.string().describe("The highlighted narrative."),
  })
  .describe("An approved update chosen as a highlight of the period.");

const updateSchema = z
  .object({
    status: statusSchema,
    assessment: assessmentSchema,
    progress: percent().describe("Progress in percent (integer 0-100)."),
    narrative: z.string().describe("What happened in the period (plain text; line breaks as \\n)."),
    nextSteps: z.string().describe("What comes next (plain text, may be empty)."),
    evidenceLinks: z
      .array(z.object({ label: z.string().describe("Label of the link (may be empty)."), url: z.string().describe("Address of the evidence.") }))
      .describe("Published evidence for the update."),
    highlight: z.boolean().describe("Whether the update is one of the period's highlights."),
    authorName: z.string().describe("Who wrote the update."),
    organisationCode: z.string().describe("The author's organisation."),
    approvedAt: timestamp().nullable().describe("When the update was approved (ISO 8601, UTC); null when not recorded."),
  })
  .describe("An approved update.");

export const reportEntryJsonSchema = z
  .object({
    proposalId: z.string().describe("Stable identifier of the proposal."),
    number: z.int().min(1).describe("Proposal number (1-74)."),
    code: z.string().describe('Proposal code, e.g. "P07".'),
    set: setSchema,
    areaNumber: z.int().min(1).describe("Number of the proposal's area."),
    areaName: z.string().describe("Name of the proposal's area."),
    title: z.string().describe("Short title of the proposal."),
    description: z.string().describe("What the proposal commits both organisations to do."),
    edaInvolved: z.boolean().describe("Whether the European Defence Agency is involved."),
    update: updateSchema.nullable().describe("The approved update of the report's period, or null when there is none."),
    history: z.array(statusSchema.nullable()).describe("Approved status in each of annexPeriods (same order, oldest first); null where none was approved."),
  })
  .describe("One common proposal and its approved update in the period.");

export const reportJsonSchema = z
  .object({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION).describe("Version of this document's shape; raised on any incompatible change."),
    title: z.string().describe("Title of the report."),
    period: periodSchema,
    edition: editionSchema.nullable().describe("The published edition, or null for a draft built from live data."),
    state: z.enum(REPORT_STATES).describe("draft (live data, not for distribution), awaiting_sign_off, final (signed off by NATO and the EU) or superseded."),
    signOffs: z.array(signOffSchema).describe("Sign-offs so far, oldest first (empty for a draft)."),
    missingSignOffs: z.array(z.enum(SIGNATORY_ORGANISATIONS)).describe("Signatory organisations that have not signed off yet."),
    asOf: timestamp().describe("When the content is as of (ISO 8601, UTC): the publication of an edition, the moment of reading for a draft."),
    figures: figuresSchema,
    areas: z
      .array(
        z.object({
          number: z.int().min(1).describe("Area number."),
          name: z.string().describe("Area name."),
          proposals: count().describe("Proposals in the area."),
        }),
      )
      .describe("The areas holding proposals, in number order."),
    annexPeriods: z
      .array(z.object({ number: z.int().min(1).describe("Number of the period's report."), name: z.string().describe("Name of the period.") }))
      .describe("The periods of the status-across-periods annex, oldest first, up to the report's; the columns of every proposal's history."),
    highlights: z.array(highlightSchema).describe("Highlighted updates, in area then proposal order."),
    proposals: z.array(reportEntryJsonSchema).describe("Every proposal once, in number order."),
  })
  .meta({
    title: "NATO–EU progress report",
    description: "A progress report on the common set of proposals endorsed by the NATO and EU Councils, as downloaded in JSON.",
  });

/** Everything of the document but the proposals: what the renderer writes before streaming them. */
export const reportHeaderJsonSchema = reportJsonSchema.omit({ proposals: true });

export type ReportJson = z.infer<typeof reportJsonSchema>;

/** The JSON Schema (draft 2020-12) of the document, with the descriptions above. */
export function reportJsonSchemaDocument(): Record<string, unknown> {
  return z.toJSONSchema(reportJsonSchema) as Record<string, unknown>;
}

// Compile-time guard: the documented shapes and the domain types cannot drift apart unnoticed.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _entryMatches: Same<z.infer<typeof reportEntryJsonSchema>, ReportEntry> = true;
const _headerMatches: Same<z.infer<typeof reportHeaderJsonSchema>, ReportHeader> = true;
