import { STATUS_COLOURS } from "@/components/charts/palette";
import { STATUS_KEYS, statusKeyLabel } from "@/lib/domain/dashboard";

/** The status series of every status chart, in vocabulary order, "No update" last. */
export const STATUS_SERIES = STATUS_KEYS.map((key) => ({ key, label: statusKeyLabel(key), colour: STATUS_COLOURS[key] }));

/** The header row of a status table twin: the row heading, one column per status, and the total. */
export function StatusHeadRow({ first }: { first: string }) {
  return (
    <tr>
      <th scope="col">{first}</th>
      {STATUS_SERIES.map((s) => (
        <th key={s.key} scope="col" className="num">
          {s.label}
        </th>
      ))}
      <th scope="col" className="num">
        Total
      </th>
    </tr>
  );
}
