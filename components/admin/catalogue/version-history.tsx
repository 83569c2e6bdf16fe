import { Fragment } from "react";
import { TextDiff } from "@/components/ui/text-diff";
import { compareWording, type ProposalVersionRow } from "@/lib/domain/catalogue";
import { formatDateTime } from "@/lib/domain/format";

/**
 * The wording history of a proposal, newest first: who made each version and when, and what it changed
 * from the version before (a word diff for the title and the description). Area names are today's; times in `timeZone`.
 */
export function VersionHistory({ versions, areaName, timeZone }: { versions: ProposalVersionRow[]; areaName: Record<string, string>; timeZone: string }) {
  if (versions.length === 0) return <p className="muted">No version is recorded yet: the first save records the current wording as version 1.</p>;
  const nameOf = (id: string) => areaName[id] ?? id;
  return (
    <ol className="timeline" data-testid="version-history">
      {versions.map((v, i) => {
        const previous = versions[i + 1] ?? null;
        const changes = compareWording(previous, v, nameOf);
        return (
          <li key={v.version} data-version={v.version}>
            <h3>Version {v.version}</h3>
            <p className="muted">
              Valid from {formatDateTime(v.validFrom, timeZone)} ·{" "}
              {v.changedByName ? `by ${v.changedByName}` : previous ? "author not recorded" : "the catalogue as first loaded"}
            </p>
            {previous && changes.length === 0 ? (
              <p className="muted">Same wording as version {previous.version}.</p>
            ) : (
              <dl className="facts">
                {changes.map((c) => (
                  <Fragment key={c.field}>
                    <dt>{previous ? `${c.label} changed` : c.label}</dt>
                    <dd data-field={c.field} style={{ minWidth: 0, overflowWrap: "anywhere" }}>
                      {c.segments ? (
                        <TextDiff segments={c.segments} />
                      ) : previous ? (
                        <>
                          {c.before} → {c.after}
                        </>
                      ) : (
                        c.after
                      )}
                    </dd>
                  </Fragment>
                ))}
              </dl>
            )}
          </li>
        );
      })}
    </ol>
  );
}
