"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/**
 * The header's navigation and user menu, behind a "Menu" disclosure button on a phone (the collapsing
 * lives in the stylesheet: on a wide screen, or without JavaScript, everything shows and the button is
 * hidden). The notification bell stays in sight while the menu is closed. The menu closes on Escape
 * (focus back on the button if it was inside), on a click or tap outside, and on navigation.
 */
export function SiteMenu({ controls, children }: { /** Ids of what the button shows and hides. */ controls: string[]; children: React.ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  // Following one of its links (or any route change) closes it: state adjusted while rendering.
  const [shownPath, setShownPath] = useState(pathname);
  if (shownPath !== pathname) {
    setShownPath(pathname);
    setOpen(false);
  }
  const ref = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const menu = ref.current;
    // Capture phase: runs before the bell's own Escape handler, so that an open bell panel inside the menu
    // closes first and the menu only on the next Escape.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !menu || menu.querySelector("details[open]")) return;
      const focusInside = menu.contains(document.activeElement);
      setOpen(false);
      if (focusInside) button.current?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (menu && !menu.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKeyDown, true);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown, true);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open]);

  return (
    <div className="site-menu" data-state={open ? "open" : "closed"} ref={ref}>
      <button
        type="button"
        className="site-menu__toggle"
        aria-expanded={open}
        aria-controls={controls.join(" ")}
        onClick={() => setOpen((value) => !value)}
        ref={button}
      >
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 6h16M4 12h16M4 18h16" />}
        </svg>
        Menu
      </button>
      {children}
    </div>
  );
}
