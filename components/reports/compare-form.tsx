type Props = { periodNumber: number; editions: number[]; current: "draft" | number; showDraft?: boolean };

/** Choose two versions of a period's report to compare (a GET form: the comparison has its own address). */
export function CompareForm({ periodNumber, editions, current, showDraft = true }: Props) {
  const options = [
    ...(showDraft ? [{ value: "draft", label: "Draft (live data)" }] : []),
    ...editions.map((n) => ({ value: String(n), label: `Edition ${n}` })),
  ];
  if (options.length < 2) return null;
  const latest = editions[editions.length - 1];
  const from = current === "draft" ? String(latest ?? "") : String(current);
  const to = current === "draft" || current !== latest ? (showDraft ? "draft" : String(latest)) : String(editions[editions.length - 2] ?? "draft");
  return (
    <form method="get" action={`/reports/${periodNumber}/compare`} className="card form-actions no-print" aria-label="Compare two versions of this report">
      <label htmlFor="compare-from">Compare</label>
      <VersionSelect id="compare-from" name="from" value={from} options={options} />
      <label htmlFor="compare-to">with</label>
      <VersionSelect id="compare-to" name="to" value={to} options={options} />
      <button type="submit" className="button button--secondary button--small">
        Compare
      </button>
    </form>
  );
}

function VersionSelect({ id, name, value, options }: { id: string; name: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <select id={id} name={name} defaultValue={value}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
