import { ActionForm } from "@/components/ui/action-form";
import { changePeriod } from "@/lib/actions/periods";
import type { PeriodSummary } from "@/lib/domain/periods";
import { nextPeriodState, PERIOD_ACTION_LABELS, PERIOD_ACTIONS } from "@/lib/domain/period-lifecycle";

/** One button per action the period's state allows; the server re-checks everything. */
export function PeriodStateActions({ period }: { period: PeriodSummary }) {
  const actions = PERIOD_ACTIONS.filter((action) => nextPeriodState(period.state, action) !== null);
  if (actions.length === 0) return null;
  return (
    <ActionForm
      label={`Change the state of the ${period.name}`}
      action={changePeriod}
      className="no-print"
      fields={[
        { name: "periodId", label: "", type: "hidden", defaultValue: period.id },
        { name: "expectedVersion", label: "", type: "hidden", defaultValue: String(period.version) },
      ]}
      buttons={actions.map((action) => ({ label: PERIOD_ACTION_LABELS[action], name: "action", value: action, secondary: action !== "lock" }))}
    />
  );
}
