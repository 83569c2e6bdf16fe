import { Fragment } from "react";
import { TextDiff } from "@/components/ui/text-diff";
import { AREA_FIELD_LABELS, type AreaChange, type AreaWording } from "@/lib/domain/catalogue";
import { diffText } from "@/lib/domain/diff";
import { formatDateTime } from "@/lib/domain/format";

const label = (field: string) => AREA_FIELD_LABELS[field as keyof AreaWording] ?? field;
const text = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value ?? ""));

/** An area's changes as the audit trail recorded them (old → new of the changed fields), newest first; times in `timeZone`. */
export function AreaChanges({ changes, timeZone }: { changes: AreaChange[]; timeZone: string }) {
  if (changes.length === 0) return <p className="muted">No change since the catalogue was loaded.</p>;
  return (
    <ol className="timeline" data-testid="area-changes">
      {changes.map((change) => (
        <li key={change.id}>
          <h3>{formatDateTime(change.at, timeZone)}</h3>
          <p className="muted">{change.actorName ? `by ${change.actorName}` : "author not recorded"}</p>
          <dl className="facts">
            {Object.keys(change.after).map((field) => (
              <Fragment key={field}>
                <dt>{label(field)}</dt>
                <dd style={{ minWidth: 0, overflowWrap: "anywhere" }}>
                  <TextDiff segments={diffText(text(change.before[field]), text(change.after[field]))} />
                </dd>
              </Fragment>
            ))}
          </dl>
        </li>
      ))}
    </ol>
  );
}
