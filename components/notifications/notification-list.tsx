import Link from "next/link";
import { NOTIFICATION_BADGE_CLASSES, NOTIFICATION_KIND_LABELS, type NotificationGroup } from "@/lib/domain/notifications";

/** Every notification, one section per kind (a heading and a list), each with its link. */
export function NotificationList({ groups }: { groups: NotificationGroup[] }) {
  return (
    <>
      {groups.map((group) => (
        <section key={group.kind} className="card" id={group.kind} aria-labelledby={`${group.kind}-title`} data-testid={`notifications-${group.kind}`}>
          <h2 id={`${group.kind}-title`}>
            {group.title} ({group.items.length})
          </h2>
          <ul className="notification-list">
            {group.items.map((item) => (
              <li key={item.href}>
                <Link href={item.href}>{item.title}</Link>{" "}
                <span className={`badge ${NOTIFICATION_BADGE_CLASSES[item.kind]}`}>{NOTIFICATION_KIND_LABELS[item.kind]}</span>
                {item.detail && <div className="muted">{item.detail}</div>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
