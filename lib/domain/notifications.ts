// What needs a user's action, as the header's bell and the /notifications page show it. Pure: the rows
// come from lib/data/notifications.ts.

export type NotificationKind = "returned" | "due" | "review";

/** One thing the user has to do: a returned update, a missing update, or (managers) one update to review. */
export type Notification = { kind: NotificationKind; title: string; detail: string; href: string };

/** The bell's panel shows at most this many lines; "See all notifications" leads to the rest. */
export const BELL_MAX_ITEMS = 25;

/** In the order the bell and the page show them: what was sent back first, reviews last. */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = ["returned", "due", "review"];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = { returned: "Returned", due: "Due", review: "Review" };

/** Headings of the groups on the /notifications page. */
export const NOTIFICATION_GROUP_TITLES: Record<NotificationKind, string> = {
  returned: "Returned to you for changes",
  due: "Updates due from you",
  review: "Awaiting your review",
};

/** The badge class (colour) of each kind, shared with the status badges. */
export const NOTIFICATION_BADGE_CLASSES: Record<NotificationKind, string> = {
  returned: "badge--OFF_TRACK",
  due: "badge--AT_RISK",
  review: "badge--IN_PROGRESS",
};

/** A bell line: a notification, or all the reviews in one line (`count` actions). */
export type BellItem = Notification & { count: number };

export type Bell = {
  /** How many things need the user's action: every item, not every line. */
  actionCount: number;
  /** The accessible name of the bell's button, saying what the number is. */
  label: string;
  items: BellItem[];
  /** Lines not shown in the panel (past BELL_MAX_ITEMS). */
  hiddenCount: number;
};

/** "Notifications: 10 need your action"; the number is the one on the badge. */
export function describeActionCount(count: number): string {
  if (count === 0) return "Notifications: nothing needs your action";
  return `Notifications: ${count} ${count === 1 ? "needs" : "need"} your action`;
}

/**
 * The bell: every returned and due item on its own line, the reviews folded into one line leading to the
 * review queue, at most `max` lines. The badge counts every item.
 */
export function toBell(items: Notification[], period: { id: string; name: string } | null, max = BELL_MAX_ITEMS): Bell {
  const reviews = items.filter((n) => n.kind === "review");
  const lines: BellItem[] = items.filter((n) => n.kind !== "review").map((n) => ({ ...n, count: 1 }));
  if (reviews.length > 0) {
    lines.push({
      kind: "review",
      title: `${reviews.length} update${reviews.length === 1 ? "" : "s"} awaiting review`,
      detail: period?.name ?? "",
      href: "/review",
      count: reviews.length,
    });
  }
  // The review line is the last one: when the list is cut, it takes the last place shown.
  const shown = lines.length > max ? [...lines.slice(0, max - (reviews.length > 0 ? 1 : 0)), ...(reviews.length > 0 ? lines.slice(-1) : [])] : lines;
  return { actionCount: items.length, label: describeActionCount(items.length), items: shown, hiddenCount: lines.length - shown.length };
}

export type NotificationGroup = { kind: NotificationKind; title: string; items: Notification[] };

/** The page's groups, in NOTIFICATION_KINDS order, each keeping the order it was given; empty ones left out. */
export function groupNotifications(items: Notification[]): NotificationGroup[] {
  return NOTIFICATION_KINDS.map((kind) => ({ kind, title: NOTIFICATION_GROUP_TITLES[kind], items: items.filter((n) => n.kind === kind) })).filter(
    (g) => g.items.length > 0,
  );
}

const NOTIFICATION_SUMMARY_WORDS: Record<NotificationKind, string> = { returned: "returned", due: "due", review: "to review" };

/** The sentence above the page's groups: "3 things need your action for the 11th progress report: 1 returned, 2 due." */
export function describeNotifications(groups: NotificationGroup[], periodName: string | null): string {
  if (periodName === null) return "No reporting period is open or locked, so nothing needs your action.";
  const total = groups.reduce((sum, g) => sum + g.items.length, 0);
  if (total === 0) return `Nothing needs your action for the ${periodName}.`;
  const parts = groups.map((g) => `${g.items.length} ${NOTIFICATION_SUMMARY_WORDS[g.kind]}`);
  return `${total} ${total === 1 ? "thing needs" : "things need"} your action for the ${periodName}: ${parts.join(", ")}.`;
}
