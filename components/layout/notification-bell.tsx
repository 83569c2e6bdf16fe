import Link from "next/link";
import type { Notification } from "@/lib/data/notifications";

const KIND_LABELS = { returned: "Returned", due: "Due", review: "Review" } as const;

/** What needs the user's action; a disclosure that works without JavaScript. */
export function NotificationBell({ items }: { items: Notification[] }) {
  const count = items.length;
  return (
    <details className="bell" data-testid="notification-bell">
      <summary aria-label={`Notifications: ${count === 0 ? "nothing" : count} needing your action`}>
        <svg
          aria-hidden="true"
          width="18"
          height="18"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {count > 0 && (
          <span className="bell__count" aria-hidden="true">
            {count}
          </span>
        )}
      </summary>
      <div className="bell__panel">
        {count === 0 ? (
          <p>Nothing needs your action.</p>
        ) : (
          <ul>
            {items.map((item, i) => (
              <li key={`${item.href}-${i}`}>
                <span className={`badge badge--${item.kind === "returned" ? "OFF_TRACK" : item.kind === "due" ? "AT_RISK" : "IN_PROGRESS"}`}>
                  {KIND_LABELS[item.kind]}
                </span>{" "}
                <Link href={item.href}>{item.title}</Link>
                {item.detail && <div className="muted">{item.detail}</div>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
