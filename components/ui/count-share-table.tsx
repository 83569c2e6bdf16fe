/** A small table of counts and shares (status or assessment split): label, proposals, share. */
export function CountShareTable({
  caption,
  header,
  rows,
  testId,
}: {
  caption: string;
  header: string;
  rows: { key: string; label: string; count: number; share: number }[];
  testId?: string;
}) {
  return (
    <table className="report__table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{header}</th>
          <th scope="col" className="num">
            Proposals
          </th>
          <th scope="col" className="num">
            Share
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td className="num">{row.count}</td>
            <td className="num">{row.share}%</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
