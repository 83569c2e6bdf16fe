export type CheckOption = { value: string; label: string };

/** A fieldset of checkboxes sharing one name: in a GET form each ticked one becomes `name=value` in the URL. */
export function CheckGroup({ legend, name, options, selected }: { legend: string; name: string; options: CheckOption[]; selected: readonly string[] }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="check-list">
        {options.map((o) => (
          <label key={o.value} className="check">
            <input type="checkbox" name={name} value={o.value} defaultChecked={selected.includes(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
