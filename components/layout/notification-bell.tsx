"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { NOTIFICATION_BADGE_CLASSES, NOTIFICATION_KIND_LABELS, type Bell } from "@/lib/domain/notifications";

/**
 * What needs the user's action: a <details> disclosure, so that it opens and its links work without
 * JavaScript. With JavaScript it also closes on Escape (focus back on its button), on a click or tap
 * outside, when focus moves out of it, and on navigation (following one of its links, or any route
 * change), so that it never covers the page it led to.
 */
export function NotificationBell({ bell }: { bell: Bell }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const followedLink = useRef(false);
  const pathname = usePathname();

  useEffect(() => {
    const details = ref.current;
    if (details?.open) details.open = false;
    // A link of the panel was followed: the panel (and the focused link) is gone, so the new page's
    // main content takes focus, unless the page has put it somewhere itself.
    if (followedLink.current) {
      followedLink.current = false;
      if (!document.activeElement || document.activeElement === document.body) document.getElementById("main")?.focus({ preventScroll: true });
    }
  }, [pathname]);

  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const summary = details.querySelector("summary");
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !details.open) return;
      details.open = false;
      summary?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (details.open && !details.contains(event.target as Node)) details.open = false;
    };
    // Tabbing out of the panel closes it; a null relatedTarget (another window, a click on nothing) does not.
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      if (details.open && next && !details.contains(next)) details.open = false;
    };
    // Following a link of the panel (Enter on it is a click too); a new tab or window leaves this page as it is.
    const onClick = (event: MouseEvent) => {
      if (!(event.target as Element).closest(".bell__panel a")) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
      followedLink.current = true;
      details.open = false;
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    details.addEventListener("focusout", onFocusOut);
    details.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
      details.removeEventListener("focusout", onFocusOut);
      details.removeEventListener("click", onClick);
    };
  }, []);

  const { actionCount, label, items, hiddenCount } = bell;
  return (
    <details className="bell" data-testid="notification-bell" ref={ref}>
      <summary aria-label={label} title={label}>
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
        {actionCount > 0 && (
          <span className="bell__count" aria-hidden="true" data-testid="notification-count">
            {actionCount}
          </span>
        )}
      </summary>
      <div className="bell__panel">
        {items.length === 0 ? (
          <p>Nothing needs your action.</p>
        ) : (
          <ul>
            {items.map((item) => (
              <li key={`${item.kind}-${item.href}`}>
                <span className={`badge ${NOTIFICATION_BADGE_CLASSES[item.kind]}`}>{NOTIFICATION_KIND_LABELS[item.kind]}</span>{" "}
                <Link href={item.href}>{item.title}</Link>
                {item.detail && <div className="muted">{item.detail}</div>}
              </li>
            ))}
          </ul>
        )}
        <p className="bell__all">
          {hiddenCount > 0 && <span className="muted">{`${hiddenCount} more not shown here. `}</span>}
          <Link href="/notifications">See all notifications</Link>
        </p>
      </div>
    </details>
  );
}
