import { AssessmentBadge, ProgressValue, StatusBadge, WorkflowBadge } from "@/components/ui/badges";
import { EvidenceLinks } from "./evidence-links";
import { formatDateTime } from "@/lib/domain/format";
import type { CurrentUpdate } from "@/lib/domain/proposals";

/** One update, read-only: used for the current state and for every period in the history. Times in `timeZone`. */
export function UpdateSummary({ update, timeZone }: { update: CurrentUpdate; timeZone: string }) {
  return (
    <dl className="facts">
      <dt>Review</dt>
      <dd>
        <WorkflowBadge state={update.workflowState} />
        {update.highlight && update.workflowState === "APPROVED" && (
          <>
            {" "}
            <span className="badge badge--highlight" data-testid="highlight-badge">
              Highlight of the report
            </span>
          </>
        )}
      </dd>
      <dt>Status</dt>
      <dd>
        <StatusBadge status={update.status} />
      </dd>
      <dt>Assessment</dt>
      <dd>
        <AssessmentBadge assessment={update.assessment} />
      </dd>
      <dt>Progress</dt>
      <dd>
        <ProgressValue value={update.progress} />
      </dd>
      {update.warnings.length > 0 && (
        <>
          <dt>Flagged when saved</dt>
          <dd data-testid="update-warnings">
            {/* Stored by the server with this version: contradictions for the reviewer, not errors. */}
            <ul className="plain-list">
              {update.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {update.rationale && (
        <>
          <dt>Why it changed</dt>
          <dd className="narrative">{update.rationale}</dd>
        </>
      )}
      <dt>Narrative</dt>
      <dd className="narrative">{update.narrative}</dd>
      {update.nextSteps && (
        <>
          <dt>Next steps</dt>
          <dd className="narrative">{update.nextSteps}</dd>
        </>
      )}
      <dt>Evidence</dt>
      <dd>
        {update.evidenceLinks.length === 0 ? (
          <span className="muted">None</span>
        ) : (
          <EvidenceLinks links={update.evidenceLinks} style={{ margin: 0, paddingLeft: "1.1rem" }} />
        )}
      </dd>
      <dt>Recorded by</dt>
      <dd>
        {update.authorName} ({update.organisationCode}), {formatDateTime(update.updatedAt, timeZone)} · version {update.version}
      </dd>
    </dl>
  );
}
