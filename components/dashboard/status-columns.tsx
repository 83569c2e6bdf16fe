import { STATUS_SERIES } from "@/lib/domain/charts";

export { STATUS_SERIES };

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
