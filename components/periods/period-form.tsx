import { ActionForm } from "@/components/ui/action-form";
import { savePeriod } from "@/lib/actions/periods";
import type { PeriodSummary } from "@/lib/domain/periods";

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function PeriodForm({ period, nextNumber }: { period?: PeriodSummary; nextNumber: number }) {
  return (
    <ActionForm
      label={period ? "Edit the period" : "Create a period"}
      action={savePeriod}
      fields={[
        { name: "periodId", label: "", type: "hidden", defaultValue: period?.id ?? "" },
        { name: "expectedVersion", label: "", type: "hidden", defaultValue: String(period?.version ?? 0) },
        { name: "number", label: "Report number", type: "number", defaultValue: String(period?.number ?? nextNumber) },
        { name: "name", label: "Name", type: "text", defaultValue: period?.name ?? "", hint: "For example: 12th progress report" },
        { name: "startsOn", label: "Start", type: "date", defaultValue: period ? iso(period.startsOn) : "" },
        {
          name: "cutOffOn",
          label: "Cut-off",
          type: "date",
          defaultValue: period ? iso(period.cutOffOn) : "",
          hint: "Last day for updates; the period can be locked after it.",
        },
        { name: "dueOn", label: "Report due", type: "date", defaultValue: period ? iso(period.dueOn) : "" },
      ]}
      buttons={[{ label: period ? "Save changes" : "Create period" }]}
    />
  );
}
