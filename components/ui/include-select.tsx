import { INCLUDE_LABELS, INCLUDE_OPTIONS, type IncludeOption } from "@/lib/domain/proposals";

/** The "Count" choice (which updates a view counts), shared by the dashboard and the proposal list. */
export function IncludeSelect({ value, describedBy }: { value: IncludeOption; describedBy?: string }) {
  return (
    <select id="include" name="include" defaultValue={value} aria-describedby={describedBy}>
      {INCLUDE_OPTIONS.map((option) => (
        <option key={option} value={option}>
          {INCLUDE_LABELS[option]}
        </option>
      ))}
    </select>
  );
}
