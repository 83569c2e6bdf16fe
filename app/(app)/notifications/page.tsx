import type { Metadata } from "next";
import Link from "next/link";
import { NotificationList } from "@/components/notifications/notification-list";
import { requirePageUser } from "@/lib/auth/session";
import { getNotifications } from "@/lib/data/notifications";
import { getCurrentPeriod } from "@/lib/data/periods";
import { describeNotifications, groupNotifications } from "@/lib/domain/notifications";

export const metadata: Metadata = { title: "Notifications" };

/** Every signed-in person: everything that needs their action in the current period, with no cap. */
export default async function NotificationsPage() {
  const user = await requirePageUser("/notifications");
  const [period, notifications] = await Promise.all([getCurrentPeriod(), getNotifications(user)]);
  const groups = groupNotifications(notifications);
  return (
    <>
      <h1>Notifications</h1>
      <p data-testid="notifications-summary">{describeNotifications(groups, period?.name ?? null)}</p>
      {groups.length > 0 ? (
        <NotificationList groups={groups} />
      ) : (
        <p>
          <Link href="/dashboard">Back to the dashboard</Link>
        </p>
      )}
    </>
  );
}
