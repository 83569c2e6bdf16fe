import Link from "next/link";
import { StatusBadge } from "@/components/ui/badges";
import type { MyWorkGroup } from "@/lib/domain/my-work";
import { ASSESSMENT_LABELS } from "@/lib/domain/vocabulary";

/** The five groups of "My work", each a heading with its count and a list of links into the forms. */
export function MyWorkGroups({ groups }: { groups: MyWorkGroup[] }) {
  return (
    <>
      {groups.map((group) => (
        <section key={group.key} className="card" id={group.key} aria-labelledby={`${group.key}-title`} data-testid={`my-work-${group.key}`}>
          <h2 id={`${group.key}-title`}>
            {group.title} ({group.items.length})
          </h2>
          {group.items.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul className="work-list">
              {group.items.map((item) => (
                <li key={item.proposalId}>
                  <div className="work-list__head">
                    <Link href={item.href} data-testid="my-work-item">
                      {item.code} · {item.title}
                    </Link>
                    {item.action !== "View" && <span className="work-list__action">{item.action}</span>}
                  </div>
                  <div className="muted work-list__meta">
                    <span>{item.areaName}</span>
                    {item.status && (
                      <span>
                        <StatusBadge status={item.status} /> {item.progress}%{item.assessment ? `, ${ASSESSMENT_LABELS[item.assessment]}` : ""}
                      </span>
                    )}
                    {!item.follows && <span>You wrote this update; you no longer follow the proposal.</span>}
                  </div>
                  {item.returnNote && group.key === "returned" && (
                    <p className="work-list__note">
                      <strong>Note from the reviewer:</strong> {item.returnNote}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}
