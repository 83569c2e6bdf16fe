import Link from "next/link";
import type { CockpitItem } from "@/lib/domain/cockpit";
import { proposalCode } from "@/lib/domain/vocabulary";

export function CockpitList({
  id,
  title,
  items,
  empty,
  hrefSuffix = "",
}: {
  id: string;
  title: string;
  items: CockpitItem[];
  empty: string;
  hrefSuffix?: string;
}) {
  return (
    <section className="card" aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`}>
        {title} <span className="muted">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul data-testid={id}>
          {items.map((item) => (
            <li key={item.id}>
              <Link href={`/proposals/${item.id}${hrefSuffix}`}>
                {proposalCode(item.number)} · {item.title}
              </Link>{" "}
              <span className="muted">
                ({item.areaName}; {item.focalPoints.map((fp) => `${fp.name}, ${fp.organisationCode}`).join("; ") || "no focal point"})
              </span>
              {item.note && <div>{item.note}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
