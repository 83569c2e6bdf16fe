// Synthetic status history (clearly labelled demo data: no public per-proposal status exists).
// Deterministic: the same catalogue and dates always give the same history.
import type { SeedPeriod } from "./periods";

type Status = "NOT_STARTED" | "IN_PROGRESS" | "ONGOING" | "COMPLETED" | "STALLED";
type Assessment = "ON_TRACK" | "AT_RISK" | "OFF_TRACK" | "NOT_ASSESSED";

export type HistoryProposal = { id: string; number: number; set: "SET_2016" | "SET_2017"; title: string };
export type HistoryAuthor = { id: string; organisationId: string };

export type SeedStatusUpdate = {
  id: string;
  proposalId: string;
  periodId: string;
  status: Status;
  assessment: Assessment;
  progress: number;
  narrative: string;
  nextSteps: string;
  evidenceLinks: { label: string; url: string }[];
  rationale: string;
  workflowState: "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED";
  returnNote: string | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  reviewedById: string | null;
  authorId: string;
  organisationId: string;
  updatedAt: Date;
};

/** mulberry32: a tiny seeded PRNG, so the demo history is reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, options: readonly (readonly [T, number])[]): T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  let r = rand() * total;
  for (const [value, weight] of options) {
    r -= weight;
    if (r < 0) return value;
  }
  return options[options.length - 1]![0];
}

function nextStatus(rand: () => number, current: Status | null): Status {
  switch (current) {
    case null:
      return pick(rand, [
        ["NOT_STARTED", 4],
        ["IN_PROGRESS", 6],
      ]);
    case "NOT_STARTED":
      return pick(rand, [
        ["IN_PROGRESS", 7],
        ["NOT_STARTED", 3],
      ]);
    case "IN_PROGRESS":
      return pick(rand, [
        ["IN_PROGRESS", 55],
        ["ONGOING", 30],
        ["COMPLETED", 5],
        ["STALLED", 10],
      ]);
    case "ONGOING":
      return pick(rand, [
        ["ONGOING", 92],
        ["STALLED", 6],
        ["COMPLETED", 2],
      ]);
    case "STALLED":
      return pick(rand, [
        ["IN_PROGRESS", 5],
        ["STALLED", 5],
      ]);
    case "COMPLETED":
      return pick(rand, [
        ["COMPLETED", 90],
        ["ONGOING", 10],
      ]);
  }
}

function nextProgress(rand: () => number, status: Status, previous: number): number {
  switch (status) {
    case "NOT_STARTED":
      return 0;
    case "IN_PROGRESS":
      return Math.min(90, previous + 10 + Math.floor(rand() * 16));
    case "ONGOING":
      return Math.max(previous, 70 + Math.floor(rand() * 26));
    case "COMPLETED":
      return 100;
    case "STALLED":
      return previous;
  }
}

function assessmentFor(rand: () => number, status: Status): Assessment {
  switch (status) {
    case "NOT_STARTED":
      return pick(rand, [
        ["NOT_ASSESSED", 6],
        ["AT_RISK", 4],
      ]);
    case "IN_PROGRESS":
      return pick(rand, [
        ["ON_TRACK", 8],
        ["AT_RISK", 2],
      ]);
    case "ONGOING":
      return pick(rand, [
        ["ON_TRACK", 9],
        ["AT_RISK", 1],
      ]);
    case "COMPLETED":
      return "ON_TRACK";
    case "STALLED":
      return pick(rand, [
        ["OFF_TRACK", 6],
        ["AT_RISK", 4],
      ]);
  }
}

const NARRATIVES: Record<Status, string[]> = {
  NOT_STARTED: [
    "Work has not started; staff are identifying points of contact on both sides.",
    "Preparatory contacts only; no joint activity took place in this period.",
  ],
  IN_PROGRESS: [
    "Staff-to-staff talks continued and a joint work plan was drafted.",
    "Two cross-briefings were held and the terms of reference are being finalised.",
  ],
  ONGOING: [
    "Regular staff dialogue continued as planned, with cross-briefings each quarter.",
    "The activity is established and recurring; exchanges took place as scheduled.",
  ],
  COMPLETED: ["The agreed deliverable was completed and endorsed by both staffs.", "Completed; lessons identified were shared with both organisations."],
  STALLED: [
    "Progress paused pending agreement on information-sharing arrangements.",
    "No progress this period; the issue was raised at the staff-to-staff level.",
  ],
};

const NEXT_STEPS: Record<Status, string> = {
  NOT_STARTED: "Agree points of contact and a first meeting date.",
  IN_PROGRESS: "Finalise the work plan and schedule the next cross-briefing.",
  ONGOING: "Continue the regular exchanges and report highlights.",
  COMPLETED: "None planned; keep under review.",
  STALLED: "Escalate to the next staff-to-staff meeting.",
};

const DAY = 24 * 3600 * 1000;

function noonUtc(isoDate: string, daysBefore: number): Date {
  return new Date(Date.parse(`${isoDate}T12:00:00Z`) - daysBefore * DAY);
}

/**
 * One update per proposal and closed period from the proposal's first period (the 2017 set starts with
 * the 3rd report), and updates for about 60% of proposals in the open period.
 * `authorsFor` gives the focal points of a proposal, NATO first; authors alternate between them.
 */
export function synthesiseHistory(
  proposals: readonly HistoryProposal[],
  periods: readonly SeedPeriod[],
  authorsFor: (proposal: HistoryProposal) => HistoryAuthor[],
  now: Date,
  reviewerId: string,
): SeedStatusUpdate[] {
  const sorted = [...periods].sort((a, b) => a.number - b.number);
  const updates: SeedStatusUpdate[] = [];
  for (const proposal of proposals) {
    const rand = random(proposal.number * 7919);
    const authors = authorsFor(proposal);
    if (authors.length === 0) continue;
    let status: Status | null = null;
    let assessment: Assessment | null = null;
    let progress = 0;
    for (const period of sorted) {
      if (proposal.set === "SET_2017" && period.number < 3) continue;
      const isOpen = period.state === "OPEN";
      const reports = isOpen ? rand() < 0.6 : true;
      // Draw the transition whether or not the proposal reports, so history stays stable.
      const candidate = nextStatus(rand, status);
      if (!reports) continue;
      const previous = status && assessment ? { status, assessment } : null;
      status = candidate;
      assessment = assessmentFor(rand, status);
      progress = nextProgress(rand, status, progress);
      // Closed periods were approved and published; the open one is mid-cycle.
      const workflowState = isOpen
        ? pick(rand, [
            ["APPROVED", 5],
            ["SUBMITTED", 2.5],
            ["DRAFT", 1.5],
            ["RETURNED", 1],
          ] as const)
        : "APPROVED";
      const changed = previous !== null && (previous.status !== status || previous.assessment !== assessment);
      const author = authors[(period.number + proposal.number) % authors.length]!;
      const variants = NARRATIVES[status];
      const updatedAt = isOpen
        ? new Date(Math.min(now.getTime(), noonUtc(period.cutOffOn, 21).getTime()) - Math.floor(rand() * 20) * DAY)
        : noonUtc(period.cutOffOn, 3 + Math.floor(rand() * 20));
      updates.push({
        id: `seed-su-${String(proposal.number).padStart(2, "0")}-${period.id}`,
        proposalId: proposal.id,
        periodId: period.id,
        status,
        assessment,
        progress,
        narrative: `[Demo data] ${variants[Math.floor(rand() * variants.length)]}`,
        nextSteps: NEXT_STEPS[status],
        evidenceLinks: rand() < 0.3 ? [{ label: `Meeting record, ${period.name}`, url: `https://example.org/demo/${proposal.id}/${period.id}` }] : [],
        rationale: changed ? "[Demo data] Reassessed after the latest staff-to-staff meeting." : "",
        workflowState,
        returnNote: workflowState === "RETURNED" ? "[Demo data] Please add the date and outcome of the last staff talks." : null,
        submittedAt: workflowState === "DRAFT" ? null : updatedAt,
        reviewedAt: workflowState === "APPROVED" || workflowState === "RETURNED" ? updatedAt : null,
        reviewedById: workflowState === "APPROVED" || workflowState === "RETURNED" ? reviewerId : null,
        authorId: author.id,
        organisationId: author.organisationId,
        updatedAt,
      });
    }
  }
  return updates;
}
