import { WORKFLOW_LABELS, type WorkflowState } from "@/lib/domain/workflow";
import { ASSESSMENT_LABELS, NO_UPDATE_LABEL, STATUS_LABELS, type Assessment, type ImplementationStatus } from "@/lib/domain/vocabulary";

export function StatusBadge({ status }: { status: ImplementationStatus | null }) {
  const key = status ?? "NO_UPDATE";
  return <span className={`badge badge--${key}`}>{status ? STATUS_LABELS[status] : NO_UPDATE_LABEL}</span>;
}

export function AssessmentBadge({ assessment }: { assessment: Assessment }) {
  return <span className={`badge badge--${assessment}`}>{ASSESSMENT_LABELS[assessment]}</span>;
}

export function Badge({ children }: { children: React.ReactNode }) {
  return <span className="badge badge--neutral">{children}</span>;
}

export function ProgressValue({ value }: { value: number }) {
  return (
    <span>
      <span className="progress-bar" aria-hidden="true">
        <span style={{ width: `${value}%` }} />
      </span>
      {value}%
    </span>
  );
}

export function WorkflowBadge({ state }: { state: WorkflowState }) {
  return <span className={`badge badge--wf-${state}`}>{WORKFLOW_LABELS[state]}</span>;
}
